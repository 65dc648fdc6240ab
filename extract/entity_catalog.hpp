#pragma once
// chronokg::EntityCatalog — the rule pack's entities, compiled for matching and lookup.
//
// What it represents: every entity of the pack (id, canonical label, type) and every alias
// folded (Normalizer::fold) into one PhraseMatcher. An alias several entities share is
// ambiguous; its hit lists all candidates in pack order, and MentionFinder picks one from the
// document's context. Labels are aliases too.
// Thread safety: immutable after construction.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/event.hpp"
#include "extract/phrase_matcher.hpp"

namespace chronokg {

class Normalizer;
class RulePack;

class EntityCatalog {
public:
    EntityCatalog(const RulePack& pack, const Normalizer& normalizer);

    const std::vector<EntityRef>& entities() const { return entities_; }

    // Alias hits in text[begin, end) (overlapping ones included); payload = alias index.
    std::vector<PhraseHit> find(std::string_view text, std::size_t begin, std::size_t end) const {
        return matcher_.find_all(text, begin, end);
    }
    // The same for each range (a document's sentences), faster than one at a time.
    std::vector<std::vector<PhraseHit>> find_in(std::string_view text,
                                                const std::vector<std::pair<std::size_t, std::size_t>>& ranges) const {
        return matcher_.find_all_in(text, ranges);
    }
    // The same into the caller's lists, *lists[r] for ranges[r] (PhraseMatcher::find_all_in):
    // lists kept from one window to the next keep their room.
    void find_in(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                 std::vector<PhraseHit>* const* lists) const {
        matcher_.find_all_in(text, ranges, lists);
    }
    // The alias find() finds first among those that are all of `text` (the first added), or
    // nullopt: one walk down the automaton instead of a scan, for a caller that asks about a
    // whole name.
    std::optional<std::uint32_t> whole_alias(std::string_view text) const {
        std::optional<std::uint32_t> first;
        matcher_.for_each_exact(text, 0, text.size(), [&first](std::uint32_t alias) {
            if (!first) first = alias;
        });
        return first;
    }
    // Entities (indexes into entities()) an alias hit may mean, in pack order.
    const std::vector<std::uint32_t>& candidates(std::uint32_t alias) const { return alias_candidates_[alias]; }

    // The entity whose alias, id or label equals `name` after folding and ASCII lower-casing,
    // or nullopt. Ambiguous names give the first candidate.
    std::optional<std::uint32_t> lookup(std::string_view name) const;

private:
    const Normalizer& normalizer_;
    std::vector<EntityRef> entities_;
    std::vector<std::vector<std::uint32_t>> alias_candidates_;
    std::unordered_map<std::string, std::uint32_t> alias_index_;  // folded, lower-cased → alias
    // id → the first entity with it: lookup() by id was a pass over every entity, some 5,000
    // instructions for each title it asked about.
    std::unordered_map<std::string, std::uint32_t> id_index_;
    PhraseMatcher matcher_;
};

// Stable id for an entity the pack does not know, from its folded surface form:
// ASCII lower-cased, runs of spaces and punctuation turned into one '-', CJK kept.
std::string derive_entity_id(std::string_view folded);

}  // namespace chronokg
