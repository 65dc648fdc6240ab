#include "graph/knowledge_graph.hpp"

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
    for (auto [it, end] = boost::edges(graph_); it != end; ++it)
        out.push_back(EdgeView{boost::source(*it, graph_), boost::target(*it, graph_), &graph_[*it]});
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
    boost::add_edge(source, target, std::move(data), graph_);
}

}  // namespace chronokg
