#pragma once
// Reading a JSON node-link graph (as write_node_link() writes it) back into a KnowledgeGraph.
//
// Nodes and links keep their order in the file; "links" or "edges" hold the edges (networkx
// writes either). Fields the graph does not hold (color, size, key, label, negated,
// date_precision, and any other) are ignored; a missing field takes its default, and a
// missing label is the id. Errors name the file, with line and column for bad JSON and the
// node or link otherwise. Thread safety: a pure function.
#include <istream>
#include <string>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

// `file` names the source in errors. Throws chronokg::Error when `in` is not such a graph.
KnowledgeGraph read_node_link(std::istream& in, const std::string& file);

}  // namespace chronokg::io
