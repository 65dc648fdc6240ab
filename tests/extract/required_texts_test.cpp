#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <algorithm>

#include "extract/normalizer.hpp"
#include "extract/required_texts.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {
using V = std::vector<std::string>;
V texts_of(const char* pattern) { return RequiredTexts(pattern).texts(); }
bool has(const V& texts, const std::string& t) { return std::find(texts.begin(), texts.end(), t) != texts.end(); }

// Whether text[begin, end) holds one of `needed`'s texts no further than its reach from `begin`.
bool holds_a_text(const RequiredTexts& needed, const std::string& text, std::size_t begin, std::size_t end) {
    for (const auto& t : needed.texts())
        for (std::size_t at = begin; at + t.size() <= end && (at - begin <= needed.reach()); ++at)
            if (text.compare(at, t.size(), t) == 0) return true;
    return false;
}
}  // namespace

TEST_CASE("a pattern's required texts join the few strings its neighbouring parts match", "[extract][time]") {
    // A digit, an optional space and a bracket list: every match holds a digit followed by the
    // character, which stands in far fewer places than the character alone.
    const V day = texts_of(R"((\d{1,2}) ?[日号])");
    CHECK(day.size() == 40);
    CHECK(has(day, "5日"));
    CHECK(has(day, "0 号"));
    CHECK_FALSE(has(day, "日"));
    CHECK_FALSE(has(day, "15日"));  // holds "5日": the shorter text does
    CHECK(texts_of(R"(\b[Tt]oday\b)") == V{"Today", "today"});
    CHECK(texts_of(R"(今[天日]|本日)") == V{"今天", "今日", "本日"});  // alternatives: one of each branch's
    CHECK(texts_of(R"(上个?月)") == V{"上月", "上个月"});                // an optional character: both ways
    CHECK(texts_of(R"(ab?cd)") == V{"acd", "abcd"});
    CHECK(texts_of(R"(xa+yz)") == V{"xa"});           // "xa" stands; "ayz" too, but anywhere after the start
    CHECK(texts_of(R"([a-z]+day)") == V{"day"});      // a range gives nothing, the rest still counts
    // "January" and "Jan." hold "Jan": each month name form, then a space and a digit.
    const V month = texts_of(R"(\b(January|Jan\.?) (\d{1,2}))");
    CHECK(month.size() == 30);
    CHECK(has(month, "Jan 5"));
    CHECK(has(month, "Jan. 5"));
    CHECK(has(month, "January 5"));
}

TEST_CASE("too many strings to join: the texts stay sound, from the part's last strings", "[extract][time]") {
    // Four digits are 10,000 strings, too many to list: every match still ends with a digit,
    // which joins the text after it.
    const RequiredTexts year(R"((\d{4}) ?年)");
    CHECK(year.texts().size() == 20);
    CHECK(has(year.texts(), "4年"));
    CHECK(has(year.texts(), "4 年"));
    CHECK(year.reach() == 3);  // three digits before the last
    const RequiredTexts iso(R"(\b(\d{4})-(\d{1,2})-(\d{1,2})\b)");
    CHECK(iso.known());
    CHECK(has(iso.texts(), "4-1"));  // a digit, the dash, a digit
    // A list of numerals repeated one to three times, or two digits: the last character of either.
    const V month = texts_of(R"((\d{1,2}|[一二三四五六七八九十]{1,3}) ?月)");
    CHECK(has(month, "3月"));
    CHECK(has(month, "三 月"));
    CHECK_FALSE(has(month, "月"));
}

TEST_CASE("a pattern's reach: how far before its first required text a match can begin", "[extract][time]") {
    CHECK(RequiredTexts(R"((\d{1,2}) ?[日号])").reach() == 1);  // "15日": "5日" one byte in
    CHECK(RequiredTexts(R"(\b(?:[Oo]n |[Ll]ast )?(Monday|Friday)\b)").reach() == 5);
    CHECK(RequiredTexts(R"(\b(January|Jan\.?) (\d{1,2}))").reach() == 0);
    CHECK(RequiredTexts(R"(今年)").reach() == 0);
    CHECK(RequiredTexts(R"(xab|ab)").reach() == 1);             // "ab" stands one byte into "xab"
    CHECK(RequiredTexts(R"(.年)").reach() == 4);                // any character: up to four bytes
    CHECK(RequiredTexts(R"(\d+ ?个月)").reach() == SIZE_MAX);   // no limit
}

TEST_CASE("of two lists of texts alike, a pattern looks for the one of shorter reach", "[extract][time]") {
    // `4年` (42 texts, a match begins at most 11 bytes before one) rather than `5月` (40, 26):
    // the search starts nearer the text found.
    const RequiredTexts ym(R"((\d{4}|[〇零一二三四五六七八九]{4}) ?年 ?(\d{1,2}|[一二三四五六七八九十]{1,3}) ?月份?)");
    CHECK(has(ym.texts(), "4年"));
    CHECK_FALSE(has(ym.texts(), "5月"));
    CHECK(ym.reach() == 11);
}

TEST_CASE("a pattern's longest match, in bytes", "[extract][time]") {
    CHECK(RequiredTexts(R"((\d{1,2}) ?[日号])").longest() == 6);  // "15 日"
    CHECK(RequiredTexts(R"(\b[Ll]ast (week|month)\b)").longest() == 10);
    CHECK(RequiredTexts(R"((\d{4}|[〇零一二三四五六七八九]{4}) ?年 ?(\d{1,2}|[一二三四五六七八九十]{1,3}) ?月份?)").longest() == 33);
    CHECK(RequiredTexts(R"(.年)").longest() == 7);               // any character: up to four bytes
    CHECK(RequiredTexts(R"(\d+ ?个月)").longest() == SIZE_MAX);  // no limit
}

TEST_CASE("patterns outside the part read, or with only single bytes, give no texts", "[extract][time]") {
    CHECK_FALSE(RequiredTexts(R"((?i)today)").known());       // case folding would match other letters
    CHECK_FALSE(RequiredTexts(R"(\p{Han}年)").known());
    CHECK_FALSE(RequiredTexts(R"(\w-\w)").known());           // "-" alone: met everywhere
    CHECK_FALSE(RequiredTexts(R"((?:年)?底?)").known());       // nothing is required
    CHECK_FALSE(RequiredTexts(R"(a{,2}bc)").known());         // not a repeat in RE2: not read
    CHECK_FALSE(RequiredTexts(R"(ab|\d+)").known());          // one branch holds no text
}

TEST_CASE("every match of every time rule holds one of its required texts", "[extract][time]") {
    // The time tagger runs a pattern only where one of its texts stands, searching from its
    // reach before it: a text the reading wrongly claims, or a reach too short, would lose dates.
    static const RulePack pack = test::test_pack();
    const std::vector<std::string> sentences = {
        "2025年5月13日，二〇二四年十二月，5月13日，当地时间8日，2018年度，去年底，今年年初",
        "昨日、今天、前天、明日、日前、近日、本月、这个月、上个月、下月、今年、本年度、去年、前年、明年",
        "去年11月3日、今年3月31日、明年5月份、上周五、本星期日、周五、礼拜天、上个礼拜、第3号、三个月内、5天内",
        "黃仁勳昨(19)日宣布，今（20）日，2024年第46号，2024年底，2024/05/13，2024-5-3，2024 年 5 月 3 日",
        "On May 13, 2025, on 13 May 2025, on Monday, last Friday, back in January, since March 2024, in 2019",
        "Sept. 3, Jan 5th, June 2, 12 December, fiscal 2024, fiscal year 2023, mid- June, during 2020",
        "today, Yesterday, tomorrow, last week, earlier this week, later this month, last month, next month",
        "this year, Last year, next year, late last year, the end of last year, Earlier this year",
    };
    RE2::Options options;
    options.set_log_errors(false);
    int matches = 0;
    for (const auto& rule : pack.time_rules()) {
        const RE2 re(rule.pattern, options);
        REQUIRE(re.ok());
        const RequiredTexts needed(rule.pattern);
        CHECK(needed.known());  // the default pack's rules all run only where their texts stand
        for (const auto& s : sentences) {
            const std::string text = Normalizer::shared().fold(s);
            re2::StringPiece match;
            for (std::size_t pos = 0; pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1);) {
                const auto begin = static_cast<std::size_t>(match.data() - text.data());
                const std::size_t end = begin + match.size();
                if (end == begin) break;
                INFO(rule.id << " in \"" << text.substr(begin, end - begin) << "\"");
                CHECK(holds_a_text(needed, text, begin, end));
                ++matches;
                pos = end;
            }
        }
    }
    CHECK(matches > 60);
}

TEST_CASE("a match begins only with a byte its pattern may begin with", "[extract][time]") {
    // The time tagger tries a pattern anchored only at places whose byte a match can begin
    // with: a byte wrongly ruled out would lose the dates that begin with it.
    const RequiredTexts day(R"((\d{1,2}) ?[日号])");
    CHECK(day.may_begin_with('5'));
    CHECK_FALSE(day.may_begin_with(' '));
    CHECK_FALSE(day.may_begin_with(std::string("日")[0]));
    const RequiredTexts weekday(R"(\b(?:[Oo]n |[Ll]ast )?(Monday|Friday)\b)");  // an optional part, then the names
    for (const char c : std::string("OoLlMF")) CHECK(weekday.may_begin_with(c));
    CHECK_FALSE(weekday.may_begin_with('T'));
    CHECK_FALSE(weekday.may_begin_with('n'));
    const RequiredTexts any(R"(.年)");  // any character: any byte
    CHECK(any.may_begin_with('x'));
    CHECK(any.may_begin_with('\xE5'));
    CHECK(RequiredTexts(R"((?i)today)").may_begin_with('T'));  // not read: every byte may
    CHECK(RequiredTexts(R"((?i)today)").may_begin_with('x'));
    // By two bytes: `五` (E4 BA 94) may begin zh.md's month; `不` (E4 B8 8D) shares its first
    // two with `一` (E4 B8 80), `你` (E4 BD A0) only its first, `的` (E7 9A 84) none. A part
    // of one byte (`\d`) lets any byte follow it.
    const RequiredTexts month_day(R"((\d{1,2}|[一二三四五六七八九十]{1,3}) ?月 ?(\d{1,2}|[一二三四五六七八九十]{1,3}) ?[日号])");
    auto pair = [](const RequiredTexts& needed, std::string_view s) { return needed.may_begin_with(s[0], s[1]); };
    CHECK(pair(month_day, "五月"));
    CHECK(pair(month_day, "十二"));
    CHECK(pair(month_day, "不"));
    CHECK_FALSE(pair(month_day, "你"));
    CHECK_FALSE(pair(month_day, "的"));
    CHECK_FALSE(pair(month_day, "月"));
    CHECK(pair(month_day, "5x"));  // after `\d`, any byte: `5 月`, `12月`, `5月`
    CHECK(pair(month_day, "5 "));
    CHECK_FALSE(pair(month_day, "x5"));
    CHECK(pair(RequiredTexts(R"((?i)today)"), "xy"));  // not read: every pair may

    // And for the default pack's rules, every match, wherever it begins, against RE2 itself.
    static const RulePack pack = test::test_pack();
    const std::vector<std::string> sentences = {
        "2025年5月13日，二〇二四年十二月，5月13日，当地时间8日，去年底，今年年初，上周五，第3号",
        "黃仁勳昨(19)日宣布，今（20）日，2024年第46号，2024/05/13，2024-5-3，2024 年 5 月 3 日",
        "On May 13, 2025, on 13 May 2025, on Monday, last Friday, back in January, since March 2024",
        "Sept. 3, Jan 5th, June 2, 12 December, fiscal 2024, mid- June, today, Last year, this month",
    };
    RE2::Options options;
    options.set_log_errors(false);
    int matches = 0;
    for (const auto& rule : pack.time_rules()) {
        const RE2 re(rule.pattern, options);
        const RequiredTexts needed(rule.pattern);
        for (const auto& s : sentences) {
            const std::string text = Normalizer::shared().fold(s);
            re2::StringPiece match;
            for (std::size_t at = 0; at < text.size(); ++at) {
                if (!re.Match(text, at, text.size(), RE2::ANCHOR_START, &match, 1) || match.empty()) continue;
                INFO(rule.id << " at \"" << text.substr(at, match.size()) << "\"");
                CHECK(needed.may_begin_with(text[at]));
                CHECK(needed.may_begin_with(text[at], at + 1 < text.size() ? text[at + 1] : '\0'));
                ++matches;
            }
        }
    }
    CHECK(matches > 50);
}
