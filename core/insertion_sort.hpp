#pragma once
// A stable sort for the few elements of one sentence (its hits, its readings): an insertion sort
// moves an element only past strictly greater ones, so ties keep their order, as with
// std::stable_sort, which allocates a buffer on every call. Up to 16 elements it is also what
// libstdc++'s std::sort runs, without the call into its loop.

#include <iterator>
#include <utility>

namespace chronokg {

template <class RandomIt, class Less>
void insertion_sort(RandomIt first, RandomIt last, const Less& less) {
    if (first == last) return;
    for (RandomIt i = std::next(first); i != last; ++i)
        for (RandomIt j = i; j != first && less(*j, *std::prev(j)); --j) std::iter_swap(j, std::prev(j));
}

}  // namespace chronokg
