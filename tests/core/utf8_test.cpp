#include <catch2/catch.hpp>

#include "core/utf8.hpp"

namespace utf8 = chronokg::utf8;

TEST_CASE("invalid UTF-8 is found at its byte offset", "[core]") {
    CHECK_FALSE(utf8::find_invalid("經濟 BIS").has_value());
    CHECK(utf8::find_invalid("ab\xFF" "cd") == 2u);
    CHECK(utf8::find_invalid("\xE7\xB6") == 0u);           // truncated sequence
    CHECK(utf8::find_invalid("\xC0\xAF").has_value());      // overlong '/'
    CHECK(utf8::find_invalid("\xED\xA0\x80").has_value());  // a surrogate
}

TEST_CASE("repair replaces each bad byte with U+FFFD and keeps the rest", "[core]") {
    CHECK(utf8::repair("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(utf8::line_and_column("ab\n經x", 6) == std::pair<std::size_t, std::size_t>{2, 2});
}

TEST_CASE("error positions count CRLF and a lone CR as one line end each [issue8]", "[core][issue8]") {
    using pos = std::pair<std::size_t, std::size_t>;
    CHECK(utf8::line_and_column("a\r\nb\rcd", 6) == pos{3, 2});
    CHECK(utf8::line_and_column("a\r\nb", 3) == pos{2, 1});
}

TEST_CASE("a scan that steps over characters takes the bytes decode takes", "[core]") {
    const std::string text = "a經€é😀\x80";
    for (std::size_t pos = 0; pos < text.size() - 1;) {
        std::size_t next = pos;
        utf8::decode(text, next);
        CHECK(utf8::lead_length(static_cast<unsigned char>(text[pos])) == next - pos);
        pos = next;
    }
    CHECK(utf8::lead_length(0x80) == 4);  // a stray continuation byte: what decode would take
}
