#include "extract/offset_map.hpp"

#include <algorithm>

namespace chronokg {

std::size_t OffsetMap::find(std::size_t norm) const {
    // The last segment beginning at or before `norm` (the first begins at 0, and each begins past
    // the one before), halving the candidates with no branch on the comparison: a conditional
    // move a step, where std::upper_bound's branch went either way at each step of each call.
    const Segment* first = segments_.data();
    for (std::size_t count = segments_.size(); count > 1;) {
        const std::size_t half = count / 2;
        first = first[half].norm_begin <= norm ? first + half : first;
        count -= half;
    }
    return static_cast<std::size_t>(first - segments_.data());
}

std::size_t OffsetMap::to_original_begin(std::size_t norm) const {
    if (segments_.empty()) return 0;
    if (norm >= norm_end_) return segments_.back().orig_end;
    const Segment& s = segments_[find(norm)];
    return s.same_length ? s.orig_begin + (norm - s.norm_begin) : s.orig_begin;
}

std::size_t OffsetMap::to_original_end(std::size_t norm_end) const {
    if (segments_.empty() || norm_end == 0) return 0;
    const Segment& s = segments_[find(std::min<std::size_t>(norm_end, norm_end_) - 1)];
    return s.same_length ? s.orig_begin + (std::min<std::size_t>(norm_end, norm_end_) - s.norm_begin)
                         : s.orig_end;
}

std::pair<std::size_t, std::size_t> OffsetMap::to_original(std::size_t norm_begin,
                                                          std::size_t norm_end) const {
    if (norm_end <= norm_begin) {
        const std::size_t at = to_original_begin(norm_begin);
        return {at, at};
    }
    return {to_original_begin(norm_begin), to_original_end(norm_end)};
}

}  // namespace chronokg
