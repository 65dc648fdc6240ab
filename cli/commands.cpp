#include "cli/commands.hpp"

namespace chronokg::cli {

std::vector<std::unique_ptr<Command>> all_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(make_extract_command());
    commands.push_back(make_build_command());
    commands.push_back(make_query_command());
    commands.push_back(make_timeline_command());
    commands.push_back(make_neighbors_command());
    commands.push_back(make_path_command());
    commands.push_back(make_stats_command());
    commands.push_back(make_eval_command());
    return commands;
}

}  // namespace chronokg::cli
