#include "export/gephi_view.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "export/graph_text.hpp"

namespace chronokg::io {

GephiView gephi_view(const KnowledgeGraph& graph) {
    // The edges grouped by source, target and kind, each group in the graph's edge order (a
    // stable sort of their positions: no map node and no copy of an edge's data each).
    const auto edges = graph.edges();
    std::vector<std::string> kinds;
    kinds.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        if (i + kPrefetchAhead < edges.size()) prefetch_edge(edges[i + kPrefetchAhead].data);
        kinds.push_back(edge_kind(*edges[i].data));
    }
    std::vector<std::size_t> order(edges.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto key = [&](std::size_t i) { return std::tie(edges[i].source, edges[i].target, kinds[i]); };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });

    GephiView view;
    std::vector<std::vector<TimeInterval>> touching(graph.vertex_count());
    for (std::size_t begin = 0, end; begin < order.size(); begin = end) {
        if (begin + kPrefetchAhead < order.size()) prefetch_edge(edges[order[begin + kPrefetchAhead]].data);
        end = begin + 1;
        while (end < order.size() && key(order[end]) == key(order[begin])) ++end;
        const KnowledgeGraph::EdgeView& head = edges[order[begin]];
        GephiEdge edge{head.source, head.target, kinds[order[begin]], head.data, head.data->weight,
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
