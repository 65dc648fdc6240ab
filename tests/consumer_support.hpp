#pragma once
// Running the real consumers of our files (networkx, Graphviz) from tests.
#include <unistd.h>

#include <atomic>
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
    // Names unique across the test processes CTest runs in parallel.
    static std::atomic<int> counter{0};
    const auto dir = std::filesystem::temp_directory_path();
    const std::string stem = "chronokg-cmd-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const auto out = dir / (stem + ".out");
    const auto err = dir / (stem + ".err");
    const int status = std::system((command + " >" + out.string() + " 2>" + err.string()).c_str());
    CommandResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out.string()), read_file(err.string())};
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

}  // namespace chronokg::test
