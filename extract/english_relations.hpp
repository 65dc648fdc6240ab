#pragma once
// chronokg::EnglishRelations — sentence rules for English news.
//
// What it represents: the grammar side of English extraction, word lists coming from the pack.
//  - Verbs are found in every inflection of the pack's lemmas (`revoke`, `revoked`, …).
//  - Subject: the nearest noun group left of the verb that no preposition governs, skipping
//    appositions between commas and relative clauses (`, which …,`); objects: the first group
//    after the verb (possessives such as `China's` modify the next noun and are skipped), else
//    the noun phrase itself as a literal. A pattern tail (`add {O} to the Entity List`) must
//    follow the object.
//  - Passives: `was revoked by X` makes X the subject and the group before the verb the
//    object; without `by`, no event.
//  - Role appositions: `Nvidia CEO Jensen Huang`, `Jensen Huang, Nvidia's chief executive`,
//    `Secretary of Commerce Wilbur Ross`.
//  - Polarity (`not`, `never`, `refused to`) and modality (`will`, `plans to`, `if`, `said`).
// Thread safety: find() may be called concurrently.
#include <vector>

#include "extract/sentence_view.hpp"

namespace chronokg {

class CueWords;
class RelationLexicon;

class EnglishRelations {
public:
    EnglishRelations(const RelationLexicon& lexicon, const CueWords& cues);

    std::vector<RelationCandidate> find(const SentenceView& view) const;

private:
    const RelationLexicon& lexicon_;
    const CueWords& cues_;
};

}  // namespace chronokg
