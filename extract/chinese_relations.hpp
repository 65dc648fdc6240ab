#pragma once
// chronokg::ChineseRelations — clause rules for Chinese news sentences.
//
// What it represents: the grammar side of Chinese extraction, word lists coming from the pack.
//  - Noun groups: adjacent mentions form one unit whose head is the last (`韩国三星电子` →
//    Samsung); units joined by coordination words (`、`, 和, 及) form a group, one event each.
//  - Role appositions: ORG + title + name (`英伟达首席执行官黄仁勋`, `商务部长吉娜·雷蒙多`) give
//    `PERSON <role> ORG`, and the unit's head is the person. Unknown names after a title are
//    read as `·` names or two to three characters ending before a `name_stop` word.
//  - Verbs: the subject is the clause's first group not governed by a preposition, else the
//    subject carried from an earlier clause of the sentence; a verb directly followed by
//    another verb (`宣布撤销`) yields to it. Objects: the group after the verb that heads its
//    phrase (not followed by 的), else the phrase itself as a literal (the words after the last
//    的 when long). Frames `与{O}合作`, `将{O}列入…` take the object between their parts.
//  - Passives: `由X签署`, `被X列入`, `遭X` make X the subject; no agent, no event.
//  - Polarity and modality from `negation`, `planned`, `hypothetical`, `reported` words.
// Thread safety: find() may be called concurrently.
#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/sentence_view.hpp"

namespace chronokg {

class CueWords;
class RelationLexicon;

class ChineseRelations {
public:
    ChineseRelations(const RelationLexicon& lexicon, const CueWords& cues);

    // Candidates of one sentence.
    std::vector<RelationCandidate> find(const SentenceView& view) const;

private:
    const RelationLexicon& lexicon_;
    const CueWords& cues_;
    // The pack's literal_type words ("芯片=PRODUCT") split once into a head noun and the entity
    // of a literal object with that head (no id or label: the extractor makes them from the
    // object's words; its type the word's): a literal object looks its head up in them (splitting
    // them for each one cost 0.7% of Chinese extraction), and points at that entity, never
    // changed, as all literals of the type do (a copy kept in the sentence's store for each one
    // was three strings made and one more entry stored).
    std::vector<std::pair<std::string, EntityRef>> literal_types_;
    // Their indices by the last byte of the head, in pack order (an empty head, which every
    // phrase ends with, under every byte): a literal object is compared only with the heads it
    // may end with, not with all of them.
    std::array<std::vector<std::uint32_t>, 256> literal_types_by_last_byte_;
    // By relation (RelationLexicon::relations()): whether it takes a literal object of some type
    // (CONCEPT, or a literal_type's). A relation that takes none gets no event from a literal,
    // so the rules do not read one for it.
    std::vector<bool> takes_literal_;
    // The characters the noun_suffix words start with, as 4096 bits by the low six bits of their
    // second and third bytes (a set of first characters, SentenceRules::noun_suffix_at()):
    // where a verb's next character is not among them, no such word follows it, and the list's
    // matcher is not walked (most verbs are followed by none; the walk was 1 % of Chinese
    // extraction).
    std::bitset<4096> noun_suffix_starts_;
    // Whether a noun_suffix word starts otherwise than with a three-byte character (or is
    // shorter): the matcher is then walked everywhere.
    bool noun_suffix_starts_anyhow_ = false;
};

}  // namespace chronokg
