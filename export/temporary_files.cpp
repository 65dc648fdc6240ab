#include "export/temporary_files.hpp"

#include <atomic>
#include <csignal>
#include <cstring>

#include <unistd.h>

namespace chronokg::io {
namespace {

// A slot is free, being filled (the handler skips it), or holds a path to remove.
enum State : int { kFree, kFilling, kTracked };

struct Slot {
    std::atomic<int> state{kFree};
    char path[kMaxPath];
};
Slot slots[kMaxTracked];
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads the states");

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_and_die(int signal) {
    for (Slot& slot : slots)
        if (slot.state.load(std::memory_order_acquire) == kTracked) ::unlink(slot.path);
    // Then what the signal would have done: end the process, reported as killed by it.
    struct sigaction fallback {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    ::sigaction(signal, &fallback, nullptr);
    ::raise(signal);
}

}  // namespace

int track_temporary_file(const std::string& path) {
    if (path.size() >= kMaxPath) return -1;
    for (int i = 0; i < static_cast<int>(kMaxTracked); ++i) {
        int expected = kFree;
        if (!slots[i].state.compare_exchange_strong(expected, kFilling, std::memory_order_acquire)) continue;
        std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
        slots[i].state.store(kTracked, std::memory_order_release);
        return i;
    }
    return -1;
}

void untrack_temporary_file(int slot) {
    if (slot >= 0 && slot < static_cast<int>(kMaxTracked)) slots[slot].state.store(kFree, std::memory_order_release);
}

void remove_temporary_files_on_signals() {
    for (const int signal : kSignals) {
        struct sigaction current {};
        if (::sigaction(signal, nullptr, &current) != 0 || current.sa_handler == SIG_IGN) continue;
        struct sigaction handler {};
        handler.sa_handler = remove_and_die;
        sigemptyset(&handler.sa_mask);
        for (const int other : kSignals) sigaddset(&handler.sa_mask, other);  // one handler at a time
        ::sigaction(signal, &handler, nullptr);
    }
}

}  // namespace chronokg::io
