#pragma once
// chronokg::TimeTagger — finds time expressions and normalizes them against a document date.
//
// What it represents: the compiled `time` rules of a rule pack (RE2 patterns over folded text)
// with the `month_names` and `weekday_names` lexicons. find() returns the expressions of a
// range of text, longest first then leftmost where they overlap, each resolved to a Date:
// a missing year or month comes from the publication date, choosing the nearest candidate and
// the past on a tie (news reports what happened); a day of the month later than the
// publication day is read as last month's. Without a publication date, only expressions that
// name their year resolve.
// The patterns of each language are also compiled together into one RE2::Set: find() first
// asks it which patterns match the sentence at all, and runs only those (most sentences hold
// no date, or dates of one or two kinds). After a pattern's match, it looks for the pattern's
// RequiredTexts in the rest of the sentence before running it there again.
// Thread safety: find() may be called concurrently.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "extract/segmenter.hpp"

namespace re2 {
class RE2;
}

namespace chronokg {

class RulePack;
struct TimeRule;

struct TimeMention {
    TextRange range;  // in the folded text
    Date date;
    std::string rule;  // id of the time rule
};

class TimeTagger {
public:
    explicit TimeTagger(const RulePack& pack);
    ~TimeTagger();
    TimeTagger(TimeTagger&&) noexcept;
    TimeTagger& operator=(TimeTagger&&) noexcept;

    // Expressions in text[range] for a sentence in `lang` ("zh" or "en"), ordered by offset.
    std::vector<TimeMention> find(std::string_view text, TextRange range, std::string_view lang,
                                  const std::optional<Date>& published) const;

    // Reads "12", "十二", "二〇二四" as a number; nullopt when it is none.
    static std::optional<int> parse_number(std::string_view text);

private:
    // The parts of a rule's value that resolve() reads, in the order of kPartNames.
    enum Part : std::size_t { kYear, kMonth, kDay, kWeekday, kOffsetDays, kOffsetWeeks, kOffsetMonths, kOffsetYears, kPartCount };
    static constexpr std::array<std::string_view, kPartCount> kPartNames = {
        "year", "month", "day", "weekday", "offset_days", "offset_weeks", "offset_months", "offset_years"};
    struct Compiled;
    struct Prefilter;  // the RE2::Set of one language's patterns
    // The prefilter for `lang`, or null when there is none (then every pattern runs).
    const Prefilter* prefilter(std::string_view lang) const;
    std::optional<Date> resolve(const Compiled& rule, const std::vector<std::string_view>& groups,
                                const std::optional<Date>& published) const;
    std::optional<int> read_part(const Compiled& rule, Part key, const std::vector<std::string_view>& groups) const;

    std::vector<Compiled> rules_;
    std::vector<std::unique_ptr<Prefilter>> prefilters_;
    std::vector<std::pair<std::string, int>> month_names_;    // lower-case name → 1..12
    std::vector<std::pair<std::string, int>> weekday_names_;  // lower-case name → 1..7
};

}  // namespace chronokg
