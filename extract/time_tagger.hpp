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
// Each pattern runs only where the texts its matches must hold (RequiredTexts) stand: they are
// found by a dictionary scan, the sentence scan the extractor makes anyway (SentenceScan) or the
// tagger's own, and a pattern whose texts stand nowhere in a sentence is not run there at all
// (most sentences hold no date, or dates of one or two kinds). A pattern whose texts are not
// known runs over every sentence of its language.
// Thread safety: find() may be called concurrently.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "extract/dictionary_set.hpp"
#include "extract/phrase_matcher.hpp"
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
    // The same, given `text_hits`: the hits in text[range] of the texts add_required_texts()
    // added for this language's scan (`chinese`: lang == "zh"), in any order.
    std::vector<TimeMention> find(std::string_view text, TextRange range, std::string_view lang,
                                  const std::optional<Date>& published, std::span<const PhraseHit> text_hits) const;
    // Adds to `set`'s dictionary `dictionary` the texts the patterns for sentences in "zh"
    // (`chinese`), or in any other language, need, found anywhere (inside words too).
    void add_required_texts(DictionarySet& set, std::size_t dictionary, bool chinese) const;

    // Reads "12", "十二", "二〇二四" as a number; nullopt when it is none.
    static std::optional<int> parse_number(std::string_view text);

private:
    // The parts of a rule's value that resolve() reads, in the order of kPartNames.
    enum Part : std::size_t { kYear, kMonth, kDay, kWeekday, kOffsetDays, kOffsetWeeks, kOffsetMonths, kOffsetYears, kPartCount };
    static constexpr std::array<std::string_view, kPartCount> kPartNames = {
        "year", "month", "day", "weekday", "offset_days", "offset_weeks", "offset_months", "offset_years"};
    struct Compiled;
    std::optional<Date> resolve(const Compiled& rule, std::span<const std::string_view> groups,
                                const std::optional<Date>& published) const;
    std::optional<int> read_part(const Compiled& rule, Part key, std::span<const std::string_view> groups) const;

    std::vector<Compiled> rules_;
    std::vector<std::string> texts_;                      // every pattern's required texts, each once
    std::vector<std::vector<std::uint32_t>> text_rules_;  // by text: the rules (rules_ indices) that need it
    std::vector<std::uint32_t> unread_rules_;             // the rules whose texts are not known: run everywhere
    std::array<DictionarySet, 2> own_scans_{DictionarySet(1), DictionarySet(1)};  // [0] "zh", [1] the others: find()'s
    std::vector<std::pair<std::string, int>> month_names_;    // lower-case name → 1..12
    std::vector<std::pair<std::string, int>> weekday_names_;  // lower-case name → 1..7
};

}  // namespace chronokg
