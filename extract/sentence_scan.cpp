#include "extract/sentence_scan.hpp"

#include "extract/cue_words.hpp"
#include "extract/english_relations.hpp"
#include "extract/mention_finder.hpp"
#include "extract/relation_lexicon.hpp"
#include "extract/time_tagger.hpp"

namespace chronokg {

SentenceScan::SentenceScan(const CueWords& cues, const RelationLexicon& lexicon, const EnglishRelations& english,
                           const MentionFinder& mentions, const TimeTagger& times) {
    for (std::size_t index = 0; index < sets_.size(); ++index) {
        const bool chinese = index == 0;
        DictionarySet& set = sets_[index];
        if (const PhraseMatcher* lists = cues.windowed_matcher(chinese ? "zh" : "en")) set.add_all(kCueLists, *lists);
        set.add_all(kVerbs, lexicon.verbs(chinese));
        set.add_all(kRoles, lexicon.roles(chinese));
        if (!chinese) set.add_all(kReciprocalNouns, english.reciprocal_nouns());
        // Both languages' short forms and anaphora in either set: a sentence is searched for all
        // of them, whatever its language.
        mentions.add_words(set, kShortForms, kAnaphora);
        times.add_required_texts(set, kTimeTexts, chinese);
        set.compile();
    }
}

void SentenceScan::find(std::string_view lang, std::string_view text, TextRange range, Hits& hits) const {
    const Sentence sentence{lang, range, &hits};
    find_in(text, std::span(&sentence, 1));
}

void SentenceScan::find_in(std::string_view text, std::span<const Sentence> sentences) const {
    // Each sentence's lists, in the order of `Dictionary`: the caller's, filled in place.
    std::vector<std::array<std::vector<PhraseHit>*, kDictionaries>> lists;
    lists.reserve(sentences.size());
    for (const Sentence& s : sentences)
        lists.push_back({&s.hits->cue_lists, &s.hits->verbs, &s.hits->roles, &s.hits->reciprocal_nouns,
                         &s.hits->short_forms, &s.hits->anaphora, &s.hits->time_texts});
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::vector<std::vector<PhraseHit>* const*> lists_of;
    for (std::size_t set = 0; set < sets_.size(); ++set) {
        ranges.clear();
        lists_of.clear();
        for (std::size_t i = 0; i < sentences.size(); ++i) {
            if ((sentences[i].lang == "zh") != (set == 0)) continue;
            ranges.emplace_back(sentences[i].range.begin, sentences[i].range.end);
            lists_of.push_back(lists[i].data());
        }
        if (!ranges.empty()) sets_[set].find_all_in(text, ranges, lists_of);
    }
    // The cue lists are those of "zh" and "en" only (find_all_lists gives none for another
    // language); verbs and roles are the Chinese ones for "zh", the English ones otherwise.
    for (const Sentence& s : sentences)
        if (s.lang != "zh" && s.lang != "en") s.hits->cue_lists.clear();
}

}  // namespace chronokg
