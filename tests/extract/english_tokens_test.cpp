#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/ascii.hpp"
#include "extract/english_tokens.hpp"
#include "extract/normalizer.hpp"
#include "../test_support.hpp"

using namespace chronokg;

TEST_CASE("a word compared lower-cased in place equals its ascii_lower", "[extract][english]") {
    for (const char* word : {"Korean", "KOREAN", "korean", "Koreans", "U.S.", "", "x"})
        for (const char* lower : {"korean", "korea", "u.s.", "", "x"})
            for (const char* suffix : {"", "s", "es"}) {
                INFO(word << " " << lower << " " << suffix);
                CHECK(lower_equals(word, lower, suffix) == (ascii_lower(word) == std::string(lower) + suffix));
            }
}

// Plain words are read four bytes a round up to the sentence's end (plain_word_at): a word ends
// at its own last byte whatever its length and wherever the round or the sentence ends, and is
// lower case only when every byte is.
TEST_CASE("plain English words end at their own last byte, of any length, up to the sentence's end",
          "[extract][english]") {
    const CueWords cues(test::default_pack(), Normalizer::shared());
    for (const std::string word : {"a", "ab", "abc", "abcd", "abcde", "abcdefgh", "abcdefghi", "A", "Ab", "Abcd",
                                   "Abcdefghi", "abC", "abcD", "abcdefgH", "x-ray", "Mate60", "-ab"}) {
        for (const std::string after : {"", ",", " the", ", and more words"}) {
            const std::string text = "so " + word + after;
            INFO('"' << text << '"');
            const auto words = english_tokens(text, TextRange{0, text.size()}, cues);
            REQUIRE(words.size() >= 2);
            CHECK(words[1].word == word);
            CHECK(words[1].range.begin == 3);
            CHECK(words[1].range.end == 3 + word.size());
            CHECK(words[1].after == (after.starts_with(",") ? ',' : 0));
            const bool lower = word.front() != '-' && std::all_of(word.begin(), word.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || c == '-';
            });
            CHECK(words[1].lower_word() == lower);
            // Cut short inside the word: the sentence's end ends it.
            const auto cut = english_tokens(text, TextRange{0, 3 + word.size() - 1}, cues);
            if (word.size() > 1) {
                REQUIRE(cut.size() == 2);
                CHECK(cut[1].word == word.substr(0, word.size() - 1));
            }
        }
    }
}

// plain_word_at() classes the byte its skip of small letters stops at once, and reads on past it
// only when it is a capital or a digit: small letters stopped by an inner dot are a word with
// dots (`e.g.`), read as other chunks are, not a plain word before a dot. And a plain word that
// ends where the sentence ends, with more text after it, steps past the sentence's end: it is the
// sentence's last word.
TEST_CASE("small letters stopped by an inner dot keep the dots; a plain word at the sentence's end is its last",
          "[extract][english]") {
    const CueWords cues(test::default_pack(), Normalizer::shared());
    for (const std::string chunk : {"e.g.", "x.y.", "ab.cd."}) {
        for (const std::string tail : {"", " then"}) {
            const std::string text = "as " + chunk + tail;
            INFO('"' << text << '"');
            const auto words = english_tokens(text, TextRange{0, text.size()}, cues);
            REQUIRE(words.size() >= 2);
            CHECK(words[1].word == chunk);
            CHECK(words[1].after == 0);
            CHECK_FALSE(words[1].lower_word());
        }
    }
    const std::string text = "so beta gamma, delta and more";
    struct Cut {
        std::size_t end;    // the sentence's end
        std::string last;   // its last word
        char after;         // the mark after that word
    };
    for (const Cut& c : {Cut{13, "gamma", 0}, Cut{14, "gamma", ','}, Cut{7, "beta", 0}, Cut{20, "delta", 0}}) {
        INFO(c.end);
        const auto words = english_tokens(text, TextRange{0, c.end}, cues);
        REQUIRE_FALSE(words.empty());
        CHECK(words.back().word == c.last);
        CHECK(words.back().after == c.after);
        CHECK(words.back().range.end <= c.end);
    }
}

// english_tokens() tells each word where to look its lists up as it cuts it, with no second pass
// over the words: a plain word and a word with punctuation around it both answer, and so do the
// words KeptWords kept and gives back.
TEST_CASE("every word english_tokens cuts answers which cue lists it is in, kept or not", "[extract][english]") {
    const CueWords cues(test::default_pack(), Normalizer::shared());
    const std::string text = "They did not (\"not\") approve it, not.";
    const TextRange range{0, text.size()};
    KeptWords kept(1);
    kept.keep(0, english_tokens(text, range, cues));
    for (const auto& words : {english_tokens(text, range, cues), kept.take(0, text, range, cues)}) {
        std::size_t negations = 0;
        for (const auto& t : words) negations += t.word == "not" && t.in("negation");
        CHECK(negations == 3);
        CHECK_FALSE(words[0].in("negation"));
    }
}

// A plain word before a dot (the last word of most sentences) is read without the scan of the
// other chunks: the dot then ends the sentence, unless it belongs to the word, an initial or an
// abbreviation, which keeps it, as a word with other punctuation around it does.
TEST_CASE("a dot after a plain word ends the sentence unless the word is an initial or an abbreviation",
          "[extract][english]") {
    const CueWords cues(test::default_pack(), Normalizer::shared());
    struct Case {
        std::string last;  // the sentence's last chunk
        std::string word;  // its word
        char after;        // the mark after the word
    };
    for (const Case& c : {Case{"rose.", "rose", '.'}, Case{"Corp.", "Corp.", 0}, Case{"corp.", "corp.", 0},
                          Case{"C.", "C.", 0}, Case{"c.", "c", '.'}, Case{"5.", "5", '.'}, Case{"x-ray.", "x-ray", '.'},
                          Case{"Co.", "Co.", 0}, Case{"Coat.", "Coat", '.'}, Case{"(rose).", "rose", '.'}}) {
        for (const std::string tail : {"", " Then"}) {
            const std::string text = "It was " + c.last + tail;
            INFO('"' << text << '"');
            const auto words = english_tokens(text, TextRange{0, text.size()}, cues);
            REQUIRE(words.size() >= 3);
            CHECK(words[2].word == c.word);
            CHECK(words[2].after == c.after);
            CHECK(words[2].lower_word() == (c.word == "rose" || c.word == "c" || c.word == "x-ray"));
        }
    }
}

// token_at_or_after() guesses the index from where `pos` lies between the first word and the last
// and steps from there, or searches when the words' lengths put the guess far off: every position
// of a sentence gets the first word that begins at or after it, as a scan from the first word does.
TEST_CASE("the first word at or after a position is found in sentences of even and uneven words",
          "[extract][english]") {
    const CueWords cues(test::default_pack(), Normalizer::shared());
    CHECK(token_at_or_after({}, 0) == 0);
    const std::string long_word(300, 'x');
    for (const std::string& text : {std::string("word"), std::string("The ministry did not approve the sale, it said."),
                                   "a b c d e f g h i j k l m n o p q r s t u v w x y z " + long_word + " end",
                                   long_word + " a b c d e f g h i j k l m n o p q r s t u v w x y z",
                                   std::string("  (\"Quoted\") words,   spaced — far  apart. ")}) {
        const auto words = english_tokens(text, TextRange{0, text.size()}, cues);
        REQUIRE(!words.empty());
        for (std::size_t pos = 0; pos <= text.size() + 1; ++pos) {
            std::size_t expected = 0;
            while (expected < words.size() && words[expected].range.begin < pos) ++expected;
            INFO('"' << text << "\" at " << pos);
            CHECK(token_at_or_after(words, pos) == expected);
        }
    }
}

// A word looks its lists up in the whole text it was cut from (EnglishToken keeps the text's
// size, and finds its start from the word's own view): a byte just outside the sentence still
// decides whether the word's edges fit (`not` cut from `knot` or `nota` is no negation), and a
// word near the text's end, with fewer than sixteen bytes after it, is read within the text.
TEST_CASE("a word's lists are looked up in the whole text, the bytes around the sentence included",
          "[extract][english]") {
    const CueWords cues(test::default_pack(), Normalizer::shared());
    struct Case {
        std::string text;
        TextRange range;  // the sentence, whose one word is `not`
        bool negation;    // whether that word is in the `negation` list
    };
    for (const Case& c : {Case{"not", {0, 3}, true}, Case{"so not", {3, 6}, true}, Case{"knot", {1, 4}, false},
                          Case{"nota", {0, 3}, false}, Case{"it is not at all a good deal, they said", {6, 9}, true},
                          Case{"it is xnot at all a good deal, they said", {7, 10}, false},
                          Case{"(not)", {1, 4}, true}, Case{"not,", {0, 4}, true}}) {
        INFO('"' << c.text << "\" " << c.range.begin << "–" << c.range.end);
        KeptWords kept(1);
        kept.keep(0, english_tokens(c.text, c.range, cues));
        for (const auto& words : {english_tokens(c.text, c.range, cues), kept.take(0, c.text, c.range, cues)}) {
            REQUIRE(words.size() == 1);
            CHECK(words[0].word == "not");
            CHECK(words[0].in("negation") == c.negation);
            CHECK(words[0].lists() == cues.lists_of_word("en", c.text, words[0].range));
        }
    }
}

// english_tokens() spares a word inside its sentence the word-edge test of its look-up (the bytes
// around it are a space, a mark, a quote or a dash): only the first word and the last, at the
// sentence's ends, may touch a letter outside it, and are tested. Each `not` below is in the
// `negation` list unless a letter outside the sentence runs into it.
TEST_CASE("a sentence's first and last word are tested against the bytes outside it, the others not",
          "[extract][english]") {
    const CueWords cues(test::default_pack(), Normalizer::shared());
    struct Case {
        std::string text;
        TextRange range;
        std::vector<bool> negations;  // for each `not` of the sentence, in order
    };
    for (const Case& c : {Case{"knot at all", {1, 11}, {false}}, Case{"it is nota", {0, 9}, {false}},
                          Case{"xnot it is not", {1, 14}, {false, true}},
                          Case{"not it is notx", {0, 13}, {true, false}},
                          Case{"it is not so", {0, 12}, {true}}, Case{"x(not so, not)x", {1, 14}, {true, true}},
                          Case{"it is not, not so", {0, 17}, {true, true}}}) {
        INFO('"' << c.text << "\" " << c.range.begin << "–" << c.range.end);
        KeptWords kept(1);
        kept.keep(0, english_tokens(c.text, c.range, cues));
        for (const auto& words : {english_tokens(c.text, c.range, cues), kept.take(0, c.text, c.range, cues)}) {
            std::vector<bool> negations;
            for (const auto& t : words) {
                if (t.word == "not") negations.push_back(t.in("negation"));
                CHECK(t.lists() == cues.lists_of_word("en", c.text, t.range));
            }
            CHECK(negations == c.negations);
        }
    }
}
