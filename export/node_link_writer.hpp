#pragma once
// JSON node-link graphs, as networkx's node_link_data() writes them and d3's force layouts
// read them; read back by read_node_link().
//
//   {"directed": true, "multigraph": true, "graph": {"name": "chronokg"},
//    "nodes": [{"id": "bis", "label": "BIS", "type": "GOV", "aliases": [...], "mentions": 3,
//               "first_seen": "2019-05-16", "last_seen": "2025-05-13", "color": "#e06666",
//               "size": 16.9}, ...],
//    "links": [{"source": "bis", "target": "huawei", "key": "e0", "label": "...",
//               "relation": "...", "relation_text": "...", "date": "2019-05-16" or null,
//               "dates": [...], "date_precision": "day" or null, "polarity": "positive",
//               "modality": "asserted", "negated": false, "confidence": 0.8, "weight": 1,
//               "doc": "...", "sentence": 4, "evidence": "...", "rule": "..."}, ...]}
//
// networkx: `node_link_graph(data, edges="links")` (3.4 and later) or `node_link_graph(data)`
// (older) gives a MultiDiGraph keyed by "key". One node or link a line, fields in the order
// above; strings are valid UTF-8 with control characters escaped, never dropped.
// Thread safety: a pure function of the graph.
#include <ostream>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

void write_node_link(std::ostream& out, const KnowledgeGraph& graph);

}  // namespace chronokg::io
