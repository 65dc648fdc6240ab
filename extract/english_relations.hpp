#pragma once
// chronokg::EnglishRelations — sentence rules for English news.
//
// What it represents: the grammar side of English extraction; words come from the pack.
// For each relation verb of a sentence (EnglishClauses):
//  - Subject: a relative pronoun's antecedent (`Huawei, which designs …`; an apposition's head
//    for `the Rule, a framework that was issued by …`); for a gerund opening the sentence (`By
//    taking control of …, the Dutch government …`) the main clause's subject; for a verb
//    coordinated by `and` the subject of the verb or speech verb before (`reported by
//    TechInsights and shared with Reuters`); else the nearest noun group before the verb that
//    no preposition governs and no relative clause holds, appositions skipped. A possessive
//    stands for its owner before an `agent_nouns` word (`BIS's first rule will add …`).
//  - Objects: the noun phrase after the verb, past an `object_frame` (`exports of`), as a list
//    (`gallium, germanium and antimony` → three objects; `190 persons or organizations` stays
//    one), an apposition standing for a description (`China's leading manufacturer, SMIC,`), a
//    possessive for its owner (`Huawei's access to …` → Huawei), else the phrase as a literal
//    when the relation allows CONCEPT objects (amounts and pronouns are none). A pattern tail
//    (`add {O} to the Entity List`) must follow the object; determiners and possessives inside
//    it may differ (`to the Bureau's Entity List`).
//  - Passives: `was rescinded by X` and `the chip, manufactured in China by SMIC` make X the
//    subject and the noun before the verb the object; without an agent the event is dropped, or
//    kept with an unknown subject when asked.
//  - `place_relations`: `build a fab in Boise` → builds in Boise. `reciprocal_relations` with
//    coordinated subjects and no object, and `reciprocal_nouns` (`a deal between A, B and C`):
//    the first party with each other one.
//  - Roles: `Nvidia CEO Jensen Huang`, `Jensen Huang, Nvidia's chief executive`, `Secretary of
//    Commerce Wilbur Ross`, `Wilbur Ross, U.S. Secretary of Commerce` (the organization after
//    `of` wins), `Wingtech, the owner of Nexperia` (`org_roles` may be held by organizations).
//  - Polarity (`not`, `won't`, `refused to`) from the subject to the verb; modality: `if`,
//    `could` (hypothetical), `will`, `plans to`, `is expected to`, `said it would` (planned),
//    a speech verb in the sentence (reported).
//  - Date: a time expression of the verb's segment (before the verb first, then after it, never
//    one inside the object or one that says when something takes effect: `from July 23`), else
//    one in a leading adverbial (`Last week, …`), else one beside a speech verb later in the
//    sentence (`…, its trade ministry said on Tuesday`); else the extractor's context rules.
// Thread safety: find() may be called concurrently.
#include <cstdint>
#include <utility>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extract/english_clauses.hpp"
#include "extract/phrase_matcher.hpp"
#include "extract/sentence_view.hpp"
#include "extract/word_shapes.hpp"

namespace chronokg {

class CueWords;
class Normalizer;
class RelationLexicon;
class RulePack;

class EnglishRelations {
public:
    EnglishRelations(const RulePack& pack, const RelationLexicon& lexicon, const CueWords& cues,
                     const Normalizer& normalizer);

    // `agentless_passives`: keep `X was revoked` with an unknown subject (id "unknown").
    std::vector<RelationCandidate> find(const SentenceView& view, bool agentless_passives = false) const;

    // Nouns that state a relation among the members of the group after them (`a deal between
    // …`); payload: the relation's index. Found in a sentence by SentenceScan (SentenceView::reciprocal_nouns).
    const PhraseMatcher& reciprocal_nouns() const { return reciprocal_nouns_; }

private:
    class SentenceRules;

    const RelationLexicon& lexicon_;
    const CueWords& cues_;
    EnglishClauses clauses_;
    std::set<std::string> org_roles_;                // role relation names
    // By relation index, decided once here (the rules asked maps by the relation's name for
    // every verb): whether it is a `reciprocal_relations` one, the types a `that` clause may
    // give it (none: no clause objects), and its place relation's index.
    std::vector<bool> reciprocal_;
    std::vector<std::set<std::string>> clause_objects_;
    std::vector<std::optional<std::uint32_t>> place_of_;
    PhraseMatcher reciprocal_nouns_;                 // payload: relation index
    // Relation index → the last relation of the same name, whose rule an event of it follows
    // (the first of each name, in a pack without two of one name), decided once here.
    std::vector<std::uint32_t> rule_of_;
    // The shapes of the `relative_pronouns` words: run() asks whether the word after each comma
    // is one, before any other rule asks about most of those words.
    WordShapes relative_pronoun_shapes_;
};

}  // namespace chronokg
