#pragma once
// GraphML for Gephi, yEd, Cytoscape and networkx, read back by read_graphml().
//
// Typed keys: node `label` (shown by Gephi and yEd), `entity_id` (the node id again: Boost's
// GraphML reader does not pass node ids on), `type`, `aliases` (joined with `|`, see
// join_aliases()), `mentions`, `first_seen`, `last_seen`, `color` (`#rrggbb` by type); edge
// `label` (`relation (date)`, shown by Gephi and yEd), `weight`, `relation`, `interaction`
// (the relation again, for Cytoscape), `relation_text`, `date`, `dates` (`;`-separated),
// `date_precision`, `polarity`, `modality`, `negated` (boolean, written `true`/`false`),
// `confidence`, `doc`, `sentence`, `evidence`, `rule`. One edge an edge of the graph; empty
// values are left out. Text goes through xml_escape(): valid UTF-8, characters XML 1.0 forbids
// removed, line breaks kept as character references.
// Edges are formatted on `threads` threads (write_chunks_in_order()); the bytes are the same
// for any count. Thread safety: a pure function of the graph.
#include <ostream>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

void write_graphml(std::ostream& out, const KnowledgeGraph& graph, unsigned threads = 1);

}  // namespace chronokg::io
