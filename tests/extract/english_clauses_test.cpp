#include <catch2/catch.hpp>

#include "relation_test_support.hpp"

using chronokg::test::triples;
using V = std::vector<std::string>;

// A subordinator (`after`, `while`, `before` …) cuts the sentence into segments, and a name
// before it is no subject of the verb after it. The cut finds the words the subordinators begin
// at once a sentence and steps through them in text order as it reads the words.
TEST_CASE("English subordinators cut the sentence, each one where it begins", "[extract][en]") {
    // The first of two: the cut at `while` must not hide the one at `after`.
    CHECK(triples("Nvidia grew while Samsung waited after the government restricted exports.").empty());
    // One that opens the sentence cuts nothing there, and hides none after it either.
    CHECK(triples("While Nvidia grew Samsung waited after the government restricted exports.").empty());
    // Without a subordinator between them, the name before is the subject.
    CHECK(triples("Samsung waited after the government restricted exports before Nvidia restricted exports.") ==
          V{"Nvidia | restricts | exports | -"});
}

// A comma, semicolon, colon or a dash standing alone after a word cuts the sentence too; the
// cut passes the words without one at a single test each. A time expression dates the verbs of
// its own segment: the one before the cut is not the later verb's.
TEST_CASE("English segments end at a semicolon or a dash standing alone", "[extract][en]") {
    CHECK(triples("BIS added Huawei to the Entity List on May 13; Nvidia restricted exports on Tuesday.") ==
          V{"Bureau of Industry and Security | adds to entity list | Huawei | 2025-05-13",
            "Nvidia | restricts | exports | 2025-05-20"});
    CHECK(triples("BIS added Huawei to the Entity List on May 13 — Nvidia restricted exports on Tuesday.") ==
          V{"Bureau of Industry and Security | adds to entity list | Huawei | 2025-05-13",
            "Nvidia | restricts | exports | 2025-05-20"});
}

// A sentence's predicates are read into the list the sentence before left (its room kept, not
// made again): each sentence relates its own verbs only. `shipped` relates nothing; the
// predicate of `restricted` before it, left over, would make it `restricts` there.
TEST_CASE("English predicates of one sentence do not carry over to the next", "[extract][en]") {
    CHECK(triples("Samsung shipped chips to Huawei on Tuesday.").empty());
    CHECK(triples("Nvidia restricted exports. Samsung shipped chips to Huawei on Tuesday.") ==
          V{"Nvidia | restricts | exports | -"});
    CHECK(triples("Nvidia restricted exports. Samsung expanded production in Korea.") ==
          V{"Nvidia | restricts | exports | -"});
}

// A loose pattern's noun (`deal` of `strike a deal with`) is read in each of its forms (`deal`,
// `deals`; `talk` for `talks`; `taxes` for `tax`) and after a determiner and up to three
// modifiers. Before the walk, a pattern is passed over when no word of the window after the verb
// has its noun's first letter and the length of one of those forms: the farthest place the noun
// may stand (the sixth word after the verb, behind the pattern's own determiner) and every form
// must still be let through.
TEST_CASE("English loose patterns find their noun in every form, as far after the verb as it may stand", "[extract][en]") {
    const V deal{"Nvidia | reaches deal with | Samsung Electronics | -"};
    CHECK(triples("Nvidia strikes a deal with Samsung.") == deal);
    CHECK(triples("Nvidia strikes deals with Samsung.") == deal);
    CHECK(triples("Nvidia strikes such a large new exclusive deal with Samsung.") == deal);
    CHECK(triples("Nvidia strikes such a large new exclusive DEALS with Samsung.") == deal);
    CHECK(triples("Nvidia holds talks with Samsung.") == V{"Nvidia | holds talks with | Samsung Electronics | -"});
    CHECK(triples("Nvidia holds talk with Samsung.") == V{"Nvidia | holds talks with | Samsung Electronics | -"});
    chronokg::RulePack pack = chronokg::test::test_pack();
    pack.add_text("tax.jsonl", "{\"chronokg_rules\": 1, \"kind\": \"relations\"}\n"
                               "{\"id\": \"taxes\", \"relation\": \"taxes\", \"en\": [\"impose a tax on\"]}\n");
    const chronokg::Extractor extractor(pack);
    CHECK(triples("BIS imposed taxes on Huawei.", "2025-05-20", false, extractor) ==
          V{"Bureau of Industry and Security | taxes | Huawei | -"});
    CHECK(triples("BIS imposed a tax on Huawei.", "2025-05-20", false, extractor) ==
          V{"Bureau of Industry and Security | taxes | Huawei | -"});
}

// The verb forms of loose patterns are looked up by the word as written, hashed by its first and
// last eight bytes with bit 0x20 set (a capital and its small letter alike) and compared
// lower-cased (a word of small letters only as it is). A form of each size is found; a longer
// word that differs from a form only in a middle byte (which the hash leaves out: the ninth of
// 17) is not that form, nor is a short one that differs in one byte. A form with a capital is
// found too.
TEST_CASE("English loose verb forms are found at any length, and only they", "[extract][en]") {
    chronokg::RulePack pack = chronokg::test::test_pack();
    pack.add_text("forms.jsonl", "{\"chronokg_rules\": 1, \"kind\": \"relations\"}\n"
                                 "{\"id\": \"ties\", \"relation\": \"ties up with\", \"en\": [\"tie up with\"]}\n"
                                 "{\"id\": \"intl\", \"relation\": \"internationalizes with\", "
                                 "\"en\": [\"internationalize a deal with\"]}\n");
    const chronokg::Extractor extractor(pack);
    auto relations = [&](const std::string& text) { return triples(text, "2025-05-20", false, extractor); };
    const V ties{"Nvidia | ties up with | Samsung Electronics | -"};
    CHECK(relations("Nvidia will tie up with Samsung.") == ties);
    CHECK(relations("Nvidia ties up with Samsung.") == ties);
    const V deal{"Nvidia | reaches deal with | Samsung Electronics | -"};
    CHECK(relations("Nvidia strikes a deal with Samsung.") == deal);
    CHECK(relations("Nvidia is striking a deal with Samsung.") == deal);
    const V intl{"Nvidia | internationalizes with | Samsung Electronics | -"};
    CHECK(relations("Nvidia internationalizes a deal with Samsung.") == intl);
    CHECK(relations("Nvidia internationalises a deal with Samsung.") == intl);
    CHECK(relations("Nvidia internatzonalizes a deal with Samsung.").empty());
    CHECK(relations("Nvidia strokes a deal with Samsung.").empty());
    CHECK(relations("Striking a big deal with Samsung, Nvidia gained.") == deal);
    CHECK(relations("Striking deals with Samsung, Nvidia gained.") == deal);
    CHECK(relations("Nvidia said: Strike a big deal with Samsung.") == deal);
    // Every word is asked, the first and the last too, and the window after one verb is emptied
    // for the next.
    CHECK(relations("Nvidia ties up with Samsung and strikes a deal with TSMC.") ==
          V{"Nvidia | ties up with | Samsung Electronics | -", "Nvidia | reaches deal with | TSMC | -"});
    CHECK(relations("Nvidia ties up with Samsung and strikes a deal with TSMC and ties up with Huawei") ==
          V{"Nvidia | ties up with | Samsung Electronics | -", "Nvidia | reaches deal with | TSMC | -",
            "Nvidia | ties up with | Huawei | -"});
}

// A piece after a comma with no verb joins the piece before (its dates date that piece's verbs);
// an auxiliary (`was`, `had`, `must`) is a verb. cut_segments asks whether a word is an auxiliary
// only of words with an auxiliary's first and last byte and length (ASCII case aside): the
// others are no auxiliary without a look-up of their lists. Every form and case must still count.
TEST_CASE("English pieces whose only verb is an auxiliary stand alone, in any case", "[extract][en]") {
    const V dated_by_sentence{"Bureau of Industry and Security | issues | rule | 2019-05"};
    for (const std::string aux : {"was due to take", "WAS due to take", "Was due to take", "had no", "HAS no",
                                  "being due to take", "must take"})
        CHECK(triples("Last week, BIS issued the rule, and in January " + aux + " effect.", "2019-05-13") ==
              dated_by_sentence);
    // Without one, the piece joins the one before, and its date is the verb's.
    CHECK(triples("Last week, BIS issued the rule, and in January due to take effect.", "2019-05-13") ==
          V{"Bureau of Industry and Security | issues | rule | 2019-01"});
}

// A lemma right after a plain word, with no auxiliary, `to` or pronoun before, is a noun
// (`tangled supply chains`); another form of it there is a verb. Whether the verb is its lemma
// is decided by comparing the word with the pattern's first word: as it is for a word of small
// letters, lowered for another.
TEST_CASE("English lemmas after a plain word are nouns, their other forms verbs", "[extract][en]") {
    const V restricts{"Samsung Electronics | restricts | Huawei | -"};
    CHECK(triples("Samsung and local makers restrict exports to Huawei.").empty());
    CHECK(triples("Samsung and local makers restricted exports to Huawei.") == restricts);
    CHECK(triples("Samsung will restrict exports to Huawei.") == restricts);
    CHECK(triples("Samsung and local makers build fabs in Korea.").empty());
    CHECK(triples("Samsung and local makers built fabs in Korea.") == V{"Samsung Electronics | builds in | Korea | -"});
}

// The candidates' hits are chosen among (the longest first) only when a sentence has two or
// more; with none or one, the sentence's own hits are its predicates. Each sentence of an
// article reads its own, whatever the one before held.
TEST_CASE("English sentences with none, one or several verbs each read their own", "[extract][en]") {
    CHECK(triples("Samsung signed a deal with TSMC and restricted exports to Huawei. Nvidia restricted exports to "
                  "TSMC. Nvidia shipped chips. Samsung will build a fab in Texas.") ==
          V{"Samsung Electronics | signs | deal | -", "Samsung Electronics | restricts | Huawei | -",
            "Nvidia | restricts | TSMC | -", "Samsung Electronics | builds in | Texas | -"});
}

// Whether a verb ends in -ing (a gerund, which opens a phrase here) is decided once for the
// candidates at one word, and again at the next word.
TEST_CASE("English gerunds are told apart word by word", "[extract][en]") {
    CHECK(triples("Building fabs, Samsung restricted exports to Huawei.") ==
          V{"Samsung Electronics | builds | fabs | -", "Samsung Electronics | restricts | Huawei | -"});
    CHECK(triples("Samsung restricted exports to Huawei, building fabs in Texas.") ==
          V{"Samsung Electronics | restricts | Huawei | -", "Samsung Electronics | builds in | Texas | -"});
}

// Names joined by a comma alone, with no list word closing the list (`In Japan, Samsung`), are
// split into groups of their own. The split groups are made in a list a thread that is taken
// again sentence after sentence: each sentence's groups are its own.
TEST_CASE("English names joined by a comma alone stand apart, sentence after sentence", "[extract][en]") {
    CHECK(triples("In Korea, in Japan, Samsung restricted exports to Huawei. In Texas, Nvidia restricted exports to "
                  "TSMC. Samsung, TSMC and Nvidia restricted exports to Huawei.") ==
          V{"Samsung Electronics | restricts | Huawei | -", "Nvidia | restricts | TSMC | -",
            "Samsung Electronics | restricts | Huawei | -", "TSMC | restricts | Huawei | -",
            "Nvidia | restricts | Huawei | -"});
}

// Between two names joined by a list word one determiner may stand (`and the`, `and its`), and
// a pattern's words after its object may have one where the pattern has none (`to its Entity
// List`). Those words are asked whether they are determiners only when they have the first and
// last byte and the length of one (ASCII case aside): every determiner must still count.
TEST_CASE("English determiners between names and in a pattern's tail are told in any case", "[extract][en]") {
    const V both{"Samsung Electronics | restricts | Huawei | -", "Nvidia | restricts | Huawei | -"};
    CHECK(triples("Samsung and the Nvidia restricted exports to Huawei.") == both);
    CHECK(triples("Samsung and its Nvidia restricted exports to Huawei.") == both);
    CHECK(triples("Samsung and THE Nvidia restricted exports to Huawei.") == both);
    const V added{"Bureau of Industry and Security | adds to entity list | Huawei | -"};
    CHECK(triples("BIS added Huawei to the Entity List.") == added);
    CHECK(triples("BIS added Huawei to its Entity List.") == added);
    CHECK(triples("BIS added Huawei to THE Entity List.") == added);
    CHECK(triples("BIS added Huawei to this Entity List.") == added);
}

// A loose pattern's modifiers (up to three words between its verb and its noun) are no name of
// an actor: `strikes a Huawei deal with` is about Huawei. The words are asked their marks and
// lists first and the mentions last; a name of another kind, or a plain word, is a modifier.
TEST_CASE("English loose patterns pass modifiers but not an actor's name", "[extract][en]") {
    CHECK(triples("Nvidia strikes a new deal with Samsung.") == V{"Nvidia | reaches deal with | Samsung Electronics | -"});
    CHECK(triples("Nvidia strikes a Huawei deal with Samsung.").empty());
}

// `to` and a verb is an act only when a word such as `plans to` governs it: the cue must end
// right at `to` (its hits are asked in place, each for where it ends).
TEST_CASE("English infinitives are acts only when governed", "[extract][en]") {
    CHECK(triples("Nvidia plans to restrict exports.") == V{"Nvidia | restricts | exports | -"});
    CHECK(triples("Nvidia met on Monday to restrict exports.").empty());
}
