// `chronokg neighbors GRAPH ENTITY [--depth N]`: the entities within N hops of one, nearest first,
// with how many events join each to the entities one hop nearer and one of them as an example.
#include <fmt/format.h>

#include "cli/graph_command.hpp"
#include "graph/graph_query.hpp"

namespace chronokg::cli {
namespace {

class NeighborsCommand : public GraphCommand {
public:
    void add_to(CLI::App& app) override {
        auto& command = add_graph_command(app, "neighbors", "The entities connected to one, within a number of hops");
        command.add_option("ENTITY", entity_, "The entity: its id or any alias, in any script")->required();
        command.add_option("--depth", depth_, "Hops to go out, edges taken in either direction (default 1)")
            ->check(CLI::Range(1, 100));
    }

private:
    int answer(const LoadedGraph& loaded, std::ostream& out, std::ostream& err) override {
        const GraphQuery query(loaded.graph, loaded.catalog.get());
        ResultTable table({{"distance", true, 0},
                           {"id", false, 0},
                           {"entity", true, 40},
                           {"type", true, 0},
                           {"events", true, 0},
                           {"example", true, 80}});
        for (const auto& n : query.neighbors(entity_, depth_)) {
            const auto& first = n.events.front();
            std::string example = fmt::format("{} {} {}", first.subject.label, first.data.relation, first.object.label);
            if (first.data.date) example += " (" + first.data.date->iso() + ")";
            table.add_row({static_cast<std::int64_t>(n.distance), n.entity.id, n.entity.label, n.entity.type,
                           static_cast<std::int64_t>(n.events.size()), example});
        }
        write(table, out, err, "no neighbours");
        return 0;
    }

    std::string entity_;
    std::size_t depth_ = 1;
};

}  // namespace

std::unique_ptr<Command> make_neighbors_command() { return std::make_unique<NeighborsCommand>(); }

}  // namespace chronokg::cli
