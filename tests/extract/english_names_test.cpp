#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "extract/english_names.hpp"

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
