#include "core/utf8.hpp"

#include <cstdint>
#include <cstring>

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chronokg::utf8 {
namespace {

// Length of the valid sequence at `pos`, or 0 when it is invalid.
std::size_t valid_length(std::string_view s, std::size_t pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    char32_t min = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = b0 & 0x1F; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = b0 & 0x0F; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = b0 & 0x07; }
    else return 0;
    if (pos + len > s.size()) return 0;
    for (std::size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Below this length find_invalid() does not call simdjson's validator.
constexpr std::size_t kSimdMinimum = 64;

}  // namespace

std::size_t first_non_ascii(std::string_view text, std::size_t from) {
    std::size_t pos = from;
#if defined(__SSE2__)
    // Sixteen bytes at a time: the high bit of each byte is what movemask gathers, and its lowest
    // set bit is the offset, so a block holding the byte needs no byte loop after it. (Thirty-two
    // at a time from the start cost more on Chinese text, where the byte sought is mostly a few
    // bytes ahead: only past a first block of ASCII.)
    const char* const data = text.data();
    const auto high_bits = [&](std::size_t at) {
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at))));
    };
    // The first block alone (where Chinese text mostly has the byte), then thirty-two bytes a
    // test while no byte of them is past ASCII (the long runs of English text).
    if (pos + 16 <= text.size()) {
        if (const unsigned mask = high_bits(pos)) return pos + static_cast<std::size_t>(__builtin_ctz(mask));
        pos += 16;
    }
    for (; pos + 32 <= text.size(); pos += 32) {
        const __m128i both = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos)),
                                          _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos + 16)));
        if (_mm_movemask_epi8(both) != 0) break;  // the byte is in one of the two blocks: found below
    }
    for (; pos + 16 <= text.size(); pos += 16) {
        const auto mask = high_bits(pos);
        if (mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(mask));
    }
    // The last bytes of a text of 16 or more: one load ending at its end, the bytes before `pos`
    // (read already) shifted out of the mask.
    if (text.size() >= 16 && pos < text.size()) {
        const std::size_t last = text.size() - 16;
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + last));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(block)) >> (pos - last);
        return mask != 0 ? pos + static_cast<std::size_t>(__builtin_ctz(mask)) : text.size();
    }
#endif
    while (pos + 8 <= text.size()) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + pos, 8);
        if (word & 0x8080808080808080ull) break;
        pos += 8;
    }
    while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
    return pos;
}

std::size_t sequence_length(std::string_view text, std::size_t pos) { return valid_length(text, pos); }

std::optional<std::size_t> find_invalid(std::string_view text) {
    // Valid text, nearly all of it, is told valid by simdjson's validator (SIMD, a fraction of an
    // instruction a byte; the loop below takes about ten a byte of Chinese). It rejects what the
    // loop rejects (overlong forms, surrogates, past U+10FFFF, cut sequences); the loop then
    // finds where. Short texts skip it: the call would cost more than the loop.
    if (text.size() >= kSimdMinimum && simdjson::validate_utf8(text.data(), text.size())) return std::nullopt;
    for (std::size_t pos = 0; (pos = first_non_ascii(text, pos)) < text.size();) {
        const auto b0 = static_cast<unsigned char>(text[pos]);
        // Three-byte characters (all of CJK) that cannot be overlong or surrogates: E1–EC, EE–EF.
        if (pos + 2 < text.size() && ((b0 >= 0xE1 && b0 <= 0xEC) || b0 >= 0xEE) && b0 <= 0xEF &&
            (static_cast<unsigned char>(text[pos + 1]) & 0xC0) == 0x80 &&
            (static_cast<unsigned char>(text[pos + 2]) & 0xC0) == 0x80) {
            pos += 3;
            continue;
        }
        const std::size_t len = valid_length(text, pos);
        if (len == 0) return pos;
        pos += len;
    }
    return std::nullopt;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string repair(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t len = valid_length(text, pos);
        if (len == 0) {
            append(out, 0xFFFD);
            ++pos;
        } else {
            out.append(text.substr(pos, len));
            pos += len;
        }
    }
    return out;
}

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t pos) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        // A line ends at "\n", "\r\n" or a lone "\r", as LineReader reads them.
        if (b == '\n' || (b == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) { ++line; column = 1; }
        else if ((b & 0xC0) != 0x80) ++column;
    }
    return {line, column};
}

}  // namespace chronokg::utf8
