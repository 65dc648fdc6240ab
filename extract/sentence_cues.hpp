#pragma once
// chronokg::SentenceCues — every cue-word occurrence of one sentence, found in one scan.
//
// What it represents: the hits of CueWords' windowed lists for one language in one sentence
// (half-open byte ranges into the folded text), grouped by list. The rules ask for a list's
// words in many windows of a sentence; answering from these hits replaces a scan per question.
// find() answers exactly as CueWords::find does: a list's hits inside a window are the hits
// find_all gives when it scans only the window (a hit is accepted or not by its own bytes and
// the bytes around it, wherever the scan started), and select_longest then runs on the same
// hits in the same order. match_at() answers as CueWords::match_at does for the same reason: the
// longest word at a place is the longest hit that begins there. A window outside the sentence,
// or a list that is not "windowed" (see CueWords), is passed on to CueWords.
// Thread safety: immutable after construction or assign(); refers to the CueWords, the language
// and the text it was made from, which must outlive it (a copy of the language cost a string per
// sentence).
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/cue_words.hpp"
#include "extract/phrase_matcher.hpp"
#include "extract/segmenter.hpp"

namespace chronokg {

class SentenceCues {
public:
    // Scans text[sentence] for every list of `lang` ("zh" or "en").
    SentenceCues(const CueWords& cues, std::string_view lang, std::string_view text, TextRange sentence);
    // From the hits that scan would find (cues.find_all_lists(lang, text, sentence), found with
    // other dictionaries by SentenceScan).
    SentenceCues(const CueWords& cues, std::string_view lang, std::string_view text, TextRange sentence,
                 const std::vector<PhraseHit>& all);
    // Becomes what the constructor above would make, keeping the room of its hit list: a slot
    // that holds one sentence's cues after another then allocates no list for each (a new one
    // each sentence allocated one and freed it).
    void assign(const CueWords& cues, std::string_view lang, std::string_view text, TextRange sentence,
                const std::vector<PhraseHit>& all);
    // The hits it has room for (a holder gives back a huge sentence's room).
    std::size_t hit_capacity() const { return hits_.capacity(); }

    // Same as cues.find(id, lang, text, range).
    std::vector<TextRange> find(CueId id, TextRange range) const;
    // The same answers, into `out` (cleared first): a caller that keeps `out` from question to
    // question reuses its room rather than a new list each time.
    void find(CueId id, TextRange range, std::vector<TextRange>& out) const;
    // Same as cues.any(id, lang, text, range). (Inlined where asked, as match_at(): see
    // windowed_number().)
    [[gnu::always_inline]] bool any(CueId id, TextRange range) const {
        const PhraseHit* first = nullptr;
        const PhraseHit* last = nullptr;
        if (!hits_of(id, range, first, last)) return any_elsewhere(id, range);
        // select_longest keeps at least one of any hits: whether there are some is the answer. (By
        // end offset: none after the first that ends past the window is inside it.)
        for (const PhraseHit* h = first; h != last && h->end <= range.end; ++h)
            if (h->begin >= range.begin) return true;
        return false;
    }
    // Whether one of find(id, range)'s answers satisfies `pred` (a TextRange predicate), asking
    // them in order up to the first that does. Where the hits do not overlap, they are the
    // answers and are asked in place: no vector is made (a rule asking yes or no of each answer
    // made one for each question).
    template <class Pred>
    bool any_of(CueId id, TextRange range, Pred pred) const {
        const PhraseHit* first = nullptr;
        const PhraseHit* stop = nullptr;
        if (!disjoint_hits(id, range, first, stop)) {
            const auto answers = find(id, range);
            return std::any_of(answers.begin(), answers.end(), pred);
        }
        for (const PhraseHit* h = first; h != stop; ++h)
            if (h->begin >= range.begin && pred(TextRange{h->begin, h->end})) return true;
        return false;
    }
    // Calls visit(TextRange) with each of find(id, range)'s answers, in order (in place, as any_of).
    template <class Visit>
    void for_each(CueId id, TextRange range, Visit visit) const {
        any_of(id, range, [&](const TextRange& answer) {
            visit(answer);
            return false;
        });
    }
    // The first of find(id, range)'s answers, if any (in place, as any_of).
    std::optional<TextRange> first(CueId id, TextRange range) const {
        std::optional<TextRange> found;
        any_of(id, range, [&](const TextRange& answer) {
            found = answer;
            return true;
        });
        return found;
    }
    // Same as cues.match_at(id, lang, text, at, limit): the longest hit of the list that begins
    // at `at` and ends by `limit` (longest_at's answer), read off the hits without a walk.
    [[gnu::always_inline]] std::size_t match_at(CueId id, std::size_t at, std::size_t limit) const {
        if (at >= limit) return 0;
        const PhraseHit* first = nullptr;
        const PhraseHit* last = nullptr;
        if (!hits_of(id, {at, limit}, first, last)) return match_elsewhere(id, at, limit);
        // A hit found from `at` is the same hit in the sentence's scan (see the class comment). The
        // hits come by end offset: none past the first that ends beyond `limit` counts.
        std::size_t longest = 0;
        for (const PhraseHit* h = first; h != last && h->end <= limit; ++h)
            if (h->begin == at) longest = std::max<std::size_t>(longest, h->end - h->begin);
        return longest;
    }
    // Appends to `starts` every place `at` in `range` where match_at(id, at, range.end) > 0, in
    // no given order, read off the hits at once; false, with nothing appended, where match_at
    // would pass the question on to CueWords (ask it place by place then).
    bool starts_in(CueId id, TextRange range, std::vector<std::size_t>& starts) const;

    // The number of list `id` in CueWords::kWindowedLists, as CueWords::windowed_number() gives it
    // (kNotWindowed for another list), from a table made at compile time. The questions any(),
    // match_at() and any_of() (with hits_of() and disjoint_hits()) are inlined wherever asked
    // (always_inline: GCC left a third of the calls out of line), so that where a rule names the
    // list in the code its number is a constant and its hits are read from a fixed place: a call
    // and a look-up through the CueWords' lists saved at each of some 170,000 questions a MB of
    // Chinese (3.5M instructions a MB of Chinese, 1M of English).
    static constexpr std::uint32_t windowed_number(CueId id) {
        return id.index() < kWindowedNumbers.size() ? kWindowedNumbers[id.index()] : CueWords::kNotWindowed;
    }
    // (By CueId index. CueWords numbers its lists by name as it makes them, from the same list.)
    static constexpr std::array<std::uint32_t, kLexiconIds.size()> kWindowedNumbers = [] {
        std::array<std::uint32_t, kLexiconIds.size()> numbers{};
        for (std::size_t i = 0; i < kLexiconIds.size(); ++i) {
            const auto at = std::find(CueWords::kWindowedLists.begin(), CueWords::kWindowedLists.end(), kLexiconIds[i]);
            numbers[i] = at == CueWords::kWindowedLists.end()
                             ? CueWords::kNotWindowed
                             : static_cast<std::uint32_t>(at - CueWords::kWindowedLists.begin());
        }
        return numbers;
    }();

private:
    // The hits of list `id`; false when `range` is not inside the sentence or `id` is not a
    // windowed list (CueWords then answers).
    [[gnu::always_inline]] bool hits_of(CueId id, TextRange range, const PhraseHit*& first, const PhraseHit*& last) const {
        const std::uint32_t n = windowed_number(id);
        if (n == CueWords::kNotWindowed || !sentence_.contains(range)) return false;
        first = hits_.data() + begin_[n];
        last = hits_.data() + end_[n];
        return true;
    }
    // CueWords' answers where hits_of() has none (out of line: asked less, and longer).
    bool any_elsewhere(CueId id, TextRange range) const;
    std::size_t match_elsewhere(CueId id, std::size_t at, std::size_t limit) const;
    // The hits of list `id` that may lie inside `range`, [first, stop) (those among them that
    // begin inside it are find()'s answers, in order), when none of those overlaps another;
    // false when they do (select_longest chooses) or CueWords answers.
    [[gnu::always_inline]] bool disjoint_hits(CueId id, TextRange range, const PhraseHit*& first, const PhraseHit*& stop) const {
        const PhraseHit* last = nullptr;
        if (!hits_of(id, range, first, last)) return false;
        // The hits come by end offset: none after the first that ends past the window is inside it;
        // and when each one inside ends before the next begins, none overlaps another and
        // select_longest would keep them all, in this order.
        const PhraseHit* previous = nullptr;
        for (stop = first; stop != last && stop->end <= range.end; ++stop) {
            if (stop->begin < range.begin) continue;
            if (previous && previous->end > stop->begin) return false;
            previous = stop;
        }
        return true;
    }

    const CueWords* cues_;  // (a pointer: assign() may change it)
    std::string_view lang_;
    std::string_view text_;
    TextRange sentence_;
    // List n's hits are hits_[begin_[n], end_[n]), in find_all's order (by end offset, then
    // longest first); both 0 for a list without hits.
    std::vector<PhraseHit> hits_;
    std::array<std::uint32_t, CueWords::kWindowedLists.size()> begin_{};
    std::array<std::uint32_t, CueWords::kWindowedLists.size()> end_{};
};

}  // namespace chronokg
