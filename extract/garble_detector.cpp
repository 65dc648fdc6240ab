#include "extract/garble_detector.hpp"

#include <unicode/ucnv.h>

#include <algorithm>

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

std::vector<TextRange> GarbleDetector::find(std::string_view text, TextRange range) const {
    struct Char {
        std::size_t begin, end;
        char32_t cp;
    };
    // Every sign needs a hanzi, a kana or U+FFFD nearby: ASCII text (most English) has none.
    const std::string_view piece = text.substr(range.begin, range.size());
    if (std::all_of(piece.begin(), piece.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return {};
    std::vector<Char> chars;
    chars.reserve(range.size());  // at most a character a byte: one allocation, not a doubling series
    for (std::size_t pos = range.begin; pos < range.end;) {
        const std::size_t begin = pos;
        const char32_t cp = utf8::decode(text, pos);
        chars.push_back({begin, pos, cp});
    }
    std::vector<int> sign(chars.size(), 0);
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const char32_t cp = chars[i].cp;
        const bool hanzi_before = i > 0 && is_hanzi(chars[i - 1].cp);
        const bool hanzi_after = i + 1 < chars.size() && is_hanzi(chars[i + 1].cp);
        if (is_hanzi(cp)) sign[i] = common(cp) ? 0 : 1;
        else if (cp == U'?' || cp == 0xFFFD) sign[i] = (hanzi_before || hanzi_after) ? 1 : 0;
        else if (is_kana(cp)) sign[i] = 1;
        else if (is_latin(cp)) sign[i] = (hanzi_before && hanzi_after) ? 1 : 0;
    }
    std::vector<TextRange> spans;
    int in_window = 0;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        in_window += sign[i];
        if (i >= kWindow) in_window -= sign[i - kWindow];
        if (in_window < kSigns) continue;
        const std::size_t first = i + 1 >= kWindow ? i + 1 - kWindow : 0;
        const TextRange span{chars[first].begin, chars[i].end};
        if (!spans.empty() && spans.back().end >= span.begin) spans.back().end = span.end;
        else spans.push_back(span);
    }
    return spans;
}

}  // namespace chronokg
