#pragma once
// Building a KnowledgeGraph from events.
//
// Entities merge by id: a vertex takes the label and type seen most often (ties: the smallest
// in byte order; a real type wins over CONCEPT), keeps the other labels as aliases, and counts
// its events and first and last dates. Each event becomes an edge; with `collapse`, events with
// the same subject, relation, object and polarity become one edge whose weight is their number
// and whose dates are all of theirs ("does not revoke" stays apart from "revokes"). Events are
// sorted on all their fields first, so any arrival order gives the same graph. Labels, words
// as written and evidence lose their outer whitespace; confidence is rounded to two decimals.
// Thread safety: a pure function.
#include <vector>

#include "core/event.hpp"
#include "graph/knowledge_graph.hpp"

namespace chronokg {

struct BuildOptions {
    bool collapse = false;
};

KnowledgeGraph build_graph(std::vector<Event> events, const BuildOptions& options = {});

}  // namespace chronokg
