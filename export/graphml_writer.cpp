#include "export/graphml_writer.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <array>

#include "export/entity_style.hpp"
#include "export/graph_text.hpp"
#include "export/ordered_chunks.hpp"
#include "export/xml_text.hpp"

namespace chronokg::io {
namespace {

struct Key {
    const char* id;
    const char* type;
};

// The keys, in the order of their data in each node and edge, and (the enums) their positions.
enum NodeKey { v_label, v_entity_id, v_type, v_aliases, v_mentions, v_first_seen, v_last_seen, v_color };
constexpr Key kNodeKeys[] = {{"label", "string"},    {"entity_id", "string"},  {"type", "string"},
                             {"aliases", "string"},  {"mentions", "int"},      {"first_seen", "string"},
                             {"last_seen", "string"}, {"color", "string"}};
enum EdgeKey {
    e_label, e_weight, e_relation, e_interaction, e_relation_text, e_date, e_dates, e_date_precision,
    e_polarity, e_modality, e_negated, e_confidence, e_doc, e_sentence, e_evidence, e_rule
};
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

// The opening tags of the data of each key (`      <data key="e_relation">`), made once: a
// writer appends a million of each.
template <std::size_t N>
std::array<std::string, N> open_tags(const Key (&keys)[N], const char* prefix) {
    std::array<std::string, N> tags;
    for (std::size_t i = 0; i < N; ++i) tags[i] = fmt::format("      <data key=\"{}_{}\">", prefix, keys[i].id);
    return tags;
}

void data(std::string& out, const std::string& open_tag, std::string_view value) {
    if (value.empty()) return;
    out += open_tag;
    append_xml_escaped(out, value);
    out += "</data>\n";
}

// The same for a value made of characters XML leaves alone (numbers, dates, names of values),
// which need no escaping pass.
void plain_data(std::string& out, const std::string& open_tag, std::string_view value) {
    if (value.empty()) return;
    out += open_tag;
    out += value;
    out += "</data>\n";
}

}  // namespace

void write_graphml(std::ostream& out, const KnowledgeGraph& graph, unsigned threads) {
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
    const auto node = open_tags(kNodeKeys, "v");
    const auto edge = open_tags(kEdgeKeys, "e");
    for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
        const VertexData& v = graph.vertex(i);
        b += "    <node id=\"";
        append_xml_escaped(b, v.id);
        b += "\">\n";
        data(b, node[v_label], v.label);
        data(b, node[v_entity_id], v.id);
        data(b, node[v_type], v.type);
        data(b, node[v_aliases], join_aliases(v.aliases));
        data(b, node[v_mentions], std::to_string(v.mentions));
        data(b, node[v_first_seen], v.first_seen ? v.first_seen->iso() : "");
        data(b, node[v_last_seen], v.last_seen ? v.last_seen->iso() : "");
        data(b, node[v_color], entity_style(v.type).hex);
        b += "    </node>\n";
        buffer.maybe_flush();
    }
    buffer.flush();
    const std::vector<KnowledgeGraph::EdgeView> edges = graph.edges();
    const std::vector<std::string> ids = xml_escaped_ids(graph);
    write_chunks_in_order(out, edges.size(), kEdgesPerChunk, threads,
                          [&](std::size_t begin, std::size_t end, std::string& b) {
        char number[64];
        DecimalBuffer digits;
        std::string scratch;  // an edge's label, then its dates: one string for the whole chunk
        for (std::size_t n = begin; n < end; ++n) {
            if (n + 2 * kPrefetchAhead < end) prefetch_edge(edges[n + 2 * kPrefetchAhead].data);
            if (n + kPrefetchAhead < end) prefetch_texts(*edges[n + kPrefetchAhead].data);
            const KnowledgeGraph::EdgeView& e = edges[n];
            const EdgeData& d = *e.data;
            b += "    <edge id=\"e";
            b += decimal(n, digits);
            b += "\" source=\"";
            b += ids[e.source];
            b += "\" target=\"";
            b += ids[e.target];
            b += "\">\n";
            scratch.clear();
            append_edge_label(scratch, d);
            data(b, edge[e_label], scratch);
            plain_data(b, edge[e_weight], decimal(d.weight, digits));
            data(b, edge[e_relation], d.relation);
            data(b, edge[e_interaction], d.relation);
            data(b, edge[e_relation_text], d.relation_text);
            scratch.clear();
            if (d.date) d.date->append_iso(scratch);
            plain_data(b, edge[e_date], scratch);
            scratch.clear();
            append_joined_dates(scratch, {d.dates.data(), d.dates.size()});
            plain_data(b, edge[e_dates], scratch);
            plain_data(b, edge[e_date_precision], precision_name(d.date));
            plain_data(b, edge[e_polarity], to_string(d.polarity));
            plain_data(b, edge[e_modality], to_string(d.modality));
            plain_data(b, edge[e_negated], d.polarity == Polarity::negative ? "true" : "false");
            const auto written = fmt::format_to_n(number, sizeof number, "{}", d.confidence);
            plain_data(b, edge[e_confidence], std::string_view(number, written.size));
            data(b, edge[e_doc], d.doc);
            plain_data(b, edge[e_sentence], decimal(d.sentence, digits));
            data(b, edge[e_evidence], d.evidence);
            data(b, edge[e_rule], d.rule);
            b += "    </edge>\n";
        }
    });
    out << "  </graph>\n</graphml>\n";
}

}  // namespace chronokg::io
