#pragma once
// chronokg::SentenceScan — the dictionaries a whole sentence is looked up in, scanned at once.
//
// What it represents: for each language, one DictionarySet of the dictionaries a sentence is
// read with, besides the entity aliases: the windowed cue lists (CueWords::find_all_lists), the
// relation verbs and the role titles (RelationLexicon::verbs and roles), for English the
// reciprocal nouns of EnglishRelations, the short forms and anaphora MentionFinder reads, and
// the texts the time patterns need (TimeTagger::add_required_texts).
// Each sentence was scanned by each in turn; one scan now replaces five, and gives each
// dictionary exactly its own matcher's hits, in their order. (The Extractor scans a window of
// sentences at a time: hits kept for a whole document would grow with it, and a document may be
// hundreds of megabytes. The aliases keep their own scan, by Hyperscan: with them an automaton
// would also pass the 32,768 states a 16-bit table holds.)
// Thread safety: immutable after construction.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "extract/dictionary_set.hpp"
#include "extract/phrase_matcher.hpp"
#include "extract/segmenter.hpp"

namespace chronokg {

class CueWords;
class EnglishRelations;
class MentionFinder;
class RelationLexicon;
class TimeTagger;

class SentenceScan {
public:
    SentenceScan(const CueWords& cues, const RelationLexicon& lexicon, const EnglishRelations& english,
                 const MentionFinder& mentions, const TimeTagger& times);

    struct Hits {
        std::vector<PhraseHit> cue_lists;       // CueWords::find_all_lists(lang, …): payload the list's windowed number
        std::vector<PhraseHit> verbs;           // lexicon.verbs(lang == "zh").find_all(…): payload the pattern
        std::vector<PhraseHit> roles;           // lexicon.roles(lang == "zh").find_all(…): payload the role pattern
        std::vector<PhraseHit> reciprocal_nouns;  // english.reciprocal_nouns().find_all(…); none for "zh"
        std::vector<PhraseHit> short_forms;  // MentionFinder::add_words()'s dictionaries, either language
        std::vector<PhraseHit> anaphora;
        std::vector<PhraseHit> time_texts;   // for TimeTagger::find(…, text_hits)
    };
    // `hits` becomes the hits of the dictionaries for `lang` in text[range]. Filled in place: the
    // lists where the caller keeps them, with no moves after the scan.
    void find(std::string_view lang, std::string_view text, TextRange range, Hits& hits) const;
    // find() of each of a window's sentences, in one scan a language with the sentences side by
    // side (DictionarySet::find_all_in): faster than one sentence at a time.
    struct Sentence {
        std::string_view lang;
        TextRange range;
        Hits* hits;
    };
    void find_in(std::string_view text, std::span<const Sentence> sentences) const;

private:
    enum Dictionary : std::size_t { kCueLists, kVerbs, kRoles, kReciprocalNouns, kShortForms, kAnaphora, kTimeTexts, kDictionaries };

    std::array<DictionarySet, 2> sets_{DictionarySet(kDictionaries), DictionarySet(kDictionaries)};  // [0] "zh", [1] every other language ("en")
};

}  // namespace chronokg
