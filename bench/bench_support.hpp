#pragma once
// Helpers shared by the benchmark's measurements: clocks and the articles of a corpus.
// Thread safety: free functions and plain values.
#include <chrono>
#include <ctime>
#include <functional>
#include <string>

#include "core/document.hpp"
#include "extract/document_reader.hpp"

namespace chronokg::bench {

// Wall and CPU time since construction (or the last restart()), in seconds.
class Stopwatch {
public:
    Stopwatch() { restart(); }
    void restart() {
        wall_ = std::chrono::steady_clock::now();
        cpu_ = cpu_now();
    }
    double wall() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count(); }
    double cpu() const { return cpu_now() - cpu_; }

private:
    static double cpu_now() {
        timespec t{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
    }
    std::chrono::steady_clock::time_point wall_;
    double cpu_ = 0;
};

// Calls `sink` with each article of a JSONL corpus (or any input chronokg reads), in order,
// until about `max_bytes` of article text have been handed out (0: all).
inline void for_each_article(const std::string& path, std::size_t max_bytes, const std::function<void(Document&)>& sink) {
    std::size_t seen = 0;
    struct Enough {};
    try {
        for (const auto& input : expand_inputs({path}))
            read_documents(input, ReadOptions{}, [&](Document d) {
                if (max_bytes && seen >= max_bytes) throw Enough{};
                seen += d.text.size();
                sink(d);
            });
    } catch (const Enough&) {
    }
}

}  // namespace chronokg::bench
