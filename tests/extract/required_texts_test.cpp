#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "extract/normalizer.hpp"
#include "extract/required_texts.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {
using V = std::vector<std::string>;
V texts_of(const char* pattern) { return RequiredTexts(pattern).texts(); }
}  // namespace

TEST_CASE("a pattern's required texts are its runs of literal characters and its lists", "[extract][time]") {
    CHECK(texts_of(R"((\d{1,2}) ?[日号])") == V{"号", "日"});   // a bracket list: one of its characters
    CHECK(texts_of(R"(\b[Tt]oday\b)") == V{"oday"});            // [Tt] ends the run before it
    CHECK(texts_of(R"(\d+ ?个月)") == V{"个月"});
    CHECK(texts_of(R"(今[天日]|本日)") == V{"今", "本日"});      // alternatives: one of each branch's
    CHECK(texts_of(R"(\b(January|Jan\.?) (\d{1,2}))") == V{"Jan"});  // "January" holds "Jan"
    CHECK(texts_of(R"(ab?cd)") == V{"cd"});                     // an optional character is no part of a run
    CHECK(texts_of(R"(xa+yz)") == V{"xa"} );                    // "xa" stands, then maybe more a's
    CHECK(texts_of(R"([a-z]+day)") == V{"day"});                // a range gives nothing, the rest still counts
}

TEST_CASE("a pattern's reach: how far before its first required text a match can begin", "[extract][time]") {
    CHECK(RequiredTexts(R"((\d{1,2}) ?[日号])").reach() == 3);                     // two digits and a space
    CHECK(RequiredTexts(R"(\b(?:[Oo]n |[Ll]ast )?(Monday|Friday)\b)").reach() == 5);
    CHECK(RequiredTexts(R"(\b(January|Jan\.?) (\d{1,2}))").reach() == 0);
    CHECK(RequiredTexts(R"(今年)").reach() == 0);
    CHECK(RequiredTexts(R"(xab|ab)").reach() == 1);             // "ab" stands one byte into "xab"
    CHECK(RequiredTexts(R"(.年)").reach() == 4);                // any character: up to four bytes
    CHECK(RequiredTexts(R"(\d+ ?个月)").reach() == SIZE_MAX);   // no limit
    const RequiredTexts month(R"((\d{1,2}|十[一二]?) ?月)");
    const std::string text = "共12个，3月";  // the match "3月" begins three bytes before 月
    const std::size_t month_at = text.find("月");
    CHECK(month.earliest_start(text, 0, text.size()) == month_at - month.reach());
    CHECK(month.earliest_start(text, month_at + 3, text.size()) == std::string::npos);
    CHECK(month.earliest_start(text, month_at - 1, text.size()) == month_at - 1);  // never before `from`
}

TEST_CASE("patterns outside the part read, or with only single bytes, give no texts", "[extract][time]") {
    CHECK_FALSE(RequiredTexts(R"((?i)today)").known());       // case folding would match other letters
    CHECK_FALSE(RequiredTexts(R"(\p{Han}年)").known());
    CHECK_FALSE(RequiredTexts(R"(\b(\d{4})-(\d{1,2})\b)").known());  // "-" alone: met everywhere
    CHECK_FALSE(RequiredTexts(R"((?:年)?底?)").known());       // nothing is required
    CHECK_FALSE(RequiredTexts(R"(a{,2}bc)").known());         // not a repeat in RE2: not read
    CHECK_FALSE(RequiredTexts(R"(ab|\d+)").known());          // one branch holds no text
    const RequiredTexts unknown(R"(\d+)");
    CHECK(unknown.earliest_start("nothing here", 0, 12) != std::string::npos);  // nothing known: anything may match
}

TEST_CASE("required texts are looked for in the given part of a text only", "[extract][time]") {
    const RequiredTexts day(R"((\d{1,2}) ?[日号])");
    const std::string text = "5日和6号";
    CHECK(day.earliest_start(text, 0, text.size()) != std::string::npos);
    CHECK(day.earliest_start(text, 4, text.size()) != std::string::npos);  // 号 after 和
    CHECK(day.earliest_start(text, 4, text.size() - 1) == std::string::npos);  // 号 cut short
    CHECK(day.earliest_start(text, 2, 7) == std::string::npos);  // 日 begins before the part
    const RequiredTexts month(R"(\b(January|February|March) (\d{1,2})\b)");  // by first byte
    const std::string en = "in March, not in may or Feb";
    CHECK(month.earliest_start(en, 0, en.size()) != std::string::npos);
    CHECK(month.earliest_start(en, 4, en.size()) == std::string::npos);
    CHECK(month.earliest_start(en, 3, 7) == std::string::npos);  // "Marc": cut short
}

TEST_CASE("texts that begin with a capital or a digit are found at every place, past distractors", "[extract][time]") {
    // Such lists are looked for sixteen bytes at a time, then byte by byte: every place of the
    // text must count, in a block and in the tail, and a capital or digit that begins no text
    // must not stop the search.
    const RequiredTexts month(R"(\b(January|February|March|2024) (\d{1,2})\b)");
    REQUIRE(month.reach() == 0);
    for (std::size_t at = 0; at <= 40; ++at) {
        std::string text;
        for (std::size_t i = 0; i < at; ++i) text += "Ma 1Z"[i % 5];  // capitals and digits, none a text
        text += at % 2 ? "March" : "2024";
        text += " 5 and some more words";
        INFO("at " << at);
        CHECK(month.earliest_start(text, 0, text.size()) == at);
        CHECK(month.earliest_start(text, 0, at + 3) == std::string::npos);  // the text cut short
        CHECK(month.earliest_start(text, at + 1, text.size()) == std::string::npos);
    }
}

TEST_CASE("every match of every time rule holds one of its required texts", "[extract][time]") {
    // The time tagger skips a pattern wherever none of its texts stands: a text the reading
    // wrongly claims would lose dates. Every match in these sentences must hold one.
    static const RulePack pack = test::test_pack();
    const std::vector<std::string> sentences = {
        "2025年5月13日，二〇二四年十二月，5月13日，当地时间8日，2018年度，去年底，今年年初",
        "昨日、今天、前天、明日、日前、近日、本月、这个月、上个月、下月、今年、本年度、去年、前年、明年",
        "去年11月3日、今年3月31日、明年5月份、上周五、本星期日、周五、礼拜天、上个礼拜、第3号、三个月内、5天内",
        "黃仁勳昨(19)日宣布，今（20）日，2024年第46号，2024年底，2024/05/13，2024-5-3",
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
        for (const auto& s : sentences) {
            const std::string text = Normalizer::shared().fold(s);
            re2::StringPiece match;
            for (std::size_t pos = 0; pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1);) {
                const auto begin = static_cast<std::size_t>(match.data() - text.data());
                const std::size_t end = begin + match.size();
                if (end == begin) break;
                INFO(rule.id << " in \"" << text.substr(begin, end - begin) << "\"");
                CHECK(needed.earliest_start(text, begin, end) != std::string::npos);
                CHECK(needed.earliest_start(text, pos, text.size()) <= begin);  // where find() starts
                if (needed.known() && needed.reach() == 0)  // find() tries such rules only where a text begins
                    CHECK(needed.earliest_start(text, begin, end) == begin);
                ++matches;
                pos = end;
            }
        }
    }
    CHECK(matches > 60);
}
