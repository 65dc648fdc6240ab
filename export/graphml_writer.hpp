#pragma once
// GraphML for Gephi, yEd, Cytoscape and networkx.
//
// Typed keys: node `label`, `type`, `aliases` (joined with `|`), `mentions`, `first_seen`,
// `last_seen`; edge `label` (`relation (date)`, shown by Gephi and yEd), `relation`,
// `interaction` (the relation, for Cytoscape), `relation_text`, `date`, `dates`, `polarity`,
// `modality`, `negated` (boolean written `true`/`false`), `confidence`, `weight`, `doc`,
// `sentence`, `evidence`, `rule`. Text is XML-escaped with forbidden characters removed.
// Thread safety: a pure function of the graph.
#include <ostream>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

void write_graphml(std::ostream& out, const KnowledgeGraph& graph);

}  // namespace chronokg::io
