#pragma once
// DOT for Graphviz, written by hand: Boost's write_graphviz_dp escapes only `"`, so a
// backslash or a value such as `node` breaks its files. Here every id and value is quoted and
// escaped (a line break becomes `\n`, a centred line in Graphviz), control characters are
// dropped, invalid UTF-8 is replaced, the charset is UTF-8, edges are labelled
// `relation (date)` and dashed when negated, and nodes are shaped and coloured by entity type.
// Thread safety: a pure function of the graph.
#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

void write_dot(std::ostream& out, const KnowledgeGraph& graph);

// `text` as a DOT double-quoted string, quotes included.
std::string dot_quote(std::string_view text);

}  // namespace chronokg::io
