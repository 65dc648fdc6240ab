#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include <new>

#include "cli/commands.hpp"
#include "core/error.hpp"

namespace chronokg::cli {

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CLI::App app{"chronokg: news articles in, an event timeline knowledge graph out.\n"
                 "Rule-based extraction of dated entity-relation events from Chinese (traditional or\n"
                 "simplified) and English news, exported as GraphML, GEXF, DOT, JSON or CSV.",
                 "chronokg"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "chronokg 0.1.0");
    std::vector<std::unique_ptr<Command>> commands = all_commands();
    for (auto& command : commands) command->add_to(app);

    std::vector<const char*> argv = {"chronokg"};
    for (const auto& a : args) argv.push_back(a.c_str());
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
        // --help and --version are "errors" that exit 0 and print to `out`.
        return app.exit(e, out, err) == 0 ? 0 : 1;
    }
    try {
        for (auto& command : commands) {
            if (!command->chosen()) continue;
            const int code = command->run(out, err);
            // A full disk or a closed pipe behind standard output: what was printed is incomplete.
            if (!out.flush()) {
                err << "chronokg: cannot write to standard output: the output is incomplete\n";
                return 1;
            }
            return code;
        }
    } catch (const Error& e) {
        // Several problems come one a line; each line gets the program's name.
        std::string message = e.what();
        for (std::size_t at = message.find('\n'); at != std::string::npos; at = message.find('\n', at + 1))
            message.insert(at + 1, "chronokg: ");
        err << "chronokg: " << message << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        // Not a bug: the inputs need more memory than the process may have (ulimit -v, a cgroup,
        // the machine). Output files were written to temporary files, which are gone by now.
        err << "chronokg: out of memory: the inputs need more memory than this process may use "
               "(a graph holds about 1 KB an event); old output files are left as they were\n";
        return 1;
    } catch (const std::exception& e) {
        err << "chronokg: internal error: " << e.what() << "\n";
        return 1;
    }
    return 1;
}

}  // namespace chronokg::cli
