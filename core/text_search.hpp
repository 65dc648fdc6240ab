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
        std::size_t count = 0;
        for (const char c : bytes) {
            const auto b = static_cast<unsigned char>(c);
            if (has_[b]) continue;
            if (count == 16) throw "a ByteSet holds at most 16 bytes";
            has_[b] = true;
            ++count;
        }
        // Two bytes of the set that differ in one bit only (`(` and `)`, `:` and `;`, E2 and E3)
        // share a compare: with that bit set in both, each byte of a block is compared once, and
        // only those two bytes match. The clause marks take 7 compares a block, not 10.
        std::array<bool, 256> placed{};
        for (int a = 0; a < 256; ++a) {
            if (!has_[a] || placed[a]) continue;
            placed[a] = true;
            Probe probe{0, static_cast<char>(a)};
            for (int bit = 1; bit < 256; bit <<= 1) {
                const int b = a ^ bit;
                if (has_[b] && !placed[b]) {
                    placed[b] = true;
                    probe = Probe{static_cast<char>(bit), static_cast<char>(a | bit)};
                    break;
                }
            }
            probes_[probe_count_++] = probe;
        }
    }
    bool contains(char c) const { return has_[static_cast<unsigned char>(c)]; }
    // The first position in [from, to) of `text` whose byte is in the set; `to` when there is
    // none, `from` when from >= to. Sixteen bytes at a time where the processor has SSE2.
    // Inline: where the set is a constant, the compiler unrolls the compares over its probes
    // (out of line, a loop over a count it could not know made half the cost of a scan).
    std::size_t find_in(std::string_view text, std::size_t from, std::size_t to) const {
#if defined(__SSE2__)
        if (from + 16 <= to) {
            __m128i bits[16];  // (a std::array of __m128i warns of its ignored alignment)
            __m128i wanted[16];
            for (std::size_t i = 0; i < probe_count_; ++i) {
                bits[i] = _mm_set1_epi8(probes_[i].bit);
                wanted[i] = _mm_set1_epi8(probes_[i].value);
            }
            const auto matches = [&](std::size_t at) {
                const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
                __m128i found = _mm_setzero_si128();
                for (std::size_t i = 0; i < probe_count_; ++i) {
                    const __m128i seen = probes_[i].bit != 0 ? _mm_or_si128(block, bits[i]) : block;
                    found = _mm_or_si128(found, _mm_cmpeq_epi8(seen, wanted[i]));
                }
                return static_cast<unsigned>(_mm_movemask_epi8(found));
            };
            for (; from + 16 <= to; from += 16)
                if (const unsigned mask = matches(from)) return from + static_cast<std::size_t>(__builtin_ctz(mask));
            // The last bytes: one block ending at `to`, the bytes before `from` (read already)
            // shifted out of its mask, not a byte at a time (the end of a clause was some five
            // bytes on after the last whole block, at six instructions a byte).
            if (from < to) {
                const std::size_t last = to - 16;
                const unsigned mask = matches(last) >> (from - last);
                return mask != 0 ? from + static_cast<std::size_t>(__builtin_ctz(mask)) : to;
            }
            return from;
        }
#endif
        while (from < to && !has_[static_cast<unsigned char>(text[from])]) ++from;
        return from;
    }

private:
    // A byte of a block matches when, with `bit` set, it equals `value`: one byte of the set
    // (bit 0), or two that differ in `bit` alone.
    struct Probe {
        char bit = 0;
        char value = 0;
    };
    std::array<bool, 256> has_{};
    std::array<Probe, 16> probes_{};
    std::size_t probe_count_ = 0;
};

}  // namespace chronokg
