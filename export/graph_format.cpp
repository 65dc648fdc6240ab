#include "export/graph_format.hpp"

#include <filesystem>

#include "export/dot_writer.hpp"
#include "export/graphml_writer.hpp"

namespace chronokg::io {
namespace {

struct FormatInfo {
    const char* name;
    GraphFormat format;
    std::vector<std::string> extensions;
};

const std::vector<FormatInfo>& formats() {
    static const std::vector<FormatInfo> all = {
        {"graphml", GraphFormat::graphml, {".graphml"}},
        {"dot", GraphFormat::dot, {".dot", ".gv"}},
    };
    return all;
}

}  // namespace

std::optional<GraphFormat> format_from_name(const std::string& name) {
    for (const auto& f : formats())
        if (name == f.name) return f.format;
    return std::nullopt;
}

std::optional<GraphFormat> format_from_path(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& f : formats())
        for (const auto& e : f.extensions)
            if (ext == e) return f.format;
    return std::nullopt;
}

std::vector<std::string> format_names() {
    std::vector<std::string> names;
    for (const auto& f : formats()) names.push_back(f.name);
    return names;
}

void write_graph(std::ostream& out, const KnowledgeGraph& graph, GraphFormat format) {
    switch (format) {
        case GraphFormat::graphml: write_graphml(out, graph); return;
        case GraphFormat::dot: write_dot(out, graph); return;
    }
}

}  // namespace chronokg::io
