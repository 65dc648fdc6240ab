#include "export/time_interval.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace chronokg::io {

TimeInterval interval_of(const Date& date) {
    const int first_month = date.month ? date.month : 1;
    const int last_month = date.month ? date.month : 12;
    return {Date{date.year, first_month, date.day ? date.day : 1},
            Date{date.year, last_month, date.day ? date.day : days_in_month(date.year, last_month)}};
}

std::vector<TimeInterval> merged_intervals(std::span<const Date> dates) {
    std::vector<TimeInterval> all;
    for (const auto& d : dates) all.push_back(interval_of(d));
    std::sort(all.begin(), all.end());
    std::vector<TimeInterval> merged;
    for (const auto& i : all) {
        if (!merged.empty() && i.start <= merged.back().end) {
            merged.back().end = std::max(merged.back().end, i.end);
        } else {
            merged.push_back(i);
        }
    }
    return merged;
}

std::optional<TimeInterval> hull(const std::vector<TimeInterval>& intervals) {
    if (intervals.empty()) return std::nullopt;
    TimeInterval h = intervals.front();
    for (const auto& i : intervals) {
        h.start = std::min(h.start, i.start);
        h.end = std::max(h.end, i.end);
    }
    return h;
}

std::string gephi_timeset(const std::vector<TimeInterval>& intervals) {
    if (intervals.empty()) return "";
    std::string out = "<";
    for (std::size_t k = 0; k < intervals.size(); ++k)
        out += fmt::format("{}[{}, {}]", k ? "; " : "", intervals[k].start.iso(), intervals[k].end.iso());
    return out + ">";
}

}  // namespace chronokg::io
