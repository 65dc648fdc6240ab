// `chronokg extract INPUT...`: events as JSON Lines on stdout (or -o FILE).
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "export/atomic_file.hpp"
#include "export/event_json.hpp"

namespace chronokg::cli {
namespace {

class ExtractCommand : public Command {
public:
    void add_to(CLI::App& app) override {
        command_ = app.add_subcommand("extract", "Extract events from articles and print them as JSON Lines");
        add_input_options(*command_, options_);
        command_->add_option("-o,--output", output_, "Write the events to this file instead of stdout");
        command_->footer(
            "Each line is one event: subject, relation, object, date, polarity, modality, evidence,\n"
            "span (byte offsets into the article), rule and confidence.");
    }

    int run(std::ostream& out, std::ostream& err) override {
        ProblemLog log{err};
        if (output_.empty()) {
            read_events_from_inputs(options_, log, [&](const Event& e) { out << io::event_to_json(e) << '\n'; });
            out.flush();
        } else {
            std::vector<Event> events;
            read_events_from_inputs(options_, log, [&](Event&& e) { events.push_back(std::move(e)); });
            if (log.count > 0 && !options_.keep_going) return 1;  // bad input: keep the old file
            io::write_atomically(output_, [&](std::ostream& file) {
                for (const auto& e : events) file << io::event_to_json(e) << '\n';
            });
        }
        return log.count == 0 ? 0 : 1;
    }

private:
    InputOptions options_;
    std::string output_;
};

}  // namespace

std::unique_ptr<Command> make_extract_command() { return std::make_unique<ExtractCommand>(); }

}  // namespace chronokg::cli
