#pragma once
// Running the real consumers of our files (networkx, Graphviz) from tests.
#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace chronokg::test {

struct CommandResult {
    int code;
    std::string out;
    std::string err;
};

// Runs `command` with /bin/sh, capturing its standard output and error.
inline CommandResult run_command(const std::string& command) {
    const auto dir = std::filesystem::temp_directory_path();
    const auto out = dir / ("chronokg-cmd-" + std::to_string(std::rand()) + ".out");
    const auto err = dir / ("chronokg-cmd-" + std::to_string(std::rand()) + ".err");
    const int status = std::system((command + " >" + out.string() + " 2>" + err.string()).c_str());
    CommandResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out.string()), read_file(err.string())};
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

}  // namespace chronokg::test
