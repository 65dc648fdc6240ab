#include "cli/common_options.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "cli/event_file_reading.hpp"
#include "cli/ordered_extraction.hpp"
#include "core/error.hpp"
#include "export/event_json.hpp"
#include "extract/extractor.hpp"

namespace chronokg::cli {
namespace {

// Whether a .jsonl file holds events (the output of `extract`) rather than articles.
bool holds_events(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) return io::looks_like_event(line);
    return false;
}

}  // namespace

void add_input_options(CLI::App& command, InputOptions& options, bool inputs_required) {
    auto* inputs = command.add_option("INPUT", options.inputs,
                                      "Articles: .txt/.md files, .jsonl corpora (one article a line), directories "
                                      "(read recursively), or - for stdin");
    if (inputs_required) inputs->required();
    add_extraction_options(command, options);
}

void add_extraction_options(CLI::App& command, InputOptions& options) {
    command.add_option("--rules", options.rule_packs,
                       "Add a rule pack (a .jsonl file or a directory); may be given several times")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.add_flag("--no-default-rules", options.no_default_rules, "Use only the packs given with --rules");
    command.add_option("--date", options.date, "Publication date (YYYY-MM-DD) for every article, overriding the one found in it")
        ->check([](const std::string& value) {
            const auto d = Date::parse(value);
            return d && d->day > 0 ? std::string() : "must be a date YYYY-MM-DD, not " + value;
        });
    command.add_option("--lang", options.lang, "Language of the articles (default: detected per sentence)")
        ->check(CLI::IsMember({"auto", "zh", "en"}));
    command.add_flag("--lenient", options.lenient, "Replace invalid UTF-8 with U+FFFD instead of rejecting the article");
    command.add_flag("--strict", options.strict, "Stop at the first bad article instead of reporting it and going on");
    command.add_flag("--keep-going", options.keep_going,
                     "Write output files even when some articles were bad (they are left out; the exit code is "
                     "still 1). Without it, a run with bad articles writes no file.");
    command.add_option("--threads", options.threads,
                       "Threads for extracting, reading event files and writing outputs (default: one per core); the output is the same for any number")
        ->check(CLI::Range(0u, 1024u));
    command.add_flag("--progress", options.progress,
                     "Show how far extraction is on standard error, and its totals at the end (default: when standard "
                     "error is a terminal)");
    command.add_flag("--no-progress", options.no_progress, "Never show progress")->excludes("--progress");
}

RulePack load_rules(const InputOptions& options) {
    std::vector<std::string> paths;
    if (!options.no_default_rules) paths.push_back(default_rules_path());
    paths.insert(paths.end(), options.rule_packs.begin(), options.rule_packs.end());
    RulePack pack;
    pack.add(paths);  // one batch: the problems of every pack are reported together
    return pack;
}

bool progress_shown(const InputOptions& options, const std::ostream& err) {
    return options.progress || (!options.no_progress && Progress::on_terminal(err));
}

unsigned thread_count(const InputOptions& options) {
    return options.threads == 0 ? default_thread_count() : options.threads;
}

namespace {

// read_events_from_inputs, and with `printer` print_events_from_inputs (`sink` then prints).
void read_inputs(const InputOptions& options, ProblemLog& log, const std::function<void(Event&&)>& sink,
                 const std::function<void(std::uintmax_t)>& on_event_file, const EventPrinter* printer) {
    ReadOptions read;
    if (!options.date.empty()) read.date = Date::parse(options.date);
    if (options.lang != "auto") read.lang = options.lang;
    read.lenient = options.lenient;
    if (!options.strict) read.on_error = [&log](const Error& e) { log.report(e.what()); };

    // Articles and events read so far, on standard error; the log clears its line before each problem.
    Progress progress(log.err, progress_shown(options, log.err));
    struct ShowProgress {
        ProblemLog& log;
        Progress& progress;
        ~ShowProgress() {
            progress.clear();  // an exception leaves no half line behind
            log.progress = nullptr;
        }
    } show_progress{log, progress};
    log.progress = &progress;

    const auto inputs = expand_inputs(options.inputs, read.on_error);  // a missing input: reported, skipped
    auto is_event_file = [](const InputFile& f) { return f.path != "-" && is_jsonl_path(f.path) && holds_events(f.path); };
    // Rules are loaded (and their errors reported) before any input is read; event files need none.
    std::unique_ptr<Extractor> extractor;
    if (!std::all_of(inputs.begin(), inputs.end(), is_event_file)) {
        ExtractorOptions extractor_options;
        extractor_options.lang = options.lang;
        extractor = std::make_unique<Extractor>(load_rules(options), extractor_options);
    }
    auto extract = [&](Document document) {
        for (auto& event : extractor->extract(document)) sink(std::move(event));
    };
    // With several threads, documents are extracted in parallel, and what the serial loop would
    // do (events, problems, skipping the rest of an input whose extraction failed) is replayed
    // in the same order, so the output does not depend on the number of threads.
    const unsigned threads = thread_count(options);
    std::unique_ptr<OrderedExtraction> pool;
    std::size_t current = 0;                  // the input being read
    std::size_t failed = inputs.size();       // an input whose extraction threw: the rest of it is skipped
    bool in_order = false;                    // the Error being thrown was delivered in order by the pool
    OrderedExtraction::Render render;
    if (printer)
        render = [printer](ExtractionOutcome& outcome) {
            for (const Event& event : outcome.events) printer->append(event, outcome.text);
            outcome.events = {};  // freed here, by the thread that made them
        };
    if (extractor && threads > 1) {
        pool = std::make_unique<OrderedExtraction>(*extractor, threads, [&](ExtractionOutcome& outcome) {
            if (outcome.input == failed) return;
            if (outcome.error) {
                try {
                    std::rethrow_exception(outcome.error);
                } catch (const Error& e) {
                    if (options.strict) {
                        in_order = true;
                        throw;
                    }
                    log.report(e.what());
                    if (!outcome.reported) failed = outcome.input;
                }
            }
            if (printer) printer->write(outcome.text);
            for (auto& event : outcome.events) sink(std::move(event));
        }, render);
        if (!options.strict)
            read.on_error = [&](const Error& e) { pool->report(current, std::make_exception_ptr(e)); };
    }
    for (current = 0; current < inputs.size(); ++current) {
        const InputFile& input = inputs[current];
        try {
            if (is_event_file(input)) {
                if (pool) pool->finish();
                if (on_event_file) {
                    std::error_code unknown;  // a size that cannot be read is no hint: the file's read reports it
                    const auto bytes = std::filesystem::file_size(input.path, unknown);
                    if (!unknown) on_event_file(bytes);
                }
                read_event_file(input.path, threads, options.strict, log, sink,
                                [&progress](std::size_t events, std::size_t bytes) { progress.events(events, bytes); });
            } else {
                read_documents(input, read, [&](Document document) {
                    progress.article(document.text.size());
                    if (pool) pool->extract(current, std::move(document));
                    else extract(std::move(document));
                });
            }
        } catch (const Error& e) {
            if (in_order) throw;
            if (pool) {
                // After the documents read before it, as a serial run would report it.
                pool->report(current, std::current_exception());
                if (options.strict) pool->finish();  // throws it, in order
                continue;
            }
            if (options.strict) throw;
            log.report(e.what());
        }
    }
    if (pool) pool->finish();
    progress.finish();
}

}  // namespace

void read_events_from_inputs(const InputOptions& options, ProblemLog& log, const std::function<void(Event&&)>& sink,
                             const std::function<void(std::uintmax_t)>& on_event_file) {
    read_inputs(options, log, sink, on_event_file, nullptr);
}

void print_events_from_inputs(const InputOptions& options, ProblemLog& log, const EventPrinter& printer) {
    std::string text;  // one event at a time where no pool renders them: event files, one thread
    auto print = [&](Event&& event) {
        text.clear();
        printer.append(event, text);
        printer.write(text);
    };
    read_inputs(options, log, print, {}, &printer);
}

}  // namespace chronokg::cli
