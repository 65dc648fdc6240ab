#pragma once
// Dates as the closed day intervals a timeline tool plays: `2025-05-13` is
// [2025-05-13, 2025-05-13], `2025-05` is [2025-05-01, 2025-05-31], `2025` the whole year.
//
// Gephi rejects a node or edge whose intervals overlap (sharing a day counts), so a list of
// dates becomes sorted intervals with the overlapping ones merged: `2025-05` and `2025-05-13`
// give one interval, [2025-05-01, 2025-05-31]. Thread safety: pure functions.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace chronokg::io {

struct TimeInterval {
    Date start;  // day precision, start <= end
    Date end;

    auto operator<=>(const TimeInterval&) const = default;
};

TimeInterval interval_of(const Date& date);

// The intervals of `dates`, sorted, overlapping ones merged.
std::vector<TimeInterval> merged_intervals(std::span<const Date> dates);

// The smallest interval holding all of `intervals`; nullopt when there are none.
std::optional<TimeInterval> hull(const std::vector<TimeInterval>& intervals);

// Gephi's spreadsheet form: "<[2025-05-13, 2025-05-13]; [2025-05-19, 2025-05-19]>"; empty
// when there are no intervals.
std::string gephi_timeset(const std::vector<TimeInterval>& intervals);

}  // namespace chronokg::io
