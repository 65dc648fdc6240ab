#pragma once
// chronokg::CueWords — the word lists the clause rules consult (negation, modality, passive
// markers, coordination…), compiled from the pack's `lexicon` records.
//
// What it represents: one PhraseMatcher per (list, language), over folded words; English words
// match whole words, case-insensitively. Thread safety: immutable after construction.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/phrase_matcher.hpp"
#include "extract/segmenter.hpp"

namespace chronokg {

class Normalizer;
class RulePack;

class CueWords {
public:
    CueWords(const RulePack& pack, const Normalizer& normalizer);

    // Occurrences of list `id` ("negation", …) for `lang` ("zh" or "en") in text[range],
    // longest first then leftmost, in text order.
    std::vector<TextRange> find(std::string_view id, std::string_view lang, std::string_view text,
                                TextRange range) const;
    bool any(std::string_view id, std::string_view lang, std::string_view text, TextRange range) const {
        return !find(id, lang, text, range).empty();
    }
    // The folded words of list `id` for `lang`, in pack order (empty when none).
    const std::vector<std::string>& words(std::string_view id, std::string_view lang) const;
    // Whether list `id` has no words for `lang`.
    bool empty(std::string_view id, std::string_view lang) const;
    // Whether text[range] is, whole, a word of the list (an empty range counts as one).
    bool whole_word(std::string_view id, std::string_view lang, std::string_view text, TextRange range) const {
        return match_at(id, lang, text, range.begin, range.end) == range.size();
    }
    // Whether text[at, …) starts with a word of the list.
    std::size_t match_at(std::string_view id, std::string_view lang, std::string_view text, std::size_t at,
                         std::size_t limit) const;

    // For SentenceCues, which scans a sentence once for the lists the rules search windows of it
    // for (the "windowed" lists: negation, planned, preposition…; see cue_words.cpp):
    // the number of windowed list `id`, or kNotWindowed for another list or an unknown id.
    static constexpr std::uint32_t kNotWindowed = ~0u;
    std::uint32_t windowed_number(std::string_view id) const;
    std::size_t windowed_count() const;
    // Every occurrence in text[range] of every word of every windowed list for `lang` (none for
    // another language), each hit's payload its list's windowed number. Filtered to one list,
    // the hits are exactly those PhraseMatcher::find_all of that list alone gives, in its order.
    std::vector<PhraseHit> find_all_lists(std::string_view lang, std::string_view text, TextRange range) const;

private:
    // The lists of one id: [0] for "zh", [1] for "en". Looked up once per call by id alone
    // (the rules consult these lists in their inner loops: no key is built per call).
    struct Lists {
        std::uint32_t windowed = kNotWindowed;  // the list's windowed number
        std::array<PhraseMatcher, 2> matchers;
        std::array<std::vector<std::string>, 2> words;  // the folded words, in pack order
    };
    // The lists of `id` and the index of `lang` in them, or nullptr for an unknown id or language.
    const Lists* lists(std::string_view id, std::string_view lang, std::size_t& index) const;

    std::unordered_map<std::string, Lists> lists_;
    // The windowed lists' words in one matcher per language ([0] "zh", [1] "en"), each payload
    // the list's windowed number.
    std::array<PhraseMatcher, 2> windowed_;
    // lists_ by id, in an open-addressing table with a short inline hash: the rules ask about a
    // list over a million times per megabyte of text, and std::hash plus a prime modulo per
    // question cost 4.5% of extraction's instructions. Empty slots hold an empty id. The slots
    // point into lists_'s nodes, which stay put when a CueWords moves (it cannot be copied).
    static std::size_t slot_hash(std::string_view id);
    std::vector<std::pair<std::string_view, const Lists*>> slots_;
};

}  // namespace chronokg
