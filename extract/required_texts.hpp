#pragma once
// chronokg::RequiredTexts — literal texts of which every match of a regular expression holds one.
//
// What it represents: for an RE2 pattern, a short list of texts such that no match of the
// pattern is without one of them, read off the pattern itself. The time tagger looks for them
// (memchr) before it runs a pattern over the rest of a sentence: where none stands, the pattern
// cannot match there, and RE2's DFA (some 20 instructions a byte) need not read it.
// Only a narrow part of RE2's syntax is read: literal characters, escaped punctuation, lists of
// characters in brackets, groups, alternatives, repeats, and the classes \d \s \w and \b.
// Anything else (flags, \p classes, ranges in brackets ...) gives no list: the pattern always
// runs, which costs speed, never a match.
// Thread safety: immutable once made.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chronokg {

class RequiredTexts {
public:
    // The texts of `pattern` (RE2 syntax, compiled with RE2's default options: case-sensitive,
    // UTF-8); none when the pattern is outside the part read, or its texts would be single
    // bytes (met too often to rule anything out).
    explicit RequiredTexts(std::string_view pattern);

    // Whether the list says anything: without texts, any text may hold a match.
    bool known() const { return !texts_.empty(); }
    // The first place in [from, to) where a match lying in text[from, to) can begin: no
    // earlier than `reach` bytes before the first of the texts there. npos when none of the
    // texts stands in text[from, to), so no match lies there; `from` when nothing is known.
    std::size_t earliest_start(std::string_view text, std::size_t from, std::size_t to) const;
    const std::vector<std::string>& texts() const { return texts_; }
    // The most bytes from a match's start to where the first of its texts begins (SIZE_MAX
    // when a repeat without limit comes before it).
    std::size_t reach() const { return reach_; }

private:
    // Where the first of the texts begins in `part`, or npos.
    std::size_t first_in(std::string_view part) const;

    std::vector<std::string> texts_;
    std::size_t reach_ = 0;
    // Several texts that all begin with a byte seldom met in running text (a capital letter or a
    // digit: month and weekday names, years) are looked for in one pass for those first bytes,
    // not with one memchr a text; their first bytes, or none.
    std::array<bool, 256> first_bytes_{};
    bool by_first_byte_ = false;
};

}  // namespace chronokg
