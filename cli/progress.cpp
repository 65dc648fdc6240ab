#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

namespace chronokg::cli {
Progress::Progress(std::ostream& err, bool shown, std::chrono::milliseconds every)
    : err_(err), shown_(shown), every_(every), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

bool Progress::on_terminal(const std::ostream& err) { return &err == &std::cerr && isatty(STDERR_FILENO) == 1; }

std::string Progress::summary() const {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string line = "chronokg: ";
    if (articles_ > 0 || events_ == 0)
        line += fmt::format("{} article{}, {:.1f} MB of text, ", articles_, articles_ == 1 ? "" : "s",
                            static_cast<double>(bytes_) / 1e6);
    if (events_ > 0)
        line += fmt::format("{} event{} from {:.1f} MB of event files, ", events_, events_ == 1 ? "" : "s",
                            static_cast<double>(event_bytes_) / 1e6);
    const double mb = static_cast<double>(bytes_ + event_bytes_) / 1e6;
    return line + fmt::format("{:.1f} s ({:.1f} MB/s)", seconds, seconds > 0 ? mb / seconds : 0.0);
}

void Progress::maybe_draw() {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < every_) return;
    last_draw_ = now;
    err_ << '\r' << summary() << "\x1b[K" << std::flush;
    drawn_ = true;
}

void Progress::article(std::size_t bytes) {
    ++articles_;
    bytes_ += bytes;
    if (!shown_ || (articles_ & 63) != 0) return;  // the clock is read once every 64 articles
    maybe_draw();
}

void Progress::events(std::size_t count, std::size_t bytes) {
    events_ += count;
    event_bytes_ += bytes;
    if (shown_) maybe_draw();  // called once a block of thousands of events: the clock each time
}

void Progress::clear() {
    if (!drawn_) return;
    err_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

void Progress::finish() {
    if (!shown_ || (articles_ == 0 && events_ == 0)) return;
    clear();
    err_ << summary() << '\n' << std::flush;
}

}  // namespace chronokg::cli
