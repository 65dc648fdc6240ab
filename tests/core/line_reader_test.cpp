#include <catch2/catch.hpp>

#include <sstream>

#include "core/line_reader.hpp"

using chronokg::LineReader;

namespace {
std::vector<std::string> all_lines(const std::string& text, std::string prefix = {}) {
    std::istringstream in(text);
    LineReader reader(in, std::move(prefix));
    std::vector<std::string> out;
    std::string line;
    while (reader.next(line)) out.push_back(line);
    return out;
}
}  // namespace

TEST_CASE("lines end at LF, CRLF or a lone CR, and the ends are not kept [issue8]", "[core][issue8]") {
    using v = std::vector<std::string>;
    CHECK(all_lines("a\nb\r\nc\rd") == v{"a", "b", "c", "d"});
    CHECK(all_lines("a\r\n\r\nb\n") == v{"a", "", "b"});
    CHECK(all_lines("\r\r") == v{"", ""});
    CHECK(all_lines("") == v{});
    // The sniffed prefix comes first, and a CRLF split between it and the stream is one end.
    CHECK(all_lines("\nrest", "head\r") == v{"head", "rest"});
    // Lines longer than a read chunk come whole.
    CHECK(all_lines(std::string(200'000, 'x') + "\r\ny").front().size() == 200'000);
}

TEST_CASE("a line longer than the limit is cut and flagged, not held whole [issue8]", "[core][issue8]") {
    std::istringstream in("short\n" + std::string(100, 'x') + "\nafter\r");
    LineReader lines(in, "", 10);
    std::string line;
    REQUIRE(lines.next(line));
    CHECK_FALSE(lines.too_long());
    REQUIRE(lines.next(line));
    CHECK(lines.too_long());
    CHECK(line == "xxxxxxxxxx");
    REQUIRE(lines.next(line));
    CHECK(line == "after");
    CHECK(lines.line_number() == 3);
    CHECK_FALSE(lines.next(line));
}

TEST_CASE("lines of every ending come right across read chunks, a lone CR file too [issue7]", "[core][issue7]") {
    // Lines of 0 to 60 bytes ended by LF, CRLF or a lone CR in a pseudo-random order, over
    // several of the reader's 64 KiB chunks (ends split between two chunks among them), and a
    // file of lone CR ends alone: the reader remembers where the next LF is between lines. (No
    // empty line ended by LF after a lone CR: the two ends would be one CRLF.)
    for (const bool lone_cr_only : {false, true}) {
        std::string text;
        std::vector<std::string> expected;
        std::uint32_t state = 12345;
        bool after_lone_cr = false;
        while (text.size() < 300'000) {
            state = state * 1103515245u + 12345u;
            std::size_t length = (state >> 16) % 61;
            if (after_lone_cr && length == 0) length = 1;
            std::string line(length, static_cast<char>('a' + expected.size() % 26));
            text += line;
            expected.push_back(line);
            const unsigned end = lone_cr_only ? 2 : (state >> 8) % 3;
            text += end == 0 ? "\n" : end == 1 ? "\r\n" : "\r";
            after_lone_cr = end == 2;
        }
        INFO("lone CR only: " << lone_cr_only);
        CHECK(all_lines(text) == expected);
    }
}
