#pragma once
// chronokg::sort_in_parallel — std::sort on several threads.
//
// Why: ordering a million edges is the largest step of building a graph that cannot overlap
// with anything else. The range is cut into one part a thread, each part is sorted on a thread
// of its own, and sorted neighbours are merged (pairs of merges on threads too) until one is left.
// The result is the one std::sort gives whenever `less` is a strict total order on the values
// (equal values cannot be told apart); the graph builder's order is.
// Thread safety: `less` is called from several threads at once; it must only read.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace chronokg {

template <typename T, typename Less>
void sort_in_parallel(std::vector<T>& items, unsigned threads, const Less& less) {
    // Below this, starting threads costs more than it saves.
    constexpr std::size_t kItemsPerThreadAtLeast = 1 << 15;
    const std::size_t n = items.size();
    const std::size_t parts = std::min<std::size_t>(std::max(threads, 1u), std::max<std::size_t>(n / kItemsPerThreadAtLeast, 1));
    if (parts <= 1) {
        std::sort(items.begin(), items.end(), less);
        return;
    }
    std::vector<std::size_t> bounds(parts + 1);
    for (std::size_t p = 0; p <= parts; ++p) bounds[p] = n * p / parts;
    // Runs each call on a thread of its own, the last on this one; all joined before it returns.
    const auto in_parallel = [](std::vector<std::function<void()>> calls) {
        std::vector<std::thread> started;
        for (std::size_t i = 0; i + 1 < calls.size(); ++i) started.emplace_back(calls[i]);
        calls.back()();
        for (auto& t : started) t.join();
    };
    std::vector<std::function<void()>> sorts;
    for (std::size_t p = 0; p < parts; ++p)
        sorts.push_back([&, p] { std::sort(items.begin() + bounds[p], items.begin() + bounds[p + 1], less); });
    in_parallel(std::move(sorts));
    // Neighbouring sorted runs merged pairwise until one is left.
    while (bounds.size() > 2) {
        std::vector<std::size_t> merged{0};
        std::vector<std::function<void()>> merges;
        for (std::size_t r = 0; r + 2 < bounds.size(); r += 2) {
            const auto first = items.begin() + bounds[r], middle = items.begin() + bounds[r + 1],
                       last = items.begin() + bounds[r + 2];
            merges.push_back([first, middle, last, &less] { std::inplace_merge(first, middle, last, less); });
            merged.push_back(bounds[r + 2]);
        }
        if (bounds.size() % 2 == 0) merged.push_back(bounds.back());  // an odd run out: merged next round
        if (!merges.empty()) in_parallel(std::move(merges));
        bounds = std::move(merged);
    }
}

}  // namespace chronokg
