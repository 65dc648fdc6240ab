#include "export/graphml_writer.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "export/entity_style.hpp"
#include "export/graph_text.hpp"
#include "export/xml_text.hpp"

namespace chronokg::io {
namespace {

struct Key {
    const char* id;
    const char* type;
};

constexpr Key kNodeKeys[] = {{"label", "string"},    {"entity_id", "string"},  {"type", "string"},
                             {"aliases", "string"},  {"mentions", "int"},      {"first_seen", "string"},
                             {"last_seen", "string"}, {"color", "string"}};
constexpr Key kEdgeKeys[] = {{"label", "string"},      {"weight", "double"},        {"relation", "string"},
                             {"interaction", "string"}, {"relation_text", "string"}, {"date", "string"},
                             {"dates", "string"},      {"date_precision", "string"}, {"polarity", "string"},
                             {"modality", "string"},   {"negated", "boolean"},       {"confidence", "double"},
                             {"doc", "string"},        {"sentence", "int"},          {"evidence", "string"},
                             {"rule", "string"}};

void data(std::ostream& out, const char* prefix, const char* key, std::string_view value) {
    if (value.empty()) return;
    fmt::print(out, "      <data key=\"{}_{}\">{}</data>\n", prefix, key, xml_escape(value));
}

}  // namespace

void write_graphml(std::ostream& out, const KnowledgeGraph& graph) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    auto declare = [&out](const auto& keys, const char* prefix, const char* domain) {
        for (const Key& k : keys)
            fmt::print(out, "  <key id=\"{}_{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>\n", prefix, k.id, domain,
                       k.id, k.type);
    };
    declare(kNodeKeys, "v", "node");
    declare(kEdgeKeys, "e", "edge");
    out << "  <graph id=\"chronokg\" edgedefault=\"directed\">\n";
    for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
        const VertexData& v = graph.vertex(i);
        fmt::print(out, "    <node id=\"{}\">\n", xml_escape(v.id));
        data(out, "v", "label", v.label);
        data(out, "v", "entity_id", v.id);
        data(out, "v", "type", v.type);
        data(out, "v", "aliases", join_aliases(v.aliases));
        data(out, "v", "mentions", std::to_string(v.mentions));
        data(out, "v", "first_seen", v.first_seen ? v.first_seen->iso() : "");
        data(out, "v", "last_seen", v.last_seen ? v.last_seen->iso() : "");
        data(out, "v", "color", entity_style(v.type).hex);
        out << "    </node>\n";
    }
    std::size_t n = 0;
    for (const auto& e : graph.edges()) {
        const EdgeData& d = *e.data;
        fmt::print(out, "    <edge id=\"e{}\" source=\"{}\" target=\"{}\">\n", n++, xml_escape(graph.vertex(e.source).id),
                   xml_escape(graph.vertex(e.target).id));
        data(out, "e", "label", edge_label(d));
        data(out, "e", "weight", std::to_string(d.weight));
        data(out, "e", "relation", d.relation);
        data(out, "e", "interaction", d.relation);
        data(out, "e", "relation_text", d.relation_text);
        data(out, "e", "date", d.date ? d.date->iso() : "");
        data(out, "e", "dates", join_dates(d.dates));
        data(out, "e", "date_precision", precision_name(d.date));
        data(out, "e", "polarity", to_string(d.polarity));
        data(out, "e", "modality", to_string(d.modality));
        data(out, "e", "negated", d.polarity == Polarity::negative ? "true" : "false");
        data(out, "e", "confidence", fmt::format("{}", d.confidence));
        data(out, "e", "doc", d.doc);
        data(out, "e", "sentence", std::to_string(d.sentence));
        data(out, "e", "evidence", d.evidence);
        data(out, "e", "rule", d.rule);
        out << "    </edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
}

}  // namespace chronokg::io
