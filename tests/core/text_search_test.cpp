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
