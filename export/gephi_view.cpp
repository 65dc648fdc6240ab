#include "export/gephi_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>

#include "export/graph_text.hpp"
#include "graph/interner.hpp"

namespace chronokg::io {

namespace {

// Each edge's kind as a number that orders as its text does (`kinds` gets the texts by number).
// Edges come sorted by relation and polarity within a source and target, so most have the kind
// of the edge before: one comparison each, instead of a string made and looked up for every edge.
std::vector<std::uint32_t> kind_ranks(const std::vector<KnowledgeGraph::EdgeView>& edges, std::vector<std::string>& kinds) {
    Interner interner;  // by the kind's text: two spellings of one kind are one
    std::vector<std::uint32_t> number_of_edge(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        if (i + kPrefetchAhead < edges.size()) prefetch_edge(edges[i + kPrefetchAhead].data);
        const EdgeData& d = *edges[i].data;
        const EdgeData* last = i > 0 ? edges[i - 1].data : nullptr;
        number_of_edge[i] = last != nullptr && last->relation == d.relation && last->polarity == d.polarity
                                ? number_of_edge[i - 1]
                                : interner.intern(edge_kind(d));
    }
    const std::vector<std::uint32_t> rank = interner.ranks();
    for (auto& n : number_of_edge) n = rank[n];
    kinds.assign(interner.size(), std::string());
    for (std::uint32_t k = 0; k < interner.size(); ++k) kinds[rank[k]] = interner.text(k);
    return number_of_edge;
}

}  // namespace

GephiView gephi_view(const KnowledgeGraph& graph) {
    // The edges grouped by source, target and kind, each group in the graph's edge order: their
    // positions sorted on numbers. A built graph is in order of its ends already, and of relation
    // and polarity after them, so then at most the edges between two vertices are sorted.
    const auto edges = graph.edges();
    std::vector<std::string> kinds;  // by rank
    const std::vector<std::uint32_t> rank = kind_ranks(edges, kinds);
    auto key = [&](std::size_t i) { return std::make_tuple(edges[i].source, edges[i].target, rank[i]); };
    std::vector<std::size_t> order(edges.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    // Ties in position order: the same as a stable sort on the key.
    const auto less = [&](std::size_t a, std::size_t b) { return std::make_tuple(key(a), a) < std::make_tuple(key(b), b); };
    const auto ends = [&](std::size_t i) { return std::make_pair(edges[i].source, edges[i].target); };
    if (!std::is_sorted(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ends(a) < ends(b); })) {
        std::sort(order.begin(), order.end(), less);
    } else {
        // Only the edges between two vertices may need reordering (a negated relation's kind
        // sorts among the n's, its edges after the relation's): each such run on its own.
        for (auto run = order.begin(); run != order.end();) {
            const auto run_end = std::find_if(run, order.end(), [&](std::size_t i) { return ends(i) != ends(*run); });
            if (!std::is_sorted(run, run_end, less)) std::sort(run, run_end, less);
            run = run_end;
        }
    }

    GephiView view;
    std::vector<std::vector<TimeInterval>> touching(graph.vertex_count());
    for (std::size_t begin = 0, end; begin < order.size(); begin = end) {
        if (begin + kPrefetchAhead < order.size()) prefetch_edge(edges[order[begin + kPrefetchAhead]].data);
        end = begin + 1;
        while (end < order.size() && key(order[end]) == key(order[begin])) ++end;
        const KnowledgeGraph::EdgeView& head = edges[order[begin]];
        GephiEdge edge{head.source, head.target, kinds[rank[order[begin]]], head.data, head.data->weight,
                       head.data->confidence, head.data->dates, {}};
        for (std::size_t i = begin + 1; i < end; ++i) {
            const EdgeData& d = *edges[order[i]].data;
            edge.weight += d.weight;
            edge.confidence = std::max(edge.confidence, d.confidence);
            edge.dates.insert(edge.dates.end(), d.dates.begin(), d.dates.end());
        }
        auto& dates = edge.dates;
        std::sort(dates.begin(), dates.end());
        dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
        edge.spells = merged_intervals({dates.data(), dates.size()});
        for (const std::size_t v : {edge.source, edge.target})
            touching[v].insert(touching[v].end(), edge.spells.begin(), edge.spells.end());
        view.edges.push_back(std::move(edge));
    }
    for (const auto& spells : touching) view.lifetimes.push_back(hull(spells));
    return view;
}

double node_size(std::size_t degree) { return 10.0 + 4.0 * std::sqrt(static_cast<double>(degree)); }

}  // namespace chronokg::io
