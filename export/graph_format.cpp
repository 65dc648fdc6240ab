#include "export/graph_format.hpp"

#include <algorithm>
#include <fstream>
#include <functional>

#include "core/ascii.hpp"
#include "core/error.hpp"
#include "export/atomic_file.hpp"
#include "export/dot_writer.hpp"
#include "export/gephi_csv_writer.hpp"
#include "export/gexf_writer.hpp"
#include "export/graphml_reader.hpp"
#include "export/graphml_writer.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "export/node_link_reader.hpp"
#include "export/node_link_writer.hpp"

namespace chronokg::io {
namespace {

// A writer of one file; `threads` is how many threads it may format on (GraphML and GEXF use
// them; the others one).
using Writer = std::function<void(std::ostream&, const KnowledgeGraph&, unsigned threads)>;

// A writer that formats on one thread.
Writer serial(void (*write)(std::ostream&, const KnowledgeGraph&)) {
    return [write](std::ostream& out, const KnowledgeGraph& graph, unsigned) { write(out, graph); };
}

struct FormatInfo {
    const char* name;
    GraphFormat format;
    std::vector<std::string> extensions;
    std::vector<Writer> writers;  // one a file: the single file, or the nodes then the edges
};

const std::vector<FormatInfo>& formats() {
    static const std::vector<FormatInfo> all = {
        {"graphml", GraphFormat::graphml, {".graphml"}, {&write_graphml}},
        {"gexf", GraphFormat::gexf, {".gexf"}, {&write_gexf}},
        {"dot", GraphFormat::dot, {".dot", ".gv"}, {serial(&write_dot)}},
        {"json", GraphFormat::json, {".json"}, {serial(&write_node_link)}},
        {"csv", GraphFormat::csv, {".csv"}, {serial(&write_gephi_nodes_csv), serial(&write_gephi_edges_csv)}},
        {"neo4j", GraphFormat::neo4j, {".neo4j.csv"}, {serial(&write_neo4j_nodes_csv), serial(&write_neo4j_edges_csv)}},
    };
    return all;
}

const FormatInfo& info(GraphFormat format) {
    for (const auto& f : formats())
        if (f.format == format) return f;
    throw Error("unknown graph format");
}

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::optional<GraphFormat> format_from_name(const std::string& name) {
    for (const auto& f : formats())
        if (name == f.name) return f.format;
    return std::nullopt;
}

std::optional<GraphFormat> format_from_path(const std::string& path) {
    const std::string name = ascii_lower(path);
    std::optional<GraphFormat> best;
    std::size_t best_length = 0;
    for (const auto& f : formats())
        for (const auto& e : f.extensions)
            if (ends_with(name, e) && e.size() > best_length && name.size() > e.size()) {
                best = f.format;
                best_length = e.size();
            }
    return best;
}

std::vector<std::string> format_names() {
    std::vector<std::string> names;
    for (const auto& f : formats()) names.push_back(f.name);
    return names;
}

std::vector<std::string> output_files(const std::string& path, GraphFormat format) {
    if (info(format).writers.size() == 1) return {path};
    const std::string stem = ends_with(ascii_lower(path), ".csv") ? path.substr(0, path.size() - 4) : path;
    return {stem + ".nodes.csv", stem + ".edges.csv"};
}

void write_graph_files(const std::string& path, const KnowledgeGraph& graph, GraphFormat format) {
    OutputSet outputs;  // a CSV pair is replaced together
    write_graph_files(outputs, path, graph, format);
    outputs.commit();
}

void write_graph_files(OutputSet& outputs, const std::string& path, const KnowledgeGraph& graph, GraphFormat format,
                       unsigned threads) {
    const auto files = output_files(path, format);
    const auto& writers = info(format).writers;
    for (std::size_t i = 0; i < files.size(); ++i)
        outputs.write(files[i], [&](std::ostream& out) { writers[i](out, graph, threads); });
}

void write_graph(std::ostream& out, const KnowledgeGraph& graph, GraphFormat format) {
    const auto& writers = info(format).writers;
    if (writers.size() != 1) throw Error(std::string("the ") + info(format).name + " format writes two files");
    writers.front()(out, graph, 1);
}

KnowledgeGraph read_graph_file(const std::string& path) {
    const auto format = format_from_path(path);
    if (format != GraphFormat::graphml && format != GraphFormat::json)
        throw Error(path, 0, 0, "cannot read a graph from this file: give a .graphml or .json graph that build wrote");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, 0, 0, "cannot open file");
    return format == GraphFormat::graphml ? read_graphml(in, path) : read_node_link(in, path);
}

}  // namespace chronokg::io
