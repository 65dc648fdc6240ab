#include "export/gephi_view.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "export/graph_text.hpp"

namespace chronokg::io {

GephiView gephi_view(const KnowledgeGraph& graph) {
    std::map<std::tuple<std::size_t, std::size_t, std::string>, GephiEdge> groups;
    for (const auto& e : graph.edges()) {
        const std::string kind = edge_kind(*e.data);
        auto [it, fresh] = groups.try_emplace({e.source, e.target, kind}, GephiEdge{e.source, e.target, kind, *e.data, {}});
        if (fresh) continue;
        EdgeData& merged = it->second.data;
        merged.weight += e.data->weight;
        merged.confidence = std::max(merged.confidence, e.data->confidence);
        merged.dates.insert(merged.dates.end(), e.data->dates.begin(), e.data->dates.end());
    }
    GephiView view;
    std::vector<std::vector<TimeInterval>> touching(graph.vertex_count());
    for (auto& [key, edge] : groups) {
        auto& dates = edge.data.dates;
        std::sort(dates.begin(), dates.end());
        dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
        edge.data.date = dates.empty() ? std::nullopt : std::optional<Date>(dates.front());
        edge.spells = merged_intervals(dates);
        for (const std::size_t v : {edge.source, edge.target})
            touching[v].insert(touching[v].end(), edge.spells.begin(), edge.spells.end());
        view.edges.push_back(std::move(edge));
    }
    for (const auto& spells : touching) view.lifetimes.push_back(hull(spells));
    return view;
}

double node_size(std::size_t degree) { return 10.0 + 4.0 * std::sqrt(static_cast<double>(degree)); }

}  // namespace chronokg::io
