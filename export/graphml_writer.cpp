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

// The file is made in a buffer, written out a megabyte at a time.
class Buffer {
public:
    explicit Buffer(std::ostream& out) : out_(out) { text.reserve(kFlushAt + 65536); }
    ~Buffer() { flush(); }
    void maybe_flush() {
        if (text.size() >= kFlushAt) flush();
    }
    void flush() {
        out_.write(text.data(), static_cast<std::streamsize>(text.size()));
        text.clear();
    }
    std::string text;

private:
    static constexpr std::size_t kFlushAt = 1 << 20;
    std::ostream& out_;
};

void data(std::string& out, const char* prefix, const char* key, std::string_view value) {
    if (value.empty()) return;
    out += "      <data key=\"";
    out += prefix;
    out += '_';
    out += key;
    out += "\">";
    append_xml_escaped(out, value);
    out += "</data>\n";
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
    Buffer buffer(out);
    std::string& b = buffer.text;
    for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
        const VertexData& v = graph.vertex(i);
        b += "    <node id=\"";
        append_xml_escaped(b, v.id);
        b += "\">\n";
        data(b, "v", "label", v.label);
        data(b, "v", "entity_id", v.id);
        data(b, "v", "type", v.type);
        data(b, "v", "aliases", join_aliases(v.aliases));
        data(b, "v", "mentions", std::to_string(v.mentions));
        data(b, "v", "first_seen", v.first_seen ? v.first_seen->iso() : "");
        data(b, "v", "last_seen", v.last_seen ? v.last_seen->iso() : "");
        data(b, "v", "color", entity_style(v.type).hex);
        b += "    </node>\n";
        buffer.maybe_flush();
    }
    std::size_t n = 0;
    char number[64];
    for (const auto& e : graph.edges()) {
        const EdgeData& d = *e.data;
        b += "    <edge id=\"e";
        b += std::to_string(n++);
        b += "\" source=\"";
        append_xml_escaped(b, graph.vertex(e.source).id);
        b += "\" target=\"";
        append_xml_escaped(b, graph.vertex(e.target).id);
        b += "\">\n";
        data(b, "e", "label", edge_label(d));
        data(b, "e", "weight", std::to_string(d.weight));
        data(b, "e", "relation", d.relation);
        data(b, "e", "interaction", d.relation);
        data(b, "e", "relation_text", d.relation_text);
        data(b, "e", "date", d.date ? d.date->iso() : "");
        data(b, "e", "dates", join_dates(d.dates));
        data(b, "e", "date_precision", precision_name(d.date));
        data(b, "e", "polarity", to_string(d.polarity));
        data(b, "e", "modality", to_string(d.modality));
        data(b, "e", "negated", d.polarity == Polarity::negative ? "true" : "false");
        const auto written = fmt::format_to_n(number, sizeof number, "{}", d.confidence);
        data(b, "e", "confidence", std::string_view(number, written.size));
        data(b, "e", "doc", d.doc);
        data(b, "e", "sentence", std::to_string(d.sentence));
        data(b, "e", "evidence", d.evidence);
        data(b, "e", "rule", d.rule);
        b += "    </edge>\n";
        buffer.maybe_flush();
    }
    buffer.flush();
    out << "  </graph>\n</graphml>\n";
}

}  // namespace chronokg::io
