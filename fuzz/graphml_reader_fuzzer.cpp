// The GraphML reader (`query` and `timeline` read what `build` wrote): any bytes give a graph
// or a chronokg::Error naming the file, never a crash; a graph it reads writes back and reads again.
#include <sstream>

#include "core/error.hpp"
#include "export/graphml_reader.hpp"
#include "fuzz_support.hpp"
#include "graph_round_trip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chronokg;
    std::istringstream in{std::string(fuzz::bytes(data, size))};
    try {
        const KnowledgeGraph graph = io::read_graphml(in, "g.graphml");
        CHRONOKG_FUZZ_CHECK(graph.edge_count() <= size);
        fuzz::check_round_trip(graph);  // an error here names back.*, not the input: a finding
    } catch (const Error& e) {
        CHRONOKG_FUZZ_CHECK(e.file() == "g.graphml");
    }
    return 0;
}
