#pragma once
// chronokg::WordShapes — a quick "can this word be one of those?" for a list of words.
//
// What it represents: the shapes of a list of words — for each lower-cased first byte and each
// lower-cased last byte, the lengths (bit min(length, 31)) of the words that have it. A word
// whose shape no listed word has is certainly not in the list, and is passed over without a
// lookup (most words of a sentence are: the English rules ask it of every word before a hash
// or a dictionary). A word with the shape may still not be listed: the caller then looks it up.
// Thread safety: const methods may be called concurrently once the words are added.
#include <array>
#include <algorithm>
#include <cstdint>
#include <string_view>

namespace chronokg {

class WordShapes {
public:
    // Adds the shape of `word` (not empty).
    void add(std::string_view word) {
        first_[lower(word.front())] |= length_bit(word.size());
        last_[lower(word.back())] |= length_bit(word.size());
    }
    // Whether some added word starts, lower-cased, with byte `c`.
    bool may_start_with(char c) const { return first_[lower(c)] != 0; }
    // Whether some added word has the shape of `word`, ASCII case aside (false when empty).
    bool may_be(std::string_view word) const {
        if (word.empty()) return false;
        const std::uint32_t length = length_bit(word.size());
        return (first_[lower(word.front())] & length) != 0 && (last_[lower(word.back())] & length) != 0;
    }

private:
    static unsigned char lower(char c) { return static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c); }
    static std::uint32_t length_bit(std::size_t length) { return std::uint32_t{1} << std::min<std::size_t>(length, 31); }
    std::array<std::uint32_t, 256> first_{};
    std::array<std::uint32_t, 256> last_{};
};

}  // namespace chronokg
