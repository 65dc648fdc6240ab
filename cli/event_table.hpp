#pragma once
// The columns every command that lists events shares (query, timeline, path), so scripts read
// them the same way: the date, both entities (id, label, type), the relation as canonical and
// as written, polarity, modality, where it was read, the evidence and how sure the rules are.
// The text table shows date, subject, relation, object, polarity, modality and document.
// Thread safety: pure functions.
#include <vector>

#include "cli/result_table.hpp"
#include "graph/graph_query.hpp"

namespace chronokg::cli {

std::vector<Column> event_columns();

// One cell a column of event_columns(), in the same order.
std::vector<Cell> event_cells(const GraphEvent& event);

}  // namespace chronokg::cli
