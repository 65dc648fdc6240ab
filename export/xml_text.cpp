#include "export/xml_text.hpp"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.hpp"

namespace chronokg::io {
namespace {

// ASCII bytes copied as they are: printable, but the five markup characters and the space.
constexpr std::array<bool, 128> kPlainAscii = [] {
    std::array<bool, 128> plain{};
    for (int c = 0x21; c < 0x7F; ++c) plain[c] = c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    return plain;
}();

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

#if defined(__SSE2__)
// Which of 16 bytes are plain ASCII (kPlainAscii), as a vector of 0xFF and 0 bytes.
__m128i plain_bytes(__m128i v) {
    // Signed: 0x21..0x7F are greater than 0x20, bytes from 0x80 on are negative.
    const __m128i printable = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)),
                                               _mm_cmpgt_epi8(v, _mm_set1_epi8(0x20)));
    __m128i markup = _mm_cmpeq_epi8(v, _mm_set1_epi8('&'));
    markup = _mm_or_si128(markup, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
    markup = _mm_or_si128(markup, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
    markup = _mm_or_si128(markup, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    markup = _mm_or_si128(markup, _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
    return _mm_andnot_si128(markup, printable);
}

// How many of the 16 bytes at p, counted from the first, the scalar loop would copy as they
// are (p - 1 and p + 16 must lie inside the text): plain ASCII, and spaces after plain ASCII
// (between words). English text goes through here 16 bytes at a time; anything else (markup,
// controls, double spaces, UTF-8) stops the count and is left to the scalar loop.
std::size_t plain_run(const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1));
    const __m128i word_space = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), plain_bytes(before));
    const auto copied = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(plain_bytes(v), word_space)));
    return copied == 0xFFFF ? 16 : static_cast<std::size_t>(__builtin_ctz(~copied));
}
#endif

// Appends the escaped text; false (with `out` as it was) at invalid UTF-8. One pass does both,
// as writers escape every text of a graph of millions of edges.
bool escape_if_valid(std::string& out, std::string_view text) {
    const std::size_t start = out.size();
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* run = begin;  // bytes from here on are copied in one append
    for (const char* p = begin; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x80) {
            if (kPlainAscii[c]) {
#if defined(__SSE2__)
                // A plain byte: the next ones are likely plain too. The block ends before the
                // text's last byte, where a space is no longer between words.
                if (end - p > 17) p += plain_run(p + 1);
#endif
                continue;
            }
            // A space between two words stays in the run: after a byte of this run (copied as it
            // is, and not a space) and before another byte.
            if (c == ' ' && p > run && p + 1 != end && (static_cast<unsigned char>(p[-1]) >= 0x80 ||
                                                        kPlainAscii[static_cast<unsigned char>(p[-1])]))
                continue;
        } else {
            // Three-byte characters that cannot be overlong or surrogates (E1–EC, EE–EF: all of
            // CJK and the full-width forms) checked here; U+FFFE and U+FFFF are not XML characters.
            if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) && end - p >= 3 && continuation(p[1]) &&
                continuation(p[2])) {
                if (c != 0xEF || static_cast<unsigned char>(p[1]) != 0xBF || static_cast<unsigned char>(p[2]) < 0xBE) {
                    p += 2;
                    continue;
                }
                out.append(run, static_cast<std::size_t>(p - run));
                run = p + 3;
                p += 2;
                continue;
            }
            const std::size_t length = utf8::sequence_length(text, static_cast<std::size_t>(p - begin));
            if (length == 0) {
                out.resize(start);
                return false;
            }
            p += length - 1;
            continue;
        }
        out.append(run, static_cast<std::size_t>(p - run));
        run = p + 1;
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            case ' ':
                // Raw spaces that would fold: the first, the last, one after another raw space.
                out += (out.size() == start || p + 1 == end || out.back() == ' ') ? "&#32;" : " ";
                break;
            default: break;  // forbidden (or discouraged) controls: dropped
        }
    }
    out.append(run, static_cast<std::size_t>(end - run));
    return true;
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text) {
    if (!escape_if_valid(out, text)) escape_if_valid(out, utf8::repair(text));
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_xml_escaped(out, text);
    return out;
}

}  // namespace chronokg::io
