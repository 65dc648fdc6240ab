#include "export/node_link_writer.hpp"

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <string_view>

#include "export/entity_style.hpp"
#include "export/gephi_view.hpp"
#include "export/graph_text.hpp"

namespace chronokg::io {
namespace {

class Line {
public:
    Line() : writer_(buffer_) { writer_.StartObject(); }

    Line& string(const char* key, std::string_view value) {
        writer_.Key(key);
        const std::string valid = valid_utf8(value);
        writer_.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
        return *this;
    }
    // The text, or null when it is empty.
    Line& text_or_null(const char* key, std::string_view value) {
        if (!value.empty()) return string(key, value);
        writer_.Key(key);
        writer_.Null();
        return *this;
    }
    Line& date(const char* key, const std::optional<Date>& value) { return text_or_null(key, value ? value->iso() : ""); }
    Line& strings(const char* key, const std::vector<std::string>& values) {
        writer_.Key(key);
        writer_.StartArray();
        for (const auto& v : values) {
            const std::string valid = valid_utf8(v);
            writer_.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
        }
        writer_.EndArray();
        return *this;
    }
    Line& number(const char* key, std::size_t value) {
        writer_.Key(key);
        writer_.Uint64(value);
        return *this;
    }
    Line& real(const char* key, double value) {
        writer_.Key(key);
        writer_.Double(value);
        return *this;
    }
    Line& boolean(const char* key, bool value) {
        writer_.Key(key);
        writer_.Bool(value);
        return *this;
    }
    std::string_view finish() {
        writer_.EndObject();
        return {buffer_.GetString(), buffer_.GetSize()};
    }

private:
    rapidjson::StringBuffer buffer_;
    rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace

void write_node_link(std::ostream& out, const KnowledgeGraph& graph) {
    out << "{\"directed\": true, \"multigraph\": true, \"graph\": {\"name\": \"chronokg\"},\n\"nodes\": [\n";
    for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
        const VertexData& v = graph.vertex(i);
        Line line;
        line.string("id", v.id)
            .string("label", v.label)
            .string("type", v.type)
            .strings("aliases", v.aliases)
            .number("mentions", v.mentions)
            .date("first_seen", v.first_seen)
            .date("last_seen", v.last_seen)
            .string("color", entity_style(v.type).hex)
            .real("size", std::round(node_size(graph.degree(i)) * 10.0) / 10.0);
        out << line.finish() << (i + 1 < graph.vertex_count() ? ",\n" : "\n");
    }
    out << "],\n\"links\": [\n";
    const auto edges = graph.edges();
    for (std::size_t n = 0; n < edges.size(); ++n) {
        const EdgeData& d = *edges[n].data;
        std::vector<std::string> dates;
        for (const auto& date : d.dates) dates.push_back(date.iso());
        Line line;
        line.string("source", graph.vertex(edges[n].source).id)
            .string("target", graph.vertex(edges[n].target).id)
            .string("key", fmt::format("e{}", n))
            .string("label", edge_label(d))
            .string("relation", d.relation)
            .string("relation_text", d.relation_text)
            .date("date", d.date)
            .strings("dates", dates)
            .text_or_null("date_precision", precision_name(d.date))
            .string("polarity", to_string(d.polarity))
            .string("modality", to_string(d.modality))
            .boolean("negated", d.polarity == Polarity::negative)
            .real("confidence", d.confidence)
            .number("weight", d.weight)
            .string("doc", d.doc)
            .number("sentence", d.sentence)
            .string("evidence", d.evidence)
            .string("rule", d.rule);
        out << line.finish() << (n + 1 < edges.size() ? ",\n" : "\n");
    }
    out << "]}\n";
}

}  // namespace chronokg::io
