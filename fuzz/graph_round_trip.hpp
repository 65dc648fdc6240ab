#pragma once
// What the graph-reader targets check beyond "no crash": a graph that reads writes back, as
// GraphML and as node-link JSON, to files that read again into the same vertices and edges.
// (A value that reads but cannot be written, such as a NaN confidence, loses the graph later.)
#include <sstream>
#include <string>

#include "export/graphml_reader.hpp"
#include "export/graphml_writer.hpp"
#include "export/node_link_reader.hpp"
#include "export/node_link_writer.hpp"
#include "fuzz_support.hpp"

namespace chronokg::fuzz {

// `graph` written by `write` reads back through `read` into as many vertices and edges.
template <class Write, class Read>
void check_reads_back(const KnowledgeGraph& graph, Write write, Read read, const std::string& file) {
    std::ostringstream out;
    write(out, graph);
    std::istringstream in(out.str());
    const KnowledgeGraph back = read(in, file);
    CHRONOKG_FUZZ_CHECK(back.vertex_count() == graph.vertex_count());
    CHRONOKG_FUZZ_CHECK(back.edge_count() == graph.edge_count());
}

inline void check_round_trip(const KnowledgeGraph& graph) {
    check_reads_back(graph, [](std::ostream& out, const KnowledgeGraph& g) { io::write_graphml(out, g); },
                     io::read_graphml, "back.graphml");
    check_reads_back(graph, io::write_node_link, io::read_node_link, "back.json");
}

}  // namespace chronokg::fuzz
