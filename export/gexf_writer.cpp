#include "export/gexf_writer.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export/entity_style.hpp"
#include "export/gephi_view.hpp"
#include "export/graph_text.hpp"
#include "export/ordered_chunks.hpp"
#include "export/xml_text.hpp"

namespace chronokg::io {
namespace {

struct Attribute {
    const char* id;
    const char* type;
};

constexpr Attribute kNodeAttributes[] = {{"type", "string"},       {"aliases", "string"},  {"mentions", "integer"},
                                         {"first_seen", "string"}, {"last_seen", "string"}};
constexpr Attribute kEdgeAttributes[] = {
    {"relation", "string"}, {"relation_text", "string"}, {"dates", "string"},    {"date_precision", "string"},
    {"polarity", "string"}, {"modality", "string"},      {"negated", "boolean"}, {"confidence", "double"},
    {"doc", "string"},      {"sentence", "integer"},     {"evidence", "string"}, {"rule", "string"}};


void declare(std::ostream& out, const char* cls, const auto& attributes) {
    fmt::print(out, "    <attributes class=\"{}\" mode=\"static\">\n", cls);
    for (const Attribute& a : attributes)
        fmt::print(out, "      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", a.id, a.id, a.type);
    out << "    </attributes>\n";
}

// One attribute's value. Plain: made of characters XML leaves alone (numbers, dates, names of
// values), written without the escaping pass.
struct AttValue {
    const char* id;
    std::string_view value;
    bool plain = false;
};

// The attvalues element of `values` (none when every value is empty), appended to `out`.
void attvalues(std::string& out, std::initializer_list<AttValue> values) {
    bool any = false;
    for (const auto& [id, value, plain] : values) {
        if (value.empty()) continue;
        if (!any) out += "        <attvalues>\n";
        any = true;
        out += "          <attvalue for=\"";
        out += id;
        out += "\" value=\"";
        if (plain)
            out += value;
        else
            append_xml_escaped(out, value);
        out += "\"/>\n";
    }
    if (any) out += "        </attvalues>\n";
}

std::string interval_attributes(const std::optional<TimeInterval>& interval) {
    if (!interval) return "";
    return fmt::format(" start=\"{}\" end=\"{}\"", interval->start.iso(), interval->end.iso());
}

}  // namespace

void write_gexf(std::ostream& out, const KnowledgeGraph& graph, unsigned threads) {
    const GephiView view = gephi_view(graph);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
           "  <meta>\n"
           "    <creator>chronokg</creator>\n"
           "    <description>Event timeline knowledge graph: entities, and the dated events between them</description>\n"
           "  </meta>\n"
           "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" timerepresentation=\"interval\">\n";
    declare(out, "node", kNodeAttributes);
    declare(out, "edge", kEdgeAttributes);
    fmt::print(out, "    <nodes count=\"{}\">\n", graph.vertex_count());
    for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
        const VertexData& v = graph.vertex(i);
        fmt::print(out, "      <node id=\"{}\" label=\"{}\"{}>\n", xml_escape(v.id), xml_escape(v.label),
                   interval_attributes(view.lifetimes[i]));
        std::string values;
        attvalues(values, {{"type", v.type},
                           {"aliases", join_aliases(v.aliases)},
                           {"mentions", std::to_string(v.mentions)},
                           {"first_seen", v.first_seen ? v.first_seen->iso() : ""},
                           {"last_seen", v.last_seen ? v.last_seen->iso() : ""}});
        out << values;
        const EntityStyle& style = entity_style(v.type);
        fmt::print(out, "        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>\n", style.r, style.g, style.b);
        fmt::print(out, "        <viz:size value=\"{:.1f}\"/>\n", node_size(graph.degree(i)));
        out << "      </node>\n";
    }
    out << "    </nodes>\n";
    fmt::print(out, "    <edges count=\"{}\">\n", view.edges.size());
    const std::vector<std::string> ids = xml_escaped_ids(graph);
    write_chunks_in_order(out, view.edges.size(), kEdgesPerChunk, threads,
                          [&](std::size_t begin, std::size_t end, std::string& b) {
        // Texts made for each edge, in strings kept for the whole chunk: no allocation an edge.
        std::string label, dates;
        char confidence[64];
        DecimalBuffer digits;
        const auto number = [&digits](std::size_t value) { return decimal(value, digits); };
        for (std::size_t n = begin; n < end; ++n) {
            if (n + 2 * kPrefetchAhead < end) prefetch_edge(view.edges[n + 2 * kPrefetchAhead].first);
            if (n + kPrefetchAhead < end) prefetch_texts(*view.edges[n + kPrefetchAhead].first);
            const GephiEdge& e = view.edges[n];
            const EdgeData& d = *e.first;
            b += "      <edge id=\"e";
            b += number(n);
            b += "\" source=\"";
            b += ids[e.source];
            b += "\" target=\"";
            b += ids[e.target];
            b += "\" label=\"";
            label.clear();
            append_edge_label(label, e.kind, {e.dates.data(), e.dates.size()});
            append_xml_escaped(b, label);
            b += "\" kind=\"";
            append_xml_escaped(b, e.kind);
            b += "\" weight=\"";
            b += number(e.weight);
            b += "\">\n";
            dates.clear();
            append_joined_dates(dates, {e.dates.data(), e.dates.size()});
            const auto confidence_size = fmt::format_to_n(confidence, sizeof confidence, "{}", e.confidence).size;
            constexpr bool plain = true;
            attvalues(b, {{"relation", d.relation},
                          {"relation_text", d.relation_text},
                          {"dates", dates, plain},
                          {"date_precision", precision_name(e.date()), plain},
                          {"polarity", to_string(d.polarity), plain},
                          {"modality", to_string(d.modality), plain},
                          {"negated", d.polarity == Polarity::negative ? "true" : "false", plain},
                          {"confidence", std::string_view(confidence, confidence_size), plain},
                          {"doc", d.doc},
                          {"sentence", number(d.sentence), plain},
                          {"evidence", d.evidence},
                          {"rule", d.rule}});
            if (!e.spells.empty()) {
                b += "        <spells>\n";
                for (const auto& s : e.spells) {
                    b += "          <spell start=\"";
                    s.start.append_iso(b);
                    b += "\" end=\"";
                    s.end.append_iso(b);
                    b += "\"/>\n";
                }
                b += "        </spells>\n";
            }
            b += "      </edge>\n";
        }
    });
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace chronokg::io
