#pragma once
// chronokg::RequiredTexts — literal texts of which every match of a regular expression holds one.
//
// What it represents: for an RE2 pattern, a list of texts such that no match of the pattern is
// without one of them, read off the pattern itself, and how far before the first of them a
// match can begin. The time tagger runs a pattern only where a scan of the sentence found one
// of its texts: where none stands, the pattern cannot match, and RE2 need not read the text.
// Texts are made as long as the pattern lets them be, joining the few strings neighbouring
// parts can match (`(\d{1,2}) ?月` needs one of `0月` … `9月`, `0 月` … `9 月`, not only `月`,
// which stands in many more places), up to 128 strings a list.
// It also tells the bytes a match can begin with (`\b(\d{1,2}) May`: a digit), so that a place
// where none stands need not be tried.
// Only a narrow part of RE2's syntax is read: literal characters, escaped punctuation, lists of
// characters in brackets, groups, alternatives, repeats, and the classes \d \s \w and \b.
// Anything else (flags, \p classes, ranges in brackets ...) gives no list: the pattern always
// runs, which costs speed, never a match.
// Thread safety: immutable once made.
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chronokg {

class RequiredTexts {
public:
    // The texts of `pattern` (RE2 syntax, compiled with RE2's default options: case-sensitive,
    // UTF-8); none when the pattern is outside the part read, or some of its texts would be
    // single bytes (met too often to rule anything out).
    explicit RequiredTexts(std::string_view pattern);

    // Whether the list says anything: without texts, any text may hold a match.
    bool known() const { return !texts_.empty(); }
    const std::vector<std::string>& texts() const { return texts_; }
    // The most bytes from a match's start to where the first of its texts in it begins
    // (SIZE_MAX when a repeat without limit comes before it).
    std::size_t reach() const { return reach_; }
    // The most bytes a match can take (SIZE_MAX when a repeat has no limit), when known().
    std::size_t longest() const { return longest_; }
    // Whether a match can begin with `byte` (true for every byte when a match can be empty),
    // when known(): where it cannot, no match begins.
    bool may_begin_with(char byte) const { return may_begin_[static_cast<unsigned char>(byte)]; }
    // The same for a match's first two bytes (`second`: the byte after `first`, any byte
    // where there is none): most Chinese characters share a few first bytes, and only the
    // second tells `五` (E4 BA 94) from `的` (E7 9A 84) … `国` (E5 9B BD) from `和` (E5 92 8C).
    bool may_begin_with(char first, char second) const {
        return may_begin_pair_[static_cast<std::size_t>(static_cast<unsigned char>(first)) << 8 | static_cast<unsigned char>(second)];
    }

private:
    std::vector<std::string> texts_;
    std::size_t reach_ = 0;
    std::size_t longest_ = SIZE_MAX;
    std::array<bool, 256> may_begin_{};
    std::bitset<65536> may_begin_pair_;  // by first << 8 | second byte
};

}  // namespace chronokg
