#include "cli/event_table.hpp"

#include "export/graph_text.hpp"

namespace chronokg::cli {

std::vector<Column> event_columns() {
    return {
        {"date", true, 0},
        {"subject_id", false, 0},
        {"subject", true, 32},
        {"subject_type", false, 0},
        {"relation", true, 24},
        {"relation_text", false, 0},
        {"object_id", false, 0},
        {"object", true, 40},
        {"object_type", false, 0},
        {"polarity", true, 0},
        {"modality", true, 0},
        {"doc", true, 40},
        {"sentence", false, 0},
        {"evidence", false, 0},
        {"rule", false, 0},
        {"confidence", false, 0},
        {"weight", false, 0},
        {"dates", false, 0},
    };
}

std::vector<Cell> event_cells(const GraphEvent& event) {
    const EdgeData& d = event.data;
    return {
        d.date ? Cell{d.date->iso()} : Cell{},
        event.subject.id,
        event.subject.label,
        event.subject.type,
        d.relation,
        d.relation_text,
        event.object.id,
        event.object.label,
        event.object.type,
        std::string(to_string(d.polarity)),
        std::string(to_string(d.modality)),
        d.doc,
        static_cast<std::int64_t>(d.sentence),
        d.evidence,
        d.rule,
        d.confidence,
        static_cast<std::int64_t>(d.weight),
        io::join_dates(d.dates),
    };
}

}  // namespace chronokg::cli
