#include "extract/pinyin_annotation.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "core/utf8.hpp"

namespace chronokg {
namespace {

constexpr std::u32string_view kToneVowels = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

// Their range, tested before the search: the letters a to z and the Hanzi met after a bracket
// lie outside it (a search of all of them for each character of a bracket cost as much as the rest).
constexpr char32_t kFirstToneVowel = std::ranges::min(kToneVowels);
constexpr char32_t kLastToneVowel = std::ranges::max(kToneVowels);

// Which code points of that range are tone vowels, one flag each (7,520 bytes): a look-up for
// each letter of an annotation, where a search of the 29 vowels was a fifth of finding them.
constexpr auto kIsToneVowel = [] {
    std::array<bool, kLastToneVowel - kFirstToneVowel + 1> flags{};
    for (const char32_t vowel : kToneVowels) flags[vowel - kFirstToneVowel] = true;
    return flags;
}();

bool is_tone_vowel(char32_t cp) {
    return cp >= kFirstToneVowel && cp <= kLastToneVowel && kIsToneVowel[cp - kFirstToneVowel];
}
bool is_plain_letter(char32_t cp) { return (cp >= 'a' && cp <= 'z') || cp == U'ü' || cp == U'ê'; }

// End of the annotation whose opening bracket starts at `open`, or 0 when it is not one.
std::size_t annotation_end(std::string_view text, std::size_t open) {
    std::size_t pos = open;
    const char32_t opener = utf8::decode(text, pos);
    const char32_t closer = opener == U'(' ? U')' : U'）';
    int letters = 0;
    bool toned = false;
    while (pos < text.size() && letters <= 8) {
        const char32_t cp = utf8::decode(text, pos);
        if (cp == closer) return (letters > 0 && toned) ? pos : 0;
        if (is_tone_vowel(cp)) toned = true;
        else if (!is_plain_letter(cp)) return 0;
        ++letters;
    }
    return 0;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> find_pinyin_annotations(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> found;
    // Only `(` and `（` (EF BC 88) open an annotation. In UTF-8 the bytes `(` and EF only ever
    // start a character, so the openers are found by memchr for each of the two bytes (this runs
    // over every document's whole text, most of which holds neither). The text is valid UTF-8
    // (Document::text, Normalizer::normalize's precondition): checking it again here cost as much
    // as the search itself.
    const char* const data = text.data();
    auto next_byte = [&](char byte, std::size_t from) {
        const void* at = from < text.size() ? std::memchr(data + from, byte, text.size() - from) : nullptr;
        return at ? static_cast<std::size_t>(static_cast<const char*>(at) - data) : text.size();
    };
    std::size_t next_paren = next_byte('(', 0);  // where the next of each byte is
    std::size_t next_ef = next_byte('\xEF', 0);
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (next_paren < pos) next_paren = next_byte('(', pos);
        if (next_ef < pos) next_ef = next_byte('\xEF', pos);
        pos = std::min(next_paren, next_ef);
        if (pos >= text.size()) break;
        const std::size_t start = pos;
        const char32_t cp = utf8::decode(text, pos);
        if (cp != U'(' && cp != U'（') continue;
        if (const std::size_t end = annotation_end(text, start)) {
            found.emplace_back(start, end);
            pos = end;
        }
    }
    return found;
}

}  // namespace chronokg
