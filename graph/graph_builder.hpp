#pragma once
// Building a KnowledgeGraph from events.
//
// Entities merge by id: a vertex takes the label and type seen most often (ties: the smallest
// in byte order; a real type wins over CONCEPT), keeps the other labels as aliases, and counts
// its events and first and last dates. Each event becomes an edge; with `collapse`, events with
// the same subject, relation, object and polarity become one edge whose weight is their number
// and whose dates are all of theirs ("does not revoke" stays apart from "revokes"). Edges are
// sorted on all the fields they keep, so any arrival order gives the same graph. Labels, words
// as written and evidence lose their outer whitespace; confidence is rounded to two decimals.
//
// GraphBuilder takes the events one at a time and keeps only what the graph keeps (an edge's
// data and the keys it is sorted on; the entities' tallies), so `chronokg build` never holds
// the events themselves: a million events build in a third of the memory.
// Thread safety: a GraphBuilder is used by one thread; build_graph is a pure function.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/event.hpp"
#include "graph/knowledge_graph.hpp"

namespace chronokg {

struct BuildOptions {
    bool collapse = false;
    unsigned threads = 1;  // for ordering the edges in finish(); the graph is the same for any number
};

class GraphBuilder {
public:
    explicit GraphBuilder(BuildOptions options = {});
    ~GraphBuilder();
    GraphBuilder(GraphBuilder&&) noexcept;
    GraphBuilder& operator=(GraphBuilder&&) noexcept;

    // Room for `events` more events: a hint that saves regrowing the edge arrays (a third of the
    // time of add() on a million events). Room never used is never touched, so a generous guess
    // costs address space, not memory.
    void reserve(std::size_t events);
    // Takes in one event (its texts are moved out).
    void add(Event&& event);
    // The graph of every event added; the builder is empty afterwards.
    KnowledgeGraph finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

KnowledgeGraph build_graph(std::vector<Event> events, const BuildOptions& options = {});

}  // namespace chronokg
