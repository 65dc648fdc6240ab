#pragma once
// Finding a short byte string, or any byte of a set, in text: fast where the standard library is
// slow on UTF-8 or knows no bound.
//
// Why not string_view's own: it looks for the needle's first byte and compares the rest at each
// place it finds one, and in Chinese text the first byte of a character (E4–E9) is one byte in
// three, so it called memcmp at almost every character (find_last alone was 3 % of Chinese
// extraction). These look for the needle's last byte instead, a continuation byte, one of 64.

#include <array>
#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chronokg {

// haystack.find(needle).
std::size_t find_first(std::string_view haystack, std::string_view needle);
// haystack.rfind(needle).
std::size_t find_last(std::string_view haystack, std::string_view needle);

// A set of at most 16 byte values, for the scanners that step over every byte that cannot
// start what they look for (the segmenter's terminators and clause marks).
class ByteSet {
public:
    consteval explicit ByteSet(std::string_view bytes) {
        for (const char c : bytes) {
            const auto b = static_cast<unsigned char>(c);
            if (has_[b]) continue;
            if (count_ == list_.size()) throw "a ByteSet holds at most 16 bytes";
            has_[b] = true;
            list_[count_++] = c;
        }
    }
    bool contains(char c) const { return has_[static_cast<unsigned char>(c)]; }
    // The first position in [from, to) of `text` whose byte is in the set; `to` when there is
    // none, `from` when from >= to. Sixteen bytes at a time where the processor has SSE2.
    // Inline: where the set is a constant, the compiler unrolls the compares over its bytes
    // (out of line, a loop over a count it could not know made half the cost of a scan).
    std::size_t find_in(std::string_view text, std::size_t from, std::size_t to) const {
#if defined(__SSE2__)
        if (from + 16 <= to) {
            __m128i wanted[16];  // (a std::array of __m128i warns of its ignored alignment)
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

private:
    std::array<bool, 256> has_{};
    std::array<char, 16> list_{};
    std::size_t count_ = 0;
};

}  // namespace chronokg
