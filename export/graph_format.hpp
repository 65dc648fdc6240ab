#pragma once
// The output formats `chronokg build` writes, chosen by name or by file extension.
// Thread safety: pure functions.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

enum class GraphFormat { graphml, dot };

// "graphml" → graphml …; nullopt for an unknown name.
std::optional<GraphFormat> format_from_name(const std::string& name);
// From the extension of `path` (.graphml, .dot, .gv); nullopt when unknown.
std::optional<GraphFormat> format_from_path(const std::string& path);
// The names format_from_name() accepts, for help texts.
std::vector<std::string> format_names();

void write_graph(std::ostream& out, const KnowledgeGraph& graph, GraphFormat format);

}  // namespace chronokg::io
