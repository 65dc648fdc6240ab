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
    // Same as cues.any(id, lang, text, range).
    bool any(CueId id, TextRange range) const;
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
    std::size_t match_at(CueId id, std::size_t at, std::size_t limit) const;
    // Appends to `starts` every place `at` in `range` where match_at(id, at, range.end) > 0, in
    // no given order, read off the hits at once; false, with nothing appended, where match_at
    // would pass the question on to CueWords (ask it place by place then).
    bool starts_in(CueId id, TextRange range, std::vector<std::size_t>& starts) const;

private:
    // The hits of list `id`; false when `range` is not inside the sentence or `id` is not a
    // windowed list (CueWords then answers).
    bool hits_of(CueId id, TextRange range, const PhraseHit*& first, const PhraseHit*& last) const;
    // The hits of list `id` that may lie inside `range`, [first, stop) (those among them that
    // begin inside it are find()'s answers, in order), when none of those overlaps another;
    // false when they do (select_longest chooses) or CueWords answers.
    bool disjoint_hits(CueId id, TextRange range, const PhraseHit*& first, const PhraseHit*& stop) const;

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
