#include "extract/garble_detector.hpp"

#include <unicode/ucnv.h>

#include <algorithm>
#include <array>

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

GarbleDetector::GarbleDetector() {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* gb = ucnv_open("GB2312", &status);
    if (U_FAILURE(status)) throw Error("ICU has no GB2312 converter (needed to detect garbled text)");
    for (char32_t cp = kFirst; cp <= kLast; ++cp) {
        UChar in[1] = {static_cast<UChar>(cp)};
        char out[8];
        status = U_ZERO_ERROR;
        ucnv_reset(gb);
        const int32_t n = ucnv_fromUChars(gb, out, sizeof out, in, 1, &status);
        // Level 1 of GB2312 (the common characters): lead bytes 0xB0 to 0xD7.
        const auto lead = static_cast<unsigned char>(out[0]);
        if (U_SUCCESS(status) && n == 2 && lead >= 0xB0 && lead <= 0xD7)
            common_.set(static_cast<std::size_t>(cp - kFirst));
    }
    ucnv_close(gb);
}

template <class Take>
void GarbleDetector::scan(std::string_view text, TextRange range, Take&& take) const {
    // Every sign needs a hanzi, a kana or U+FFFD nearby: ASCII text (most English) has none.
    const std::string_view piece = text.substr(range.begin, range.size());
    if (std::all_of(piece.begin(), piece.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return;
    struct Char {
        std::size_t begin = 0, end = 0;
        char32_t cp = 0;
    };
    // One character read ahead (a sign may depend on the next character), and the last kWindow
    // characters with their signs in a ring: no buffer as long as the sentence.
    std::array<Char, kWindow> window{};
    std::array<int, kWindow> signs{};
    int in_window = 0;
    Char before{}, current{}, next{};
    std::size_t pos = range.begin;
    auto read = [&](Char& c) {
        c.begin = pos;
        c.cp = utf8::decode(text, pos);
        c.end = pos;
    };
    bool have_next = pos < range.end;
    if (have_next) read(next);
    for (std::size_t i = 0; have_next; ++i) {
        before = current;
        current = next;
        have_next = pos < range.end;
        if (have_next) read(next);
        const bool hanzi_before = i > 0 && is_hanzi(before.cp);
        const bool hanzi_after = have_next && is_hanzi(next.cp);
        const char32_t cp = current.cp;
        int sign = 0;
        if (is_hanzi(cp)) sign = common(cp) ? 0 : 1;
        else if (cp == U'?' || cp == 0xFFFD) sign = (hanzi_before || hanzi_after) ? 1 : 0;
        else if (is_kana(cp)) sign = 1;
        else if (is_latin(cp)) sign = (hanzi_before && hanzi_after) ? 1 : 0;
        const std::size_t slot = i % kWindow;
        if (i >= kWindow) in_window -= signs[slot];
        signs[slot] = sign;
        window[slot] = current;
        in_window += sign;
        if (in_window < kSigns) continue;
        const std::size_t first = i + 1 >= kWindow ? i + 1 - kWindow : 0;
        if (!take(TextRange{window[first % kWindow].begin, current.end})) return;
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

bool GarbleDetector::garbled(std::string_view text, TextRange range) const {
    bool found = false;
    scan(text, range, [&](TextRange) {
        found = true;
        return false;  // one window is enough
    });
    return found;
}

}  // namespace chronokg
