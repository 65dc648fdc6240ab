#pragma once
// chronokg::CueWords — the word lists the clause rules consult (negation, modality, passive
// markers, coordination…), compiled from the pack's `lexicon` records.
//
// What it represents: one PhraseMatcher per (list, language), over folded words; English words
// match whole words, case-insensitively. Thread safety: immutable after construction.
#include <map>
#include <string>
#include <string_view>
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
    std::vector<TextRange> find(const std::string& id, std::string_view lang, std::string_view text,
                                TextRange range) const;
    bool any(const std::string& id, std::string_view lang, std::string_view text, TextRange range) const {
        return !find(id, lang, text, range).empty();
    }
    // The folded words of list `id` for `lang`, in pack order (empty when none).
    const std::vector<std::string>& words(const std::string& id, std::string_view lang) const;
    // Whether list `id` has no words for `lang`.
    bool empty(const std::string& id, std::string_view lang) const;
    // Whether text[at, …) starts with a word of the list.
    std::size_t match_at(const std::string& id, std::string_view lang, std::string_view text, std::size_t at,
                         std::size_t limit) const;

private:
    std::map<std::string, PhraseMatcher> matchers_;           // key: id + "/" + lang
    std::map<std::string, std::vector<std::string>> words_;  // same key: the folded words
};

}  // namespace chronokg
