#pragma once
// One class a subcommand: it declares its options on the CLI11 app, then runs.
// Thread safety: used by one run() at a time.
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <vector>

namespace chronokg::cli {

class Command {
public:
    virtual ~Command() = default;
    // Declares the subcommand and its options on `app`.
    virtual void add_to(CLI::App& app) = 0;
    // Runs it after parsing; returns the exit code. Throws chronokg::Error on bad input.
    virtual int run(std::ostream& out, std::ostream& err) = 0;
    bool chosen() const { return command_ && command_->parsed(); }

protected:
    CLI::App* command_ = nullptr;
};

std::unique_ptr<Command> make_extract_command();
std::unique_ptr<Command> make_build_command();
std::unique_ptr<Command> make_eval_command();
std::unique_ptr<Command> make_query_command();
std::unique_ptr<Command> make_timeline_command();
std::unique_ptr<Command> make_neighbors_command();
std::unique_ptr<Command> make_path_command();
std::unique_ptr<Command> make_stats_command();

// Every subcommand, in the order `--help` lists them.
std::vector<std::unique_ptr<Command>> all_commands();

}  // namespace chronokg::cli
