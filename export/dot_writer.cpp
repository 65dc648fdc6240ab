#include "export/dot_writer.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "export/entity_style.hpp"
#include "export/graph_text.hpp"

namespace chronokg::io {

std::string dot_quote(std::string_view raw) {
    const std::string text = valid_utf8(raw);  // Graphviz stops at invalid UTF-8 with charset=UTF-8
    std::string out = "\"";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c == 0x7F) {
            continue;  // other control characters have no place in a label
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

void write_dot(std::ostream& out, const KnowledgeGraph& graph) {
    out << "digraph \"chronokg\" {\n"
           "  charset=\"UTF-8\";\n"
           "  rankdir=\"LR\";\n"
           "  node [fontname=\"Noto Sans CJK SC, Noto Sans, sans-serif\", style=\"filled\", fontsize=\"11\"];\n"
           "  edge [fontname=\"Noto Sans CJK SC, Noto Sans, sans-serif\", fontsize=\"9\"];\n";
    for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
        const VertexData& v = graph.vertex(i);
        const EntityStyle& style = entity_style(v.type);
        fmt::print(out, "  {} [label={}, shape={}, fillcolor={}, tooltip={}];\n", dot_quote(v.id), dot_quote(v.label),
                   dot_quote(style.dot_shape), dot_quote(style.hex), dot_quote(v.type));
    }
    for (const auto& e : graph.edges()) {
        const EdgeData& d = *e.data;
        fmt::print(out, "  {} -> {} [label={}, tooltip={}{}];\n", dot_quote(graph.vertex(e.source).id),
                   dot_quote(graph.vertex(e.target).id), dot_quote(edge_label(d)), dot_quote(d.evidence),
                   d.polarity == Polarity::negative ? ", style=\"dashed\"" : "");
    }
    out << "}\n";
}

}  // namespace chronokg::io
