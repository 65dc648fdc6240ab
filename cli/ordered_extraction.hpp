#pragma once
// chronokg::cli::OrderedExtraction — extraction on several threads, results in input order.
//
// What it represents: a pool of worker threads that run one Extractor over documents handed in
// one at a time, and a queue that gives the results back in the order the documents came,
// on the thread that hands them in. So `--threads N` writes the same bytes as one thread:
// the caller sees exactly the sequence a serial loop would see. Problems met while reading
// (a bad JSONL line, an unreadable file) are handed in too, and come back in their place in
// that sequence. At most `max_pending` documents are in flight: the corpus is never held whole.
// Call order: construct → extract() / report()… → finish(). An exception thrown by `deliver`
// leaves extract(), report() or finish(); the destructor then stops the workers and drops
// what is still in flight.
// Thread safety: extract(), report() and finish() are called from one thread; `deliver` runs
// on that thread; the Extractor is shared by the workers (Extractor::extract is const and
// thread-safe).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/document.hpp"
#include "core/event.hpp"

namespace chronokg {
class Extractor;
}

namespace chronokg::cli {

// One item of the sequence: the events of a document, or the exception its extraction threw,
// or a problem reported in its place. `input` is the caller's tag (the index of the input file).
struct ExtractionOutcome {
    std::size_t input = 0;
    std::vector<Event> events;
    std::exception_ptr error;
    bool reported = false;  // the error was handed in with report(), not thrown by extraction
    std::string text;       // what the pool's `render` made of the events, when it has one
};

class OrderedExtraction {
public:
    using Deliver = std::function<void(ExtractionOutcome&)>;
    // Work on a document's events that needs no order (turning them into text), done by the
    // worker that extracted them, right after: the delivering thread is the one step that
    // does not run in parallel, and memory is freed best by the thread that allocated it.
    using Render = std::function<void(ExtractionOutcome&)>;

    // `threads` >= 1 workers; `deliver` receives every outcome, in order; `render`, when given,
    // runs on the worker for each outcome extraction did not throw.
    OrderedExtraction(const Extractor& extractor, unsigned threads, Deliver deliver, Render render = {});
    ~OrderedExtraction();
    OrderedExtraction(const OrderedExtraction&) = delete;
    OrderedExtraction& operator=(const OrderedExtraction&) = delete;

    // Queues `document`; delivers the outcomes that are ready, and waits while the queue is full.
    void extract(std::size_t input, Document document);
    // Queues a problem (an exception) to be delivered after everything handed in before it.
    void report(std::size_t input, std::exception_ptr error);
    // Waits for every document handed in and delivers the rest.
    void finish();

private:
    struct Slot {
        Document document;
        bool done = false;
        ExtractionOutcome outcome;
    };
    void work();
    // Delivers the finished slots at the front; then, while the queue holds `wait_for` slots or
    // more, waits until enough of the front are finished to bring it below, and delivers them.
    void deliver_ready(std::unique_lock<std::mutex>& lock, std::size_t wait_for);
    // How many slots from the front are finished.
    std::size_t finished_at_front() const;

    const Extractor& extractor_;
    Deliver deliver_;
    Render render_;
    std::size_t max_pending_;
    std::mutex mutex_;
    std::condition_variable work_ready_;  // a slot to extract, or stopping
    std::condition_variable slot_done_;   // the slots deliver_ready() waits for are finished
    std::size_t wake_after_ = 0;          // while it waits: how many finished at the front wake it (0: not waiting)
    std::deque<Slot> slots_;              // in input order; slots_[i] is number first_ + i
    std::size_t first_ = 0;               // number of slots_.front()
    std::size_t next_work_ = 0;           // number of the next slot to hand to a worker
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

// The number of threads `--threads 0` (the default) means: every core.
unsigned default_thread_count();

}  // namespace chronokg::cli
