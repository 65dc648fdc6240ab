#include "cli/event_file_reading.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <fstream>
#include <memory>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "export/event_json.hpp"

namespace chronokg::cli {
namespace {

// Whole lines of the file, read in one block, then what parsing them gave. Lines are places in
// `text` rather than strings of their own: a build reads millions of them.
struct Batch {
    struct Line {
        std::size_t begin, size;  // in `text`
        std::size_t number;       // in the file, from 1
    };
    struct Parsed {
        std::optional<Event> event;
        std::exception_ptr error;
    };
    std::string text;
    std::vector<Line> lines;  // blank lines left out
    std::vector<Parsed> parsed;

    // The next line no thread has taken yet (behind a pointer: a batch is swapped, an atomic is not movable).
    std::unique_ptr<std::atomic<std::size_t>> next_line = std::make_unique<std::atomic<std::size_t>>(0);

    void parse(const std::string& path, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            try {
                const Line& line = lines[i];
                parsed[i].event.emplace(io::event_from_json(std::string_view(text).substr(line.begin, line.size), path, line.number));
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
    // Hands the events on in order and reports the bad lines; empties the batch. Returns the
    // number of events handed on.
    std::size_t deliver(bool strict, ProblemLog& log, const std::function<void(Event&&)>& sink) {
        std::size_t events = 0;
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
            ++events;
        }
        text.clear();
        lines.clear();
        parsed.clear();
        return events;
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

// Bytes read at a time: about 15,000 event lines, enough to keep a thread busy for a while.
constexpr std::size_t kBatchBytes = std::size_t{8} << 20;

// The file, read a block at a time and cut after its last whole line.
class LineBlocks {
public:
    explicit LineBlocks(const std::string& path) : path_(path), in_(path, std::ios::binary) {}

    // Fills `batch` with the next whole lines (one at least, unless the file has ended); false
    // when nothing was left to read.
    bool next(Batch& batch) {
        // A line longer than a block goes on into the next read; the bytes kept never hold a '\n'.
        batch.text.clear();
        batch.text.swap(rest_);
        batch.lines.clear();
        while (true) {
            const std::size_t searched = batch.text.size();  // bytes known to hold no newline
            batch.text.resize(searched + kBatchBytes);
            in_.read(batch.text.data() + searched, static_cast<std::streamsize>(kBatchBytes));
            batch.text.resize(searched + static_cast<std::size_t>(in_.gcount()));
            if (in_.bad()) throw Error(path_, 0, 0, "cannot read file");
            if (!in_) break;  // the end of the file: every byte read is whole lines
            const std::size_t last_newline = std::string_view(batch.text).substr(searched).rfind('\n');
            if (last_newline != std::string_view::npos) {
                rest_.assign(batch.text, searched + last_newline + 1);
                batch.text.resize(searched + last_newline + 1);
                break;
            }
        }
        split(batch);
        return !batch.text.empty();
    }

private:
    // Lines of batch.text, numbered on from the last batch; blank ones are skipped.
    void split(Batch& batch) {
        const std::string_view text = batch.text;
        for (std::size_t begin = 0; begin < text.size();) {
            std::size_t end = text.find('\n', begin);
            if (end == std::string_view::npos) end = text.size();
            ++line_number_;
            const std::string_view line = text.substr(begin, end - begin);
            if (line.find_first_not_of(" \t\r") != std::string_view::npos)
                batch.lines.push_back({begin, line.size(), line_number_});
            begin = end + 1;
        }
    }

    const std::string& path_;
    std::ifstream in_;
    std::string rest_;  // the start of a line whose end is not read yet
    std::size_t line_number_ = 0;
};

}  // namespace

void read_event_file(const std::string& path, unsigned threads, bool strict, ProblemLog& log,
                     const std::function<void(Event&&)>& sink,
                     const std::function<void(std::size_t events, std::size_t bytes)>& on_block) {
    LineBlocks file(path);
    Batch filling, parsing;
    BackgroundParse parser;  // declared after the batches: joined before they go
    auto deliver = [&](Batch& batch) {
        const std::size_t bytes = batch.text.size();
        const std::size_t events = batch.deliver(strict, log, sink);
        if (on_block && bytes > 0) on_block(events, bytes);
    };
    // One thread: each batch parsed and delivered in turn. More: while this thread reads one
    // batch and delivers the one before, the others parse the one between; this thread joins
    // them when it is done reading, so no core waits while lines are left to parse.
    auto hand_over = [&] {
        if (threads <= 1) {
            filling.prepare();
            filling.parse_shared(path);
            deliver(filling);
            return;
        }
        parsing.parse_shared(path);
        parser.wait();
        std::swap(filling, parsing);  // `filling` now holds the batch parsed meanwhile
        if (!parsing.lines.empty()) parser.start(parsing, path, threads - 1);
        deliver(filling);  // nothing the first time
    };
    while (file.next(filling)) hand_over();
    if (threads > 1) {  // the last batch read is still being parsed
        parsing.parse_shared(path);
        parser.wait();
        deliver(parsing);
    }
}

}  // namespace chronokg::cli
