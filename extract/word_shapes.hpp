#pragma once
// chronokg::WordShapes — a quick "can this word be one of those?" for a list of words.
//
// What it represents: the shapes of a list of words — for each lower-cased first byte, for
// each pair of first and last byte, and for each pair of second and last-but-one byte (their
// low five bits: a letter and its capital alike), the lengths (bit min(length, 31)) of the words
// that have it. The pair rules out more than the two bytes apart (the loose verb forms' filter
// let half the words of 1 MB of English through that way, five in six of them no form), and the
// inner pair beside it half of what the outer pair lets through (`said`, `Chinese`). A word
// whose shape no listed word has is certainly not in the list, and is passed over without a
// lookup (most words of a sentence are: the English rules ask it of every word before a hash
// or a dictionary). A word with the shape may still not be listed: the caller then looks it up.
// Thread safety: const methods may be called concurrently once the words are added.
#include <array>
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "core/ascii.hpp"

namespace chronokg {

class WordShapes {
public:
    // Adds the shape of `word` (not empty).
    void add(std::string_view word) {
        first_[static_cast<unsigned char>(ascii_lower(word.front()))] |= length_bit(word.size());
        pairs_[pair(word)] |= length_bit(word.size());
        inner_pairs_[inner_pair(word)] |= length_bit(word.size());
    }
    // Whether some added word starts, lower-cased, with byte `c`.
    bool may_start_with(char c) const { return first_[static_cast<unsigned char>(ascii_lower(c))] != 0; }
    // The lengths of the added words that start, lower-cased, with byte `c`: bit L for length L,
    // bit kLongest for kLongest bytes or more.
    static constexpr std::size_t kLongest = 31;
    std::uint32_t lengths_starting_with(char c) const { return first_[static_cast<unsigned char>(ascii_lower(c))]; }
    // Whether some added word has the shape of `word`, ASCII case aside (false when empty).
    bool may_be(std::string_view word) const {
        if (word.empty()) return false;
        if (!may_have_ends_of(word)) return false;  // most words: the inner pair not computed
        return (inner_pairs_[inner_pair(word)] & length_bit(word.size())) != 0;
    }

    // Whether some added word has the first and last byte and the length of `word` (not empty),
    // ASCII case aside: may_be()'s first half, for a caller most of whose words are added ones,
    // which would pay the inner pair in vain.
    bool may_have_ends_of(std::string_view word) const { return (pairs_[pair(word)] & length_bit(word.size())) != 0; }

private:
    static std::size_t pair(std::string_view word) {
        return (static_cast<std::size_t>(word.front() & 31) << 5) | static_cast<std::size_t>(word.back() & 31);
    }
    // The second and the last-but-one byte (a word of one byte: that byte twice).
    static std::size_t inner_pair(std::string_view word) {
        const std::size_t n = word.size();
        const std::size_t inner = n > 1 ? 1 : 0;
        return (static_cast<std::size_t>(word[inner] & 31) << 5) | static_cast<std::size_t>(word[n - 1 - inner] & 31);
    }
    static std::uint32_t length_bit(std::size_t length) { return std::uint32_t{1} << std::min(length, kLongest); }
    std::array<std::uint32_t, 256> first_{};
    std::array<std::uint32_t, 32 * 32> pairs_{};
    std::array<std::uint32_t, 32 * 32> inner_pairs_{};
};

}  // namespace chronokg
