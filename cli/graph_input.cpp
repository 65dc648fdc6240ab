#include "cli/graph_input.hpp"

#include <vector>

#include "core/error.hpp"
#include "export/graph_format.hpp"
#include "extract/normalizer.hpp"
#include "graph/graph_builder.hpp"

namespace chronokg::cli {
namespace {

// The catalog of the pack the graph was built with. A graph file can be queried without any
// pack, so a missing default pack only loses the extra aliases; a broken --rules pack is an error.
std::unique_ptr<EntityCatalog> load_catalog(const InputOptions& options) {
    if (options.no_default_rules && options.rule_packs.empty()) return nullptr;
    try {
        return std::make_unique<EntityCatalog>(load_rules(options), Normalizer::shared());
    } catch (const Error&) {
        if (!options.rule_packs.empty()) throw;
        return nullptr;
    }
}

}  // namespace

void add_graph_input(CLI::App& command, InputOptions& options, const std::string& help) {
    command
        .add_option_function<std::string>(
            "GRAPH", [&options](const std::string& path) { options.inputs = {path}; }, help)
        ->required();
    add_extraction_options(command, options);
}

std::optional<LoadedGraph> load_graph(const InputOptions& options, ProblemLog& log) {
    LoadedGraph loaded;
    const std::string& path = options.inputs.at(0);
    if (io::format_from_path(path)) {
        // A graph file: .graphml and .json are read back; the other formats are refused with
        // a message saying which ones can be.
        loaded.graph = io::read_graph_file(path);
    } else {
        std::vector<Event> events;
        read_events_from_inputs(options, log, [&](Event&& e) { events.push_back(std::move(e)); });
        if (log.count > 0 && !options.keep_going) return std::nullopt;
        BuildOptions build;
        build.threads = thread_count(options);
        loaded.graph = build_graph(std::move(events), build);
    }
    loaded.catalog = load_catalog(options);
    return loaded;
}

}  // namespace chronokg::cli
