#pragma once
// chronokg::cli::Progress — how far a long extraction or build is, on standard error.
//
// What it represents: a count of the articles read and their bytes, and of the events read from
// event files (`build events.jsonl`) and those files' bytes, redrawn on one line at most once a
// second while the run goes on, and a last line with the totals and the speed when it ends.
// Shown when asked (--progress) or when standard error is a terminal, so that logs, pipes and
// tests see nothing unless they ask. A message printed meanwhile first clears the line
// (clear()), so it never lands inside it.
// Thread safety: used by the thread that reads the articles.
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace chronokg::cli {

class Progress {
public:
    // `every`: the least time between two redraws.
    Progress(std::ostream& err, bool shown, std::chrono::milliseconds every = std::chrono::seconds(1));
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // One more article of `bytes` bytes of text.
    void article(std::size_t bytes);
    // `count` more events read from an event file, in `bytes` bytes of it.
    void events(std::size_t count, std::size_t bytes);
    // Erases the line being redrawn (before a message), if any.
    void clear();
    // The totals, on a line of their own (nothing when nothing was read).
    void finish();

    // Whether progress is shown without --progress: standard error is a terminal.
    static bool on_terminal(const std::ostream& err);

private:
    // Redraws the line when `every_` has passed since the last time.
    void maybe_draw();
    std::string summary() const;

    std::ostream& err_;
    bool shown_;
    std::chrono::milliseconds every_;
    bool drawn_ = false;  // a line is on the screen, without its newline
    std::size_t articles_ = 0;
    std::size_t bytes_ = 0;
    std::size_t events_ = 0;
    std::size_t event_bytes_ = 0;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace chronokg::cli
