#include "export/graphml_writer.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "export/graph_text.hpp"
#include "export/xml_text.hpp"

namespace chronokg::io {
namespace {

struct Key {
    const char* id;
    const char* domain;
    const char* type;
};

constexpr Key kNodeKeys[] = {{"label", "node", "string"},      {"type", "node", "string"},
                             {"aliases", "node", "string"},    {"mentions", "node", "int"},
                             {"first_seen", "node", "string"}, {"last_seen", "node", "string"}};
constexpr Key kEdgeKeys[] = {{"label", "edge", "string"},      {"relation", "edge", "string"},
                             {"interaction", "edge", "string"}, {"relation_text", "edge", "string"},
                             {"date", "edge", "string"},       {"dates", "edge", "string"},
                             {"polarity", "edge", "string"},   {"modality", "edge", "string"},
                             {"negated", "edge", "boolean"},   {"confidence", "edge", "double"},
                             {"weight", "edge", "double"},     {"doc", "edge", "string"},
                             {"sentence", "edge", "int"},      {"evidence", "edge", "string"},
                             {"rule", "edge", "string"}};

void data(std::ostream& out, const char* prefix, const char* key, std::string_view value) {
    fmt::print(out, "      <data key=\"{}_{}\">{}</data>\n", prefix, key, xml_escape(value));
}

}  // namespace

void write_graphml(std::ostream& out, const KnowledgeGraph& graph) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    auto declare = [&out](const auto& keys, const char* prefix) {
        for (const Key& k : keys)
            fmt::print(out, "  <key id=\"{}_{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>\n", prefix, k.id,
                       k.domain, k.id, k.type);
    };
    declare(kNodeKeys, "v");
    declare(kEdgeKeys, "e");
    out << "  <graph id=\"chronokg\" edgedefault=\"directed\">\n";
    for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
        const VertexData& v = graph.vertex(i);
        fmt::print(out, "    <node id=\"{}\">\n", xml_escape(v.id));
        data(out, "v", "label", v.label);
        data(out, "v", "type", v.type);
        data(out, "v", "aliases", join_aliases(v.aliases));
        data(out, "v", "mentions", std::to_string(v.mentions));
        data(out, "v", "first_seen", v.first_seen ? v.first_seen->iso() : "");
        data(out, "v", "last_seen", v.last_seen ? v.last_seen->iso() : "");
        out << "    </node>\n";
    }
    std::size_t n = 0;
    for (const auto& e : graph.edges()) {
        const EdgeData& d = *e.data;
        fmt::print(out, "    <edge id=\"e{}\" source=\"{}\" target=\"{}\">\n", n++, xml_escape(graph.vertex(e.source).id),
                   xml_escape(graph.vertex(e.target).id));
        data(out, "e", "label", edge_label(d));
        data(out, "e", "relation", d.relation);
        data(out, "e", "interaction", d.relation);
        data(out, "e", "relation_text", d.relation_text);
        data(out, "e", "date", d.date ? d.date->iso() : "");
        data(out, "e", "dates", join_dates(d.dates));
        data(out, "e", "polarity", to_string(d.polarity));
        data(out, "e", "modality", to_string(d.modality));
        data(out, "e", "negated", d.polarity == Polarity::negative ? "true" : "false");
        data(out, "e", "confidence", fmt::format("{:.2f}", d.confidence));
        data(out, "e", "weight", std::to_string(d.weight));
        data(out, "e", "doc", d.doc);
        data(out, "e", "sentence", std::to_string(d.sentence));
        data(out, "e", "evidence", d.evidence);
        data(out, "e", "rule", d.rule);
        out << "    </edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
}

}  // namespace chronokg::io
