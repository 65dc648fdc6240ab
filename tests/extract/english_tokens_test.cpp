#include <catch2/catch.hpp>

#include "core/ascii.hpp"
#include "extract/english_tokens.hpp"

using namespace chronokg;

TEST_CASE("a word compared lower-cased in place equals its ascii_lower", "[extract][english]") {
    for (const char* word : {"Korean", "KOREAN", "korean", "Koreans", "U.S.", "", "x"})
        for (const char* lower : {"korean", "korea", "u.s.", "", "x"})
            for (const char* suffix : {"", "s", "es"}) {
                INFO(word << " " << lower << " " << suffix);
                CHECK(lower_equals(word, lower, suffix) == (ascii_lower(word) == std::string(lower) + suffix));
            }
}
