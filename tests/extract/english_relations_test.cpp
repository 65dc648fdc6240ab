#include <catch2/catch.hpp>

#include "relation_test_support.hpp"

#include "extract/normalizer.hpp"
#include "extract/relation_lexicon.hpp"

using chronokg::test::triples;
using V = std::vector<std::string>;

TEST_CASE("English subject, inflected verb and object, dated by the sentence", "[extract][en]") {
    CHECK(triples("On May 13, BIS revoked the AI Diffusion Rule.") ==
          V{"Bureau of Industry and Security | revokes | AI Diffusion Rule | 2025-05-13"});
}

TEST_CASE("English passives with an agent, none without", "[extract][en]") {
    CHECK(triples("The AI Diffusion Rule was rescinded by the Commerce Department on Tuesday.") ==
          V{"US Department of Commerce | revokes | AI Diffusion Rule | 2025-05-20"});
    CHECK(triples("The AI Diffusion Rule was rescinded last week.").empty());
}

TEST_CASE("English coordinated objects", "[extract][en]") {
    CHECK(triples("Nvidia will partner with TSMC and Foxconn.", "2025-05-20", true) ==
          V{"Nvidia | partners with | TSMC | - | positive planned", "Nvidia | partners with | Foxconn | - | positive planned"});
}

TEST_CASE("English pattern tails: add {O} to the Entity List", "[extract][en]") {
    CHECK(triples("BIS added Huawei to the Entity List.") ==
          V{"Bureau of Industry and Security | adds to entity list | Huawei | -"});
}

TEST_CASE("English role apposition", "[extract][en]") {
    CHECK(triples("Nvidia CEO Jensen Huang said demand is strong.").front() == "Jensen Huang | ceo of | Nvidia | -");
}

TEST_CASE("English negation", "[extract][en]") {
    CHECK(triples("BIS did not revoke the AI Diffusion Rule.", "2025-05-20", true) ==
          V{"Bureau of Industry and Security | revokes | AI Diffusion Rule | - | negative asserted"});
}

TEST_CASE("A relation's types allow a type listed whole, and every type when none is listed", "[extract][en]") {
    // The rules ask it of every candidate pair's subject and object types (inlined, the bytes
    // compared in a loop): a type that shares bytes or a length with a listed one is not it.
    const chronokg::RelationLexicon lexicon(chronokg::test::test_pack(), chronokg::Normalizer::shared());
    const V types{"ORG", "GOV", "PERSON"};
    CHECK(lexicon.allows(types, "ORG"));
    CHECK(lexicon.allows(types, "PERSON"));
    CHECK_FALSE(lexicon.allows(types, "GO"));    // a listed type's beginning
    CHECK_FALSE(lexicon.allows(types, "GOVT"));  // longer than a listed type it begins with
    CHECK_FALSE(lexicon.allows(types, "GPE"));   // a listed type's length and first byte
    CHECK_FALSE(lexicon.allows(types, "org"));   // case counts
    CHECK_FALSE(lexicon.allows(types, ""));
    CHECK(lexicon.allows({}, "CONCEPT"));
    CHECK(lexicon.allows({}, ""));
}

namespace {

// "subject | relation | object" of the events the default pack finds in `text`.
std::vector<std::string> default_pack_triples(const std::string& text) {
    static const chronokg::Extractor extractor(chronokg::test::default_pack());
    std::vector<std::string> found;
    for (const auto& e : extractor.extract(chronokg::test::article(text)))
        found.push_back(e.subject.label + " | " + e.relation + " | " + e.object.label);
    return found;
}

}  // namespace

TEST_CASE("English patterns that begin at one word and end at different ones are each read to their own end",
          "[extract][en]") {
    // `halted` (suspends) and `halted shipments to` (stops supplying) are hits at one word; the
    // words of each hit's span are found once for the hits of that span (the hits of one phrase
    // come one after another), not taken from the hit before when only its begin is the same.
    CHECK(default_pack_triples("Beijing halted shipments to Nvidia on Monday.") ==
          V{"China | stops supplying | Nvidia"});
}

TEST_CASE("An English verb form inside a name rules out that word alone, not the verbs after it",
          "[extract][en]") {
    // `Design` (designs) stands in the name Cadence Design Systems and is no verb there; whether
    // a candidate's word is in a mention is asked once a word, and `supplies` is asked afresh.
    CHECK(default_pack_triples("Cadence Design Systems supplies Nvidia.") ==
          V{"Cadence Design Systems | supplies | Nvidia"});
}

TEST_CASE("English literal objects each keep their own words", "[extract][en]") {
    // Every literal object shares one CONCEPT entity; the event's id and label come from the
    // object's own words.
    CHECK(triples("Nvidia will restrict memory sales and chip exports.") ==
          V{"Nvidia | restricts | memory sales | -", "Nvidia | restricts | chip exports | -"});
}

TEST_CASE("An English object item ends at a pronoun, a relative pronoun or a subordinator", "[extract][en]") {
    // The lists that end an item are asked of a word as one set: each of them still ends it.
    CHECK(default_pack_triples("Nvidia will supply chips they make.") == V{"Nvidia | supplies | chips"});
    CHECK(default_pack_triples("Nvidia will supply chips which Huawei uses.") == V{"Nvidia | supplies | chips"});
    CHECK(default_pack_triples("Nvidia will supply chips if Huawei pays.") == V{"Nvidia | supplies | chips"});
}

TEST_CASE("An English possessive name in an object item is its owner, not what it names", "[extract][en]") {
    // Whether a name ends at a possessive word is found by halves among the words: the word that
    // ends there, not the one after it.
    CHECK(default_pack_triples("Nvidia will supply the unit of Huawei's partner SMIC.") ==
          V{"Nvidia | supplies | SMIC"});
    CHECK(default_pack_triples("Nvidia will supply Huawei's chip unit.") == V{"Nvidia | supplies | Huawei"});
}

TEST_CASE("An English verb's clause opens at the last `that` before it", "[extract][en]") {
    // `the deal` is the subject of the second clause, which the last `that` opens, not the
    // speaker's pronoun the first one is followed by: no event of Nvidia's.
    CHECK(default_pack_triples(
              "Nvidia said on Monday that it will partner with TSMC and that the deal will supply Huawei.") ==
          V{"Nvidia | partners with | TSMC"});
}

TEST_CASE("Every English candidate of one verb takes the date found for its first", "[extract][en]") {
    // The candidates are made in place at the end of the sentence's list; the later ones of a
    // verb read the date from the first, which stands just before them. Here the rules decide
    // there is no date of the act (one from which a rule takes effect is none): the second
    // candidate too, not left to the extractor's choice (July 23).
    const V found = triples("BIS added Huawei and SMIC to the Entity List, effective from July 23.");
    REQUIRE(found.size() == 2);
    CHECK(found[0] == "Bureau of Industry and Security | adds to entity list | Huawei | -");
    CHECK(found[1] == "Bureau of Industry and Security | adds to entity list | SMIC | -");
}

TEST_CASE("An English object item finds its name in a group that begins before the item", "[extract][en]") {
    // The groups that end before an item or begin after it are passed over; `TSMC and Foxconn`
    // is one group, begun before the item `Foxconn`.
    CHECK(default_pack_triples("Nvidia will partner with TSMC and Foxconn.") ==
          V{"Nvidia | partners with | TSMC", "Nvidia | partners with | Foxconn"});
}

TEST_CASE("An English name set off by commas after a subject in its segment is no subject", "[extract][en]") {
    // What stands before a group is looked at only once a subject was found before it.
    CHECK(triples("The Commerce Department, BIS, revoked the AI Diffusion Rule.") ==
          V{"US Department of Commerce | revokes | AI Diffusion Rule | -"});
}

TEST_CASE("After an English speech verb a pronoun stands for the speaker", "[extract][en]") {
    CHECK(default_pack_triples("Nvidia said it would partner with TSMC.") == V{"Nvidia | partners with | TSMC"});
    CHECK(default_pack_triples("Nvidia said they would partner with TSMC.") == V{"Nvidia | partners with | TSMC"});
    CHECK(default_pack_triples("Nvidia said Intel would partner with TSMC.") == V{"Intel | partners with | TSMC"});
}

TEST_CASE("An English negation inside a phrase that holds one without negating is no negation", "[extract][en]") {
    // The phrases (`not only`) are sought only where a negation stands in the verb's window.
    const V found = triples("BIS not only revoked the AI Diffusion Rule.", "2025-05-20", true);
    REQUIRE(found.size() == 1);
    CHECK(found.front() == "Bureau of Industry and Security | revokes | AI Diffusion Rule | - | positive asserted");
}

TEST_CASE("An English verb in a sentence's first segment takes the date of a speech verb after it", "[extract][en]") {
    // The times of the sentence are read for a leading adverbial or a speech verb's date only
    // where either may be: past the first segment, or in a sentence with a speech verb.
    CHECK(triples("BIS added Huawei to the Entity List, its spokesman said on Monday.") ==
          V{"Bureau of Industry and Security | adds to entity list | Huawei | 2025-05-19"});
}

TEST_CASE("An English verb joined to the one before by `and` takes every subject of that verb", "[extract][en]") {
    // The subjects are read where the noun group holds them (not copied for each verb): the
    // second verb reads the whole group the first one found.
    CHECK(default_pack_triples("Nvidia and AMD will partner with TSMC and supply Huawei.") ==
          V{"Nvidia | partners with | TSMC", "Nvidia | supplies | Huawei", "AMD | partners with | TSMC",
            "AMD | supplies | Huawei"});
}

TEST_CASE("English agentless passives each give an event with an unknown subject when asked for", "[extract][en]") {
    // Each passive's unknown subject has a slot of its own among the sentence's lists.
    chronokg::ExtractorOptions options;
    options.agentless_passives = true;
    const chronokg::Extractor extractor(chronokg::test::test_pack(), options);
    CHECK(triples("The AI Diffusion Rule was rescinded and Huawei was added to the Entity List.", "2025-05-20",
                  false, extractor) == V{"unknown | revokes | AI Diffusion Rule | -", "unknown | adds to entity list | Huawei | -"});
}

TEST_CASE("Each English verb of a sentence has objects of its own", "[extract][en]") {
    // The verbs' objects are filled, verb after verb, into one list of the sentence's set: the
    // second verb's objects hold none of the first one's.
    CHECK(default_pack_triples("Nvidia will supply Huawei and partner with TSMC.") ==
          V{"Nvidia | supplies | Huawei", "Nvidia | partners with | TSMC"});
}

TEST_CASE("Every English candidate of a sentence is kept past the room its list is made with", "[extract][en]") {
    // Two subjects and three objects: six candidates, more than the four the list has room for
    // at first.
    CHECK(default_pack_triples("Nvidia and AMD will supply Huawei, SMIC and Xiaomi.") ==
          V{"Nvidia | supplies | Huawei", "Nvidia | supplies | SMIC", "Nvidia | supplies | Xiaomi",
            "AMD | supplies | Huawei", "AMD | supplies | SMIC", "AMD | supplies | Xiaomi"});
}

TEST_CASE("An English verb's subject is the last group before it that a walk in text order takes", "[extract][en]") {
    // The groups are sought from the verb back: a group a preposition governs is passed over for
    // one before it, and a name set off by commas gives way to the group taken before it in its
    // segment, itself sought back from there.
    CHECK(default_pack_triples("Nvidia in China will supply Huawei.") == V{"Nvidia | supplies | Huawei"});
    CHECK(default_pack_triples("Nvidia, with TSMC, will supply Huawei.") == V{"Nvidia | supplies | Huawei"});
    CHECK(default_pack_triples("In China, Nvidia will supply Huawei.") == V{"Nvidia | supplies | Huawei"});
    CHECK(default_pack_triples("Nvidia, AMD, Intel, will supply Huawei.") == V{"Nvidia | supplies | Huawei"});
}

// A name after `, which` / `, who` / `, whose` stands in a relative clause and is no subject of
// the verb after it. The words after a comma are those the cut into segments lists, sentence by
// sentence, and each is asked whether it is a relative pronoun only when it has the first and
// last byte and the length of one (ASCII case aside): any case must count.
TEST_CASE("English relative clauses after a comma are told in any case", "[extract][en]") {
    const V samsung{"Samsung Electronics | restricts | Huawei | -"};
    CHECK(triples("Samsung, who met TSMC, restricted exports to Huawei.") == samsung);
    CHECK(triples("Samsung, whose partner is TSMC, restricted exports to Huawei.") == samsung);
    CHECK(triples("Samsung, Whose partner is TSMC, restricted exports to Huawei.") == samsung);
    CHECK(triples("Samsung, WHO met TSMC, restricted exports to Huawei.") == samsung);
    CHECK(triples("Samsung, who met TSMC, restricted exports to Huawei. Nvidia said TSMC restricted exports to "
                  "Huawei. Samsung, whose partner is TSMC, restricted exports to Huawei.") ==
          V{"Samsung Electronics | restricts | Huawei | -", "TSMC | restricts | Huawei | -",
            "Samsung Electronics | restricts | Huawei | -"});
}
