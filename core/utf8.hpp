#pragma once
// UTF-8 helpers used on every input before anything else looks at it.
//
// All positions are byte offsets. Decoding is strict (RFC 3629): overlong forms, surrogates and
// code points above U+10FFFF are invalid. Thread safety: pure functions.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace chronokg::utf8 {

// Byte offset of the first invalid sequence, or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> find_invalid(std::string_view text);

// Offset of the first byte at or after `from` that is not ASCII (text.size() when none),
// sixteen bytes at a time, thirty-two past the first sixteen (eight without SSE2): most of any
// news text, and all of most English, is ASCII.
std::size_t first_non_ascii(std::string_view text, std::size_t from = 0);

// Length in bytes (1 to 4) of the valid sequence starting at `pos`, or 0 when it is invalid.
std::size_t sequence_length(std::string_view text, std::size_t pos);

// The bytes decode() takes for a sequence that starts with byte `lead` (1 for ASCII), without
// reading the others: for a scan that decodes only some characters.
inline std::size_t lead_length(unsigned char lead) {
    return lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
}

// Decodes the code point starting at `pos` of valid UTF-8 and advances `pos` past it.
// Precondition: `text` is valid UTF-8 and pos < text.size().
// (Inline: the scanners decode most characters of every text.)
inline char32_t decode(std::string_view text, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    if ((b0 & 0xF0) == 0xE0) {
        // Three bytes, unrolled: every Hanzi, kana and CJK punctuation mark, so most of Chinese text
        // (the same bytes and bits as the loop below takes for such a lead byte).
        const auto b1 = static_cast<unsigned char>(text[pos + 1]);
        const auto b2 = static_cast<unsigned char>(text[pos + 2]);
        pos += 3;
        return (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
    }
    const std::size_t len = lead_length(b0);
    char32_t cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    pos += len;
    return cp;
}

// decode() of a three-byte sequence (a lead byte 1110xxxx) of valid UTF-8, by one subtraction:
// the marker bits of its bytes (1110 and 10, twice) are known, so the bytes shifted into place
// and added hold the code point plus a constant. Fewer operations than masking each byte, for
// the loops that step over a Chinese text's characters.
// Precondition: text[pos, pos + 3) is a valid three-byte sequence.
inline char32_t decode_three(std::string_view text, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(text[pos]);
    const auto b1 = static_cast<unsigned char>(text[pos + 1]);
    const auto b2 = static_cast<unsigned char>(text[pos + 2]);
    pos += 3;
    constexpr char32_t kMarkers = (char32_t{0xE0} << 12) + (char32_t{0x80} << 6) + 0x80;
    return (static_cast<char32_t>(b0) << 12) + (static_cast<char32_t>(b1) << 6) + b2 - kMarkers;
}

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

// Copy of `text` with every invalid sequence replaced by U+FFFD.
std::string repair(std::string_view text);

// 1-based line and column (in code points) of byte offset `pos`, for error messages. Lines end
// at "\n", "\r\n" or a lone "\r".
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t pos);

}  // namespace chronokg::utf8
