#pragma once
// chronokg::GraphStats — what a graph holds, in numbers: entities by type, events by relation,
// the dates it spans, and its most connected and most central entities.
//
// Degree is Boost's (in-edges plus out-edges, so a collapsed edge counts once); PageRank is
// Boost's page_rank over the directed graph (damping 0.85, 50 iterations), scaled so the ranks
// sum to 1: an entity ranks high when much points at it, as a policy revoked or a company
// partnered with by many. Events count occurrences (a collapsed edge counts its weight).
// Every list is sorted (counts and ranks descending, then by name or id), so the same graph
// gives the same numbers.
// Thread safety: a pure function over a graph that does not change meanwhile.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/event.hpp"
#include "graph/knowledge_graph.hpp"

namespace chronokg {

struct RankedEntity {
    EntityRef entity;
    std::size_t degree = 0;
    double pagerank = 0.0;
};

struct GraphStats {
    std::size_t entities = 0;
    std::size_t edges = 0;
    std::size_t events = 0;      // occurrences: the sum of edge weights
    std::size_t documents = 0;   // distinct documents the edges come from
    std::optional<Date> first_date;
    std::optional<Date> last_date;
    std::vector<std::pair<std::string, std::size_t>> types;      // entity type → entities
    std::vector<std::pair<std::string, std::size_t>> relations;  // relation → events
    std::vector<RankedEntity> top_by_degree;
    std::vector<RankedEntity> top_by_pagerank;
};

// The statistics of `graph`, with at most `top` entities in each ranking.
GraphStats compute_stats(const KnowledgeGraph& graph, std::size_t top = 10);

}  // namespace chronokg
