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
        auto append_line = [](const Event& e, std::string& text) {
            io::append_event_json(e, text);
            text += '\n';
        };
        if (output_.empty()) {
            print_events_from_inputs(options_, log, {append_line, [&](std::string_view text) { out << text; }});
            out.flush();
        } else {
            // Events go into the new file as they come (memory stays bounded, however large the
            // corpus), which replaces the old one only at the end: bad input (without
            // --keep-going) or a failure leaves the old file as it was.
            struct BadInput {};
            try {
                io::write_atomically(output_, [&](std::ostream& file) {
                    print_events_from_inputs(options_, log, {append_line, [&](std::string_view text) { file << text; }});
                    if (log.count > 0 && !options_.keep_going) throw BadInput{};
                });
            } catch (const BadInput&) {
                return 1;
            }
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
