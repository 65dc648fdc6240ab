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
