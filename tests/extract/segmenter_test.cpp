#include <catch2/catch.hpp>

#include <cctype>
#include <random>

#include "core/utf8.hpp"
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

TEST_CASE("a sentence's first byte and the bytes before its closing 。 count as any other", "[extract][segment]") {
    const Segmenter s({});
    const auto clauses_of = [&](const std::string& text) {
        const auto split = s.split(text);
        REQUIRE(split.size() == 1);
        std::vector<std::string> clauses;
        for (const auto& c : split[0].clauses) clauses.push_back(text.substr(c.begin, c.size()));
        return clauses;
    };
    // A quote opening the sentence holds its commas (the walk to the first clause byte starts at it).
    CHECK(clauses_of("“甲,乙”,丙。") == std::vector<std::string>{"“甲,乙”", "丙"});
    CHECK(clauses_of("\"Yes, no,\" he said, then left.") ==
          std::vector<std::string>{"\"Yes, no,\" he said", "then left"});
    // A comma or a closing quote right before the closing 。 still counts (the walk stops at the 。).
    CHECK(clauses_of("甲,乙,。") == std::vector<std::string>{"甲", "乙"});
    CHECK(clauses_of("甲「乙,丙」。") == std::vector<std::string>{"甲「乙,丙」"});
    CHECK(clauses_of("【新华社电】甲,乙。") == std::vector<std::string>{"【新华社电】", "甲", "乙"});
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

namespace {
// Clauses as split_clauses first found them, stepping a character at a time (the segmenter now
// steps over bytes that cannot matter in a tight loop): the boundaries must not change.
std::vector<TextRange> reference_clauses(std::string_view text, TextRange sentence) {
    auto trimmed = [&](std::size_t b, std::size_t e) {
        while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
        while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
        return TextRange{b, e};
    };
    std::vector<TextRange> clauses;
    int depth = 0;
    bool in_quote = false, dateline = false;
    std::size_t begin = sentence.begin;
    for (std::size_t pos = sentence.begin; pos < sentence.end;) {
        const char c = text[pos];
        std::size_t next = pos;
        const char32_t cp = utf8::decode(text, next);
        const std::size_t len = next - pos;
        if (pos == sentence.begin && (cp == U'(' || cp == U'[' || cp == U'【')) dateline = true;
        if (cp == U'(' || cp == U'[' || cp == U'“' || cp == U'「' || cp == U'『' || cp == U'《' || cp == U'【' || cp == U'‘') ++depth;
        else if ((cp == U')' || cp == U']' || cp == U'”' || cp == U'」' || cp == U'』' || cp == U'》' || cp == U'】' || cp == U'’') && depth > 0) --depth;
        else if (cp == U'"') in_quote = !in_quote;
        if (dateline && depth == 0 && pos > sentence.begin) {
            dateline = false;
            clauses.push_back(trimmed(begin, pos + len));
            begin = pos + len;
        } else if ((c == ',' || c == ';' || c == ':') && depth == 0 && !in_quote) {
            const bool in_number = c == ',' && pos > sentence.begin && pos + 1 < sentence.end && std::isdigit(static_cast<unsigned char>(text[pos - 1])) &&
                                   std::isdigit(static_cast<unsigned char>(text[pos + 1]));
            if (!in_number) {
                const TextRange clause = trimmed(begin, pos);
                if (!clause.empty()) clauses.push_back(clause);
                begin = pos + 1;
            }
        }
        pos += len;
    }
    std::size_t end = trimmed(begin, sentence.end).end;
    auto terminator = [&](std::size_t at) -> std::size_t {
        if (at > begin && (text[at - 1] == '.' || text[at - 1] == '!' || text[at - 1] == '?')) return 1;
        if (at >= begin + 3 && text.substr(at - 3, 3) == "。") return 3;
        return 0;
    };
    for (bool changed = true; changed;) {
        changed = false;
        if (const std::size_t n = terminator(end)) {
            end -= n;
            changed = true;
        } else {
            for (std::string_view quote : {"\"", "”", "」", "』", "’"})
                if (end >= begin + quote.size() && text.substr(end - quote.size(), quote.size()) == quote &&
                    terminator(end - quote.size())) {
                    end -= quote.size();
                    changed = true;
                    break;
                }
        }
    }
    const TextRange clause = trimmed(begin, end);
    if (!clause.empty()) clauses.push_back(clause);
    return clauses;
}
}  // namespace

TEST_CASE("clauses and sentences are cut where a character-by-character reading cuts them", "[extract][segment][issue7]") {
    const Segmenter s({"U.S."});
    // Brackets, quotes, clause marks and terminators of both scripts among plain words, digits and
    // other characters whose UTF-8 bytes lead with E2, E3 or others. (Every closing quote that
    // split_clauses strips with a terminator before it, told by its last bytes, is among them.)
    const std::vector<std::string> pieces = {"(", ")", "[", "]", "\"", ",", ";", ":", ".", "!", "?", "“", "”", "「", "」",
                                             "《", "》", "【", "】", "‘", "’", "。", ",", "—", "€", "中", "國", "a", "Bc",
                                             " ", "\n", "1", "2", "U.S.", "é", "『", "』"};
    std::mt19937 random(11);
    std::size_t clauses = 0;
    for (int trial = 0; trial < 4000; ++trial) {
        std::string text;
        const int length = static_cast<int>(random() % 60);
        for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
        INFO(text);
        std::size_t covered = 0;
        for (const auto& sentence : s.split(text)) {
            const auto expected = reference_clauses(text, sentence.range);
            REQUIRE(sentence.clauses.size() == expected.size());
            for (std::size_t k = 0; k < expected.size(); ++k) {
                CHECK(sentence.clauses[k].begin == expected[k].begin);
                CHECK(sentence.clauses[k].end == expected[k].end);
            }
            clauses += expected.size();
            CHECK(sentence.range.begin >= covered);  // in order, never overlapping
            covered = sentence.range.end;
        }
    }
    CHECK(clauses > 10000);
}

TEST_CASE("white space of every kind trims sentences and ends the word before a dot, other bytes do not",
          "[extract][segment]") {
    const Segmenter s({"Dr."});
    CHECK(sentences(s, " \t\v\fIt rained.\r\n\f It ended. ") == std::vector<std::string>{"It rained.", "It ended."});
    // An abbreviation after white space, `(` or `"` is one; glued to a letter it is a word like
    // any other (`h` and `` ` `` are 64 past `(` and the space: only bytes below 64 are looked up).
    CHECK(sentences(s, "Ask\tDr. Lee, (Dr. Kim) or \"Dr. Wu\" now.").size() == 1);
    CHECK(sentences(s, "It was shDr. Lee came.") == std::vector<std::string>{"It was shDr.", "Lee came."});
    CHECK(sentences(s, "`It rained. `It ended.`") == std::vector<std::string>{"`It rained.", "`It ended.`"});
}
