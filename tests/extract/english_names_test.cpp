#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "extract/cue_words.hpp"
#include "extract/english_names.hpp"
#include "extract/extractor.hpp"
#include "extract/normalizer.hpp"
#include "../test_support.hpp"

using namespace chronokg;


// The document memory's word sets answer as a set would, searched as a list while small and
// hashed once large, also for words put in after a question (the hash must not go stale).
TEST_CASE("the names memory's word sets answer as sets, small or large", "[extract][english]") {
    for (const std::size_t n : {std::size_t{3}, std::size_t{2048}, std::size_t{2049}, std::size_t{5000}}) {
        INFO(n << " words");
        std::vector<std::string> words;
        for (std::size_t i = 0; i < n; ++i) words.push_back(fmt::format("w{}", i));
        EnglishNames::Memory::WordSet set;
        for (const auto& w : words) set.insert(w);
        for (const auto& w : words) set.insert(w);  // repeats, as a document has them
        CHECK(set.contains(words.front()));
        CHECK(set.contains(words.back()));
        CHECK(set.count(words[n / 2]) == 1);
        CHECK_FALSE(set.contains(fmt::format("w{}", n)));
        CHECK_FALSE(set.contains(""));
        const std::string later = "later";
        set.insert(later);  // after the questions: a hash built for them takes it in too
        CHECK(set.contains(later));
    }
}

// Settled after each sentence as start() settles them (the test of whether to hash inline in
// settle()): a set past kListed words is hashed, and the words of the sentences after, few, are
// hashed too, not left listed where a hashed set does not look.
TEST_CASE("the names memory's word sets settled sentence by sentence keep every word", "[extract][english]") {
    for (const std::size_t n : {std::size_t{3}, std::size_t{2048}, std::size_t{2049}, std::size_t{5000}}) {
        INFO(n << " words");
        EnglishNames::Memory::WordSet set;
        std::vector<std::string> words;
        for (std::size_t i = 0; i < n; ++i) words.push_back(fmt::format("w{}", i));
        for (const auto& w : words) set.insert(w);
        set.settle();
        const std::vector<std::string> later = {"later", "still later"};
        for (const auto& w : later) {
            set.insert(w);  // a short sentence after
            set.settle();
        }
        CHECK(set.contains(words.front()));
        CHECK(set.contains(words.back()));
        CHECK(set.contains("later"));
        CHECK(set.contains("still later"));
        CHECK_FALSE(set.contains(fmt::format("w{}", n)));
    }
}

// What a sentence teaches the document's memory (Memory::remember, which reads the words through
// pointers of its own): its lower-case words, and its capitalized words but the first word, a word
// after a colon or a full stop and a word a bracket or quote opens before (those open a sentence);
// a sentence of one word or none teaches nothing.
TEST_CASE("the names memory remembers a sentence's words after its first", "[extract][english]") {
    const CueWords cues(test::default_pack(), Normalizer::shared());
    const std::string text = "Acme said the Zorblax unit (Quux) rose: Beta grew, and Gamma fell";
    EnglishNames::Memory memory;
    memory.remember(english_tokens(text, TextRange{0, text.size()}, cues));
    for (const std::string_view lower : {"said", "the", "unit", "rose", "grew", "and", "fell"}) {
        INFO(lower);
        CHECK(memory.lower_case.contains(lower));
        CHECK_FALSE(memory.capitalized_inside.contains(lower));
    }
    CHECK(memory.capitalized_inside.contains("Zorblax"));
    CHECK(memory.capitalized_inside.contains("Gamma"));  // the last word too
    for (const std::string_view opening : {"Acme", "Quux", "Beta"}) {
        INFO(opening);
        CHECK_FALSE(memory.capitalized_inside.contains(opening));
        CHECK_FALSE(memory.lower_case.contains(opening));
    }
    CHECK_FALSE(memory.lower_case.contains("acme"));

    EnglishNames::Memory one_word;
    const std::string alone = "Acme";
    one_word.remember(english_tokens(alone, TextRange{0, alone.size()}, cues));
    one_word.remember({});
    CHECK_FALSE(one_word.capitalized_inside.contains("Acme"));
    CHECK_FALSE(one_word.lower_case.contains("acme"));
}

// A listed word set tells words of one length apart by every byte, the first, the last and those
// between (the list is searched by length, first and last byte before the whole word is compared).
TEST_CASE("the names memory's listed word set tells words apart by every byte", "[extract][english]") {
    EnglishNames::Memory::WordSet set;
    for (const std::string_view w : {"cat", "cot", "dog", "a", "tart"}) set.insert(w);
    set.settle();  // few words: they stay listed
    CHECK(set.contains("cat"));
    CHECK(set.contains("cot"));
    CHECK(set.contains("a"));
    CHECK(set.contains("tart"));
    CHECK_FALSE(set.contains("cut"));   // first and last byte of `cat`, the middle one not
    CHECK_FALSE(set.contains("tact"));  // first and last of `tart`
    CHECK_FALSE(set.contains("cats"));
    CHECK_FALSE(set.contains("b"));
}

// Whether a word holds a Latin letter is read sixteen bytes at a time where the word has them
// (has_letter): a headline is told by the words with a letter, so a last word of Chinese and
// punctuation makes three capitalized words a headline, unless a letter is somewhere in it, at
// any byte, of either case; the bytes next to the letters ('@', '[', '`', '{') and accented
// ones are no letters.
TEST_CASE("a word with a Latin letter anywhere in it counts among a line's words", "[extract][english]") {
    const CueWords cues(test::default_pack(), Normalizer::shared());
    const std::string filler = "中@`{Á0_ú\\|~9";  // no letter
    std::string no_letter;
    for (int i = 0; i < 4; ++i) no_letter += filler;
    for (std::size_t at = 1; at <= no_letter.size(); ++at) {
        for (const char letter : {'a', 'z', 'A', 'Z', 'q'}) {
            for (const bool with_letter : {false, true}) {
                std::string word = no_letter;
                if (with_letter) word.insert(at, 1, letter);
                const std::string text = "Acme Group Holdings " + word;
                INFO(text);
                const auto words = english_tokens(text, TextRange{0, text.size()}, cues);
                REQUIRE(words.size() == 4);
                CHECK(EnglishNames::title_case(words, 0, words.size()) == !with_letter);
            }
        }
    }
}

// The words under a known name are passed over together (sequences() skips the rest of the
// mention at its first word): the name is one whole mention, no word of it starts a guessed
// name, and the capitalized name right after it is still found, as is the one after that.
TEST_CASE("a guessed name right after a known multi-word name is found, the known name kept whole", "[extract][english]") {
    const Extractor extractor(test::default_pack());
    std::vector<std::string> found;
    for (const auto& e : extractor.extract(test::article("Cadence Design Systems, Zorblax Robotics and AMD supply Nvidia.")))
        found.push_back(e.subject.label + " | " + e.relation + " | " + e.object.label);
    CHECK(found == std::vector<std::string>{"Cadence Design Systems | supplies | Nvidia",
                                            "Zorblax Robotics | supplies | Nvidia", "AMD | supplies | Nvidia"});
}

// A lower-case term before an acronym in brackets that its initials spell is a name of its own,
// and the acronym names it later on (defined_terms(), which looks for the words that both open
// and close, reading the sentence's words through a pointer of its own).
TEST_CASE("a lower-case term defined by an acronym in brackets is a name, and so is the acronym later", "[extract][english]") {
    const Extractor extractor(test::default_pack());
    std::vector<std::string> found;
    const auto events = extractor.extract(
        test::article("Nvidia signed the joint venture agreement (JVA) with Zorblax. Huawei later signed the JVA too."));
    for (const auto& e : events)
        found.push_back(e.subject.label + " | " + e.relation + " | " + e.object.label + " " + e.object.type);
    CHECK(found == std::vector<std::string>{"Nvidia | signs | joint venture agreement POLICY",
                                            "Huawei | signs | joint venture agreement POLICY"});
}

// `the Department` names the entity last named with that word (the `the` before it compared in
// place, ASCII case aside, as a lower-case copy of the word compared): `THE Department` too;
// after another word it is a guessed name of its own, and a lone word no entity was named with
// names nothing (`the Ministry`: the verb's object is then the agreement).
TEST_CASE("the Department names the department named before it", "[extract][english]") {
    const Extractor extractor(test::default_pack());
    const auto objects = [&](const std::string& text) {
        std::vector<std::string> found;
        for (const auto& e : extractor.extract(test::article(text)))
            found.push_back(e.subject.label + " | " + e.relation + " | " + e.object.id);
        return found;
    };
    const std::string first = "Nvidia signed an agreement with the Department of Commerce. ";
    const std::vector<std::string> both = {"Nvidia | signs agreement with | us-commerce",
                                           "Huawei | signs agreement with | us-commerce"};
    CHECK(objects(first + "Huawei later signed an agreement with the Department too.") == both);
    CHECK(objects(first + "Huawei later signed an agreement with THE Department too.") == both);
    CHECK(objects(first + "Huawei later signed an agreement with one Department too.") ==
          std::vector<std::string>{"Nvidia | signs agreement with | us-commerce",
                                   "Huawei | signs agreement with | department"});
    CHECK(objects(first + "Huawei later signed an agreement with the Ministry too.") ==
          std::vector<std::string>{"Nvidia | signs agreement with | us-commerce", "Huawei | signs | agreement"});
}
