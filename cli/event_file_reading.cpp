#include "cli/event_file_reading.hpp"

#include <exception>
#include <fstream>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "export/event_json.hpp"

namespace chronokg::cli {
namespace {

// Lines of the file, then what parsing them gave.
struct Batch {
    struct Parsed {
        std::optional<Event> event;
        std::exception_ptr error;
    };
    std::vector<std::string> lines;
    std::vector<std::size_t> numbers;  // the line number of each of `lines`
    std::vector<Parsed> parsed;

    void parse(const std::string& path, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            try {
                parsed[i].event = io::event_from_json(lines[i], path, numbers[i]);
            } catch (...) {
                parsed[i].error = std::current_exception();  // rethrown in order, by deliver()
            }
        }
    }
    // Parses every line, cut among `threads` threads.
    void parse_all(const std::string& path, unsigned threads) {
        parsed.assign(lines.size(), Parsed{});
        const std::size_t n = lines.size();
        std::vector<std::thread> workers;
        for (unsigned t = 1; t < threads; ++t) workers.emplace_back([=, this] { parse(path, n * t / threads, n * (t + 1) / threads); });
        parse(path, 0, n / threads);
        for (auto& w : workers) w.join();
    }
    // Hands the events on in order and reports the bad lines; empties the batch.
    void deliver(bool strict, ProblemLog& log, const std::function<void(Event)>& sink) {
        for (auto& p : parsed) {
            if (p.error) {
                try {
                    std::rethrow_exception(p.error);
                } catch (const Error& e) {
                    if (strict) throw;
                    log.report(e.what());
                }
                continue;
            }
            sink(std::move(*p.event));
        }
        lines.clear();
        numbers.clear();
        parsed.clear();
    }
};

// A thread parsing one batch; joined before it goes, whatever happens meanwhile.
class BackgroundParse {
public:
    BackgroundParse() = default;
    BackgroundParse(const BackgroundParse&) = delete;
    BackgroundParse& operator=(const BackgroundParse&) = delete;
    ~BackgroundParse() { wait(); }
    void start(Batch& batch, const std::string& path, unsigned threads) {
        thread_ = std::thread([&batch, &path, threads] { batch.parse_all(path, threads); });
    }
    void wait() {
        if (thread_.joinable()) thread_.join();
    }

private:
    std::thread thread_;
};

constexpr std::size_t kBatchLines = 16384;

}  // namespace

void read_event_file(const std::string& path, unsigned threads, bool strict, ProblemLog& log,
                     const std::function<void(Event)>& sink) {
    std::ifstream in(path, std::ios::binary);
    Batch filling, parsing;
    BackgroundParse parser;  // declared after the batches: joined before they go
    // One thread: each line parsed and delivered at once. More: while this thread reads one batch
    // and delivers the one before, the others parse the one between.
    auto hand_over = [&] {
        if (threads <= 1) {
            filling.parse_all(path, 1);
            filling.deliver(strict, log, sink);
            return;
        }
        parser.wait();
        std::swap(filling, parsing);  // `filling` now holds the batch parsed meanwhile
        if (!parsing.lines.empty()) parser.start(parsing, path, threads - 1);
        filling.deliver(strict, log, sink);  // nothing the first time
    };
    const std::size_t batch_lines = threads > 1 ? kBatchLines : 1;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        filling.lines.push_back(std::move(line));
        filling.numbers.push_back(line_no);
        if (filling.lines.size() >= batch_lines) hand_over();
    }
    if (in.bad()) throw Error(path, 0, 0, "cannot read file");
    hand_over();  // the last lines read go to the parser; the batch before them is delivered
    if (threads > 1) {
        parser.wait();
        parsing.deliver(strict, log, sink);
    }
}

}  // namespace chronokg::cli
