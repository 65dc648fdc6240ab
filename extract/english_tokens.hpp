#pragma once
// chronokg::EnglishToken — the words of one English sentence, with the punctuation around them.
//
// What it represents: a sentence of folded text cut at spaces into words, each word without the
// punctuation that touches it (quotes, brackets, commas, a sentence's final dot), that
// punctuation remembered as flags, and a possessive `'s` / `’s` / `s'` split off as a flag.
// A dot stays in the word when it belongs to it: `U.S.`, `Corp.`, an initial `C.` (anything the
// `abbreviations` lexicon lists, or a word with a dot inside). Ranges are half-open byte ranges
// into the folded text. The name finder and the clause rules both read sentences this way.
// Thread safety: a value computed per sentence.
#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.hpp"
#include "extract/cue_words.hpp"
#include "extract/segmenter.hpp"

namespace chronokg {

struct EnglishToken {
    EnglishToken() = default;
    // (A word made with its range and where to look up its lists at once: english_tokens() makes
    // most words so, and made empty, they were written twice.) `inside`: as find_lists_in's.
    EnglishToken(TextRange word_range, std::string_view word_text, const CueWords& cues, std::string_view text,
                 bool inside)
        : range(word_range), word(word_text), inside_(inside), lists_from_(&cues), text_size_(text.size()) {}

    TextRange range;         // the word itself (no punctuation, no possessive ending)
    std::string_view word;   // text of `range`
    bool possessive = false; // `China's`, `BIS’s`, `companies'`
    bool opens = false;      // a quote or bracket opens right before the word
    bool closes = false;     // a quote or bracket closes right after the word
    char after = 0;          // `,` `;` `:` `.` `!` `?` right after the word (closers skipped), else 0
    bool dash_after = false; // a dash (`-`, `–`, `—`) stands alone after the word

    // Whether the word is, whole, a word of cue list `id`. (`[]`, not test(): the index is checked
    // already, and test()'s own check and throw made the question too big to inline everywhere.)
    bool in(CueId id) const { return id.index() < kLexiconIds.size() && lists()[id.index()]; }
    // The English cue lists the word is, whole, a word of (CueWords::lists_of_word), looked up
    // at the first question and kept: the rules never ask about half the words of a sentence.
    // None for a token made empty. Not thread-safe (the first call writes the answer):
    // a sentence's words belong to the thread that reads the sentence.
    // (The look-up is out of line, so that the test of a word already looked up inlines.)
    const CueSet& lists() const {
        if (lists_from_) look_up_lists();
        return lists_;
    }
    // Makes lists() look the word up in `cues`; `text` is the text `range` is in, and it and
    // `cues` must outlive the questions (as `word` views `text`). For a word not looked up yet:
    // the look-up adds the word's lists to its empty set. `inside`: the bytes on either side of
    // the word are known to be no letter or digit (english_tokens() knows it of a word inside its
    // range), and the look-up skips the word-edge test (a word whose neighbours are not known is
    // tested: a phrase does not match inside a longer word).
    void find_lists_in(const CueWords& cues, std::string_view text, bool inside = false) {
        lists_from_ = &cues;
        text_size_ = text.size();
        inside_ = inside;
    }

    bool capitalized() const { return !word.empty() && word.front() >= 'A' && word.front() <= 'Z'; }
    // All capitals (two letters or more; digits, `&`, `-` and `.` allowed): `BIS`, `U.S.`, `SK`.
    bool all_caps() const;
    bool has_digit() const;
    // Lower-case Latin letters only (hyphens allowed, not first): a common word. Decided once,
    // when the sentence is cut into words: the rules ask it of most words several times.
    bool lower_word() const { return lower_case; }
    bool lower_case = false;  // what lower_word() answers
    // A break in the sentence after this word: `,` `;` `:` a dash or a closing bracket.
    bool breaks_after() const { return after == ',' || after == ';' || after == ':' || dash_after; }

private:
    void look_up_lists() const;  // lists_ from lists_from_, which it clears
    // What find_lists_in's `inside` said. (Next to the flags above: it takes a byte of their
    // word's padding, and the token grows none.)
    bool inside_ = false;
    mutable const CueWords* lists_from_ = nullptr;  // where lists() has still to look; null once it has
    // The size of the text `range` is in. (Its start is word.data() - range.begin, as `word`
    // views it: kept as a view too, it made every word one store bigger.)
    std::size_t text_size_ = 0;
    mutable CueSet lists_;
};

// The words of text[range]; `cues` supplies the `abbreviations` lexicon and each word's lists
// (looked up when first asked: `text` and `cues` must outlive the questions). A pass that reads
// only the words' shapes (the names pre-pass) asks no list, and pays no look-up.
std::vector<EnglishToken> english_tokens(std::string_view text, TextRange range, const CueWords& cues);

// Words a first pass over a document cut (the names pre-pass), kept for the pass that reads its
// sentences one by one, so that no sentence is cut twice. Bounded: past kMaxWords words in a
// document, sentences are not kept and are cut again when taken.
class KeptWords {
public:
    static constexpr std::size_t kMaxWords = 1 << 16;
    explicit KeptWords(std::size_t sentences) : by_sentence_(sentences) {}
    // Keeps the words of sentence `sentence` (taken by reference: a value was one more move, and
    // one more vector destroyed, a sentence).
    void keep(std::size_t sentence, std::vector<EnglishToken>&& words);
    // english_tokens() of sentence `sentence` (its range `range`): the kept words, or the words
    // cut now when none were kept. Kept words look their lists up where they were cut: `text`
    // and `cues` must be those they were cut from (they are given no second time, as a loop over
    // every kept word).
    std::vector<EnglishToken> take(std::size_t sentence, std::string_view text, TextRange range, const CueWords& cues);

private:
    std::vector<std::vector<EnglishToken>> by_sentence_;
    std::size_t words_ = 0;
};

// token_at_or_after() by a binary search over all the words (its answer when its guess is far off).
std::size_t token_at_or_after_searched(const std::vector<EnglishToken>& tokens, std::size_t pos);

// The index of the first token that begins at or after `pos` (tokens.size() when none); `tokens`
// in text order, as english_tokens() cuts them. (Inline: the relation rules ask it some 20,000
// times a MB of English, and the call and its passing of the words' bounds cost a fifth of the
// answer; the rare binary search stays out of line.)
inline std::size_t token_at_or_after(const std::vector<EnglishToken>& tokens, std::size_t pos) {
    const std::size_t count = tokens.size();
    if (count == 0 || pos <= tokens.front().range.begin) return 0;
    if (pos > tokens.back().range.begin) return count;
    // The words begin in text order, some six bytes apart whatever the word: the place of `pos`
    // between the first word's start and the last's guesses the index to a word or two, and a
    // few steps from there find it (a binary search took five rounds of a dozen instructions, and
    // the relation rules ask this some 20,000 times a MB of English). Here count >= 2, the first
    // word begins before `pos` and the last at or after it, so no step leaves the words.
    const std::size_t first = tokens.front().range.begin;
    const std::size_t last = tokens.back().range.begin;
    std::size_t i = (pos - first) * (count - 1) / (last - first);
    for (int step = 0; step < 8; ++step) {
        if (tokens[i].range.begin < pos) ++i;
        else if (tokens[i - 1].range.begin >= pos) --i;
        else return i;
    }
    // Words of very uneven lengths put the guess further off: a binary search, whatever the
    // sentence, as before the guess.
    return token_at_or_after_searched(tokens, pos);
}

// Whether ascii_lower(word) == lower + suffix, compared in place: no string is built (this runs
// for words in inner loops). Inline: most calls end at the first byte or the size, and the
// loose patterns' hash and word tests make a hundred thousand of them in 1 MB of English.
// (The word's bytes are compared with `lower`'s, then the rest with `suffix`'s, in two loops: one
// loop that chose between the two at every byte paid that choice at every byte.)
inline bool lower_equals(std::string_view word, std::string_view lower, std::string_view suffix = {}) {
    if (word.size() != lower.size() + suffix.size()) return false;
    for (std::size_t i = 0; i < lower.size(); ++i)
        if (ascii_lower(word[i]) != lower[i]) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (ascii_lower(word[lower.size() + i]) != suffix[i]) return false;
    return true;
}

}  // namespace chronokg
