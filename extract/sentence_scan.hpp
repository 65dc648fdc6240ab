#pragma once
// chronokg::SentenceScan — the dictionaries a whole sentence is looked up in, scanned at once.
//
// What it represents: for each language, one PhraseMatcher holding the phrases of three: the
// windowed cue lists (CueWords::find_all_lists), the relation verbs and the role titles
// (RelationLexicon::verbs and roles). Each sentence was scanned by the three in turn; a scan
// waits on its table a byte at a time, and one scan does the work of three for the cost of
// one. A phrase's payload says which dictionary it came from and its payload there.
// find() gives each dictionary's hits exactly as that dictionary's own find_all gives them, in
// its order: whether a phrase matches at a place depends on the phrase alone, hits come by end
// offset and then longest first, and phrases that end at one state keep the order they were
// added in (each dictionary's phrases are added in their own order).
// Thread safety: immutable after construction.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/phrase_matcher.hpp"
#include "extract/segmenter.hpp"

namespace chronokg {

class CueWords;
class RelationLexicon;

class SentenceScan {
public:
    SentenceScan(const CueWords& cues, const RelationLexicon& lexicon);

    struct Hits {
        std::vector<PhraseHit> cue_lists;  // CueWords::find_all_lists(lang, …): payload the list's windowed number
        std::vector<PhraseHit> verbs;      // lexicon.verbs(lang == "zh").find_all(…): payload the pattern
        std::vector<PhraseHit> roles;      // lexicon.roles(lang == "zh").find_all(…): payload the role pattern
    };
    // The hits of the three dictionaries for `lang` in text[range].
    Hits find(std::string_view lang, std::string_view text, TextRange range) const;

private:
    // A combined payload: the dictionary in the top two bits, its own payload below.
    static constexpr unsigned kDictionaryShift = 30;
    static constexpr std::uint32_t kPayloadMask = (std::uint32_t{1} << kDictionaryShift) - 1;
    enum Dictionary : std::uint32_t { kCueLists, kVerbs, kRoles };

    std::array<PhraseMatcher, 2> matchers_;  // [0] "zh", [1] every other language ("en")
};

}  // namespace chronokg
