#include <catch2/catch.hpp>

#include "extract/english_tokens.hpp"

using namespace chronokg;

TEST_CASE("a word compared lower-cased in place equals its lower_copy", "[extract][english]") {
    for (const char* word : {"Korean", "KOREAN", "korean", "Koreans", "U.S.", "", "x"})
        for (const char* lower : {"korean", "korea", "u.s.", "", "x"})
            for (const char* suffix : {"", "s", "es"}) {
                INFO(word << " " << lower << " " << suffix);
                CHECK(lower_equals(word, lower, suffix) == (lower_copy(word) == std::string(lower) + suffix));
            }
}
