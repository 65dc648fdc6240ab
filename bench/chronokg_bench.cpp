// chronokg_bench: the measurements bench/run.py cannot take from outside the `chronokg`
// command. Each subcommand prints one JSON object on stdout.
//   chronokg_bench corpus CORPUS                          articles, text bytes, sentences
//   chronokg_bench aliases CORPUS [--mb N]                alias matching: PhraseMatcher vs Hyperscan
//   chronokg_bench graph EVENTS --events N --out DIR      graph build and each writer on N events
//   chronokg_bench fold CORPUS [--mb N]                   script folding alone, on the articles' text
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

namespace chronokg::bench {
int corpus_command(const std::string& corpus);
int aliases_command(const std::string& corpus, std::size_t max_bytes);
int graph_command(const std::string& events, std::size_t count, const std::string& out_dir);
int fold_command(const std::string& corpus, std::size_t max_bytes);
}  // namespace chronokg::bench

namespace {

int usage() {
    std::fputs("usage: chronokg_bench corpus CORPUS\n"
               "       chronokg_bench aliases CORPUS [--mb N]\n"
               "       chronokg_bench graph EVENTS --events N --out DIR\n"
               "       chronokg_bench fold CORPUS [--mb N]\n",
               stderr);
    return 2;
}

// The value after `name` in args, or `fallback`.
std::string option(const std::vector<std::string>& args, const std::string& name, const std::string& fallback) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == name) return args[i + 1];
    return fallback;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < 2) return usage();
    try {
        if (args[0] == "corpus") return chronokg::bench::corpus_command(args[1]);
        if (args[0] == "aliases")
            return chronokg::bench::aliases_command(
                args[1], static_cast<std::size_t>(std::atof(option(args, "--mb", "20").c_str()) * 1e6));
        if (args[0] == "fold")
            return chronokg::bench::fold_command(
                args[1], static_cast<std::size_t>(std::atof(option(args, "--mb", "0").c_str()) * 1e6));
        if (args[0] == "graph")
            return chronokg::bench::graph_command(args[1], std::stoul(option(args, "--events", "1000000")),
                                                  option(args, "--out", "bench/out/graph"));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "chronokg_bench: %s\n", e.what());
        return 1;
    }
    return usage();
}
