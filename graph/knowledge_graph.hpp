#pragma once
// chronokg::KnowledgeGraph — entities as vertices, dated events as edges (Boost.Graph).
//
// What it represents: a directed multigraph in a boost::adjacency_list with bundled properties.
// Vertices are entities merged by id; literal objects are vertices of type CONCEPT. Edges are
// events (subject → object), one per occurrence, or one per (subject, relation, object) with a
// weight and all their dates when collapsed. Vertex order is by id and edge order by source,
// target, relation, date, document and sentence, so the same events give the same graph, and
// the same files, whatever order they arrive in.
// Public functions take and return ids and values, never Boost descriptors.
// Thread safety: const methods may be called concurrently; building is single-threaded.
#include <boost/container/small_vector.hpp>
#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "core/date.hpp"
#include "core/event.hpp"

namespace chronokg {

// An entity. Texts carry no outer whitespace (the builder trims it).
struct VertexData {
    std::string id;
    std::string label;                 // never empty (the id when no label was seen)
    std::string type;                  // PERSON, ORG, …; CONCEPT for a literal noun phrase
    std::vector<std::string> aliases;  // other labels seen for this id, sorted
    std::size_t mentions = 0;          // events it takes part in (a self-loop counts twice)
    std::optional<Date> first_seen;    // earliest and latest event date, at their precision
    std::optional<Date> last_seen;

    bool operator==(const VertexData&) const = default;
};

// The dates of an edge. One is kept inside the edge: most edges have one date, and a million
// vectors of one date each were a million allocations, and a cache miss each time a writer
// reads an edge's date. Moving one never throws, and says so (Boost's small_vector does not):
// otherwise a std::vector of edges would copy every edge, texts and all, each time it grows.
class DateList : public boost::container::small_vector<Date, 1> {
public:
    using small_vector::small_vector;
    DateList() = default;
    DateList(const DateList&) = default;
    DateList(DateList&&) noexcept = default;
    DateList& operator=(const DateList&) = default;
    DateList& operator=(DateList&&) noexcept = default;
};

// An event, or several with one subject, relation, object and polarity when collapsed; the
// texts (doc, sentence, evidence, rule, modality) are then those of the first in edge order.
// The date's precision is date->precision(). Confidence is rounded to two decimals.
struct EdgeData {
    std::string relation;
    std::string relation_text;
    std::optional<Date> date;  // the first date, when collapsed
    DateList dates;            // every distinct date, sorted (at most one entry unless collapsed)
    Polarity polarity = Polarity::positive;
    Modality modality = Modality::asserted;
    double confidence = 0.0;
    std::string doc;
    std::size_t sentence = 0;
    std::string evidence;
    std::string rule;
    std::size_t weight = 1;  // occurrences merged into this edge

    bool operator==(const EdgeData&) const = default;
};
static_assert(std::is_nothrow_move_constructible_v<EdgeData>, "vectors of edges must move them, not copy them");

class KnowledgeGraph {
public:
    // The structure only: an edge's data is kept beside it (edge_data_, below), which keeps
    // Boost's edges small and one contiguous vector (vecS edge list) instead of a list
    // node each; a graph of a million events then builds without a million allocations.
    using Storage = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData,
                                          boost::no_property, boost::no_property, boost::vecS>;

    struct EdgeView {
        std::size_t source;  // vertex index
        std::size_t target;
        const EdgeData* data;
    };

    std::size_t vertex_count() const { return boost::num_vertices(graph_); }
    std::size_t edge_count() const { return boost::num_edges(graph_); }
    const VertexData& vertex(std::size_t index) const { return graph_[index]; }
    // Edges in and out of the vertex at `index`, a self-loop counting twice.
    std::size_t degree(std::size_t index) const;
    // Index of the vertex with `id`, or nullopt.
    std::optional<std::size_t> find_vertex(const std::string& id) const;
    // Every edge, in the graph's deterministic order.
    std::vector<EdgeView> edges() const;

    // Building: add_vertex() for each entity, then add_edge(); ids must be unique.
    std::size_t add_vertex(VertexData data);
    void add_edge(std::size_t source, std::size_t target, EdgeData data);
    // Edges in a batch: edge i goes from ends[i].first to ends[i].second with data[i], or with
    // data[data_of_edge[i]] when data_of_edge is given (a permutation of the data's indexes: the
    // data stay where they are, in any order, instead of being moved into edge order). The data
    // are taken whole, without a copy, when the graph has no edges yet.
    void add_edges(const std::vector<std::pair<std::size_t, std::size_t>>& ends, std::vector<EdgeData> data,
                   std::vector<std::size_t> data_of_edge = {});

    const Storage& storage() const { return graph_; }

private:
    const EdgeData& data_of(std::size_t edge) const {
        return edge_data_[edge_data_index_.empty() ? edge : edge_data_index_[edge]];
    }

    Storage graph_;
    // Edge i's data: edge_data_[edge_data_index_[i]], or edge_data_[i] while the index is empty.
    // The graph builder sorts edges without moving their data (a million moves of a few cache
    // lines each, from anywhere in memory, were the slowest step of building a graph).
    std::vector<EdgeData> edge_data_;
    std::vector<std::size_t> edge_data_index_;
    std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace chronokg
