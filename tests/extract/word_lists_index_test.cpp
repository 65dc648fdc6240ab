#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/ascii.hpp"
#include "extract/cue_words.hpp"
#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {

// The lists text[range] is a word of, asked of each list's own matcher (the answer
// CueWords::lists_of_word gives through its hash of the word, WordListsIndex).
CueSet lists_by_matchers(const CueWords& cues, const char* lang, std::string_view text, TextRange range) {
    CueSet lists;
    for (const auto& name : RulePack::known_lexicons()) {
        const CueId id(name);
        if (cues.match_at(id, lang, text, range.begin, range.end) == range.size()) lists.set(id.index());
    }
    return lists;
}

std::string upper(std::string word) {
    for (char& c : word)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return word;
}

}  // namespace

TEST_CASE("a word's lists found by its hash are the lists each list's matcher puts it in", "[extract][cues]") {
    // The index packs a word of up to 16 bytes into two integers, read sixteen bytes at a time
    // where the text has them, lower-cased eight bytes at a time; longer words go to the trie.
    // Every list word, in four spellings, alone (at the text's end: the short read), with room
    // after it, and touching letters, digits and brackets (the word-edge rule).
    const CueWords cues(test::default_pack(), Normalizer::shared());
    std::size_t listed = 0;
    std::size_t long_words = 0;
    for (const char* lang : {"en", "zh"})
        for (const auto& name : RulePack::known_lexicons())
            for (const std::string& word : cues.words(CueId(name), lang)) {
                std::string capitalized = ascii_lower(word);
                if (!capitalized.empty()) capitalized[0] = static_cast<char>(upper(capitalized.substr(0, 1))[0]);
                for (const std::string& spelling : {word, ascii_lower(word), upper(word), capitalized})
                    for (const auto& [before, after] : std::vector<std::pair<std::string, std::string>>{
                             {"", ""}, {"", " and some more words after it"}, {"a ", "."}, {"x", ""},
                             {"", "s and more"}, {"7", "9"}, {"(", ") more words"}, {"\"", "\" "}}) {
                        const std::string text = before + spelling + after;
                        const TextRange range{before.size(), before.size() + spelling.size()};
                        INFO(lang << " " << name << " \"" << text << "\"");
                        const CueSet lists = cues.lists_of_word(lang, text, range);
                        CHECK(lists == lists_by_matchers(cues, lang, text, range));
                        listed += lists.count();
                        if (spelling.size() > WordListsIndex::kLongest) ++long_words;
                    }
            }
    CHECK(listed > 10000);
    CHECK(long_words > 100);  // the trie still answers for some
}

TEST_CASE("a word's hash lower-cases A to Z only", "[extract][cues]") {
    // Bytes past ASCII whose low seven bits spell a capital (0xC1–0xDA) stay as they are: were
    // they lower-cased with the letters, 0xC4 0xB8 0xAD would be found as 中 (0xE4 0xB8 0xAD).
    // And the bytes either side of A–Z (`@`, `[`) and of a–z (`` ` ``, `{`) are not letters.
    const CueWords cues(test::default_pack(), Normalizer::shared());
    std::size_t changed = 0;
    for (const char* lang : {"en", "zh"})
        for (const auto& name : RulePack::known_lexicons())
            for (const std::string& word : cues.words(CueId(name), lang))
                for (std::size_t i = 0; i < word.size(); ++i) {
                    const auto c = static_cast<unsigned char>(word[i]);
                    std::vector<unsigned char> others;
                    if (c >= 0xE1 && c <= 0xFA) others.push_back(static_cast<unsigned char>(c - 0x20));
                    if (c == 'a' || c == 'A') others.insert(others.end(), {'`', '@'});
                    if (c == 'z' || c == 'Z') others.insert(others.end(), {'{', '['});
                    for (const unsigned char other : others) {
                        std::string text = word;
                        text[i] = static_cast<char>(other);
                        text += " after";
                        const TextRange range{0, word.size()};
                        INFO(lang << " " << name << " \"" << text << "\"");
                        CHECK(cues.lists_of_word(lang, text, range) == lists_by_matchers(cues, lang, text, range));
                        ++changed;
                    }
                }
    CHECK(changed > 1000);
}

TEST_CASE("a word's lists are the same at any length and place in the text", "[extract][cues]") {
    // Ranges of 1 to 24 bytes all over the example articles: across the 8- and 16-byte steps of
    // the packing, and ending near the text's end, where fewer than sixteen bytes are left.
    const CueWords cues(test::default_pack(), Normalizer::shared());
    std::mt19937 random(20261207);
    std::size_t ranges = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/examples/articles")) {
        const std::string folded = Normalizer::shared().normalize(test::read_file(entry.path().string())).text;
        if (folded.size() < 32) continue;
        std::uniform_int_distribution<std::size_t> at(0, folded.size() - 1);
        std::vector<TextRange> tried;
        for (std::size_t length = 1; length <= 24; ++length) {
            for (int i = 0; i < 20; ++i) {
                const std::size_t begin = at(random);
                tried.push_back({begin, std::min(folded.size(), begin + length)});
            }
            if (length <= folded.size()) tried.push_back({folded.size() - length, folded.size()});
        }
        for (const TextRange r : tried)
            for (const char* lang : {"en", "zh"}) {
                INFO(lang << " \"" << folded.substr(r.begin, r.size()) << "\"");
                CHECK(cues.lists_of_word(lang, folded, r) == lists_by_matchers(cues, lang, folded, r));
                ++ranges;
            }
    }
    CHECK(ranges > 1000);
}

TEST_CASE("a word known to hold no capital is found in the same lists with its bytes not lowered",
          "[extract][cues]") {
    // EnglishToken asks with Capitals::none for its lower-case words: the look-up then packs their
    // bytes as they are. Every English list word of small letters and hyphens, of up to sixteen
    // bytes, with more text after it (the bytes read past the word must still be masked off) and
    // at the text's end: the lists each list's matcher puts it in, and at least one when no
    // letter runs on after it.
    const CueWords cues(test::default_pack(), Normalizer::shared());
    std::size_t asked = 0;
    for (const auto& name : RulePack::known_lexicons())
        for (const std::string& word : cues.words(CueId(name), "en")) {
            const bool small = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || c == '-';
            });
            if (!small || word.size() > WordListsIndex::kLongest) continue;
            for (const std::string after : {"", " and some more words after it", "s and more"}) {
                const std::string text = word + after;
                const TextRange range{0, word.size()};
                INFO(name << " \"" << text << "\"");
                CueSet lists;
                cues.add_lists_of_english_word(text, range, lists, CueWords::Capitals::none);
                CHECK(lists == lists_by_matchers(cues, "en", text, range));
                if (!after.starts_with("s")) CHECK(lists.any());
                ++asked;
            }
        }
    CHECK(asked > 1000);
}
