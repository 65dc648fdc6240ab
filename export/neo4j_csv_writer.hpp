#pragma once
// CSV for Neo4j's bulk import (`neo4j-admin database import full --nodes=N --relationships=R`),
// with the typed headers it expects.
//
// nodes:         id:ID, label, :LABEL (`Entity;` + type), type, aliases, mentions:int,
//                first_seen:date, last_seen:date
// relationships: :START_ID, :END_ID, :TYPE, relation, relation_text, label, date:date,
//                dates:date[] (`;`-separated, Neo4j's default array delimiter), date_precision,
//                polarity, modality, negated:boolean, confidence:float, weight:int, doc,
//                sentence:int, evidence, rule
// One relationship an edge of the graph (Neo4j keeps parallel relationships). :TYPE is the
// edge kind in Neo4j's upper snake case (`ADDS_TO_ENTITY_LIST`, `NOT_REVOKES`). Dates are
// ISO at their precision, which Neo4j's date type reads (`2025-05` is 2025-05-01).
// Thread safety: pure functions of the graph.
#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

void write_neo4j_nodes_csv(std::ostream& out, const KnowledgeGraph& graph);
void write_neo4j_edges_csv(std::ostream& out, const KnowledgeGraph& graph);

// "adds to entity list" → "ADDS_TO_ENTITY_LIST": ASCII letters upper-cased, runs of anything
// else that is ASCII turned into one `_`, other characters kept.
std::string neo4j_type(std::string_view kind);

}  // namespace chronokg::io
