#pragma once
// The graph as Gephi should import it (GEXF, and the spreadsheet CSV).
//
// What it represents: Gephi merges parallel edges of one kind on import and rejects a node or
// edge whose time intervals overlap. So edges with the same source, target, relation and
// polarity become one edge here: its kind is edge_kind() (the relation, or "not relation"), its
// weight the sum of their weights, its dates all of theirs, its confidence the highest, its
// other texts those of the first in the graph's edge order; its spells are its dates as merged
// day intervals (one a dated occurrence, unless two overlap). A node lives from the start of
// its first dated event to the end of its last (the hull of its edges' spells); undated nodes
// and edges have no interval and are shown at every time.
// Edges are ordered by source, target and kind, so the view is as deterministic as the graph.
// Thread safety: a value computed from a graph that must outlive it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "export/time_interval.hpp"
#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

// The merged edge described above. Its texts, polarity and modality are those of `first`; it
// points into the graph (no copy of a million evidence strings), which must outlive it.
struct GephiEdge {
    std::size_t source;  // vertex index
    std::size_t target;
    std::string kind;
    const EdgeData* first = nullptr;  // the first of the merged edges in the graph's edge order
    std::size_t weight = 0;           // their weights summed
    double confidence = 0.0;          // the highest of theirs
    DateList dates;                   // all of theirs, distinct, sorted
    std::vector<TimeInterval> spells;

    std::optional<Date> date() const { return dates.empty() ? std::nullopt : std::optional<Date>(dates.front()); }
};

struct GephiView {
    std::vector<GephiEdge> edges;
    std::vector<std::optional<TimeInterval>> lifetimes;  // a vertex index each
};

GephiView gephi_view(const KnowledgeGraph& graph);

// Node size for Gephi and d3: grows with the square root of the degree, from 10.
double node_size(std::size_t degree);

}  // namespace chronokg::io
