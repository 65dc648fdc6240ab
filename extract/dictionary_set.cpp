#include "extract/dictionary_set.hpp"

#include <stdexcept>

namespace chronokg {

DictionarySet::DictionarySet(std::size_t dictionaries) : dictionaries_(dictionaries) {
    if (dictionaries > (std::size_t{1} << (32 - kDictionaryShift)))
        throw std::length_error("DictionarySet: too many dictionaries");
}

void DictionarySet::add(std::size_t dictionary, std::string_view phrase, std::uint32_t payload,
                        PhraseMatcher::Match match) {
    if (dictionary >= dictionaries_) throw std::out_of_range("DictionarySet: no such dictionary");
    if (payload > kPayloadMask) throw std::length_error("DictionarySet: a payload too large to combine");
    matcher_.add(phrase, static_cast<std::uint32_t>(dictionary) << kDictionaryShift | payload, match);
}

void DictionarySet::add_all(std::size_t dictionary, const PhraseMatcher& matcher) {
    matcher.for_each_phrase([&](std::string_view phrase, std::uint32_t payload, PhraseMatcher::Match match) {
        add(dictionary, phrase, payload, match);
    });
}

void DictionarySet::compile() { matcher_.compile(); }

void DictionarySet::find_all(std::string_view text, std::size_t begin, std::size_t end,
                             std::span<std::vector<PhraseHit>* const> hits) const {
    if (hits.size() != dictionaries_) throw std::invalid_argument("DictionarySet: one hit list a dictionary");
    for (std::vector<PhraseHit>* list : hits) list->clear();
    matcher_.find_all_split(text, begin, end, kDictionaryShift, hits.data());
}

void DictionarySet::find_all_in(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                                const std::vector<std::vector<PhraseHit>* const*>& hits_of) const {
    for (std::vector<PhraseHit>* const* lists : hits_of)
        for (std::size_t d = 0; d < dictionaries_; ++d) lists[d]->clear();
    matcher_.find_all_split_in(text, ranges, kDictionaryShift, hits_of);
}

}  // namespace chronokg
