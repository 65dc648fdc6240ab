#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "extract/offset_map.hpp"

using namespace chronokg;

TEST_CASE("every normalized byte maps back to its own piece, among any number of segments", "[extract][normalize]") {
    // Pieces alternate between a run copied byte for byte (three bytes) and a character folded
    // shorter (three bytes to one, as `，` to `,`), so that no two merge: a map of 1 to 80
    // segments, each of its bytes looked up, alone and as the end of a range from the first.
    using Span = std::pair<std::size_t, std::size_t>;
    for (std::size_t pieces = 1; pieces <= 80; ++pieces) {
        OffsetMap map;
        std::vector<Span> expected;  // original span of each normalized byte
        std::size_t norm = 0;
        std::size_t orig = 0;
        for (std::size_t piece = 0; piece < pieces; ++piece) {
            if (piece % 2 == 0) {
                map.add(norm, 3, orig, orig + 3);
                for (std::size_t i = 0; i < 3; ++i) expected.emplace_back(orig + i, orig + i + 1);
                norm += 3;
            } else {
                map.add(norm, 1, orig, orig + 3);
                expected.emplace_back(orig, orig + 3);
                norm += 1;
            }
            orig += 3;
        }
        REQUIRE(map.segments() == pieces);
        for (std::size_t at = 0; at < norm; ++at) {
            INFO(pieces << " pieces, normalized byte " << at);
            CHECK(map.to_original(at, at + 1) == expected[at]);
            CHECK(map.to_original(0, at + 1) == Span{0, expected[at].second});
        }
        CHECK(map.to_original(norm, norm) == Span{orig, orig});
    }
}
