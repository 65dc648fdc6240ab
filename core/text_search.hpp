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
    std::size_t find_in(std::string_view text, std::size_t from, std::size_t to) const;

private:
    std::array<bool, 256> has_{};
    std::array<char, 16> list_{};
    std::size_t count_ = 0;
};

}  // namespace chronokg
