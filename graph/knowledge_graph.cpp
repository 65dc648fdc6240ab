#include "graph/knowledge_graph.hpp"

#include <iterator>

#include "core/error.hpp"

namespace chronokg {

std::optional<std::size_t> KnowledgeGraph::find_vertex(const std::string& id) const {
    auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

std::size_t KnowledgeGraph::degree(std::size_t index) const {
    return boost::in_degree(index, graph_) + boost::out_degree(index, graph_);
}

std::vector<KnowledgeGraph::EdgeView> KnowledgeGraph::edges() const {
    std::vector<EdgeView> out;
    out.reserve(edge_count());
    std::size_t i = 0;
    for (auto [it, end] = boost::edges(graph_); it != end; ++it)
        out.push_back(EdgeView{boost::source(*it, graph_), boost::target(*it, graph_), &data_of(i++)});
    return out;
}

std::size_t KnowledgeGraph::add_vertex(VertexData data) {
    if (index_.count(data.id)) throw Error("duplicate vertex id \"" + data.id + "\"");
    const std::string id = data.id;
    const auto v = boost::add_vertex(std::move(data), graph_);
    index_.emplace(id, v);
    return v;
}

void KnowledgeGraph::add_edge(std::size_t source, std::size_t target, EdgeData data) {
    boost::add_edge(source, target, graph_);
    if (!edge_data_index_.empty()) edge_data_index_.push_back(edge_data_.size());
    edge_data_.push_back(std::move(data));
}

void KnowledgeGraph::add_edges(const std::vector<std::pair<std::size_t, std::size_t>>& ends, std::vector<EdgeData> data,
                               std::vector<std::size_t> data_of_edge) {
    if (ends.size() != data.size()) throw Error("add_edges: as many ends as data are needed");
    if (!data_of_edge.empty()) {
        if (data_of_edge.size() != data.size()) throw Error("add_edges: as many data indexes as data are needed");
        std::vector<bool> named(data.size());
        for (const std::size_t i : data_of_edge) {
            if (i >= data.size() || named[i]) throw Error("add_edges: the data indexes must name each datum once");
            named[i] = true;
        }
    }
    graph_.m_edges.reserve(graph_.m_edges.size() + ends.size());  // Boost's edge list: public, if undocumented
    // Each vertex's lists of edges out and in sized once (Boost's vertex storage, public too):
    // grown an edge at a time, every doubling moved a list into fresh memory, and with a million
    // edges the page faults cost more than the rest of adding them.
    std::vector<std::size_t> out(boost::num_vertices(graph_)), in(boost::num_vertices(graph_));
    for (const auto& [source, target] : ends) {
        if (source >= out.size() || target >= out.size()) throw Error("add_edges: an end is no vertex of the graph");
        ++out[source];
        ++in[target];
    }
    for (std::size_t v = 0; v < out.size(); ++v) {
        auto& stored = graph_.m_vertices[v];
        stored.m_out_edges.reserve(stored.m_out_edges.size() + out[v]);
        stored.m_in_edges.reserve(stored.m_in_edges.size() + in[v]);
    }
    for (const auto& [source, target] : ends) boost::add_edge(source, target, graph_);
    const std::size_t base = edge_data_.size();
    const bool indexed = !edge_data_index_.empty() || !data_of_edge.empty();
    if (indexed && edge_data_index_.empty()) {  // the edges so far start the index
        edge_data_index_.resize(base);
        for (std::size_t i = 0; i < base; ++i) edge_data_index_[i] = i;
    }
    if (indexed) {
        edge_data_index_.reserve(base + data.size());
        for (std::size_t i = 0; i < data.size(); ++i)
            edge_data_index_.push_back(base + (data_of_edge.empty() ? i : data_of_edge[i]));
    }
    if (edge_data_.empty()) {
        edge_data_ = std::move(data);
    } else {
        edge_data_.reserve(edge_data_.size() + data.size());
        std::move(data.begin(), data.end(), std::back_inserter(edge_data_));
    }
}

}  // namespace chronokg
