#pragma once
// The graph a query command works on, and the names it knows.
//
// GRAPH is a saved graph (`.graphml` or `.json`, as `build` writes them; other graph formats
// are refused) or anything `build` reads: an article, a JSONL corpus, a directory, `-`, or the
// events JSONL of `extract`, which are extracted (or read) and built on the fly, one edge per
// event. The rule pack (the default one plus --rules) is loaded for its entity catalog, so an
// alias the articles never used still names its entity; without a usable pack, names are
// looked up in the graph alone.
// Thread safety: used by one command run at a time.
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include "cli/common_options.hpp"
#include "extract/entity_catalog.hpp"
#include "graph/knowledge_graph.hpp"

namespace chronokg::cli {

struct LoadedGraph {
    KnowledgeGraph graph;
    std::unique_ptr<EntityCatalog> catalog;  // null when no rule pack could be loaded
};

// Adds the GRAPH positional (stored as options.inputs[0]) and the extraction options.
void add_graph_input(CLI::App& command, InputOptions& options, const std::string& help);

// Loads the graph; bad articles are reported on `log`. Returns nullopt when some input was bad
// and --keep-going was not given (the caller exits 1). Throws chronokg::Error on unusable input.
std::optional<LoadedGraph> load_graph(const InputOptions& options, ProblemLog& log);

}  // namespace chronokg::cli
