#include <catch2/catch.hpp>

#include "core/date.hpp"

using chronokg::Date;

TEST_CASE("dates print and parse at year, month and day precision", "[core]") {
    CHECK(Date{2025, 5, 13}.iso() == "2025-05-13");
    CHECK(Date{2025, 5, 0}.iso() == "2025-05");
    CHECK(Date{2025, 0, 0}.iso() == "2025");
    CHECK(Date::parse("2024-02-29") == Date{2024, 2, 29});
    CHECK(Date::parse("2024-12") == Date{2024, 12, 0});
    CHECK(Date::parse("2019") == Date{2019, 0, 0});
}

TEST_CASE("impossible or malformed dates are rejected", "[core]") {
    for (const char* bad : {"2023-02-29", "2025-13-01", "2025-00", "2025-05-00", "25-05-13", "2025/05/13", "", "2025-5-13"})
        CHECK_FALSE(Date::parse(bad).has_value());
}

TEST_CASE("day arithmetic crosses months and years, weekdays are ISO", "[core]") {
    CHECK(chronokg::add_days(Date{2025, 1, 1}, -1) == Date{2024, 12, 31});
    CHECK(chronokg::add_months(Date{2025, 3, 31}, -1) == Date{2025, 2, 28});
    CHECK(chronokg::iso_weekday(Date{2022, 10, 7}) == 5);  // a Friday
    CHECK(chronokg::iso_weekday(Date{2025, 5, 18}) == 7);  // a Sunday
}

TEST_CASE("days_in_month knows leap years and no month outside 1..12 [issue8]", "[core][issue8]") {
    CHECK(chronokg::days_in_month(2024, 2) == 29);
    CHECK(chronokg::days_in_month(2100, 2) == 28);
    CHECK(chronokg::days_in_month(2025, 49) == 0);
    CHECK(chronokg::days_in_month(2025, 0) == 0);
}
