#pragma once
// chronokg::cli::GraphCommand — a subcommand that answers from one graph (query, timeline,
// neighbors, path, stats).
//
// What it represents: what those commands share: the GRAPH argument (a saved graph, or articles
// and events read on the fly, see graph_input.hpp) with the extraction options, --json and
// --csv, and the run: load the graph, answer, and exit 1 when some input was bad.
// Thread safety: used by one run() at a time.
#include <ostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "cli/result_table.hpp"

namespace chronokg::cli {

class GraphCommand : public Command {
public:
    int run(std::ostream& out, std::ostream& err) final;

protected:
    // Declares the subcommand with GRAPH first (so its own positionals come after), the
    // extraction options and --json/--csv; sets command_.
    CLI::App& add_graph_command(CLI::App& app, const std::string& name, const std::string& description);

    // Answers from the loaded graph; returns the exit code. Throws chronokg::Error on a bad
    // question (an unknown entity).
    virtual int answer(const LoadedGraph& graph, std::ostream& out, std::ostream& err) = 0;

    // Writes `table` in the chosen style; an empty table tells people `none` on `err` instead.
    void write(const ResultTable& table, std::ostream& out, std::ostream& err, const std::string& none) const;

    OutputOptions output_;

private:
    InputOptions input_;
};

}  // namespace chronokg::cli
