#include <catch2/catch.hpp>

#include <string_view>

#include "extract/word_shapes.hpp"

using namespace chronokg;

TEST_CASE("a word is ruled out by its ends only when no added word has them", "[extract][cues]") {
    // WordListsIndex asks this before it hashes a word: a listed word ruled out would lose its
    // lists, so every added word must pass in every ASCII case.
    WordShapes shapes;
    for (std::string_view word : {"said", "U.S.", "according to", "a"}) shapes.add(word);
    for (std::string_view word : {"said", "Said", "SAID", "sAiD", "u.s.", "U.S.", "According To", "A", "a"}) {
        INFO(word);
        CHECK(shapes.may_have_ends_of(word));
    }
    // Only the ends and the length are compared: a word between them may still pass.
    CHECK(shapes.may_have_ends_of("sand"));
    // A word with another first byte, last byte or length has no added word's ends.
    for (std::string_view word : {"paid", "sail", "saids", "sad", "b", "U.S", "according"}) {
        INFO(word);
        CHECK_FALSE(shapes.may_have_ends_of(word));
    }
}
