#include "graph/graph_stats.hpp"

#include <boost/graph/page_rank.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace chronokg {
namespace {

// Counts, largest first, ties by name.
std::vector<std::pair<std::string, std::size_t>> by_count(const std::map<std::string, std::size_t>& counts) {
    std::vector<std::pair<std::string, std::size_t>> out(counts.begin(), counts.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

}  // namespace

GraphStats compute_stats(const KnowledgeGraph& graph, std::size_t top) {
    GraphStats stats;
    const auto& g = graph.storage();
    const std::size_t n = graph.vertex_count();
    stats.entities = n;
    stats.edges = graph.edge_count();

    std::map<std::string, std::size_t> types, relations;
    std::set<std::string> documents;
    for (std::size_t v = 0; v < n; ++v) ++types[graph.vertex(v).type];
    for (const auto& edge : graph.edges()) {
        const EdgeData& data = *edge.data;
        stats.events += data.weight;
        relations[data.relation] += data.weight;
        documents.insert(data.doc);
        std::vector<Date> dates(data.dates.begin(), data.dates.end());
        if (data.date) dates.push_back(*data.date);
        for (const Date& d : dates) {
            if (!stats.first_date || d < *stats.first_date) stats.first_date = d;
            if (!stats.last_date || *stats.last_date < d) stats.last_date = d;
        }
    }
    stats.documents = documents.size();
    stats.types = by_count(types);
    stats.relations = by_count(relations);

    std::vector<double> ranks(n, 0.0);
    if (n > 0) {
        boost::graph::page_rank(g, boost::make_iterator_property_map(ranks.begin(), boost::get(boost::vertex_index, g)),
                                boost::graph::n_iterations(50));
        const double total = std::accumulate(ranks.begin(), ranks.end(), 0.0);
        if (total > 0)
            for (double& r : ranks) r /= total;
    }
    std::vector<RankedEntity> ranked;
    for (std::size_t v = 0; v < n; ++v) {
        const VertexData& data = graph.vertex(v);
        ranked.push_back(RankedEntity{EntityRef{data.id, data.label, data.type},
                                      boost::in_degree(v, g) + boost::out_degree(v, g), ranks[v]});
    }
    auto take_top = [&](auto better) {
        std::vector<RankedEntity> out = ranked;
        std::sort(out.begin(), out.end(), [&](const RankedEntity& a, const RankedEntity& b) {
            if (better(a, b)) return true;
            if (better(b, a)) return false;
            return a.entity.id < b.entity.id;
        });
        if (out.size() > top) out.resize(top);
        return out;
    };
    stats.top_by_degree = take_top([](const RankedEntity& a, const RankedEntity& b) { return a.degree > b.degree; });
    stats.top_by_pagerank = take_top([](const RankedEntity& a, const RankedEntity& b) { return a.pagerank > b.pagerank; });
    return stats;
}

}  // namespace chronokg
