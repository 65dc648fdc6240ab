#include "extract/sentence_scan.hpp"

#include <stdexcept>

#include "extract/cue_words.hpp"
#include "extract/english_relations.hpp"
#include "extract/mention_finder.hpp"
#include "extract/relation_lexicon.hpp"

namespace chronokg {

SentenceScan::SentenceScan(const CueWords& cues, const RelationLexicon& lexicon, const MentionFinder& mentions,
                           const EnglishRelations& english) {
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
        add_all(&mentions.sentence_words(), kMentionWords);
        if (!chinese) add_all(&english.reciprocal_nouns(), kReciprocalNouns);
        combined.compile();
    }
}

SentenceScan::Hits SentenceScan::find(std::string_view lang, std::string_view text, TextRange range) const {
    return split(lang, matchers_[lang == "zh" ? 0 : 1].find_all(text, range.begin, range.end));
}

std::vector<SentenceScan::Hits> SentenceScan::find_in(const std::vector<std::string>& languages, std::string_view text,
                                                      const std::vector<Sentence>& sentences) const {
    std::vector<Hits> hits(sentences.size());
    for (std::size_t index = 0; index < matchers_.size(); ++index) {
        std::vector<std::size_t> which;  // the sentences this matcher scans
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        for (std::size_t s = 0; s < sentences.size(); ++s)
            if ((languages[s] == "zh") == (index == 0)) {
                which.push_back(s);
                ranges.emplace_back(sentences[s].range.begin, sentences[s].range.end);
            }
        const auto found = matchers_[index].find_all_in(text, ranges);
        for (std::size_t k = 0; k < which.size(); ++k) hits[which[k]] = split(languages[which[k]], found[k]);
    }
    return hits;
}

SentenceScan::Hits SentenceScan::split(std::string_view lang, const std::vector<PhraseHit>& combined) {
    Hits hits;
    // The cue lists are those of "zh" and "en" only (find_all_lists gives none for another
    // language); verbs and roles are the Chinese ones for "zh", the English ones otherwise.
    const bool cue_lists = lang == "zh" || lang == "en";
    for (const auto& hit : combined) {
        const PhraseHit own{hit.begin, hit.end, hit.payload & kPayloadMask};
        switch (hit.payload >> kDictionaryShift) {
            case kCueLists:
                if (cue_lists) hits.cue_lists.push_back(own);
                break;
            case kVerbs: hits.verbs.push_back(own); break;
            case kRoles: hits.roles.push_back(own); break;
            case kMentionWords: hits.mention_words.push_back(own); break;
            default: hits.reciprocal_nouns.push_back(own); break;
        }
    }
    return hits;
}

}  // namespace chronokg
