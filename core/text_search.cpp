#include "core/text_search.hpp"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chronokg {

// Both look for the needle's last byte with memchr (memrchr) and compare the rest where it
// stands: in UTF-8 the last byte of a character is a continuation byte, one of 64, where the
// first byte of a Chinese character is one of a handful.

std::size_t find_first(std::string_view haystack, std::string_view needle) {
    if (needle.empty() || needle.size() > haystack.size()) return haystack.find(needle);
    const std::size_t last = needle.size() - 1;
    const char* const base = haystack.data();
    const char* const end = base + haystack.size();
    for (const char* at = base + last; at < end; ++at) {
        at = static_cast<const char*>(std::memchr(at, needle[last], static_cast<std::size_t>(end - at)));
        if (!at) break;
        if (std::memcmp(at - last, needle.data(), last) == 0) return static_cast<std::size_t>(at - last - base);
    }
    return std::string_view::npos;
}

std::size_t find_last(std::string_view haystack, std::string_view needle) {
    if (needle.empty() || needle.size() > haystack.size()) return haystack.rfind(needle);
    const std::size_t last = needle.size() - 1;
    const char* const base = haystack.data();
    for (const char* end = base + haystack.size(); end > base + last;) {
        const char* at = static_cast<const char*>(memrchr(base + last, needle[last], static_cast<std::size_t>(end - base - last)));
        if (!at) break;
        if (std::memcmp(at - last, needle.data(), last) == 0) return static_cast<std::size_t>(at - last - base);
        end = at;
    }
    return std::string_view::npos;
}

std::size_t ByteSet::find_in(std::string_view text, std::size_t from, std::size_t to) const {
#if defined(__SSE2__)
    if (from + 16 <= to) {
        std::array<__m128i, 16> wanted;
        for (std::size_t i = 0; i < count_; ++i) wanted[i] = _mm_set1_epi8(list_[i]);
        for (; from + 16 <= to; from += 16) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
            __m128i found = _mm_setzero_si128();
            for (std::size_t i = 0; i < count_; ++i) found = _mm_or_si128(found, _mm_cmpeq_epi8(block, wanted[i]));
            if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(found)))
                return from + static_cast<std::size_t>(__builtin_ctz(mask));
        }
    }
#endif
    while (from < to && !has_[static_cast<unsigned char>(text[from])]) ++from;
    return from;
}

}  // namespace chronokg
