#pragma once
// chronokg::Date — a calendar date known to year, month or day precision.
//
// What it represents: the date of an event or a document, as precise as the text allows:
// `2025-05-13`, `2025-05` or `2025`. month == 0 means "month unknown" and day == 0 "day unknown".
// Ordering compares year, then month, then day, so `2025` sorts before `2025-01`.
// Thread safety: a value type.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace chronokg {

struct Date {
    int year = 0;
    int month = 0;  // 1-12, or 0 when only the year is known
    int day = 0;    // 1-31, or 0 when only the month (or year) is known

    enum class Precision { year, month, day };
    Precision precision() const;

    // ISO 8601 at the known precision: "2025-05-13", "2025-05" or "2025".
    std::string iso() const;
    // The same appended to `out` (no temporary: writers call this for every edge).
    void append_iso(std::string& out) const;

    // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt when malformed or not a real date.
    static std::optional<Date> parse(std::string_view text);

    // A real date: year 1..9999, month 0..12, day 0..days in month (and day 0 when month 0).
    bool valid() const;

    auto operator<=>(const Date&) const = default;
};

// Days in `month` of `year` (Gregorian).
// 28 to 31; 0 for a month outside 1..12.
int days_in_month(int year, int month);

// `date` moved by `days` days. Precondition: date has day precision.
Date add_days(const Date& date, int days);

// `date` moved by whole months, keeping the precision (day clamped to the month's length).
Date add_months(const Date& date, int months);

// ISO weekday of a day-precision date: 1 = Monday … 7 = Sunday.
int iso_weekday(const Date& date);

}  // namespace chronokg
