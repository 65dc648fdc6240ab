#include "core/date.hpp"

#include <chrono>
#include <algorithm>
#include <cstdio>

namespace chronokg {
namespace {

std::chrono::sys_days to_sys_days(const Date& d) {
    return std::chrono::year{d.year} / std::chrono::month{static_cast<unsigned>(d.month)} /
           std::chrono::day{static_cast<unsigned>(d.day)};
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

Date::Precision Date::precision() const {
    if (month == 0) return Precision::year;
    if (day == 0) return Precision::month;
    return Precision::day;
}

std::string Date::iso() const {
    std::string out;
    append_iso(out);
    return out;
}

void Date::append_iso(std::string& out) const {
    // By hand for the dates of real events (a writer calls this for every edge of a graph of
    // millions); snprintf for anything else a caller may hold.
    if (year < 0 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 31) {
        char buf[40];
        if (month == 0) std::snprintf(buf, sizeof buf, "%04d", year);
        else if (day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
        else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        out += buf;
        return;
    }
    const char buf[10] = {static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
                          static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10), '-',
                          static_cast<char>('0' + month / 10), static_cast<char>('0' + month % 10), '-',
                          static_cast<char>('0' + day / 10), static_cast<char>('0' + day % 10)};
    out.append(buf, month == 0 ? 4 : day == 0 ? 7 : 10);
}

bool Date::valid() const {
    if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0) return false;
    if (month == 0) return day == 0;
    return day <= days_in_month(year, month);
}

std::optional<Date> Date::parse(std::string_view text) {
    // Exactly "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
    if (!all_digits(text.substr(0, 4))) return std::nullopt;
    Date d;
    d.year = to_int(text.substr(0, 4));
    if (text.size() >= 7) {
        if (text[4] != '-' || !all_digits(text.substr(5, 2))) return std::nullopt;
        d.month = to_int(text.substr(5, 2));
        if (d.month == 0) return std::nullopt;
    }
    if (text.size() == 10) {
        if (text[7] != '-' || !all_digits(text.substr(8, 2))) return std::nullopt;
        d.day = to_int(text.substr(8, 2));
        if (d.day == 0) return std::nullopt;
    }
    if (!d.valid()) return std::nullopt;
    return d;
}

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;  // no such month: no day fits
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
    return days[month - 1];
}

Date add_days(const Date& date, int days) {
    const std::chrono::year_month_day ymd{to_sys_days(date) + std::chrono::days{days}};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date add_months(const Date& date, int months) {
    if (date.month == 0) return date;
    int index = date.year * 12 + (date.month - 1) + months;
    Date out{index / 12, index % 12 + 1, 0};
    if (date.day > 0) out.day = std::min(date.day, days_in_month(out.year, out.month));
    return out;
}

int iso_weekday(const Date& date) {
    const std::chrono::weekday wd{to_sys_days(date)};
    return static_cast<int>(wd.iso_encoding());
}

}  // namespace chronokg
