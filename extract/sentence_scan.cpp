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
    const bool chinese = lang == "zh";
    // The caller's lists, in the order of `Dictionary`.
    std::vector<PhraseHit>* const lists[kDictionaries] = {&hits.cue_lists,   &hits.verbs,    &hits.roles,
                                                          &hits.reciprocal_nouns, &hits.short_forms,
                                                          &hits.anaphora,    &hits.time_texts};
    sets_[chinese ? 0 : 1].find_all(text, range.begin, range.end, lists);
    // The cue lists are those of "zh" and "en" only (find_all_lists gives none for another
    // language); verbs and roles are the Chinese ones for "zh", the English ones otherwise.
    if (!chinese && lang != "en") hits.cue_lists.clear();
}

}  // namespace chronokg
