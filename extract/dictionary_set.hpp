#pragma once
// chronokg::DictionarySet — several dictionaries of phrases in one PhraseMatcher, scanned at once.
//
// What it represents: phrases added to numbered dictionaries, compiled into one automaton; a
// phrase's payload carries its dictionary in its top bits. A scan waits on its table a byte at a
// time, and one scan of the combined table replaces one a dictionary. find_all() gives each
// dictionary's hits exactly as a PhraseMatcher of that dictionary alone gives them, in its
// order: whether a phrase matches at a place depends on the phrase alone, hits come by end
// offset and then longest first, and phrases that end at one state keep the order they were
// added in.
// Lifecycle (as PhraseMatcher's): construct → add()… → compile() → const find_all().
// Thread safety: find_all() may be called concurrently after compile().
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/phrase_matcher.hpp"

namespace chronokg {

class DictionarySet {
public:
    explicit DictionarySet(std::size_t dictionaries);

    // Adds `phrase` (folded, as PhraseMatcher::add takes it) to dictionary `dictionary`; `payload`
    // must be below 2^28.
    void add(std::size_t dictionary, std::string_view phrase, std::uint32_t payload,
             PhraseMatcher::Match match = PhraseMatcher::Match::words);
    // Adds every phrase of `matcher`, in the order it was added there.
    void add_all(std::size_t dictionary, const PhraseMatcher& matcher);
    void compile();

    // *hits[d] becomes the hits of dictionary d in text[begin, end), payloads as added (what it
    // held is replaced); `hits` points to one list a dictionary. The caller owns the lists: a list
    // of lists made for each sentence cost an allocation a sentence, and lists found elsewhere
    // and then moved to where they are read cost the moves.
    void find_all(std::string_view text, std::size_t begin, std::size_t end,
                  std::span<std::vector<PhraseHit>* const> hits) const;
    // find_all() of each range of text (a window's sentences): *hits_of[r][d] becomes the hits
    // of dictionary d in ranges[r]. The ranges are scanned side by side
    // (PhraseMatcher::find_all_split_in), faster than one at a time.
    void find_all_in(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                     const std::vector<std::vector<PhraseHit>* const*>& hits_of) const;

private:
    static constexpr unsigned kDictionaryShift = 28;  // up to 16 dictionaries
    static constexpr std::uint32_t kPayloadMask = (std::uint32_t{1} << kDictionaryShift) - 1;

    std::size_t dictionaries_;
    PhraseMatcher matcher_;
};

}  // namespace chronokg
