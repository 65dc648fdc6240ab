#include "cli/event_file_reading.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <fstream>
#include <memory>
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

    // The next line no thread has taken yet (behind a pointer: a batch is swapped, an atomic is not movable).
    std::unique_ptr<std::atomic<std::size_t>> next_line = std::make_unique<std::atomic<std::size_t>>(0);

    void parse(const std::string& path, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            try {
                parsed[i].event = io::event_from_json(lines[i], path, numbers[i]);
            } catch (...) {
                parsed[i].error = std::current_exception();  // rethrown in order, by deliver()
            }
        }
    }
    // Before parse_shared(): a result slot for each line, none taken.
    void prepare() {
        parsed.assign(lines.size(), Parsed{});
        *next_line = 0;
    }
    // Parses lines no thread has taken, a few hundred at a time, until none is left. Any number
    // of threads may call it at once: whoever is free takes the next lines.
    void parse_shared(const std::string& path) {
        constexpr std::size_t kStep = 256;
        for (;;) {
            const std::size_t begin = next_line->fetch_add(kStep);
            if (begin >= lines.size()) return;
            parse(path, begin, std::min(begin + kStep, lines.size()));
        }
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

// Threads parsing one batch; joined before they go, whatever happens meanwhile.
class BackgroundParse {
public:
    BackgroundParse() = default;
    BackgroundParse(const BackgroundParse&) = delete;
    BackgroundParse& operator=(const BackgroundParse&) = delete;
    ~BackgroundParse() { wait(); }
    // Prepares `batch` and starts `threads` threads on it.
    void start(Batch& batch, const std::string& path, unsigned threads) {
        batch.prepare();
        for (unsigned t = 0; t < threads; ++t) threads_.emplace_back([&batch, &path] { batch.parse_shared(path); });
    }
    void wait() {
        for (auto& t : threads_) t.join();
        threads_.clear();
    }

private:
    std::vector<std::thread> threads_;
};

constexpr std::size_t kBatchLines = 16384;

}  // namespace

void read_event_file(const std::string& path, unsigned threads, bool strict, ProblemLog& log,
                     const std::function<void(Event)>& sink) {
    std::ifstream in(path, std::ios::binary);
    Batch filling, parsing;
    BackgroundParse parser;  // declared after the batches: joined before they go
    // One thread: each line parsed and delivered at once. More: while this thread reads one batch
    // and delivers the one before, the others parse the one between; this thread joins them
    // when it is done reading, so no core waits while lines are left to parse.
    auto hand_over = [&] {
        if (threads <= 1) {
            filling.prepare();
            filling.parse_shared(path);
            filling.deliver(strict, log, sink);
            return;
        }
        parsing.parse_shared(path);
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
        parsing.parse_shared(path);
        parser.wait();
        parsing.deliver(strict, log, sink);
    }
}

}  // namespace chronokg::cli
