// find_first and find_last must answer exactly as std::string_view::find and rfind do: the
// Chinese relation rules read frames (与…合作, 对…) and 的 through them.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_search.hpp"

using chronokg::find_first;
using chronokg::find_last;

TEST_CASE("find_first and find_last find what string_view's find and rfind find", "[core]") {
    // Characters that share first bytes and last bytes with each other (的 E7 9A 84, 与 E4 B8 8E,
    // 对 E5 AF B9, 向 E5 90 91, 在 E5 9C A8), ASCII, and a stray continuation byte.
    const std::vector<std::string> pieces = {"的", "与", "对", "向", "在", "a", " ", "\x84", "对与", "中国"};
    std::mt19937 random(7);
    auto text_of = [&](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += pieces[random() % pieces.size()];
        return s;
    };
    std::size_t found = 0;
    for (int round = 0; round < 4000; ++round) {
        const std::string haystack = text_of(random() % 12);
        std::string needle = text_of(1 + random() % 2);
        if (round % 5 == 0 && !haystack.empty()) {  // a needle cut from the haystack itself
            const std::size_t at = random() % haystack.size();
            needle = haystack.substr(at, 1 + random() % 6);
        }
        INFO("haystack \"" << haystack << "\", needle \"" << needle << "\"");
        const std::string_view h(haystack);
        REQUIRE(find_first(h, needle) == h.find(needle));
        REQUIRE(find_last(h, needle) == h.rfind(needle));
        found += h.find(needle) != std::string_view::npos;
    }
    CHECK(found > 1000);  // the rounds found needles often, not only missed them
}

TEST_CASE("find_first and find_last at the edges of the text", "[core]") {
    CHECK(find_first("的与对", "的") == 0);
    CHECK(find_last("的与对", "对") == 6);
    CHECK(find_first("的与的", "的") == 0);
    CHECK(find_last("的与的", "的") == 6);
    CHECK(find_first("的", "的与") == std::string_view::npos);
    CHECK(find_last("", "的") == std::string_view::npos);
    CHECK(find_first("对", "") == 0);
    CHECK(find_last("对", "") == 3);
    // A needle whose last byte stands before its first in the text is no match.
    CHECK(find_last("\x84\xE7\x9A", "的") == std::string_view::npos);
    CHECK(find_first("\x9A\x84\xE7", "的") == std::string_view::npos);
}

TEST_CASE("ByteSet::find_in finds the first byte of the set in a range, sixteen at a time or one", "[core]") {
    static constexpr chronokg::ByteSet kMarks{"\n.,\xE3\xE2"};
    const std::string marks = "\n.,\xE3\xE2";
    // Texts of ASCII, Chinese (E4–E9 lead bytes, continuation bytes) and now and then a mark.
    const std::vector<std::string> pieces = {"a", " ", "中", "国", "x y", "。", ",", ".", "\n", "—", "的话"};
    std::mt19937 random(11);
    std::size_t found = 0, long_ranges = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const std::size_t length = random() % 30;
        for (std::size_t i = 0; i < length; ++i) text += pieces[random() % (round % 3 == 0 ? 5 : pieces.size())];
        const std::size_t from = text.empty() ? 0 : random() % (text.size() + 1);
        const std::size_t to = random() % (text.size() + 1);
        std::size_t expected = from;
        while (expected < to && marks.find(text[expected]) == std::string::npos) ++expected;
        INFO("text \"" << text << "\", from " << from << " to " << to);
        REQUIRE(kMarks.find_in(text, from, to) == expected);
        found += expected < to;
        long_ranges += to >= from + 16 && expected >= from + 16;  // a block stepped over whole
    }
    CHECK(found > 500);
    CHECK(long_ranges > 100);
    CHECK(kMarks.contains('.'));
    CHECK_FALSE(kMarks.contains('a'));
}

TEST_CASE("ByteSet::find_in reads a long range's last bytes in one block ending at its end", "[core]") {
    // A range of sixteen bytes or more ends in a block that ends where the range does: marks in it
    // before `from` (read already) and marks at or after `to` are not found, a mark between is.
    static constexpr chronokg::ByteSet kMarks{",\xE3"};
    for (std::size_t from = 0; from <= 24; ++from) {
        for (std::size_t to = from + 16; to <= 60; ++to) {
            for (std::size_t at = 0; at < 64; ++at) {
                std::string text(64, 'a');
                text[at] = at % 2 == 0 ? ',' : '\xE3';
                const std::size_t expected = at >= from && at < to ? at : to;
                INFO("from " << from << " to " << to << ", mark at " << at);
                REQUIRE(kMarks.find_in(text, from, to) == expected);
            }
        }
    }
}

TEST_CASE("ByteSet::find_in finds the bytes of its set and no other byte, bytes one bit apart included", "[core]") {
    // `(` `)`, `:` `;` and E2 E3 differ in one bit, and `(` and `,` in another: each byte value in
    // a block of sixteen is found exactly when it is one of the set.
    static constexpr chronokg::ByteSet kClauseMarks{"()[]\",;:\xE2\xE3"};
    static constexpr chronokg::ByteSet kPairsSharingABit{"\x28\x2A\x29\x2B"};
    const std::string clause_marks = "()[]\",;:\xE2\xE3";
    for (int value = 0; value < 256; ++value) {
        std::string text(32, 'a');
        text[21] = static_cast<char>(value);
        const bool in_clause_marks = clause_marks.find(static_cast<char>(value)) != std::string::npos;
        INFO("byte " << value);
        CHECK(kClauseMarks.find_in(text, 0, text.size()) == (in_clause_marks ? 21 : 32));
        const bool in_pairs = value >= 0x28 && value <= 0x2B;
        CHECK(kPairsSharingABit.find_in(text, 0, text.size()) == (in_pairs ? 21 : 32));
    }
}
