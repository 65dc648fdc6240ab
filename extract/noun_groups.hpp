#pragma once
// chronokg::NounGroups — mentions of one clause joined into units and coordinated groups.
//
// What it represents: the noun side of a clause for the relation rules of either language.
// A unit is a run of mentions with nothing between them but spaces (`韩国三星电子`, whose head is
// the last mention, as heads come last in Chinese and in English compounds) or a role title
// standing between an organization and a person (the person is the head). A group is units
// joined only by coordination words (`、`, 和, `and`, `,`): each member gets its own event.
// Units followed by a possessive (`China's`), by 的, or place names right before a plain noun
// (美国技术) modify what follows and are flagged.
// Thread safety: a value computed per clause.
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "extract/sentence_view.hpp"

namespace chronokg {

class SentenceCues;

struct NounGroup {
    std::vector<Argument> members;
    TextRange range;
    bool modifier = false;     // it describes the next noun: before 的 or 's, or a nationality
    bool nationality = false;  // a place name before a plain noun (美国企业): never the subject
};

// Makes groups[count] a group of `head` alone over `range`, with no flags, and counts it. The
// builders take a sentence's groups again, with their members' room, before they add one.
inline NounGroup& start_group(std::vector<NounGroup>& groups, std::size_t& count, const Argument& head, TextRange range) {
    if (count == groups.size()) groups.emplace_back();
    NounGroup& group = groups[count++];
    group.members.clear();
    group.members.push_back(head);
    group.range = range;
    group.modifier = false;
    group.nationality = false;
    return group;
}

// Where a role title joins an organization to a person, so the two form one unit.
struct RoleJoin {
    TextRange org;
    TextRange person;
};

// Where a clause's predicates (relation verbs, times) start, for the rules that ask: a place
// name before one is a subject, before a plain noun a modifier. Found by the caller at the
// first question only, as most clauses never ask.
class PredicateStarts {
public:
    virtual const std::vector<std::size_t>& get() const = 0;

protected:
    ~PredicateStarts() = default;
};

// Groups of the mentions inside `clause`, in text order, into the first groups of `groups`;
// returns how many. The groups after those are room kept, not freed: what `groups` held is
// taken again with its members' room, for a caller that asks clause after clause.
// Coordination never crosses a `barrier` (the `与` of a `与{O}合作` frame, for one).
// `cues` are those of the clause's sentence.
std::size_t noun_groups(std::string_view text, const std::vector<Mention>& mentions, TextRange clause, std::string_view lang,
                 const SentenceCues& cues, const std::vector<RoleJoin>& roles, std::span<const TextRange> barriers,
                 const PredicateStarts& verb_starts, std::vector<NounGroup>& groups);

// `r` without spaces at either end. (In the header: the rules of both languages ask it some
// 60,000 times a MB, most often of a range that has none, where the call cost more than the
// tests.)
inline TextRange trim_spaces(std::string_view text, TextRange r) {
    while (r.begin < r.end && text[r.begin] == ' ') ++r.begin;
    while (r.end > r.begin && text[r.end - 1] == ' ') --r.end;
    return r;
}

// Whether the noun starting at `begin` follows a preposition (在中国台湾, `of Commerce`); `cues`
// are those of the clause's sentence.
bool governed_by_preposition(std::string_view text, std::size_t begin, TextRange clause, std::string_view lang,
                             const SentenceCues& cues);

}  // namespace chronokg
