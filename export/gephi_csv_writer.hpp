#pragma once
// CSV for Gephi's spreadsheet import (Data Laboratory → Import Spreadsheet): a nodes table and
// an edges table, with `timeset` intervals so the Timeline works as it does with GEXF.
//
// nodes: Id, Label, timeset, type, aliases, mentions, first_seen, last_seen, color
// edges: Source, Target, Type (Directed), Kind, Id, Label, Weight, timeset, relation,
//        relation_text, dates, date_precision, polarity, modality, negated, confidence, doc,
//        sentence, evidence, rule
// Edges and intervals are those of gephi_view(), as in the GEXF; timeset is written
// `<[2025-05-13, 2025-05-13]; [2025-05-19, 2025-05-19]>`. Fields follow csv_field().
// Thread safety: pure functions of the graph.
#include <ostream>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

void write_gephi_nodes_csv(std::ostream& out, const KnowledgeGraph& graph);
void write_gephi_edges_csv(std::ostream& out, const KnowledgeGraph& graph);

}  // namespace chronokg::io
