#include <catch2/catch.hpp>

#include "extract/segmenter.hpp"

using namespace chronokg;

namespace {
std::vector<std::string> sentences(const Segmenter& s, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& sentence : s.split(text)) out.push_back(text.substr(sentence.range.begin, sentence.range.size()));
    return out;
}
}  // namespace

TEST_CASE("Chinese sentences end at 。!? and line breaks, quotes stay with them", "[extract][segment]") {
    const Segmenter s({});
    CHECK(sentences(s, "甲宣布。乙表示:“好。”丙呢?\n丁") ==
          std::vector<std::string>{"甲宣布。", "乙表示:“好。”", "丙呢?", "丁"});
}

TEST_CASE("English sentences do not end after abbreviations or initials", "[extract][segment]") {
    const Segmenter s({"U.S.", "Corp.", "Dr."});
    CHECK(sentences(s, "The U.S. Commerce Department acted. C. C. Wei spoke at TSMC Corp. today. It ended.") ==
          std::vector<std::string>{"The U.S. Commerce Department acted.", "C. C. Wei spoke at TSMC Corp. today.",
                                   "It ended."});
    CHECK(sentences(s, "Version 2.0 shipped. next").size() == 1);  // a lower-case word does not start a sentence
}

TEST_CASE("clauses split at commas outside quotes, brackets and numbers", "[extract][segment]") {
    const Segmenter s({});
    const std::string text = "BIS宣布,撤销《A,B》规则,涉及1,000家企业,“甲,乙”。";
    const auto split = s.split(text);
    REQUIRE(split.size() == 1);
    std::vector<std::string> clauses;
    for (const auto& c : split[0].clauses) clauses.push_back(text.substr(c.begin, c.size()));
    CHECK(clauses == std::vector<std::string>{"BIS宣布", "撤销《A,B》规则", "涉及1,000家企业", "“甲,乙”"});
}

TEST_CASE("a dateline bracket opening a sentence is a clause of its own", "[extract][segment]") {
    const Segmenter s({});
    const std::string text = "【新唐人北京时间2022年10月08日讯】美国商务部周五宣布新规。";
    const auto split = s.split(text);
    REQUIRE(split.size() == 1);
    REQUIRE(split[0].clauses.size() == 2);
    CHECK(text.substr(split[0].clauses[1].begin, split[0].clauses[1].size()) == "美国商务部周五宣布新规");
}

TEST_CASE("text without terminators is cut into bounded sentences at clause marks or spaces [issue8]",
          "[extract][segment][issue8]") {
    const Segmenter s({});
    std::string words;
    while (words.size() < 10'000) words += "word ";
    std::string hanzi;
    while (hanzi.size() < 10'000) hanzi += "没有标点的文字";
    for (const std::string& text : {words, hanzi, std::string(10'000, 'x')}) {
        const auto found = s.split(text);
        REQUIRE(found.size() >= 5);
        std::size_t covered = 0;
        for (const auto& sentence : found) {
            CHECK(sentence.range.size() <= Segmenter::kMaxSentenceBytes);
            covered += sentence.range.size();
            // Cut at a character boundary: every piece is whole UTF-8.
            CHECK((static_cast<unsigned char>(text[sentence.range.begin]) & 0xC0) != 0x80);
        }
        CHECK(covered + 2 * found.size() >= text.size());  // nothing lost but the spaces at the cuts
    }
    CHECK(sentences(s, words).front().back() == 'd');  // cut after a word, not inside one
}

TEST_CASE("a terminator or a run of them and of closing quotes never passes the bound (found by fuzzing) [issue8]",
          "[extract][segment][issue8]") {
    const Segmenter s({});
    const std::size_t max = Segmenter::kMaxSentenceBytes;
    const std::string near(max - 1, 'x');
    for (const std::string& text : {near + "。after", near + std::string(5'000, '?'), "Word." + std::string(5'000, ')'),
                                    near + "!" + std::string(3'000, '"') + " next", std::string(9'000, '!')}) {
        INFO(text.substr(max - 4, 12));
        std::size_t previous_end = 0, covered = 0;
        for (const auto& sentence : s.split(text)) {
            CHECK(sentence.range.size() <= max);
            CHECK(sentence.range.begin >= previous_end);
            previous_end = sentence.range.end;
            covered += sentence.range.size();
        }
        CHECK(covered + 1 >= text.size());  // nothing dropped but a space
    }
    // Below the bound nothing changes: the terminator and its closers stay with the sentence.
    CHECK(sentences(s, "甲宣布!?”乙") == std::vector<std::string>{"甲宣布!?”", "乙"});
}
