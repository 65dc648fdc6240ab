// `chronokg build INPUT... -o OUT...`: the graph of the events, in one or more formats.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <set>

#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_cleanup.hpp"
#include "cli/ordered_extraction.hpp"
#include "core/error.hpp"
#include "core/run_in_parallel.hpp"
#include "export/atomic_file.hpp"
#include "export/event_json.hpp"
#include "export/graph_format.hpp"
#include "graph/graph_builder.hpp"

namespace chronokg::cli {
namespace {

// Fewer bytes than an event line (300 to 700: the evidence sentence is most of one), for a guess
// of the events a file holds that is rarely more than twice too many.
constexpr std::uintmax_t kEventBytesAtLeast = 256;

class BuildCommand : public Command {
public:
    void add_to(CLI::App& app) override {
        command_ = app.add_subcommand("build", "Build the event graph of articles (or of extracted events) and write it");
        add_input_options(*command_, options_);
        command_->add_option("-o,--output", outputs_,
                             "Output file; the format comes from its extension (.graphml, .gexf, .dot/.gv, .json, "
                             ".csv, .neo4j.csv) unless --format is given. May be given several times. A .jsonl "
                             "output receives the events. CSV is two files: -o g.csv writes g.nodes.csv and "
                             "g.edges.csv (Gephi spreadsheet import), -o g.neo4j.csv writes g.neo4j.nodes.csv and "
                             "g.neo4j.edges.csv (neo4j-admin import)")
            ->required()
            ->expected(1)
        ->allow_extra_args(false)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        std::string names;
        for (const auto& n : io::format_names()) names += (names.empty() ? "" : "|") + n;
        command_->add_option("--format", format_, "Output format: " + names)->check(CLI::IsMember(io::format_names()));
        command_->add_flag("--collapse", collapse_,
                           "One edge per subject, relation and object, weighted by how often it occurs");
    }

    int run(std::ostream& out, std::ostream& err) override {
        // Check every output before the (possibly long) extraction.
        std::vector<std::optional<io::GraphFormat>> formats;
        std::set<std::string> files;  // every file the outputs write, under one spelling each
        for (std::size_t i = 0; i < outputs_.size(); ++i) {
            if (io::format_from_path(outputs_[i]) == std::nullopt && format_.empty() && !is_events(outputs_[i]))
                throw Error(outputs_[i], 0, 0, "unknown output format: use a known extension or --format");
            formats.push_back(format_.empty() ? io::format_from_path(outputs_[i]) : io::format_from_name(format_));
            const bool events = is_events(outputs_[i]) && format_.empty();
            for (const auto& file : events ? std::vector<std::string>{outputs_[i]} : io::output_files(outputs_[i], *formats[i]))
                if (!files.insert(io::output_identity(file)).second)
                    throw Error(file, 0, 0, "the same output is given twice");
        }
        ProblemLog log{err};
        // The graph takes the events as they come and keeps only what it needs, unless an events
        // output needs them whole, in their order.
        const bool events_output = std::any_of(outputs_.begin(), outputs_.end(),
                                               [&](const std::string& o) { return is_events(o) && format_.empty(); });
        std::vector<Event> events;
        const unsigned threads = thread_count(options_);
        GraphBuilder builder(BuildOptions{collapse_, threads});
        read_events_from_inputs(options_, log, [&](Event&& e) {
            if (events_output) events.push_back(e);
            builder.add(std::move(e));
        }, [&](std::uintmax_t bytes) {
            builder.reserve(static_cast<std::size_t>(bytes / kEventBytesAtLeast));
        });
        if (events_output) std::sort(events.begin(), events.end(), event_less);
        if (log.count > 0 && !options_.keep_going) return 1;  // bad input: keep the old files
        // With progress shown, what the rest of a long build does: the reading's totals are out.
        const bool progress = progress_shown(options_, err);
        const auto started = std::chrono::steady_clock::now();
        KnowledgeGraph graph = builder.finish();
        if (progress)
            err << fmt::format("chronokg: graph of {} entities and {} edges built in {:.1f} s; writing {} output{}\n",
                               graph.vertex_count(), graph.edge_count(),
                               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                               outputs_.size(), outputs_.size() == 1 ? "" : "s")
                << std::flush;
        // Each output is written on a thread of its own (as many at once as --threads allows),
        // into its own set; the sets then join into one and are replaced together, or none is
        // (a full disk on the last). A failure is reported for the first output that failed.
        // Writers that format on several threads (GraphML, GEXF) may each use all of them: when one
        // output finishes early, the others get its cores.
        std::vector<io::OutputSet> sets(outputs_.size());
        std::vector<std::exception_ptr> failures(outputs_.size());
        auto write_output = [&](std::size_t i) {
            try {
                if (is_events(outputs_[i]) && format_.empty()) {
                    sets[i].write(outputs_[i], [&](std::ostream& file) {
                        for (const auto& e : events) file << io::event_to_json(e) << '\n';
                    });
                } else {
                    io::write_graph_files(sets[i], outputs_[i], graph, *formats[i], threads);
                }
            } catch (...) {
                failures[i] = std::current_exception();
            }
        };
        run_in_parallel(outputs_.size(), threads, write_output);
        for (const auto& failure : failures)
            if (failure) std::rethrow_exception(failure);
        io::OutputSet written;
        for (auto& set : sets) written.adopt(std::move(set));
        written.commit();
        for (std::size_t i = 0; i < outputs_.size(); ++i) {
            if (is_events(outputs_[i]) && format_.empty()) {
                err << fmt::format("chronokg: wrote {} ({} events)\n", outputs_[i], events.size());
                continue;
            }
            for (const auto& file : io::output_files(outputs_[i], *formats[i]))
                err << fmt::format("chronokg: wrote {} ({} entities, {} edges)\n", file, graph.vertex_count(),
                                   graph.edge_count());
        }
        (void)out;
        discard(std::move(graph));
        discard(std::move(events));
        return log.count == 0 ? 0 : 1;
    }

private:
    static bool is_events(const std::string& path) { return path.size() > 6 && path.substr(path.size() - 6) == ".jsonl"; }

    InputOptions options_;
    std::vector<std::string> outputs_;
    std::string format_;
    bool collapse_ = false;
};

}  // namespace

std::unique_ptr<Command> make_build_command() { return std::make_unique<BuildCommand>(); }

}  // namespace chronokg::cli
