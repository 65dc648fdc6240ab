#include "extract/offset_map.hpp"

#include <algorithm>

namespace chronokg {

std::size_t OffsetMap::find(std::size_t norm) const {
    auto it = std::upper_bound(segments_.begin(), segments_.end(), norm,
                               [](std::size_t n, const Segment& s) { return n < s.norm_begin; });
    return static_cast<std::size_t>(it - segments_.begin()) - 1;
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
