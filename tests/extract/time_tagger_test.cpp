#include <catch2/catch.hpp>

#include <algorithm>

#include "extract/dictionary_set.hpp"
#include "extract/normalizer.hpp"
#include "extract/time_tagger.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {
// The dates found in `text` published on `published`, as ISO strings.
std::vector<std::string> dates(const std::string& text, const std::string& published, const std::string& lang) {
    static const RulePack pack = test::test_pack();
    static const TimeTagger tagger(pack);
    const std::string folded = Normalizer::shared().fold(text);
    std::vector<std::string> out;
    for (const auto& t : tagger.find(folded, {0, folded.size()}, lang, Date::parse(published))) out.push_back(t.date.iso());
    return out;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("Chinese absolute and partial dates resolve against the publication date", "[extract][time]") {
    CHECK(dates("2025年5月13日", "2025-05-20", "zh") == V{"2025-05-13"});
    CHECK(dates("5月13日", "2025-05-20", "zh") == V{"2025-05-13"});
    CHECK(dates("12月3日", "2025-01-10", "zh") == V{"2024-12-03"});  // the nearest December lies in the past
    CHECK(dates("当地时间8日", "2024-04-09", "zh") == V{"2024-04-08"});
    CHECK(dates("25日", "2024-04-09", "zh") == V{"2024-03-25"});      // a day still to come is last month's
    CHECK(dates("2018年", "2025-05-20", "zh") == V{"2018"});
    CHECK(dates("二〇二四年十二月", "2025-05-20", "zh") == V{"2024-12"});
}

TEST_CASE("Chinese relative dates", "[extract][time]") {
    CHECK(dates("昨日", "2023-07-04", "zh") == V{"2023-07-03"});
    CHECK(dates("周五", "2022-10-08", "zh") == V{"2022-10-07"});
    CHECK(dates("上周五", "2025-05-20", "zh") == V{"2025-05-16"});
    CHECK(dates("去年底", "2025-11-09", "zh") == V{"2024-12"});
    CHECK(dates("去年", "2025-11-09", "zh") == V{"2024"});
    CHECK(dates("上月", "2025-01-09", "zh") == V{"2024-12"});
    CHECK(dates("去年11月", "2023-05-22", "zh") == V{"2022-11"});
    CHECK(dates("今年3月31日", "2023-05-22", "zh") == V{"2023-03-31"});
}

TEST_CASE("a month without a year leans to the past, but not past next month", "[extract][time]") {
    CHECK(dates("11月", "2023-05-22", "zh") == V{"2022-11"});       // half a year either way: the past
    CHECK(dates("8月1日", "2023-07-04", "zh") == V{"2023-08-01"});   // an announced start date
    CHECK(dates("12月", "2025-01-10", "zh") == V{"2024-12"});
}

TEST_CASE("numbers that are not dates are left alone", "[extract][time]") {
    CHECK(dates("商务部公告2024年第46号", "2025-11-09", "zh").empty());
    CHECK(dates("三个月内,5个月", "2025-11-09", "zh").empty());
}

TEST_CASE("English dates, absolute and relative", "[extract][time]") {
    CHECK(dates("On May 13, 2025, BIS acted", "2025-05-20", "en") == V{"2025-05-13"});
    CHECK(dates("on 13 May 2025", "2025-05-20", "en") == V{"2025-05-13"});
    CHECK(dates("on Monday", "2023-09-05", "en") == V{"2023-09-04"});
    CHECK(dates("back in January", "2023-03-08", "en") == V{"2023-01"});
    CHECK(dates("Starting in 2019", "2023-09-05", "en") == V{"2019"});
    CHECK(dates("yesterday", "2025-01-01", "en") == V{"2024-12-31"});
    CHECK(dates("last year", "2025-01-01", "en") == V{"2024"});
    CHECK(dates("the company may sell", "2025-01-01", "en").empty());  // the verb "may" is no month
}

TEST_CASE("Chinese numerals read as numbers", "[extract][time]") {
    CHECK(TimeTagger::parse_number("十二") == 12);
    CHECK(TimeTagger::parse_number("二十一") == 21);
    CHECK(TimeTagger::parse_number("十") == 10);
    CHECK(TimeTagger::parse_number("二〇二四") == 2024);
    CHECK_FALSE(TimeTagger::parse_number("十十").has_value());
}

TEST_CASE("dates at the edges of a sentence are found, and text beside the sentence still counts", "[extract][time]") {
    // find() runs a pattern only where a scan of the sentence found one of its required texts
    // (issue 7); that must not lose a date at either edge, nor find one that the text around
    // it rules out.
    static const RulePack pack = test::test_pack();
    static const TimeTagger tagger(pack);
    const auto published = Date::parse("2025-06-10");
    auto dates_in = [&](const std::string& text, std::size_t begin, std::size_t end, const char* lang) {
        V out;
        for (const auto& t : tagger.find(text, {begin, end}, lang, published)) out.push_back(t.date.iso());
        return out;
    };
    const std::string en = "Officials met on May 13. On June 2 it said so.";
    CHECK(dates_in(en, 0, 23, "en") == V{"2025-05-13"});
    CHECK(dates_in(en, 25, en.size(), "en") == V{"2025-06-02"});
    CHECK(dates_in(en, 17, 23, "en") == V{"2025-05-13"});  // the range is the date alone
    const std::string glued = "x2025-05-13 y";
    CHECK(dates_in(glued, 1, 11, "en") == dates_in(glued, 0, glued.size(), "en"));  // the letter before still touches it
    const std::string zh = Normalizer::shared().fold("宣布。2025年5月13日,工業和安全局宣布撤銷規則。");
    const std::size_t start = zh.find("2025");
    CHECK(dates_in(zh, start, zh.size(), "zh") == V{"2025-05-13"});
    CHECK(dates_in(zh, 0, start, "zh").empty());
}

TEST_CASE("Taiwanese bracketed day numbers after 昨 and 今 give that day", "[extract][time]") {
    CHECK(dates("黃仁勳昨(19)日宣布", "2025-05-20", "zh") == V{"2025-05-19"});
    CHECK(dates("今（20）日", "2025-05-20", "zh") == V{"2025-05-20"});
    CHECK(dates("前(3)日", "2025-06-04", "zh") == V{"2025-06-03"});
}

TEST_CASE("a month number outside 1..12 is no date (found by fuzzing) [issue8]", "[extract][time][issue8]") {
    CHECK(dates("-50月13日", "2025-02-05", "zh").empty());
    CHECK(dates("13月", "2025-02-05", "zh").empty());
    CHECK(dates("0月5日", "2025-02-05", "zh").empty());
}

TEST_CASE("a pattern's second and later dates in a sentence are found", "[extract][time]") {
    // After a pattern's match, find() looks for the pattern's required texts in the rest of the
    // sentence before running it there again (RequiredTexts): dates after the first must stay.
    CHECK(dates("3月5日和4月6日", "2025-05-20", "zh") == V{"2025-03-05", "2025-04-06"});
    CHECK(dates("2024年3月5日至2025年4月6日", "2025-05-20", "zh") == V{"2024-03-05", "2025-04-06"});
    CHECK(dates("5日与6号,日本", "2025-05-20", "zh") == V{"2025-05-05", "2025-05-06"});
    CHECK(dates("on Monday and again on Friday", "2023-09-05", "en") == V{"2023-09-04", "2023-09-01"});
    CHECK(dates("in January and in March", "2023-05-08", "en") == V{"2023-01", "2023-03"});
    CHECK(dates("On May 13, 2025 and June 2, 2025", "2025-06-20", "en") == V{"2025-05-13", "2025-06-02"});
}

TEST_CASE("a pattern whose matches begin with its required text skips the places it does not match", "[extract][time]") {
    // Such patterns (month names first, 今年 and 去年 first) are tried anchored at each place
    // where one of their texts stands: one that fails there must not hide a later date.
    CHECK(dates("Mayor Smith said on May 5", "2025-05-20", "en") == V{"2025-05-05"});
    CHECK(dates("In Marseille, on March 3, 2024", "2025-05-20", "en") == V{"2024-03-03"});
    CHECK(dates("今年轻人多，今年3月", "2025-05-20", "zh") == V{"2025", "2025-03"});
    CHECK(dates("去年底去年5月", "2025-05-20", "zh") == V{"2024-12", "2024-05"});
    // and those that begin a few bytes before it (zh.d: up to 3, [Tt]oday: 1)
    CHECK(dates("日本5日", "2025-05-20", "zh") == V{"2025-05-05"});
    CHECK(dates("5日本号", "2025-05-20", "zh") == V{"2025-05-05"});
    CHECK(dates("Todays and today", "2025-05-20", "en") == V{"2025-05-20"});
    // and up to 8 bytes before it (`[Oo]n Monday`: 3 before `Monday`; `[Ee]arlier this month`: 8),
    // each match whole
    static const RulePack pack = test::test_pack();
    static const TimeTagger tagger(pack);
    auto matched = [&](const std::string& text) {
        V out;
        for (const auto& t : tagger.find(text, {0, text.size()}, "en", Date::parse("2025-05-22")))
            out.push_back(text.substr(t.range.begin, t.range.end - t.range.begin));
        return out;
    };
    CHECK(matched("It fell on Monday, and rose earlier this month") == V{"on Monday", "earlier this month"});
    CHECK(matched("Earlier this week and later this month, last Friday") == V{"Earlier this week", "later this month", "last Friday"});
    // RE2 reads no further than the longest match from the place tried: one that long is found.
    CHECK(dates("当地时间15 日宣布", "2025-05-20", "zh") == V{"2025-05-15"});
    CHECK(dates("It rose last month, they said", "2025-05-20", "en") == V{"2025-04"});
}

TEST_CASE("the scan's hits of the required texts may come in any order, and more than once", "[extract][time]") {
    // The extractor hands find() the hits of its own sentence scan: a dictionary's hits by end,
    // where a longer text ending later may begin earlier. find() must not depend on their order.
    static const RulePack pack = test::test_pack();
    static const TimeTagger tagger(pack);
    DictionarySet scan(1);
    tagger.add_required_texts(scan, 0, true);
    scan.compile();
    const std::string text = Normalizer::shared().fold("2024年3月5日至去年5月，上周五和第3号，今年3月31日");
    std::vector<PhraseHit> hits;
    std::vector<PhraseHit>* const list = &hits;
    scan.find_all(text, 0, text.size(), std::span(&list, 1));
    REQUIRE(hits.size() > 5);
    const auto published = Date::parse("2025-05-20");
    auto found = [&](const std::vector<PhraseHit>& given) {
        V out;
        for (const auto& t : tagger.find(text, {0, text.size()}, "zh", published, given)) out.push_back(t.rule + " " + t.date.iso());
        return out;
    };
    const V in_order = found(hits);
    CHECK(in_order.size() == 4);  // 第3号 is matched, and is no date
    CHECK(in_order == found(std::vector<PhraseHit>(hits.rbegin(), hits.rend())));
    std::vector<PhraseHit> twice = hits;
    twice.insert(twice.end(), hits.begin(), hits.end());
    CHECK(in_order == found(twice));
    CHECK(found({}).empty());  // no text found: no pattern runs
}

TEST_CASE("a pattern whose required texts cannot be read runs over every sentence", "[extract][time]") {
    // A user's pack may use RE2 syntax RequiredTexts does not read (flags, \p classes): such a
    // pattern is never skipped, whatever the scan found.
    const auto dir = test::temp_dir("time_unknown_texts");
    test::write_file(dir / "time.jsonl",
                     "{\"chronokg_rules\": 1, \"kind\": \"time\"}\n"
                     "{\"id\": \"user.han-year\", \"lang\": \"zh\", \"pattern\": \"(?i)(\\\\d{4})\\\\p{Han}{0}年\", \"value\": {\"year\": \"$1\"}}\n");
    RulePack pack = test::test_pack();
    pack.add((dir / "time.jsonl").string());
    const TimeTagger tagger(pack);
    const std::string text = Normalizer::shared().fold("于1999年成立");
    std::vector<std::string> rules;
    for (const auto& t : tagger.find(text, {0, text.size()}, "zh", Date::parse("2025-05-20"), {})) rules.push_back(t.rule);
    CHECK(rules == V{"user.han-year"});
}

TEST_CASE("a pattern searched from one of its texts finds a later date whole", "[extract][time]") {
    // A search from a place ends at the most bytes a match begun by that place can take
    // (zh.ym: 33 bytes past `5月`). A date that begins after the place and runs past that end
    // must be found whole (with its 份), not as much of it as the search read.
    static const RulePack pack = test::test_pack();
    static const TimeTagger tagger(pack);
    for (const std::string filler : {"的的的的的", "的的的的的的", "的的的的的的的", "的的的的的的的的的的"}) {
        const std::string text = Normalizer::shared().fold("5月" + filler + "2024年6月份");
        std::vector<std::string> found;
        for (const auto& t : tagger.find(text, {0, text.size()}, "zh", Date::parse("2025-05-20")))
            found.push_back(t.rule + " " + text.substr(t.range.begin, t.range.end - t.range.begin));
        CHECK(found == V{"zh.m 5月", "zh.ym 2024年6月份"});
    }
}

TEST_CASE("a rule whose tries mostly fail still gives its dates and their parts", "[extract][time]") {
    // Once most of a rule's tries have failed, find() asks RE2 whether it matches before asking
    // for its groups: the matches, and the year, month and day read from their groups, must be
    // those found before.
    static const RulePack pack = test::test_pack();
    const TimeTagger tagger(pack);
    const auto published = Date::parse("2025-06-20");
    auto found = [&](const std::string& text, const char* lang) {
        V out;
        for (const auto& t : tagger.find(text, {0, text.size()}, lang, published))
            out.push_back(t.rule + " " + text.substr(t.range.begin, t.range.end - t.range.begin) + " " + t.date.iso());
        return out;
    };
    const std::string en = "On May 13, 2025 and 2 June 2024, in March 2023, on June 2nd, in 2019";
    const std::string zh = Normalizer::shared().fold("去年3月5日，今年12月，去年11月");
    const V en_before = found(en, "en");
    const V zh_before = found(zh, "zh");
    CHECK(en_before == V{"en.mdy May 13, 2025 2025-05-13", "en.dmy 2 June 2024 2024-06-02", "en.my March 2023 2023-03",
                         "en.md June 2nd 2025-06-02", "en.in-year in 2019 2019"});
    CHECK(zh_before == V{"zh.last-year-md 去年3月5日 2024-03-05", "zh.this-year-m 今年12月 2025-12", "zh.last-year-m 去年11月 2024-11"});
    // Month names and 去年, 今年 with no date after them, many times over.
    std::string failing;
    for (int i = 0; i < 20; ++i) failing += "May I ask what June is, and July, as in 1 May or Jan. or in 1999x? ";
    std::string failing_zh;
    for (int i = 0; i < 20; ++i) failing_zh += Normalizer::shared().fold("去年3家公司，今年5个人，");
    found(failing, "en");
    found(failing_zh, "zh");
    CHECK(found(en, "en") == en_before);
    CHECK(found(zh, "zh") == zh_before);
}

TEST_CASE("each kept expression is read from its own match, the overlapped ones dropped unread", "[extract][time]") {
    // Matches are read into dates after the overlaps are settled: every one of these holds
    // shorter matches of other rules (今年, 3月, 31日, 2018年), and each date must come from the
    // groups of the match kept, not from another's.
    CHECK(dates("今年3月31日、5月13日和去年11月及2018年", "2023-05-22", "zh") ==
          V{"2023-03-31", "2023-05-13", "2022-11", "2018"});
    CHECK(dates("On May 13, 2025 and in June, then on Monday and in 2019", "2025-05-20", "en") ==
          V{"2025-05-13", "2025-06", "2025-05-19", "2019"});
}

TEST_CASE("month names are read whatever their case and length", "[extract][time]") {
    // resolve() compares a matched name with the lexicon's lower-case names byte by byte,
    // lower-casing as it goes: `July`, `December`, `Friday` must all be read.
    CHECK(dates("on July 4, 2024", "2025-05-20", "en") == V{"2024-07-04"});
    CHECK(dates("12 December 2023", "2025-05-20", "en") == V{"2023-12-12"});
    CHECK(dates("on Friday", "2023-09-05", "en") == V{"2023-09-01"});
}
