#include "core/text_search.hpp"

#include <cstring>

namespace chronokg {

namespace {

// Whether the needle's bytes before its last stand at `at`: a loop, as a call to memcmp cost
// more than the two bytes a Chinese character leaves to compare.
bool same_start(const char* at, std::string_view needle) {
    for (std::size_t i = 0; i + 1 < needle.size(); ++i)
        if (at[i] != needle[i]) return false;
    return true;
}

}  // namespace

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
        if (same_start(at - last, needle)) return static_cast<std::size_t>(at - last - base);
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
        if (same_start(at - last, needle)) return static_cast<std::size_t>(at - last - base);
        end = at;
    }
    return std::string_view::npos;
}

}  // namespace chronokg
