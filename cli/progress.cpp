#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

namespace chronokg::cli {
namespace {

std::string summary(std::size_t articles, std::size_t bytes, double seconds) {
    const double mb = static_cast<double>(bytes) / 1e6;
    return fmt::format("chronokg: {} article{}, {:.1f} MB of text, {:.1f} s ({:.1f} MB/s)", articles,
                       articles == 1 ? "" : "s", mb, seconds, seconds > 0 ? mb / seconds : 0.0);
}

}  // namespace

Progress::Progress(std::ostream& err, bool shown, std::chrono::milliseconds every)
    : err_(err), shown_(shown), every_(every), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

bool Progress::on_terminal(const std::ostream& err) { return &err == &std::cerr && isatty(STDERR_FILENO) == 1; }

void Progress::article(std::size_t bytes) {
    ++articles_;
    bytes_ += bytes;
    if (!shown_ || (articles_ & 63) != 0) return;  // the clock is read once every 64 articles
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < every_) return;
    last_draw_ = now;
    err_ << '\r' << summary(articles_, bytes_, std::chrono::duration<double>(now - start_).count()) << "\x1b[K" << std::flush;
    drawn_ = true;
}

void Progress::clear() {
    if (!drawn_) return;
    err_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

void Progress::finish() {
    if (!shown_ || articles_ == 0) return;
    clear();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    err_ << summary(articles_, bytes_, seconds) << '\n' << std::flush;
}

}  // namespace chronokg::cli
