// write_chunks_in_order(): chunks formatted on several threads come out in order, as on one.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "export/ordered_chunks.hpp"

using namespace chronokg;

namespace {

// Item i is its number and a line break; later chunks are quicker, so on several threads they
// finish before earlier ones and only the writing order keeps the file right.
std::string written(std::size_t items, std::size_t chunk, unsigned threads) {
    std::ostringstream out;
    io::write_chunks_in_order(out, items, chunk, threads, [&](std::size_t begin, std::size_t end, std::string& text) {
        if (threads > 1 && begin < items / 2) std::this_thread::sleep_for(std::chrono::microseconds(200));
        for (std::size_t i = begin; i < end; ++i) text += std::to_string(i) + "\n";
    });
    return out.str();
}

}  // namespace

TEST_CASE("chunks formatted on several threads are written in order, as on one [issue7]", "[export][issue7]") {
    std::string expected;
    for (std::size_t i = 0; i < 1001; ++i) expected += std::to_string(i) + "\n";
    for (const std::size_t chunk : {1, 7, 100, 1000, 1001, 5000}) {
        for (const unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
            INFO("chunk " << chunk << ", threads " << threads);
            CHECK(written(1001, chunk, threads) == expected);
        }
    }
    CHECK(written(0, 10, 4).empty());
    CHECK(written(5, 0, 2) == "0\n1\n2\n3\n4\n");  // a chunk of no items is taken as one
}

TEST_CASE("an error formatting a chunk reaches the caller after the other threads stop [issue7]", "[export][issue7]") {
    for (const unsigned threads : {1u, 2u, 4u}) {
        INFO("threads " << threads);
        std::atomic<int> running{0};
        std::ostringstream out;
        CHECK_THROWS_WITH(io::write_chunks_in_order(out, 100, 10, threads,
                                                    [&](std::size_t begin, std::size_t, std::string& text) {
                                                        ++running;
                                                        std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                                        text += "x";
                                                        --running;
                                                        if (begin == 30) throw std::runtime_error("chunk 3 failed");
                                                    }),
                          "chunk 3 failed");
        CHECK(running == 0);        // no thread still formatting
        CHECK(out.str() == "xxx");  // the chunks before the failed one, and nothing after it
    }
}
