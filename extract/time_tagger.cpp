#include "extract/time_tagger.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <unordered_map>

#include "core/ascii.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "extract/phrase_matcher.hpp"
#include "extract/required_texts.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg {

struct TimeTagger::Compiled {
    TimeRule rule;
    std::unique_ptr<re2::RE2> re;
    RequiredTexts needed;  // texts of which every match holds one
    // rule.value's parts by Part, looked up once here (a map lookup by name for each part of
    // each match cost more than the match's own reading); null where the rule has none.
    std::array<const TimeValuePart*, kPartCount> parts{};
    bool none = false;  // the rule's value is {"none": …}: a match that is no date
};

namespace {

// "name=3" entries of a names lexicon, both languages.
std::vector<std::pair<std::string, int>> read_names(const WordList& list, const std::string& lexicon) {
    std::vector<std::pair<std::string, int>> names;
    auto read = [&](const std::vector<std::string>& words) {
        for (const auto& w : words) {
            const auto eq = w.find('=');
            const int n = eq == std::string::npos ? 0 : std::atoi(w.c_str() + eq + 1);
            if (eq == std::string::npos || n <= 0)
                throw Error(lexicon + " lexicon entry \"" + w + "\" is not of the form name=number");
            names.emplace_back(ascii_lower(w.substr(0, eq)), n);
        }
    };
    read(list.zh);
    read(list.en);
    return names;
}

// (The key is lower-cased byte by byte as it is compared, not copied: a lower-case copy for
// each month name read was a third of the lookups' cost.)
std::optional<int> lookup(const std::vector<std::pair<std::string, int>>& names, std::string_view key) {
    auto same = [](char name_byte, char key_byte) { return name_byte == ascii_lower(key_byte); };
    for (const auto& [name, n] : names)
        if (name.size() == key.size() && std::equal(name.begin(), name.end(), key.begin(), same)) return n;
    return std::nullopt;
}

// The year for a month (and day) given without one: the latest of last, this and next year
// that is not more than two months after the publication date. News reports what happened,
// and announces a little of what is coming (`8月1日起实施` in a July article).
Date nearest_year(const Date& ref, int month, int day) {
    const Date limit = add_days(ref, 62);
    for (int dy : {1, 0, -1}) {
        const Date d{ref.year + dy, month, day};
        if (day > days_in_month(d.year, month)) continue;
        const Date probe{d.year, month, day == 0 ? 1 : day};
        if (!(limit < probe)) return d;
    }
    return Date{ref.year - 1, month, day};
}

// Patterns whose matches begin at most this many bytes before one of their required texts are
// tried anchored at each of those places (zh.d, [Tt]oday, [Ll]ast week: 1 to 3 bytes; `[Oo]n
// Monday` 5, `[Ee]arlier this month` 8). Only the places whose byte a match can begin with are
// tried, most of a window's places being none: up to 8 bytes the tries cost less than the
// unanchored search with its reverse pass to find the start (3 → 8: English −3.28M instructions
// a MB, Chinese −0.25M). zh.md's window of 9 bytes and zh.y's, zh.ym's and zh.ymd's of 11 are
// tried so too since places are told by a match's first two bytes, not its first byte alone
// (most Chinese characters begin with one of a few bytes): Chinese 158.37M → 156.85M a MB,
// where 16 with the first byte alone measured +1.07M. No English rule reaches past 8.
constexpr std::size_t kAnchoredReach = 12;

// Whether a time rule applies to sentences in `lang`.
// (As views: the lengths are compared first, where std::string == "any" measured the literal.
// Inlined on purpose: find() calls it for each rule of each text found, and once find() grew,
// GCC stopped inlining it: +0.08M instructions a MB of English, +0.10M Chinese.)
[[gnu::always_inline]] inline bool for_language(const TimeRule& rule, std::string_view lang) {
    const std::string_view own = rule.lang;
    return own == "any" || own == lang;
}

}  // namespace

TimeTagger::TimeTagger(const RulePack& pack)
    : month_names_(read_names(pack.lexicon("month_names"), "month_names")),
      weekday_names_(read_names(pack.lexicon("weekday_names"), "weekday_names")) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    for (const auto& rule : pack.time_rules()) {
        auto re = std::make_unique<re2::RE2>(rule.pattern, options);
        if (!re->ok())
            throw Error(rule.origin.file, rule.origin.line, 0, "time pattern does not compile: " + re->error());
        rules_.push_back(Compiled{rule, std::move(re), RequiredTexts(rule.pattern)});
    }
    // Once rules_ holds them all: the pointers are into each rule's own map, which stays put.
    for (Compiled& compiled : rules_) {
        for (std::size_t part = 0; part < kPartCount; ++part) {
            const auto it = compiled.rule.value.find(std::string(kPartNames[part]));
            if (it != compiled.rule.value.end()) compiled.parts[part] = &it->second;
        }
        compiled.none = compiled.rule.value.count("none") > 0;
    }
    std::unordered_map<std::string, std::size_t> text_index;
    for (std::size_t r = 0; r < rules_.size(); ++r) {
        if (!rules_[r].needed.known()) unread_rules_.push_back(static_cast<std::uint32_t>(r));
        for (const std::string& text : rules_[r].needed.texts()) {
            const auto [it, added] = text_index.emplace(text, texts_.size());
            if (added) {
                texts_.push_back(text);
                text_rules_.emplace_back();
            }
            text_rules_[it->second].push_back(static_cast<std::uint32_t>(r));
        }
    }
    for (std::size_t set = 0; set < own_scans_.size(); ++set) {
        add_required_texts(own_scans_[set], 0, set == 0);
        own_scans_[set].compile();
    }
}

void TimeTagger::add_required_texts(DictionarySet& set, std::size_t dictionary, bool chinese) const {
    // Chinese sentences are read with the "zh" and "any" rules; the other scan serves every
    // other language, so it holds the texts of all rules but the "zh" ones.
    auto scanned = [&](const TimeRule& rule) { return chinese ? rule.lang == "zh" || rule.lang == "any" : rule.lang != "zh"; };
    for (std::size_t t = 0; t < texts_.size(); ++t)
        if (std::any_of(text_rules_[t].begin(), text_rules_[t].end(), [&](std::uint32_t r) { return scanned(rules_[r].rule); }))
            set.add(dictionary, texts_[t], static_cast<std::uint32_t>(t), PhraseMatcher::Match::bytes);
}

TimeTagger::~TimeTagger() = default;
TimeTagger::TimeTagger(TimeTagger&&) noexcept = default;
TimeTagger& TimeTagger::operator=(TimeTagger&&) noexcept = default;

std::optional<int> TimeTagger::parse_number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (text.size() > 6) return std::nullopt;
        // Read in place: at most six digits, so no overflow, and no std::string for atoi.
        int value = 0;
        for (const char c : text) value = value * 10 + (c - '0');
        return value;
    }
    // Past the digits, only Chinese numerals (and 零, 十) make a number: a text with any other
    // ASCII byte ("May", "Sept.") is none, told before it is decoded into a string of its own.
    if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::nullopt;
    static const std::u32string digits = U"〇一二三四五六七八九";
    std::u32string cps;
    std::size_t pos = 0;
    if (utf8::find_invalid(text)) return std::nullopt;
    while (pos < text.size()) cps.push_back(utf8::decode(text, pos));
    // Digit by digit ("二〇二四") when there is no 十.
    if (cps.find(U'十') == std::u32string::npos) {
        int value = 0;
        for (char32_t c : cps) {
            const auto d = c == U'零' ? 0 : digits.find(c);
            if (d == std::u32string::npos) return std::nullopt;
            value = value * 10 + static_cast<int>(d);
        }
        return value;
    }
    // "十", "十二", "二十", "二十一": tens and units.
    int tens = 1;
    int units = 0;
    const auto ten = cps.find(U'十');
    if (ten > 1 || cps.size() > ten + 2) return std::nullopt;
    if (ten == 1) {
        const auto d = digits.find(cps[0]);
        if (d == std::u32string::npos || d == 0) return std::nullopt;
        tens = static_cast<int>(d);
    }
    if (cps.size() == ten + 2) {
        const auto d = digits.find(cps[ten + 1]);
        if (d == std::u32string::npos || d == 0) return std::nullopt;
        units = static_cast<int>(d);
    }
    return tens * 10 + units;
}

std::optional<int> TimeTagger::read_part(const Compiled& c, Part key, std::span<const std::string_view> groups) const {
    if (!c.parts[key]) return std::nullopt;
    const TimeValuePart& part = *c.parts[key];
    const bool weekday = key == kWeekday;
    std::string_view text;
    if (part.group > 0) text = groups[static_cast<std::size_t>(part.group)];
    else if (!part.name.empty()) text = part.name;
    else return part.number;
    if (auto n = parse_number(text)) return n;
    if (auto n = lookup(weekday ? weekday_names_ : month_names_, text)) return n;
    if (key == kMonth) {
        // "May." and "Sept" style abbreviations: drop a trailing dot.
        if (!text.empty() && text.back() == '.') return lookup(month_names_, text.substr(0, text.size() - 1));
    }
    return std::nullopt;
}

std::optional<Date> TimeTagger::resolve(const Compiled& c, std::span<const std::string_view> groups,
                                        const std::optional<Date>& published) const {
    if (c.none) return std::nullopt;
    // The parts the rule has not (most of the eight) are told here, without a call for each.
    auto part = [&](Part key) { return c.parts[key] ? read_part(c, key, groups) : std::nullopt; };
    const auto year = part(kYear);
    const auto month = part(kMonth);
    const auto day = part(kDay);
    const auto weekday = part(kWeekday);
    const auto offset_days = part(kOffsetDays);
    const auto offset_weeks = part(kOffsetWeeks);
    const auto offset_months = part(kOffsetMonths);
    const auto offset_years = part(kOffsetYears);
    const bool relative = weekday || offset_days || offset_weeks || offset_months || offset_years;

    Date date;
    if (year) {
        date.year = *year < 100 ? 2000 + *year : *year;
        date.month = month.value_or(0);
        date.day = date.month ? day.value_or(0) : 0;
    } else if (!published) {
        return std::nullopt;
    } else if (relative) {
        const Date& p = *published;
        if (weekday) {
            if (*weekday < 1 || *weekday > 7) return std::nullopt;
            Date base = p;
            if (offset_weeks) {
                // That weekday in the week `offset_weeks` from the publication week.
                base = add_days(p, 7 * *offset_weeks - (iso_weekday(p) - 1));
                date = add_days(base, *weekday - 1);
            } else {
                date = add_days(p, -((iso_weekday(p) - *weekday + 7) % 7));
            }
        } else if (offset_days) {
            date = add_days(p, *offset_days);
        } else if (offset_weeks) {
            const Date monday = add_days(p, 7 * *offset_weeks - (iso_weekday(p) - 1));
            const Date sunday = add_days(monday, 6);
            date = monday.month == sunday.month ? Date{monday.year, monday.month, 0} : Date{monday.year, 0, 0};
        } else if (offset_months) {
            date = add_months(Date{p.year, p.month, 0}, *offset_months);
        } else {
            date = Date{p.year + *offset_years, month.value_or(0), month ? day.value_or(0) : 0};
        }
    } else if (month) {
        if (*month < 1 || *month > 12) return std::nullopt;  // 50月 is no month (found by fuzzing)
        date = nearest_year(*published, *month, day.value_or(0));
    } else if (day) {
        // A day of the month alone: this month, or last month when still to come.
        Date month_of{published->year, published->month, 0};
        if (*day > published->day) month_of = add_months(month_of, -1);
        if (*day < 1 || *day > days_in_month(month_of.year, month_of.month)) return std::nullopt;
        date = Date{month_of.year, month_of.month, *day};
    } else {
        return std::nullopt;
    }
    if (c.rule.precision == "year") {
        date.month = 0;
        date.day = 0;
    } else if (c.rule.precision == "month") {
        date.day = 0;
    }
    if (!date.valid()) return std::nullopt;
    return date;
}

std::vector<TimeMention> TimeTagger::find(std::string_view text, TextRange range, std::string_view lang,
                                          const std::optional<Date>& published) const {
    thread_local std::vector<PhraseHit> text_hits;
    std::vector<PhraseHit>* const list = &text_hits;
    own_scans_[lang == "zh" ? 0 : 1].find_all(text, range.begin, range.end, std::span(&list, 1));
    return find(text, range, lang, published, text_hits);
}

std::vector<TimeMention> TimeTagger::find(std::string_view text, TextRange range, std::string_view lang,
                                          const std::optional<Date>& published, std::span<const PhraseHit> text_hits) const {
    // The lists below are one set a thread, cleared call by call but keeping their room: this
    // runs for every sentence, and made and freed each time they were most of its allocations.
    thread_local std::vector<std::pair<std::uint32_t, std::size_t>> places;  // rule, where one of its texts begins
    thread_local std::vector<re2::StringPiece> groups;     // one buffer for every rule's groups
    thread_local std::vector<std::string_view> views;      // and their views, every match's in turn
    thread_local std::vector<PhraseHit> hits;              // payload: index into `matched`
    // Each match's rule index and where its groups begin in `views`. A match is read into a
    // date only once select_longest() kept it: a date depends on its match alone, and an
    // overlapped match is dropped whatever its date (`今年` inside `今年5月`, `5月` inside
    // `5月3日`, `日` inside it too: 5,390 matches a MB of Chinese, 2,887 kept).
    thread_local std::vector<std::pair<std::size_t, std::size_t>> matched;
    places.clear();
    hits.clear();
    views.clear();
    matched.clear();
    for (const PhraseHit& h : text_hits)
        for (const std::uint32_t r : text_rules_[h.payload])
            if (for_language(rules_[r].rule, lang)) places.emplace_back(r, h.begin);
    for (const std::uint32_t r : unread_rules_)
        if (for_language(rules_[r].rule, lang)) places.emplace_back(r, range.begin);
    if (places.empty()) return {};
    // Each rule's anchored tries and their matches so far on this thread, for this tagger (below).
    thread_local const TimeTagger* tallied = nullptr;
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> tallies;
    if (tallied != this || tallies.size() != rules_.size()) {
        tallied = this;
        tallies.assign(rules_.size(), {0, 0});
    }
    // By rule, in the pack's order, then by place.
    std::sort(places.begin(), places.end());
    const re2::StringPiece input(text.data(), text.size());
    // Each rule's places are places[first, last).
    for (std::size_t first = 0, last = 0; first < places.size(); first = last) {
        const std::size_t r = places[first].first;
        while (last < places.size() && places[last].first == r) ++last;
        const Compiled& c = rules_[r];
        const int n = c.re->NumberOfCapturingGroups() + 1;
        groups.assign(static_cast<std::size_t>(n), re2::StringPiece());
        // Each search starts where the pattern's required texts let a match begin: no earlier
        // than their reach before the first of them at or after `from`. After a match, most often
        // none stands in the rest of the sentence, and the search that would find nothing is not
        // made. No match starts before that place, so RE2 finds the same leftmost match from it
        // (the bytes before it still count for \b).
        std::size_t next = first;
        auto earliest_start = [&](std::size_t from) {
            if (!c.needed.known()) return from;
            while (next < last && places[next].second < from) ++next;
            if (next == last) return std::string_view::npos;
            const std::size_t at = places[next].second;
            return at - from > c.needed.reach() ? at - c.needed.reach() : from;
        };
        std::size_t pos = range.begin;
        const bool anchored = c.needed.known() && c.needed.reach() <= kAnchoredReach;
        while (pos < range.end) {
            std::size_t start = earliest_start(pos);
            bool found = false;
            if (anchored) {
                // Every match begins in [q - reach, q] for a place q where one of the texts
                // stands. The places of those windows are tried anchored, in order, each once:
                // the first where the pattern matches is where the leftmost match begins, and
                // what it matches there is what the unanchored search would (the same
                // leftmost-first choice), without its reverse pass to find the start. Between
                // windows, earliest_start() steps over places where no match can begin.
                std::size_t untried = pos;
                while (start != std::string_view::npos && !found) {
                    const std::size_t end = start + c.needed.reach();  // the window's last place
                    // A place whose byte no match begins with is not tried: most places of a
                    // window are such, a digit wanted and a letter found (−3.0M instructions a
                    // MB English, −2.2M Chinese). RE2 reads no further than the longest match:
                    // its bit-state matcher clears a bitmap as long as the text it is given
                    // (−0.35M English, −0.50M Chinese).
                    // A rule whose tries mostly fail (more than two in three so far: `May ` that
                    // is no `May 5, 2024`) is asked first whether it matches at all, which RE2
                    // answers with its DFA, and for its groups only where it does, on the
                    // match's bytes (as RE2 does itself after a DFA search); asked for groups at
                    // once, RE2 runs its slower bit-state matcher where the pattern is not
                    // one-pass. Either way the same match and groups: the tallies only choose
                    // the cheaper way for the rule (−0.89M English, −0.54M Chinese; asked first
                    // after half the tries failed: −0.61M, −0.38M; after four in five: −0.77M, −0.11M).
                    for (std::size_t at = std::max(start, untried); at <= end && at < range.end && !found; ++at) {
                        // Past ASCII, where one byte tells little, the first two bytes
                        // (checked for ASCII as well, they measured +0.1M English for nothing).
                        if (!c.needed.may_begin_with(text[at])) continue;
                        if (static_cast<unsigned char>(text[at]) >= 0x80 &&
                            !c.needed.may_begin_with(text[at], at + 1 < text.size() ? text[at + 1] : '\0'))
                            continue;
                        auto& [tries, matches] = tallies[r];
                        const std::size_t stop = c.needed.longest() < range.end - at ? at + c.needed.longest() : range.end;
                        if (n > 1 && tries - matches > 2 * matches) {
                            found = c.re->Match(input, at, stop, RE2::ANCHOR_START, groups.data(), 1) &&
                                    c.re->Match(input, at, static_cast<std::size_t>(groups[0].data() + groups[0].size() - text.data()),
                                                RE2::ANCHOR_BOTH, groups.data(), n);
                        } else {
                            found = c.re->Match(input, at, stop, RE2::ANCHOR_START, groups.data(), n);
                        }
                        ++tries;
                        matches += found;
                    }
                    untried = end + 1;
                    if (!found) start = untried < range.end ? earliest_start(untried) : std::string_view::npos;
                }
            } else {
                // Each search ends the pattern's longest match after the place q its start was
                // found from: every match that begins by q ends by then, so the leftmost of them
                // is what the search to the sentence's end finds (RE2 still reads the bytes
                // past the end for \b). When RE2 finds none, or one that begins after q (which
                // the end could cut short), none begins by q, and the next search starts from
                // the next place's reach. Most places begin no match (`5月` that is no
                // `2024年5月`), and RE2 then reads a few dozen bytes, not the rest of the
                // sentence: Chinese −4.0M instructions a MB, English +0.09M.
                while (start != std::string_view::npos && !found) {
                    std::size_t stop = range.end;
                    std::size_t q = range.end;
                    if (c.needed.known() && next < last && c.needed.longest() < range.end - places[next].second) {
                        q = places[next].second;
                        stop = q + c.needed.longest();
                    }
                    found = c.re->Match(input, start, stop, RE2::UNANCHORED, groups.data(), n) &&
                            static_cast<std::size_t>(groups[0].data() - text.data()) <= q;
                    if (stop == range.end) break;
                    if (!found) start = q + 1 < range.end ? earliest_start(q + 1) : std::string_view::npos;
                }
            }
            if (!found) break;
            const auto begin = static_cast<std::size_t>(groups[0].data() - text.data());
            const std::size_t end = begin + groups[0].size();
            if (end == begin) break;
            hits.push_back({begin, end, static_cast<std::uint32_t>(matched.size())});
            matched.emplace_back(r, views.size());
            for (const auto& g : groups) views.emplace_back(g.data() ? std::string_view(g.data(), g.size()) : "");
            pos = end;
        }
    }
    std::vector<TimeMention> out;
    hits = select_longest(std::move(hits));  // the same list back, so it keeps its room
    for (const auto& h : hits) {
        const auto [rule, first] = matched[h.payload];
        const Compiled& c = rules_[rule];
        const auto n = static_cast<std::size_t>(c.re->NumberOfCapturingGroups() + 1);
        if (const auto date = resolve(c, std::span(views).subspan(first, n), published))
            out.push_back(TimeMention{{h.begin, h.end}, *date, c.rule.id});
    }
    return out;
}

}  // namespace chronokg
