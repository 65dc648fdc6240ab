#include "export/neo4j_csv_writer.hpp"

#include <fmt/format.h>

#include <cctype>

#include "export/csv_text.hpp"
#include "export/graph_text.hpp"

namespace chronokg::io {

std::string neo4j_type(std::string_view kind) {
    std::string out;
    for (const char ch : kind) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c)) {
            out += static_cast<char>(std::toupper(c));
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out.empty() ? "RELATED_TO" : out;
}

void write_neo4j_nodes_csv(std::ostream& out, const KnowledgeGraph& graph) {
    write_csv_row(out, {"id:ID", "label", ":LABEL", "type", "aliases", "mentions:int", "first_seen:date",
                        "last_seen:date"});
    for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
        const VertexData& v = graph.vertex(i);
        const std::string labels = v.type.empty() ? "Entity" : "Entity;" + neo4j_type(v.type);
        write_csv_row(out, {v.id, v.label, labels, v.type, join_aliases(v.aliases), std::to_string(v.mentions),
                            v.first_seen ? v.first_seen->iso() : "", v.last_seen ? v.last_seen->iso() : ""});
    }
}

void write_neo4j_edges_csv(std::ostream& out, const KnowledgeGraph& graph) {
    write_csv_row(out, {":START_ID", ":END_ID", ":TYPE", "relation", "relation_text", "label", "date:date",
                        "dates:date[]", "date_precision", "polarity", "modality", "negated:boolean",
                        "confidence:float", "weight:int", "doc", "sentence:int", "evidence", "rule"});
    for (const auto& e : graph.edges()) {
        const EdgeData& d = *e.data;
        write_csv_row(out, {graph.vertex(e.source).id, graph.vertex(e.target).id, neo4j_type(edge_kind(d)), d.relation,
                            d.relation_text, edge_label(d), d.date ? d.date->iso() : "", join_dates(d.dates),
                            precision_name(d.date), to_string(d.polarity), to_string(d.modality),
                            d.polarity == Polarity::negative ? "true" : "false", fmt::format("{}", d.confidence),
                            std::to_string(d.weight), d.doc, std::to_string(d.sentence), d.evidence, d.rule});
    }
}

}  // namespace chronokg::io
