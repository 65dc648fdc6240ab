// `chronokg path GRAPH A B`: the shortest chain of events joining two entities (edges taken in
// either direction), one row an event, numbered by hop.
#include "cli/event_table.hpp"
#include "cli/graph_command.hpp"
#include "graph/graph_query.hpp"

namespace chronokg::cli {
namespace {

class PathCommand : public GraphCommand {
public:
    void add_to(CLI::App& app) override {
        auto& command = add_graph_command(app, "path", "How two entities are connected: the shortest chain of events");
        command.add_option("FROM", from_, "The first entity: its id or any alias, in any script")->required();
        command.add_option("TO", to_, "The second entity")->required();
    }

private:
    int answer(const LoadedGraph& loaded, std::ostream& out, std::ostream& err) override {
        const GraphQuery query(loaded.graph, loaded.catalog.get());
        const auto steps = query.path(from_, to_);
        if (!steps) {
            err << "chronokg: nothing connects " << from_ << " and " << to_ << "\n";
            return 0;
        }
        std::vector<Column> columns = {{"step", true, 0}, {"from", false, 0}, {"to", false, 0}};
        for (auto& c : event_columns()) columns.push_back(std::move(c));
        ResultTable table(std::move(columns));
        for (std::size_t i = 0; i < steps->size(); ++i) {
            const auto& step = (*steps)[i];
            for (const auto& event : step.events) {
                std::vector<Cell> row = {static_cast<std::int64_t>(i + 1), step.from.label, step.to.label};
                for (auto& cell : event_cells(event)) row.push_back(std::move(cell));
                table.add_row(std::move(row));
            }
        }
        write(table, out, err, from_ + " and " + to_ + " are the same entity");
        return 0;
    }

    std::string from_, to_;
};

}  // namespace

std::unique_ptr<Command> make_path_command() { return std::make_unique<PathCommand>(); }

}  // namespace chronokg::cli
