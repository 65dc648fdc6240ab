#include "extract/garble_detector.hpp"

#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace chronokg {
namespace {

bool is_hanzi(char32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); }
bool is_kana(char32_t cp) { return cp >= 0x3040 && cp <= 0x30FF && cp != 0x30FB && cp != 0x30FC; }
bool is_latin(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }

constexpr std::size_t kWindow = 6;
constexpr int kSigns = 3;

}  // namespace

const GarbleDetector::Tables& GarbleDetector::tables() {
    static const Tables built = [] {
        Tables t;
        UErrorCode status = U_ZERO_ERROR;
        UConverter* gb = ucnv_open("GB2312", &status);
        if (U_FAILURE(status)) throw Error("ICU has no GB2312 converter (needed to detect garbled text)");
        // Level 1 of GB2312 (the common characters) is the 3,755 characters of the byte pairs with
        // a lead byte 0xB0 to 0xD7 (and a trail byte 0xA1 to 0xFE), each pair one character both
        // ways: all pairs decoded in one call. (Each character of the range encoded in a call of
        // its own, to see whether its bytes lead with 0xB0 to 0xD7, cost some 900 instructions a
        // character, 19M at start-up; the pairs past the last character, D7FA to D7FE, decode to
        // a substitute.)
        std::vector<char> pairs;
        for (int lead = 0xB0; lead <= 0xD7; ++lead)
            for (int trail = 0xA1; trail <= 0xFE; ++trail) {
                pairs.push_back(static_cast<char>(lead));
                pairs.push_back(static_cast<char>(trail));
            }
        std::vector<UChar> decoded(pairs.size());
        UChar* target = decoded.data();
        const char* source = pairs.data();
        ucnv_toUnicode(gb, &target, decoded.data() + decoded.size(), &source, pairs.data() + pairs.size(), nullptr,
                       true, &status);
        ucnv_close(gb);
        if (U_FAILURE(status)) throw Error("ICU's GB2312 converter cannot decode its level 1");
        for (const UChar* c = decoded.data(); c != target; ++c)
            if (*c >= kFirst && *c <= kLast) t.common.set(static_cast<std::size_t>(*c - kFirst));
        t.sign_by_itself.reserve(0x10000);
        for (char32_t cp = 0; cp < 0x10000; ++cp) {
            t.sign_by_itself.push_back(is_hanzi(cp) ? !in_common(t.common, cp) : is_kana(cp) || cp == 0xFFFD);
        }
        return t;
    }();
    return built;
}

GarbleDetector::GarbleDetector() : common_(tables().common), sign_by_itself_(tables().sign_by_itself) {}

bool GarbleDetector::may_be_sign(char32_t cp) {
    return is_latin(cp) || (cp < 0x10000 && tables().sign_by_itself[cp]);
}

std::vector<std::uint8_t> GarbleDetector::may_be_sign_in_bmp() {
    std::vector<std::uint8_t> signs = tables().sign_by_itself;
    for (char32_t letter = 'A'; letter <= 'z'; ++letter)
        if (is_latin(letter)) signs[letter] = 1;
    return signs;
}

template <class Take>
void GarbleDetector::scan(std::string_view text, TextRange range, Take&& take) const {
    // Every sign needs a hanzi, a kana or U+FFFD nearby: ASCII text (most English) has none.
    const std::string_view piece = text.substr(range.begin, range.size());
    if (utf8::first_non_ascii(piece) == piece.size()) return;
    // One character read ahead (a sign may depend on the next character), and the starts and
    // signs of the last kWindow characters in a ring: no buffer as long as the sentence.
    std::array<std::size_t, kWindow> starts{};
    std::array<int, kWindow> signs{};
    std::size_t slot = 0;  // the ring's slot of the current character
    std::size_t seen = 0;  // characters read, the current one included
    int in_window = 0;
    std::size_t pos = range.begin;
    char32_t before = 0;   // the character before the current one (0 at the start)
    std::size_t current_begin = pos;
    char32_t current = utf8::decode(text, pos);
    while (true) {
        const std::size_t current_end = pos;
        const bool have_next = pos < range.end;
        const char32_t next = have_next ? utf8::decode(text, pos) : 0;
        const bool hanzi_before = is_hanzi(before);
        const bool hanzi_after = have_next && is_hanzi(next);
        int sign = 0;
        if (is_hanzi(current)) sign = common(current) ? 0 : 1;
        else if (current == U'?' || current == 0xFFFD) sign = (hanzi_before || hanzi_after) ? 1 : 0;
        else if (is_kana(current)) sign = 1;
        else if (is_latin(current)) sign = (hanzi_before && hanzi_after) ? 1 : 0;
        in_window += sign - signs[slot];  // the slot held the sign kWindow characters back (0 at first)
        signs[slot] = sign;
        starts[slot] = current_begin;
        slot = slot + 1 == kWindow ? 0 : slot + 1;  // now the oldest character of a full ring
        ++seen;
        // The window starts kWindow - 1 characters back, or at the sentence's first character.
        if (in_window >= kSigns && !take(TextRange{seen >= kWindow ? starts[slot] : range.begin, current_end})) return;
        if (!have_next) return;
        before = current;
        current_begin = current_end;
        current = next;
    }
}

std::vector<TextRange> GarbleDetector::find(std::string_view text, TextRange range) const {
    std::vector<TextRange> spans;
    scan(text, range, [&](TextRange span) {
        if (!spans.empty() && spans.back().end >= span.begin) spans.back().end = span.end;
        else spans.push_back(span);
        return true;
    });
    return spans;
}

int GarbleDetector::possible_signs(std::string_view text, TextRange range) const {
    // The table in a local, loaded once (through the member it was loaded for each character),
    // and the count compared with kSigns only when it grows (most characters are no sign).
    const std::uint8_t* const sign_by_itself = sign_by_itself_.data();
    int signs = 0;
    std::size_t pos = range.begin;
    while (pos < range.end) {
        // Every Hanzi, kana and U+FFFD takes three bytes (a lead byte E0 to EF, tested as one range
        // with a single compare), as do most characters of a Chinese text: they are tested first.
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (static_cast<unsigned>(byte - 0xE0) < 0x10) {
            if (sign_by_itself[utf8::decode_three(text, pos)] && ++signs == kSigns) break;
            continue;
        }
        if (byte < 0x80) {
            // A run of ASCII at once: each `?` of it is a sign, and a Latin letter only between two
            // Hanzi (whose bytes are past ASCII), so only as the run's one byte, inside the range.
            // (The letters of a word and the digits of a date are not each tested with both their
            // neighbours.)
            const std::size_t run_begin = pos;
            for (; pos < range.end && static_cast<unsigned char>(text[pos]) < 0x80; ++pos)
                if (text[pos] == '?' && ++signs == kSigns) return signs;
            if (is_latin(byte) && pos - run_begin == 1 && run_begin > range.begin && pos < range.end &&
                ++signs == kSigns)
                return signs;
            continue;
        }
        // The characters of two and four bytes (Latin accents, Hanzi of the supplementary planes)
        // are no sign alone.
        pos += utf8::lead_length(byte);
    }
    return signs;
}

bool GarbleDetector::garbled(std::string_view text, TextRange range) const {
    // The window scan decodes every character and its neighbours; a count first settles most
    // sentences (a third of the scan's cost on Chinese text before it).
    const std::string_view piece = text.substr(range.begin, range.size());
    if (utf8::first_non_ascii(piece) == piece.size() || possible_signs(text, range) < kSigns) return false;
    return any_window(text, range);
}

bool GarbleDetector::garbled(std::string_view text, TextRange range,
                             const std::vector<std::size_t>& sign_candidates) const {
    // Every sign is a `?` or a character the normalizer noted (in order, as it wrote them): the
    // candidates inside the range and the `?`s found by memchr bound the signs of any window.
    int possible = 0;
    const auto first = std::lower_bound(sign_candidates.begin(), sign_candidates.end(), range.begin);
    for (auto c = first; c != sign_candidates.end() && *c < range.end && possible < kSigns; ++c) ++possible;
    const char* const end = text.data() + range.end;
    for (const char* p = text.data() + range.begin; possible < kSigns; ++p, ++possible) {
        p = static_cast<const char*>(std::memchr(p, '?', static_cast<std::size_t>(end - p)));
        if (p == nullptr) break;
    }
    return possible >= kSigns && any_window(text, range);
}

bool GarbleDetector::any_window(std::string_view text, TextRange range) const {
    bool found = false;
    scan(text, range, [&](TextRange) {
        found = true;
        return false;  // one window is enough
    });
    return found;
}

}  // namespace chronokg
