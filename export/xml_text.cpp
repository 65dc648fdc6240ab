#include "export/xml_text.hpp"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <simdjson.h>

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

// From a copied byte, more bytes than this to the text's end leave room for a 16-byte block
// after it and before the last byte (where a space is no longer between words): texts longer
// than this may be skipped through 16 bytes at a time.
constexpr std::ptrdiff_t kLongText = 17;

#if defined(__SSE2__)
// How many of the 16 bytes at p, counted from the first, the scalar loop would copy as they are,
// in a text known to be valid UTF-8 (the count may end inside a character). p - 1 must have been
// copied (the run goes on), and p + 16 must lie inside the text (a space there is still between
// words). Stops at: ASCII controls; a space after a space; DEL; the five markup characters; and
// the last byte of EF BF BE or EF BF BF (U+FFFE, U+FFFF; any byte BE or BF after a BF stops).
// English and Chinese text go through here 16 bytes at a time.
std::size_t plain_run(const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1));
    const __m128i space = _mm_set1_epi8(' ');
    // Signed bytes: 0x00..0x20 are below 0x21 and not negative (0x80..0xFF are).
    const __m128i low = _mm_andnot_si128(_mm_cmplt_epi8(v, _mm_setzero_si128()), _mm_cmplt_epi8(v, _mm_set1_epi8(0x21)));
    const __m128i word_space = _mm_andnot_si128(_mm_cmpeq_epi8(before, space), _mm_cmpeq_epi8(v, space));
    __m128i stop = _mm_andnot_si128(word_space, low);
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
    const __m128i fffe = _mm_and_si128(_mm_cmpeq_epi8(before, _mm_set1_epi8(static_cast<char>(0xBF))),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xBE))),
                                                    _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xBF)))));
    stop = _mm_or_si128(stop, fffe);
    const auto stops = static_cast<unsigned>(_mm_movemask_epi8(stop));
    return stops == 0 ? 16 : static_cast<std::size_t>(__builtin_ctz(stops));
}
#endif

// `last`, the last byte of a character the scalar loop copies, moved on over the bytes after it
// that plain_run() counts, 16 at a time, to the last byte of a character. The caller checks
// that the text is valid UTF-8 and that a block fits after `last` and before the text's last
// byte (where a space is no longer between words): end - last > kLongText.
const char* skip_plain(const char* last, const char* end) {
#if defined(__SSE2__)
    do {
        const std::size_t count = plain_run(last + 1);
        last += count;
        if (count < 16) break;
    } while (end - last > kLongText);
    // Back to the end of a character (blocks do not end on one): the scalar loop goes on at
    // the start of the next. Never before the `last` given, which ended a character.
    while (continuation(last[1])) --last;
#else
    (void)end;
#endif
    return last;
}

// Appends the escaped text; false (with `out` as it was) at invalid UTF-8. One pass does both,
// as writers escape every text of a graph of millions of edges. `valid`: the text is known to be
// valid UTF-8, and runs of bytes to copy may be found 16 at a time.
bool escape_if_valid(std::string& out, std::string_view text, bool valid) {
    const std::size_t start = out.size();
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* run = begin;  // bytes from here on are copied in one append
    for (const char* p = begin; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x80) {
            if (kPlainAscii[c]) {
                // A plain byte: the next ones are likely plain too.
                if (valid && end - p > kLongText) p = skip_plain(p, end);
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
                    if (valid && end - p > kLongText) p = skip_plain(p, end);  // more Chinese is likely to follow
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
            if (valid && end - p > kLongText) p = skip_plain(p, end);
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
    // Texts long enough for 16-byte blocks (evidence sentences) are checked whole first, by
    // simdjson's validator (a few bytes a cycle); short ones (ids, labels, dates) in the one pass.
    // Invalid text, rare, goes the one-pass way, repaired (whichever validator objects).
    if (static_cast<std::ptrdiff_t>(text.size()) > kLongText && simdjson::validate_utf8(text.data(), text.size()) && escape_if_valid(out, text, true))
        return;
    if (!escape_if_valid(out, text, false)) escape_if_valid(out, utf8::repair(text), false);
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_xml_escaped(out, text);
    return out;
}

std::vector<std::string> xml_escaped_ids(const KnowledgeGraph& graph) {
    std::vector<std::string> ids(graph.vertex_count());
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = xml_escape(graph.vertex(i).id);
    return ids;
}

}  // namespace chronokg::io
