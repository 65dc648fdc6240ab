#include "cli/ordered_extraction.hpp"

#include <limits>

#if defined(__linux__)
#include <sched.h>
#endif

#include "extract/extractor.hpp"

namespace chronokg::cli {

unsigned default_thread_count() {
#if defined(__linux__)
    // The cores this process may run on (taskset, cgroups' cpusets), not every core of the machine.
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return static_cast<unsigned>(CPU_COUNT(&set));
#endif
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

// Documents in flight: 16 for each thread, enough that no worker waits while the delivering
// thread sleeps (it refills the queue only when half of it is done, see extract()).
OrderedExtraction::OrderedExtraction(const Extractor& extractor, unsigned threads, Deliver deliver, Render render)
    : extractor_(extractor), deliver_(std::move(deliver)), render_(std::move(render)), max_pending_(16 * static_cast<std::size_t>(threads)) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
}

OrderedExtraction::~OrderedExtraction() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& worker : workers_) worker.join();
}

void OrderedExtraction::work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        work_ready_.wait(lock, [this] { return stopping_ || next_work_ < first_ + slots_.size(); });
        if (stopping_) return;
        Slot& slot = slots_[next_work_++ - first_];
        if (slot.done) continue;  // a reported problem: nothing to extract
        lock.unlock();
        // References to deque elements stay valid while others are pushed at the back or popped
        // at the front, and the front is popped only once done.
        try {
            slot.outcome.events = extractor_.extract(slot.document);
            if (render_) render_(slot.outcome);
        } catch (...) {
            slot.outcome.error = std::current_exception();
        }
        slot.document = Document{};  // the text is not needed any more
        lock.lock();
        slot.done = true;
        // Only when the delivering thread has what it waits for: woken for each document, it
        // took a core from a worker thousands of times a second.
        if (wake_after_ > 0 && finished_at_front() >= wake_after_) slot_done_.notify_one();
    }
}

std::size_t OrderedExtraction::finished_at_front() const {
    std::size_t n = 0;
    while (n < slots_.size() && slots_[n].done) ++n;
    return n;
}

void OrderedExtraction::deliver_ready(std::unique_lock<std::mutex>& lock, std::size_t wait_for) {
    for (;;) {
        while (!slots_.empty() && slots_.front().done) {
            ExtractionOutcome outcome = std::move(slots_.front().outcome);
            slots_.pop_front();
            ++first_;
            // A reported problem is done before any worker reaches its place: the workers'
            // cursor must not stay behind the front, or it would index before the deque.
            if (next_work_ < first_) next_work_ = first_;
            lock.unlock();
            deliver_(outcome);
            lock.lock();
        }
        if (slots_.size() < wait_for) return;
        wake_after_ = slots_.size() - wait_for + 1;
        slot_done_.wait(lock, [this] { return finished_at_front() >= wake_after_; });
        wake_after_ = 0;
    }
}

void OrderedExtraction::extract(std::size_t input, Document document) {
    std::unique_lock<std::mutex> lock(mutex_);
    // A full queue is refilled only once half of it is done: the thread sleeps once for many
    // documents, not once for each.
    deliver_ready(lock, slots_.size() >= max_pending_ ? max_pending_ / 2 : max_pending_);
    Slot slot;
    slot.outcome.input = input;
    slot.document = std::move(document);
    slots_.push_back(std::move(slot));
    work_ready_.notify_one();
}

void OrderedExtraction::report(std::size_t input, std::exception_ptr error) {
    std::unique_lock<std::mutex> lock(mutex_);
    Slot slot;
    slot.done = true;
    slot.outcome.input = input;
    slot.outcome.error = std::move(error);
    slot.outcome.reported = true;
    slots_.push_back(std::move(slot));
    deliver_ready(lock, std::numeric_limits<std::size_t>::max());
}

void OrderedExtraction::finish() {
    std::unique_lock<std::mutex> lock(mutex_);
    deliver_ready(lock, 1);
}

}  // namespace chronokg::cli
