#include "graph/graph_query.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/pending/queue.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "core/error.hpp"

namespace chronokg {
namespace {

constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

// The first and last day a partial date covers.
Date first_day(const Date& d) { return Date{d.year, d.month == 0 ? 1 : d.month, d.day == 0 ? 1 : d.day}; }
Date last_day(const Date& d) {
    const int month = d.month == 0 ? 12 : d.month;
    return Date{d.year, month, d.day == 0 ? days_in_month(d.year, month) : d.day};
}

bool contains(const std::vector<std::size_t>& sorted, std::size_t v) {
    return std::binary_search(sorted.begin(), sorted.end(), v);
}

// Records, for each vertex the search reaches, its hop count and the link it came by.
class HopRecorder : public boost::default_bfs_visitor {
public:
    HopRecorder(std::vector<std::size_t>& distance, std::vector<std::size_t>& via) : distance_(distance), via_(via) {}

    template <class Edge, class Graph>
    void tree_edge(Edge e, const Graph& g) const {
        const auto from = boost::source(e, g);
        const auto to = boost::target(e, g);
        distance_[to] = distance_[from] + 1;
        via_[to] = g[e];
    }

private:
    std::vector<std::size_t>& distance_;
    std::vector<std::size_t>& via_;
};

}  // namespace

bool graph_event_less(const GraphEvent& a, const GraphEvent& b) {
    auto key = [](const GraphEvent& e) {
        const EdgeData& d = e.data;
        return std::make_tuple(!d.date.has_value(), d.date, std::cref(d.doc), d.sentence, std::cref(e.subject.id),
                               std::cref(d.relation), std::cref(e.object.id), d.polarity, d.modality,
                               std::cref(d.relation_text), std::cref(d.evidence), std::cref(d.rule), d.confidence,
                               d.weight, std::cref(d.dates));
    };
    return key(a) < key(b);
}

GraphQuery::GraphQuery(const KnowledgeGraph& graph, const EntityCatalog* catalog)
    : graph_(graph), index_(graph, catalog), edges_(graph.edges()), undirected_(graph.vertex_count()) {
    // Adjacent pairs in ascending order, so every vertex lists its neighbours in vertex order
    // and searches break ties the same way every time.
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> pairs;
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        const auto [s, t] = std::minmax(edges_[i].source, edges_[i].target);
        if (s != t) pairs[{s, t}].push_back(i);
    }
    for (auto& [ends, edges] : pairs) {
        boost::add_edge(ends.first, ends.second, links_.size(), undirected_);
        links_.push_back(Link{ends.first, ends.second, std::move(edges)});
    }
}

EntityRef GraphQuery::entity_ref(std::size_t v) const {
    const VertexData& data = graph_.vertex(v);
    return EntityRef{data.id, data.label, data.type};
}

GraphEvent GraphQuery::event_of(std::size_t edge) const {
    const auto& view = edges_[edge];
    return GraphEvent{entity_ref(view.source), entity_ref(view.target), *view.data};
}

std::vector<EntityRef> GraphQuery::entities(std::string_view name) const {
    std::vector<EntityRef> out;
    for (std::size_t v : index_.resolve(name)) out.push_back(entity_ref(v));
    return out;
}

std::vector<std::size_t> GraphQuery::require(std::string_view name) const {
    auto found = index_.resolve(name);
    if (!found.empty()) return found;
    std::string message = "unknown entity \"" + std::string(name) + "\"";
    if (auto known = index_.catalog_entity(name))
        message += " (the rule pack knows it as " + known->id + ", but no event in this graph names it)";
    const auto suggestions = index_.closest(name, 5);
    if (!suggestions.empty()) {
        message += "; closest known:";
        for (std::size_t i = 0; i < suggestions.size(); ++i) {
            message += (i == 0 ? " " : ", ") + suggestions[i].name;
            if (suggestions[i].name != suggestions[i].id) message += " (" + suggestions[i].id + ")";
        }
    }
    throw Error(message);
}

std::vector<GraphEvent> GraphQuery::find(const EventFilter& filter) const {
    std::optional<std::vector<std::size_t>> subjects, objects, either;
    if (filter.subject) subjects = require(*filter.subject);
    if (filter.object) objects = require(*filter.object);
    if (filter.entity) either = require(*filter.entity);
    std::optional<std::string> relation;
    if (filter.relation) relation = index_.key(*filter.relation);
    const std::optional<Date> from = filter.from ? std::optional(first_day(*filter.from)) : std::nullopt;
    const std::optional<Date> to = filter.to ? std::optional(last_day(*filter.to)) : std::nullopt;
    auto in_window = [&](const Date& d) { return (!from || *from <= first_day(d)) && (!to || last_day(d) <= *to); };

    std::vector<GraphEvent> out;
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        const auto& view = edges_[i];
        const EdgeData& data = *view.data;
        if (subjects && !contains(*subjects, view.source)) continue;
        if (objects && !contains(*objects, view.target)) continue;
        if (either && !contains(*either, view.source) && !contains(*either, view.target)) continue;
        if (filter.polarity && data.polarity != *filter.polarity) continue;
        if (filter.modality && data.modality != *filter.modality) continue;
        if (relation && index_.key(data.relation) != *relation && index_.key(data.relation_text) != *relation)
            continue;
        std::optional<Date> date = data.date;
        if (from || to) {
            std::vector<Date> dates(data.dates.begin(), data.dates.end());
            if (dates.empty() && data.date) dates.push_back(*data.date);
            auto inside = std::find_if(dates.begin(), dates.end(), in_window);
            if (inside == dates.end()) continue;
            date = *inside;
        }
        GraphEvent event = event_of(i);
        event.data.date = date;
        out.push_back(std::move(event));
    }
    std::sort(out.begin(), out.end(), graph_event_less);
    return out;
}

std::vector<GraphEvent> GraphQuery::timeline(std::string_view name) const {
    EventFilter filter;
    filter.entity = std::string(name);
    return find(filter);
}

void GraphQuery::search(const std::vector<std::size_t>& sources, std::vector<std::size_t>& distance,
                        std::vector<std::size_t>& via) const {
    const std::size_t n = boost::num_vertices(undirected_);
    distance.assign(n, kUnreached);
    via.assign(n, kUnreached);
    for (std::size_t s : sources) distance[s] = 0;
    std::vector<boost::default_color_type> colors(n, boost::white_color);
    auto color = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, undirected_));
    boost::queue<std::size_t> buffer;
    boost::breadth_first_search(undirected_, sources.begin(), sources.end(), buffer, HopRecorder(distance, via), color);
}

std::vector<GraphEvent> GraphQuery::link_events(std::size_t link) const {
    std::vector<GraphEvent> out;
    for (std::size_t edge : links_[link].edges) out.push_back(event_of(edge));
    std::sort(out.begin(), out.end(), graph_event_less);
    return out;
}

std::vector<Neighbor> GraphQuery::neighbors(std::string_view name, std::size_t depth) const {
    const auto sources = require(name);
    std::vector<std::size_t> distance, via;
    search(sources, distance, via);
    std::vector<Neighbor> out;
    for (std::size_t v = 0; v < distance.size(); ++v) {
        if (distance[v] == 0 || distance[v] == kUnreached || distance[v] > depth) continue;
        Neighbor neighbor{entity_ref(v), distance[v], {}};
        for (auto [it, end] = boost::out_edges(v, undirected_); it != end; ++it) {
            const std::size_t other = boost::target(*it, undirected_);
            if (distance[other] + 1 != distance[v]) continue;
            for (auto& event : link_events(undirected_[*it])) neighbor.events.push_back(std::move(event));
        }
        std::sort(neighbor.events.begin(), neighbor.events.end(), graph_event_less);
        out.push_back(std::move(neighbor));
    }
    std::sort(out.begin(), out.end(), [](const Neighbor& a, const Neighbor& b) {
        return std::tie(a.distance, a.entity.id) < std::tie(b.distance, b.entity.id);
    });
    return out;
}

std::optional<std::vector<PathStep>> GraphQuery::path(std::string_view from, std::string_view to) const {
    const auto sources = require(from);
    const auto targets = require(to);
    for (std::size_t t : targets)
        if (contains(sources, t)) return std::vector<PathStep>{};
    std::vector<std::size_t> distance, via;
    search(sources, distance, via);
    std::size_t end = kUnreached;
    for (std::size_t t : targets)
        if (distance[t] != kUnreached && (end == kUnreached || distance[t] < distance[end])) end = t;
    if (end == kUnreached) return std::nullopt;
    std::vector<PathStep> steps;
    for (std::size_t v = end; distance[v] != 0;) {
        const Link& link = links_[via[v]];
        const std::size_t previous = link.a == v ? link.b : link.a;
        steps.push_back(PathStep{entity_ref(previous), entity_ref(v), link_events(via[v])});
        v = previous;
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
}

}  // namespace chronokg
