#pragma once
// What the graph-reader targets check beyond "no crash": a graph that reads writes back, as
// GraphML and as node-link JSON, to files that read again into the same vertices and edges.
// (A value that reads but cannot be written, such as a NaN confidence, loses the graph later.)
#include <sstream>

#include "export/graphml_reader.hpp"
#include "export/graphml_writer.hpp"
#include "export/node_link_reader.hpp"
#include "export/node_link_writer.hpp"
#include "fuzz_support.hpp"

namespace chronokg::fuzz {

inline void check_round_trip(const KnowledgeGraph& graph) {
    std::ostringstream graphml;
    io::write_graphml(graphml, graph);
    std::istringstream graphml_in(graphml.str());
    const KnowledgeGraph from_graphml = io::read_graphml(graphml_in, "back.graphml");
    CHRONOKG_FUZZ_CHECK(from_graphml.vertex_count() == graph.vertex_count());
    CHRONOKG_FUZZ_CHECK(from_graphml.edge_count() == graph.edge_count());
    std::ostringstream json;
    io::write_node_link(json, graph);
    std::istringstream json_in(json.str());
    const KnowledgeGraph from_json = io::read_node_link(json_in, "back.json");
    CHRONOKG_FUZZ_CHECK(from_json.vertex_count() == graph.vertex_count());
    CHRONOKG_FUZZ_CHECK(from_json.edge_count() == graph.edge_count());
}

}  // namespace chronokg::fuzz
