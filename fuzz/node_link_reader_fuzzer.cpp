// The node-link JSON reader: any bytes give a graph or a chronokg::Error naming the file; a
// graph it reads writes back and reads again.
#include <sstream>

#include "core/error.hpp"
#include "export/node_link_reader.hpp"
#include "fuzz_support.hpp"
#include "graph_round_trip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chronokg;
    std::istringstream in{std::string(fuzz::bytes(data, size))};
    try {
        const KnowledgeGraph graph = io::read_node_link(in, "g.json");
        CHRONOKG_FUZZ_CHECK(graph.edge_count() <= size);
        fuzz::check_round_trip(graph);  // an error here names back.*, not the input: a finding
    } catch (const Error& e) {
        CHRONOKG_FUZZ_CHECK(e.file() == "g.json");
    }
    return 0;
}
