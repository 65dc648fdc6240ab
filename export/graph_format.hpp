#pragma once
// The graph file formats: chosen by name or by file extension, written, and read back.
//
// | name    | extensions       | files written for OUT                       | read back |
// |---------|------------------|---------------------------------------------|-----------|
// | graphml | .graphml         | OUT                                         | yes       |
// | gexf    | .gexf            | OUT                                         | no        |
// | dot     | .dot, .gv        | OUT                                         | no        |
// | json    | .json            | OUT (node-link)                             | yes       |
// | csv     | .csv             | STEM.nodes.csv, STEM.edges.csv (Gephi)      | no        |
// | neo4j   | .neo4j.csv       | STEM.nodes.csv, STEM.edges.csv (Neo4j)      | no        |
// STEM is OUT without a final `.csv`: `-o out/graph.csv` writes out/graph.nodes.csv and
// out/graph.edges.csv; `-o out/graph.neo4j.csv` writes out/graph.neo4j.nodes.csv and
// out/graph.neo4j.edges.csv. Extensions match case-insensitively, the longest first.
// Thread safety: pure functions.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

class OutputSet;

enum class GraphFormat { graphml, gexf, dot, json, csv, neo4j };

// "graphml" → graphml …; nullopt for an unknown name.
std::optional<GraphFormat> format_from_name(const std::string& name);
// From the extension of `path`; nullopt when unknown.
std::optional<GraphFormat> format_from_path(const std::string& path);
// The names format_from_name() accepts, for help texts.
std::vector<std::string> format_names();

// The files write_graph_files() writes for `path`, in the order it writes them.
std::vector<std::string> output_files(const std::string& path, GraphFormat format);

// Writes `graph` to output_files(path, format), each file whole or not at all (see
// atomic_file.hpp); throws chronokg::Error naming the file that failed.
void write_graph_files(const std::string& path, const KnowledgeGraph& graph, GraphFormat format);
// The same into `outputs`, which replaces its files together on commit(). Writers that can
// format on several threads (GraphML) use up to `threads`; the bytes are the same for any count.
void write_graph_files(OutputSet& outputs, const std::string& path, const KnowledgeGraph& graph, GraphFormat format,
                       unsigned threads = 1);

// Writes a single-file format to `out`. Precondition: format is neither csv nor neo4j.
void write_graph(std::ostream& out, const KnowledgeGraph& graph, GraphFormat format);

// Reads a graph file that `build` wrote (.graphml or .json, by extension) into the graph it
// was written from. Throws chronokg::Error naming the file when it cannot.
KnowledgeGraph read_graph_file(const std::string& path);

}  // namespace chronokg::io
