#pragma once
// chronokg::run_in_parallel — the same work on each of a few items, on several threads.
//
// Calls work(0) … work(count - 1), on up to `threads` threads at once, the calling thread being
// one of them; a thread that is done takes the next item not yet taken. Returns when every call
// has returned. `work` must not throw (an exception on another thread would end the process).
// Used to write several outputs at once and to sort and merge the parts of a large sort.
// Thread safety: `work` is called concurrently for different items.
#include <cstddef>
#include <functional>

namespace chronokg {

void run_in_parallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work);

}  // namespace chronokg
