#pragma once
// chronokg::GraphQuery — questions asked of a KnowledgeGraph: which events, whose timeline,
// which neighbours, what connects two entities.
//
// What it represents: a read-only view over one graph and its EntityIndex. Entities are named
// as a user would name them (any alias, any script, any case or width; see EntityIndex); a
// name that finds no entity throws chronokg::Error whose message lists the closest names known.
// Results are plain values (entity refs and copies of the edges' data), never Boost
// descriptors, and always in one deterministic order:
//   events:    date (undated last), then document, sentence, subject id, relation, object id;
//   neighbors: distance, then id;
//   path:      from the first entity to the second.
// Dates in filters are inclusive and may be partial: `from = 2025-05` starts on May 1st and
// `to = 2025-05` ends on May 31st. An event is inside the window when its whole date is (an
// event dated `2025-05` is inside May, not inside May 13th); undated events are outside every
// window. A collapsed edge is inside when one of its dates is, and reports the first of those.
// Thread safety: const methods may be called concurrently; the graph and catalog must outlive it
// and not change.
#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/event.hpp"
#include "graph/entity_index.hpp"
#include "graph/knowledge_graph.hpp"

namespace chronokg {

// One edge of the graph as values: who, what, whom and its data (date, polarity, evidence...).
struct GraphEvent {
    EntityRef subject;
    EntityRef object;
    EdgeData data;
};

// What find() looks for; every field is optional and an empty filter finds every event.
struct EventFilter {
    std::optional<std::string> subject;   // an entity name (alias-aware)
    std::optional<std::string> object;    // an entity name (alias-aware)
    std::optional<std::string> entity;    // an entity name on either side
    std::optional<std::string> relation;  // canonical ("revokes") or as written ("撤銷"), case folded
    std::optional<Date> from;             // inclusive
    std::optional<Date> to;               // inclusive
    std::optional<Polarity> polarity;
    std::optional<Modality> modality;
};

// An entity reached from the start of neighbors().
struct Neighbor {
    EntityRef entity;
    std::size_t distance = 0;         // hops from the start, ignoring edge direction (>= 1)
    std::vector<GraphEvent> events;   // the events joining it to entities one hop nearer the start
};

// One hop of a path: two adjacent entities and every event between them, either direction.
struct PathStep {
    EntityRef from;
    EntityRef to;
    std::vector<GraphEvent> events;
};

class GraphQuery {
public:
    // `graph` and `catalog` (the rule pack's entities, may be null) must outlive the query.
    explicit GraphQuery(const KnowledgeGraph& graph, const EntityCatalog* catalog = nullptr);
    GraphQuery(KnowledgeGraph&&, const EntityCatalog* = nullptr) = delete;  // it would dangle

    const EntityIndex& index() const { return index_; }

    // The entities `name` names (usually one); empty when it names none.
    std::vector<EntityRef> entities(std::string_view name) const;

    // The events matching `filter`, in event order. Throws when a name finds no entity.
    std::vector<GraphEvent> find(const EventFilter& filter) const;

    // Every event `name` takes part in, as subject or object, in event order.
    std::vector<GraphEvent> timeline(std::string_view name) const;

    // The entities at most `depth` hops from `name` (edges taken in either direction), nearest
    // first. depth 0 gives nothing.
    std::vector<Neighbor> neighbors(std::string_view name, std::size_t depth = 1) const;

    // The fewest hops from `from` to `to` (edges taken in either direction), with the events
    // along it; ties go to the path found first in vertex order. Empty when they are the same entity,
    // nullopt when nothing connects them.
    std::optional<std::vector<PathStep>> path(std::string_view from, std::string_view to) const;

    // The entity of vertex `v` (an index of the graph) as a value.
    EntityRef entity_ref(std::size_t v) const;

private:
    // One edge per pair of adjacent entities; its property indexes links_.
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, std::size_t>;

    // The vertices `name` finds; throws chronokg::Error naming the closest names when none.
    std::vector<std::size_t> require(std::string_view name) const;
    GraphEvent event_of(std::size_t edge) const;
    // Breadth-first search from `sources` over undirected_: hop counts (SIZE_MAX when not
    // reached) and, for each vertex reached, the link it was reached by.
    void search(const std::vector<std::size_t>& sources, std::vector<std::size_t>& distance,
                std::vector<std::size_t>& via) const;
    // The events joining two adjacent entities, in event order.
    std::vector<GraphEvent> link_events(std::size_t link) const;

    // Two adjacent entities (a < b, vertex indexes) and the edges between them.
    struct Link {
        std::size_t a = 0;
        std::size_t b = 0;
        std::vector<std::size_t> edges;  // indexes into edges_
    };

    const KnowledgeGraph& graph_;
    EntityIndex index_;
    std::vector<KnowledgeGraph::EdgeView> edges_;
    Undirected undirected_;
    std::vector<Link> links_;  // indexed by the property of undirected_'s edges
};

// Event order (see GraphQuery): date with undated last, document, sentence, subject id,
// relation, object id, then the rest of the edge, so no two distinct events tie.
bool graph_event_less(const GraphEvent& a, const GraphEvent& b);

}  // namespace chronokg
