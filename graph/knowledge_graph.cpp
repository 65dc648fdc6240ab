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
        out.push_back(EdgeView{boost::source(*it, graph_), boost::target(*it, graph_), &edge_data_[i++]});
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
    edge_data_.push_back(std::move(data));
}

void KnowledgeGraph::add_edges(const std::vector<std::pair<std::size_t, std::size_t>>& ends, std::vector<EdgeData> data) {
    if (ends.size() != data.size()) throw Error("add_edges: as many ends as data are needed");
    graph_.m_edges.reserve(graph_.m_edges.size() + ends.size());  // Boost's edge list: public, if undocumented
    for (const auto& [source, target] : ends) boost::add_edge(source, target, graph_);
    if (edge_data_.empty()) {
        edge_data_ = std::move(data);
    } else {
        edge_data_.reserve(edge_data_.size() + data.size());
        std::move(data.begin(), data.end(), std::back_inserter(edge_data_));
    }
}

}  // namespace chronokg
