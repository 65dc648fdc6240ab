#pragma once
// What the command-line tool leaves to the operating system when it exits.
//
// Why: freeing a graph of a million events takes about a second (millions of strings, freed in
// an order unlike their allocation's), and the process ends right after writing it. Like
// clang's -disable-free, the tool's main() calls skip_freeing_at_exit(), and commands hand
// their large results to discard() before they go out of scope. Without that call (a library
// caller, a test running commands in process) discard() does nothing and they are freed as usual.
// Kept values stay reachable from a global, so leak checkers do not report them.
// Thread safety: call skip_freeing_at_exit() before any command runs; discard() from one thread.
#include <memory>
#include <utility>

namespace chronokg::cli {

void skip_freeing_at_exit();
bool freeing_skipped_at_exit();
void keep_until_exit(std::shared_ptr<const void> value);

// When skip_freeing_at_exit() was called, moves `value` where it stays until the process ends
// (what is left of it is empty and frees at once); otherwise leaves it to be freed as usual.
template <class T>
void discard(T&& value) {
    if (freeing_skipped_at_exit()) keep_until_exit(std::make_shared<const std::decay_t<T>>(std::forward<T>(value)));
}

}  // namespace chronokg::cli
