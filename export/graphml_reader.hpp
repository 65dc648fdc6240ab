#pragma once
// Reading GraphML written by write_graphml() back into a KnowledgeGraph.
//
// Parsing is Boost's read_graphml() through its mutate_graph interface rather than
// dynamic_properties: those lexical_cast every value to its key's type first, and
// lexical_cast<bool> throws on the `true`/`false` GraphML booleans are written with; and Boost
// passes no node ids on, so nodes are named by their `entity_id` data (a file without it is
// not ours and is refused). Keys are matched by attr.name; unknown keys are ignored, a missing
// value takes its default, and a missing label is the id. Nodes and edges keep their order in
// the file. Boost's XML parser trims and folds whitespace; the writer's character references
// (see xml_text.hpp) carry line breaks and inner runs of spaces through it.
// Thread safety: a pure function.
#include <istream>
#include <string>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

// `file` names the source in errors. Throws chronokg::Error when `in` is not such a graph.
KnowledgeGraph read_graphml(std::istream& in, const std::string& file);

}  // namespace chronokg::io
