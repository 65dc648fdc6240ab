#include "export/gephi_csv_writer.hpp"

#include <fmt/format.h>

#include "export/csv_text.hpp"
#include "export/entity_style.hpp"
#include "export/gephi_view.hpp"
#include "export/graph_text.hpp"

namespace chronokg::io {

void write_gephi_nodes_csv(std::ostream& out, const KnowledgeGraph& graph) {
    const GephiView view = gephi_view(graph);
    write_csv_row(out, {"Id", "Label", "timeset", "type", "aliases", "mentions", "first_seen", "last_seen", "color"});
    for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
        const VertexData& v = graph.vertex(i);
        std::vector<TimeInterval> lifetime;
        if (view.lifetimes[i]) lifetime.push_back(*view.lifetimes[i]);
        write_csv_row(out, {v.id, v.label, gephi_timeset(lifetime), v.type, join_aliases(v.aliases),
                            std::to_string(v.mentions), v.first_seen ? v.first_seen->iso() : "",
                            v.last_seen ? v.last_seen->iso() : "", std::string(entity_style(v.type).hex)});
    }
}

void write_gephi_edges_csv(std::ostream& out, const KnowledgeGraph& graph) {
    const GephiView view = gephi_view(graph);
    write_csv_row(out, {"Source", "Target", "Type", "Kind", "Id", "Label", "Weight", "timeset", "relation",
                        "relation_text", "dates", "date_precision", "polarity", "modality", "negated", "confidence",
                        "doc", "sentence", "evidence", "rule"});
    std::size_t n = 0;
    for (const GephiEdge& e : view.edges) {
        const EdgeData& d = *e.first;
        write_csv_row(out, {graph.vertex(e.source).id, graph.vertex(e.target).id, "Directed", e.kind,
                            fmt::format("e{}", n++), edge_label(e.kind, e.dates), std::to_string(e.weight),
                            gephi_timeset(e.spells), d.relation, d.relation_text, join_dates(e.dates),
                            precision_name(e.date()), to_string(d.polarity), to_string(d.modality),
                            d.polarity == Polarity::negative ? "true" : "false", fmt::format("{}", e.confidence), d.doc,
                            std::to_string(d.sentence), d.evidence, d.rule});
    }
}

}  // namespace chronokg::io
