#include "cli/graph_command.hpp"

namespace chronokg::cli {

CLI::App& GraphCommand::add_graph_command(CLI::App& app, const std::string& name, const std::string& description) {
    command_ = app.add_subcommand(name, description);
    add_graph_input(*command_, input_,
                    "A saved graph (.graphml, .json), or articles or events JSONL to read on the fly");
    add_output_options(*command_, output_);
    return *command_;
}

int GraphCommand::run(std::ostream& out, std::ostream& err) {
    ProblemLog log{err};
    const auto loaded = load_graph(input_, log);
    if (!loaded) return 1;
    const int code = answer(*loaded, out, err);
    return log.count == 0 ? code : 1;
}

void GraphCommand::write(const ResultTable& table, std::ostream& out, std::ostream& err, const std::string& none) const {
    table.write(out, output_.style());
    if (table.empty() && output_.style() == OutputStyle::table) err << "chronokg: " << none << "\n";
}

}  // namespace chronokg::cli
