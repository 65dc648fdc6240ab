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
#include <vector>

#include "core/run_in_parallel.hpp"

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
    run_in_parallel(parts, threads, [&](std::size_t p) {
        std::sort(items.begin() + bounds[p], items.begin() + bounds[p + 1], less);
    });
    // Neighbouring sorted runs merged pairwise until one is left; an odd run out waits a round.
    while (bounds.size() > 2) {
        const std::size_t pairs = (bounds.size() - 1) / 2;
        run_in_parallel(pairs, threads, [&](std::size_t m) {
            std::inplace_merge(items.begin() + bounds[2 * m], items.begin() + bounds[2 * m + 1],
                               items.begin() + bounds[2 * m + 2], less);
        });
        std::vector<std::size_t> merged;
        for (std::size_t r = 0; r < bounds.size(); r += 2) merged.push_back(bounds[r]);
        if (bounds.size() % 2 == 0) merged.push_back(bounds.back());
        bounds = std::move(merged);
    }
}

}  // namespace chronokg
