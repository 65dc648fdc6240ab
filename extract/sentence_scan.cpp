#include "extract/sentence_scan.hpp"

#include <stdexcept>

#include "extract/cue_words.hpp"
#include "extract/english_relations.hpp"
#include "extract/relation_lexicon.hpp"

namespace chronokg {

SentenceScan::SentenceScan(const CueWords& cues, const RelationLexicon& lexicon, const EnglishRelations& english) {
    for (std::size_t index = 0; index < matchers_.size(); ++index) {
        const bool chinese = index == 0;
        PhraseMatcher& combined = matchers_[index];
        auto add_all = [&](const PhraseMatcher* from, Dictionary dictionary) {
            if (!from) return;
            from->for_each_phrase([&](std::string_view phrase, std::uint32_t payload) {
                if (payload > kPayloadMask) throw std::length_error("SentenceScan: a payload too large to combine");
                combined.add(phrase, dictionary << kDictionaryShift | payload);
            });
        };
        add_all(cues.windowed_matcher(chinese ? "zh" : "en"), kCueLists);
        add_all(&lexicon.verbs(chinese), kVerbs);
        add_all(&lexicon.roles(chinese), kRoles);
        if (!chinese) add_all(&english.reciprocal_nouns(), kReciprocalNouns);
        combined.compile();
    }
}

SentenceScan::Hits SentenceScan::find(std::string_view lang, std::string_view text, TextRange range) const {
    Hits hits;
    // The cue lists are those of "zh" and "en" only (find_all_lists gives none for another
    // language); verbs and roles are the Chinese ones for "zh", the English ones otherwise.
    const bool chinese = lang == "zh";
    const bool cue_lists = chinese || lang == "en";
    for (const auto& hit : matchers_[chinese ? 0 : 1].find_all(text, range.begin, range.end)) {
        const PhraseHit own{hit.begin, hit.end, hit.payload & kPayloadMask};
        switch (hit.payload >> kDictionaryShift) {
            case kCueLists:
                if (cue_lists) hits.cue_lists.push_back(own);
                break;
            case kVerbs: hits.verbs.push_back(own); break;
            case kRoles: hits.roles.push_back(own); break;
            default: hits.reciprocal_nouns.push_back(own); break;
        }
    }
    return hits;
}

}  // namespace chronokg
