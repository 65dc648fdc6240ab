#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

namespace {

// The first offset where `text` stops being well-formed UTF-8 (Unicode, table 3-7), the slow
// obvious way: an independent reading to hold find_invalid() to.
std::optional<std::size_t> first_ill_formed(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto b0 = static_cast<unsigned char>(text[pos]);
        auto byte = [&](std::size_t i) { return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0; };
        auto in = [](unsigned char b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
        std::size_t len = 0;
        if (b0 <= 0x7F) len = 1;
        else if (in(b0, 0xC2, 0xDF) && in(byte(1), 0x80, 0xBF)) len = 2;
        else if (b0 == 0xE0 && in(byte(1), 0xA0, 0xBF) && in(byte(2), 0x80, 0xBF)) len = 3;
        else if ((in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) && in(byte(1), 0x80, 0xBF) && in(byte(2), 0x80, 0xBF)) len = 3;
        else if (b0 == 0xED && in(byte(1), 0x80, 0x9F) && in(byte(2), 0x80, 0xBF)) len = 3;
        else if (b0 == 0xF0 && in(byte(1), 0x90, 0xBF) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF)) len = 4;
        else if (in(b0, 0xF1, 0xF3) && in(byte(1), 0x80, 0xBF) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF)) len = 4;
        else if (b0 == 0xF4 && in(byte(1), 0x80, 0x8F) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF)) len = 4;
        else return pos;
        pos += len;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("invalid UTF-8 is found at its offset in long texts too", "[core]") {
    // Long texts are first checked whole by simdjson's validator: every kind of bad sequence,
    // at the start, the middle and the end of texts of many lengths, must still be found where
    // it is, and valid text of every length must pass.
    const std::string valid = "美國商務部工業和安全局 (BIS) revokes the rule; 晶片 — €5 😀 ";
    const std::vector<std::string> bad = {
        "\xFF", "\x80", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xED\xBF\xBF",
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF8\x88\x80\x80\x80", "\xE7\xB6", "\xF0\x9F\x98",
        "\xC3", "\xE7\xB6" "a", "\xF0\x9F" "\xE6\x96\x87"};
    for (std::size_t length = 0; length < 3 * valid.size(); length += 7) {
        std::string text;
        while (text.size() < length) text += valid;
        text.resize(length);
        text = chronokg::utf8::repair(text);  // a cut character becomes U+FFFD: valid again
        CHECK_FALSE(utf8::find_invalid(text).has_value());
        for (const std::string& b : bad) {
            for (const std::size_t at : {std::size_t{0}, text.size() / 2, text.size()}) {
                std::size_t cut = at;
                while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
                const std::string broken = text.substr(0, cut) + b + text.substr(cut);
                INFO("length " << broken.size() << ", bad sequence at " << cut);
                CHECK(utf8::find_invalid(broken) == first_ill_formed(broken));
                CHECK(utf8::find_invalid(broken) == cut);
            }
        }
    }
}

TEST_CASE("the first byte past ASCII is found at every offset, in a block, a last block or bytes", "[core]") {
    // Up to three blocks of sixteen and a last block overlapping them, and texts too short for one.
    for (std::size_t length = 0; length <= 60; ++length) {
        const std::string ascii(length, 'a');
        CHECK(utf8::first_non_ascii(ascii) == length);
        for (std::size_t at = 0; at < length; ++at) {
            std::string text = ascii;
            text[at] = '\xE7';
            for (std::size_t from = 0; from <= at; ++from) {
                INFO("length " << length << ", byte at " << at << ", from " << from);
                CHECK(utf8::first_non_ascii(text, from) == at);
            }
            CHECK(utf8::first_non_ascii(text, at + 1) == length);
        }
    }
}

TEST_CASE("the first byte past ASCII is found in long ASCII runs, read thirty-two bytes a test", "[core]") {
    // After the first block, two blocks are tested at once: the byte in either of them, at every
    // offset of texts up to seven blocks long, and from every offset before it.
    for (const std::size_t length : {48, 64, 79, 80, 96, 111, 112}) {
        const std::string ascii(length, 'a');
        CHECK(utf8::first_non_ascii(ascii) == length);
        for (std::size_t at = 0; at < length; ++at) {
            std::string text = ascii;
            text[at] = '\x80';
            for (std::size_t from = 0; from <= at; ++from) {
                INFO("length " << length << ", byte at " << at << ", from " << from);
                REQUIRE(utf8::first_non_ascii(text, from) == at);
            }
        }
    }
}

TEST_CASE("decode_three gives every three-byte character's code point, as decode does", "[core]") {
    for (char32_t cp = 0x800; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string text = "a";
        utf8::append(text, cp);
        text += "b";
        std::size_t at = 1;
        const char32_t decoded = utf8::decode_three(text, at);
        if (decoded != cp || at != 4) FAIL("U+" << std::hex << static_cast<std::uint32_t>(cp) << " read as " << static_cast<std::uint32_t>(decoded));
    }
    SUCCEED();
}
