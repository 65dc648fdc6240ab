#pragma once
// GEXF 1.3, dynamic, for Gephi's Timeline (Gephi's GraphML importer reads no time data).
//
// `<graph mode="dynamic" timeformat="date">`; the graph as gephi_view() shapes it: a node's
// `start`/`end` run from its first to its last dated event, an edge has one `<spell>` a dated
// occurrence (merged where they overlap) and `kind` = its relation so Gephi keeps different
// relations between two entities apart. Nodes carry `viz:color` (r/g/b, by type, as in every
// format) and `viz:size` (by degree). Attributes: node `type`, `aliases`, `mentions`,
// `first_seen`, `last_seen`; edge `relation`, `relation_text`, `dates`, `date_precision`,
// `polarity`, `modality`, `negated` (boolean), `confidence`, `doc`, `sentence`, `evidence`,
// `rule`; empty values are left out. No `xsi:schemaLocation`: the official schema rejects it.
// The file validates against the GEXF 1.3 RelaxNG schema.
// Edges are formatted on `threads` threads (write_chunks_in_order()); the bytes are the same
// for any count. Thread safety: a pure function of the graph.
#include <ostream>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

void write_gexf(std::ostream& out, const KnowledgeGraph& graph, unsigned threads = 1);

}  // namespace chronokg::io
