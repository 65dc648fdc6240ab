#pragma once
// Options several commands share (rule packs, dates, language, error policy), and the step
// they all begin with: reading inputs into documents or events.
// Thread safety: used by one command run at a time.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/progress.hpp"
#include "core/document.hpp"
#include "core/event.hpp"
#include "extract/document_reader.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg::cli {

struct InputOptions {
    std::vector<std::string> inputs;
    std::vector<std::string> rule_packs;
    bool no_default_rules = false;
    std::string date;
    std::string lang = "auto";
    bool lenient = false;
    bool strict = false;
    bool keep_going = false;
    unsigned threads = 0;  // extraction threads; 0: one per core
    bool progress = false;     // --progress: show it even when standard error is not a terminal
    bool no_progress = false;  // --no-progress: not even on a terminal
};

// Adds INPUT... and the options above to `command`.
void add_input_options(CLI::App& command, InputOptions& options, bool inputs_required = true);
// Adds only the options above (rules, date, language, error policy), for commands that name
// their inputs themselves.
void add_extraction_options(CLI::App& command, InputOptions& options);

// The default pack (unless disabled) plus the user's packs, validated.
RulePack load_rules(const InputOptions& options);

// Counts problems met while reading; prints each on `err` as it comes (clearing the progress
// line first, while one is drawn).
struct ProblemLog {
    std::ostream& err;
    std::size_t count = 0;
    Progress* progress = nullptr;
    void report(const std::string& message) {
        if (progress) progress->clear();
        err << "chronokg: " << message << "\n";
        ++count;
    }
};

// Whether progress is shown on `err`: --progress, or a terminal without --no-progress.
bool progress_shown(const InputOptions& options, const std::ostream& err);

// The threads --threads asks for: every core when it is 0 (the default).
unsigned thread_count(const InputOptions& options);

// Reads every input: articles are extracted with the pack, event JSONL files are read as they
// are. Bad documents are reported and skipped, or thrown with --strict. `on_event_file`, when
// given, hears the size in bytes of each event file before its events come (to make room).
void read_events_from_inputs(const InputOptions& options, ProblemLog& log, const std::function<void(Event&&)>& sink,
                             const std::function<void(std::uintmax_t)>& on_event_file = {});

// Events as text, for commands that only print them: `append` adds one event's text to a string
// and may run on any thread; `write` takes the texts in input order, on the calling thread.
struct EventPrinter {
    std::function<void(const Event&, std::string&)> append;
    std::function<void(std::string_view)> write;
};
// The same reading as read_events_from_inputs, printed with `printer`: with several threads,
// each extraction thread turns the events of its documents into text, so that printing is not
// a step every event waits for on one thread. The bytes written are the same for any number.
void print_events_from_inputs(const InputOptions& options, ProblemLog& log, const EventPrinter& printer);

}  // namespace chronokg::cli
