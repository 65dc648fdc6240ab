#pragma once
// Helpers shared by the tests: where things are, a rule pack for unit tests, running the CLI.
#include <cstdlib>
#include <filesystem>
#include <unistd.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "core/document.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg::test {

inline std::string source_dir() { return CHRONOKG_SOURCE_DIR; }
inline std::string data_dir() { return source_dir() + "/tests/data"; }
// ../shared beside the repository, when this machine has it.
inline std::string shared_dir() { return source_dir() + "/../shared"; }
inline bool have_shared() { return std::filesystem::is_directory(shared_dir() + "/dev"); }

// The default pack's time rules, grammar words and English word lists plus the small pack in tests/data/pack:
// unit tests do not move when the default pack grows.
inline RulePack test_pack() {
    RulePack pack;
    pack.add(source_dir() + "/rules/time.jsonl");
    pack.add(source_dir() + "/rules/grammar.jsonl");
    pack.add(source_dir() + "/rules/english.jsonl");
    pack.add(data_dir() + "/pack");
    return pack;
}

inline RulePack default_pack() {
    RulePack pack;
    pack.add(source_dir() + "/rules");
    return pack;
}

inline Document article(std::string text, std::string published = "2025-05-20", std::string id = "t") {
    Document d;
    d.id = std::move(id);
    d.source = "test";
    d.text = std::move(text);
    d.published = Date::parse(published);
    return d;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct RunResult {
    int code;
    std::string out;
    std::string err;
};

inline RunResult run_cli(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

// Directories removed when the test process ends, so that a test run leaves the temp directory
// as it found it. CHRONOKG_KEEP_TEST_FILES=1 keeps them, to look at what a failing test wrote.
class TempDirs {
public:
    static void remove_at_exit(const std::filesystem::path& dir) {
        static TempDirs dirs;  // one for the process: destroyed at exit
        dirs.paths_.push_back(dir);
    }
    ~TempDirs() {
        if (std::getenv("CHRONOKG_KEEP_TEST_FILES") != nullptr) return;
        std::error_code ec;  // a file still open elsewhere must not turn the exit into a crash
        for (const auto& dir : paths_) std::filesystem::remove_all(dir, ec);
    }

private:
    std::vector<std::filesystem::path> paths_;
};

// A fresh empty directory under the system's temp directory, removed when the process ends.
// The process id is part of the name because CTest runs test cases in parallel processes, and
// two cases that share a name must not remove each other's files.
inline std::filesystem::path temp_dir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("chronokg-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    TempDirs::remove_at_exit(dir);
    return dir;
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

}  // namespace chronokg::test
