#pragma once
// chronokg::SentenceView and RelationCandidate — what the language rules see and return.
//
// A SentenceView is one sentence of a document with everything found in it so far: its clauses,
// entity mentions and time expressions (all ranges in the folded text). Language rules
// (ChineseRelations, EnglishRelations) turn it into RelationCandidates; the Extractor dates them
// and turns them into Events. Thread safety: plain values, read-only while rules run.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.hpp"
#include "extract/english_tokens.hpp"
#include "extract/mention_finder.hpp"
#include "extract/segmenter.hpp"
#include "extract/sentence_cues.hpp"
#include "extract/time_tagger.hpp"

namespace chronokg {

// The Extractor keeps its views from one sentence to the next (their lists keep their room), and
// Extractor::Reading::Prepared::reset() sets each field back as a new view has it: a field added
// here must be reset there too.
struct SentenceView {
    std::string_view text;  // the whole folded document text
    const Sentence* sentence = nullptr;
    std::size_t index = 0;  // sentence number in the document
    std::string lang;       // "zh" or "en"
    std::vector<Mention> mentions;    // in this sentence, in text order
    std::vector<TimeMention> times;   // in this sentence, in text order
    std::vector<EnglishToken> tokens; // an English sentence's english_tokens(), made once by the Extractor for every rule
    const SentenceCues* cues = nullptr; // the cue words of the sentence, found once by the Extractor for every rule
    // The relation verbs and the role titles in the sentence (RelationLexicon::verbs and roles of
    // its language), as find_all gives them: found by the Extractor with its cue words
    // (SentenceScan), for every rule.
    std::vector<PhraseHit> verbs;
    std::vector<PhraseHit> roles;
    std::vector<PhraseHit> reciprocal_nouns;  // EnglishRelations::reciprocal_nouns, likewise (English sentences)
    // Where the rules keep the entities they make up (an unnamed organization, a literal
    // object): a store that outlives the view and the candidates, cleared sentence by sentence.
    EntityStore* entities = nullptr;
};

// An entity in an event: a mention of a known or pattern-found entity, or a literal phrase.
struct Argument {
    const EntityRef* entity = nullptr;  // as Mention::entity
    TextRange range;  // where it stands in the folded text
};

struct RelationCandidate {
    Argument subject;
    Argument object;
    std::string relation;  // canonical relation
    TextRange verb;        // the words that express it, in the folded text
    TextRange clause;      // the clause holding the verb
    Polarity polarity = Polarity::positive;
    Modality modality = Modality::asserted;
    std::string rule;
    double confidence = 0.0;
    // The time expression the language rules chose for the event (time_decided), with where it
    // stands: `clause` or `sentence`. When time_decided is false the extractor chooses.
    bool time_decided = false;
    std::optional<TextRange> time{};  // ({}: the rules initialize candidates up to `confidence`, warning-free)
    DateSource time_source = DateSource::clause;
};

}  // namespace chronokg
