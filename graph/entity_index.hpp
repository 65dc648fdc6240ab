#pragma once
// chronokg::EntityIndex — finding a graph's entities by any of their names.
//
// What it represents: every vertex's id, label and aliases under the comparison key extraction
// uses for names (Normalizer::fold, then ASCII lower-casing, outer spaces trimmed), so a name in
// any script, case or width finds its vertex: `BIS`, `bis`, `ＢＩＳ`, `Bureau of Industry and
// Security` all find `bis`. When the rule pack's EntityCatalog is given, its aliases count too,
// so `工業和安全局` finds `bis` even when no article wrote it that way.
// A name several vertices share (two ids with one label) resolves to all of them.
// Thread safety: immutable after construction; const methods may be called concurrently.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/event.hpp"
#include "graph/knowledge_graph.hpp"

namespace chronokg {

class EntityCatalog;
class Normalizer;

// A known name and the entity it belongs to, for "did you mean" messages.
struct NameSuggestion {
    std::string name;  // the label or alias as written in the graph
    std::string id;    // the entity's id
};

class EntityIndex {
public:
    // `graph`, `catalog` (may be null) and `normalizer` must outlive the index.
    // The default normalizer is Normalizer::shared(), the one extraction uses.
    explicit EntityIndex(const KnowledgeGraph& graph, const EntityCatalog* catalog = nullptr);
    EntityIndex(const KnowledgeGraph& graph, const EntityCatalog* catalog, const Normalizer& normalizer);
    EntityIndex(KnowledgeGraph&&, const EntityCatalog* = nullptr) = delete;  // it would dangle

    // Vertex indexes of the entities `name` names, ascending: the vertex whose id has that key,
    // else the vertices one of whose labels or aliases has it, else the vertex of the catalog
    // entity the name is an alias of. Empty when the name is unknown.
    std::vector<std::size_t> resolve(std::string_view name) const;

    // Up to `limit` entities whose names are closest to `name` (edit distance in code points
    // between keys; ties by name, then id), one suggestion an entity: those within
    // max(2, length / 2) edits, or when none is, the nearest three.
    std::vector<NameSuggestion> closest(std::string_view name, std::size_t limit = 5) const;

    // The rule pack's entity for `name`, whether or not the graph has it; nullopt without a
    // catalog or when the pack does not know the name.
    std::optional<EntityRef> catalog_entity(std::string_view name) const;

    // The comparison key of a name: folded, ASCII lower-cased, outer spaces trimmed.
    std::string key(std::string_view name) const;

private:
    const KnowledgeGraph& graph_;
    const EntityCatalog* catalog_;
    const Normalizer& normalizer_;
    std::unordered_map<std::string, std::size_t> by_id_;                 // key of id → vertex
    std::unordered_map<std::string, std::vector<std::size_t>> by_name_;  // key of label/alias → vertices
};

}  // namespace chronokg
