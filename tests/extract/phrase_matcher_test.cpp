#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <random>
#include <set>

#include "extract/phrase_matcher.hpp"

using namespace chronokg;

namespace {
std::vector<std::string> matches(const PhraseMatcher& m, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& h : select_longest(m.find_all(text))) out.push_back(text.substr(h.begin, h.end - h.begin));
    return out;
}
// Every hit of find_all (no selection), as "payload:text".
std::vector<std::string> all_hits(const PhraseMatcher& m, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& h : m.find_all(text)) out.push_back(std::to_string(h.payload) + ":" + text.substr(h.begin, h.end - h.begin));
    return out;
}
}  // namespace

TEST_CASE("the longest match wins, then the leftmost", "[extract][match]") {
    PhraseMatcher m;
    for (const char* p : {"商务部", "美国商务部", "工业和安全局", "安全局"}) m.add(p, 0);
    m.compile();
    CHECK(matches(m, "美国商务部工业和安全局宣布") == std::vector<std::string>{"美国商务部", "工业和安全局"});
}

TEST_CASE("Latin phrases match whole words, all-capital phrases match capitals only", "[extract][match]") {
    PhraseMatcher m;
    m.add("AI", 0);
    m.add("Nvidia", 1);
    m.add("Computex", 2);
    m.compile();
    CHECK(matches(m, "he said AI is key") == std::vector<std::string>{"AI"});
    CHECK(matches(m, "an ai model").empty());
    CHECK(matches(m, "NVIDIA and nvidia") == std::vector<std::string>{"NVIDIA", "nvidia"});
    CHECK(matches(m, "在Computex2025上") == std::vector<std::string>{"Computex"});
    CHECK(matches(m, "Computexes").empty());
}

TEST_CASE("a phrase added as bytes is found inside words and numbers, in its own case; the others keep their rules",
          "[extract][match]") {
    // The time patterns' required texts (`20` in `2027`, `oday` in `Today`, `May ` in `May 5`)
    // are found inside words and in their case only; whole-word phrases in the same matcher
    // must still not be found inside words, and still be found in any case.
    PhraseMatcher m;
    m.add("20", 1, PhraseMatcher::Match::bytes);
    m.add("oday", 2, PhraseMatcher::Match::bytes);
    m.add("day", 3);
    m.add("by", 4);
    m.add("May ", 5, PhraseMatcher::Match::bytes);
    m.compile();
    CHECK(all_hits(m, "By 2027 Today, a day may be May 5") == std::vector<std::string>{"4:By", "1:20", "2:oday", "3:day", "5:May "});
}

TEST_CASE("a phrase added as bytes is found inside a word where a longer word phrase that ends with it is not",
          "[extract][match]") {
    // `day` ends where `Monday` ends, on its fail chain: in `Mondays` the text runs on past both,
    // which rejects the whole-word `Monday` but not `day`, added as bytes.
    PhraseMatcher m;
    m.add("Monday", 1);
    m.add("day", 2, PhraseMatcher::Match::bytes);
    m.compile();
    CHECK(all_hits(m, "Mondays and Monday") == std::vector<std::string>{"2:day", "1:Monday", "2:day"});
}

TEST_CASE("a phrase ending in a digit does not match a longer model name", "[extract][match]") {
    PhraseMatcher m;
    m.add("昇腾910", 0);
    m.add("H20", 1);
    m.compile();
    CHECK(matches(m, "昇腾910D和昇腾910") == std::vector<std::string>{"昇腾910"});
    CHECK(matches(m, "H20s, H20E; H20") == std::vector<std::string>{"H20"});
}

namespace {

bool is_word_byte(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool same_kind(char a, char b) {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    return (letter(a) && letter(b)) || (digit(a) && digit(b));
}
char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// What find_all() promises, by brute force: every phrase at every position, ordered by end,
// longest first, then in the order the phrases were added.
std::vector<PhraseHit> reference_hits(const std::vector<std::string>& phrases, const std::string& text, std::size_t begin,
                                      std::size_t end) {
    struct Found {
        PhraseHit hit;
        std::size_t index;
    };
    std::vector<Found> found;
    for (std::size_t p = 0; p < phrases.size(); ++p) {
        const std::string& phrase = phrases[p];
        const bool exact = std::any_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                           std::none_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        for (std::size_t s = begin; s + phrase.size() <= end; ++s) {
            const std::size_t e = s + phrase.size();
            bool same = true;
            for (std::size_t k = 0; k < phrase.size() && same; ++k)
                same = exact ? text[s + k] == phrase[k] : lower_ascii(text[s + k]) == lower_ascii(phrase[k]);
            if (!same) continue;
            if (is_word_byte(phrase.front()) && s > 0 && same_kind(text[s - 1], text[s])) continue;
            if (is_word_byte(phrase.back()) && e < text.size() && same_kind(text[e - 1], text[e])) continue;
            if (phrase.back() >= '0' && phrase.back() <= '9' && e < text.size() && is_word_byte(text[e]) &&
                !(text[e] >= '0' && text[e] <= '9'))
                continue;  // a model number goes on in a letter
            found.push_back({{s, e, static_cast<std::uint32_t>(100 + p)}, p});
        }
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        if (a.hit.end != b.hit.end) return a.hit.end < b.hit.end;
        if (a.hit.begin != b.hit.begin) return a.hit.begin < b.hit.begin;
        return a.index < b.index;
    });
    std::vector<PhraseHit> hits;
    for (const auto& f : found) hits.push_back(f.hit);
    return hits;
}

std::string random_string(std::mt19937& rng, std::size_t pieces) {
    static const std::vector<std::string> alphabet = {"a", "b", "A", "B", "1", "2", " ", "-", "中", "国", "美", "\xE4\xB8"};
    std::string s;
    for (std::size_t i = 0; i < pieces; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
}

}  // namespace

TEST_CASE("find_all, longest_at and for_each_exact find exactly what a brute-force search finds, in its order", "[extract][match]") {
    std::mt19937 rng(20250520);
    for (int round = 0; round < 200; ++round) {
        std::vector<std::string> phrases;
        for (std::size_t i = 0, n = 1 + rng() % 12; i < n; ++i) phrases.push_back(random_string(rng, 1 + rng() % 4));
        PhraseMatcher m;
        for (std::size_t p = 0; p < phrases.size(); ++p) m.add(phrases[p], static_cast<std::uint32_t>(100 + p));
        m.compile();
        const std::string text = random_string(rng, 40);
        const std::size_t begin = rng() % 8;
        const std::size_t end = text.size() - rng() % 8;
        const auto got = m.find_all(text, begin, end);
        const auto want = reference_hits(phrases, text, begin, end);
        INFO("round " << round << ": text \"" << text << "\"");
        REQUIRE(got.size() == want.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].begin == want[i].begin);
            CHECK(got[i].end == want[i].end);
            CHECK(got[i].payload == want[i].payload);
        }
        // longest_at: the longest of those hits that begins at a position, without the rest.
        for (std::size_t at = begin; at < end; ++at) {
            std::size_t longest = 0;
            for (const auto& h : reference_hits(phrases, text, at, end))
                if (h.begin == at) longest = std::max(longest, h.end - h.begin);
            CHECK(m.longest_at(text, at, end) == longest);
        }
        // for_each_exact: the hits that are exactly text[at, to), in the order their phrases were added.
        for (std::size_t at = begin; at <= end; ++at)
            for (std::size_t to = at; to <= end; ++to) {
                std::vector<std::uint32_t> want_exact, got_exact;
                for (const auto& h : reference_hits(phrases, text, at, to))
                    if (h.begin == at && h.end == to) want_exact.push_back(h.payload);
                m.for_each_exact(text, at, to, [&](std::uint32_t payload) { got_exact.push_back(payload); });
                INFO("[" << at << ", " << to << ")");
                CHECK(got_exact == want_exact);
            }
    }
}

TEST_CASE("find_all finds what a brute-force search finds, whatever the number of bytes its phrases use",
          "[extract][match]") {
    // A scan's rows are as wide as the phrases use distinct bytes, rounded up to a power of two,
    // from 1 to 256: each width is scanned by code of its own (PhraseMatcher::with_row_shift).
    std::vector<char> bytes;  // every byte but NUL and the capitals (which fold into the small letters)
    for (int b = 1; b < 256; ++b)
        if (b < 'A' || b > 'Z') bytes.push_back(static_cast<char>(b));
    std::mt19937 rng(256);
    for (std::size_t used : {1, 2, 3, 4, 5, 8, 9, 16, 17, 32, 33, 64, 65, 128, 129, 229}) {
        // Phrases of one, two and three of the first `used` bytes, every one of them in some phrase.
        std::vector<std::string> phrases;
        for (std::size_t i = 0; i < used; ++i) {
            std::string p(1, bytes[i]);
            for (std::size_t k = 0, n = rng() % 3; k < n; ++k) p += bytes[rng() % used];
            phrases.push_back(p);
        }
        PhraseMatcher m;
        for (std::size_t p = 0; p < phrases.size(); ++p) m.add(phrases[p], static_cast<std::uint32_t>(100 + p));
        m.compile();
        std::string text;  // phrases, and bytes of theirs and two others between them
        for (int i = 0; i < 200; ++i)
            text += rng() % 2 ? phrases[rng() % phrases.size()] : std::string(1, bytes[rng() % std::min(bytes.size(), used + 2)]);
        const auto want = reference_hits(phrases, text, 0, text.size());
        const auto got = m.find_all(text);
        INFO(used << " bytes");
        CHECK(want.size() > 20);
        REQUIRE(got.size() == want.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].begin == want[i].begin);
            CHECK(got[i].end == want[i].end);
            CHECK(got[i].payload == want[i].payload);
        }
        const auto in_ranges = m.find_all_in(text, {{0, text.size()}, {0, text.size()}});
        REQUIRE(in_ranges.size() == 2);
        CHECK(in_ranges[0].size() == want.size());
        CHECK(in_ranges[1].size() == want.size());
    }
}

TEST_CASE("every phrase that ends where a longer one ends is found, longest first, then in the order added",
          "[extract][match]") {
    // 国人 and 人 end where 中国人 ends: the scan finds them from the one state it reaches there.
    PhraseMatcher m;
    m.add("中国人", 0);
    m.add("国人", 1);
    m.add("人", 2);
    m.add("国人", 3);
    m.add("美国", 4);
    m.compile();
    const std::string text = "美国人和中国人";
    std::vector<std::pair<std::string, std::uint32_t>> found;
    for (const auto& h : m.find_all(text)) found.emplace_back(text.substr(h.begin, h.end - h.begin), h.payload);
    const std::vector<std::pair<std::string, std::uint32_t>> expected = {
        {"美国", 4}, {"国人", 1}, {"国人", 3}, {"人", 2}, {"中国人", 0}, {"国人", 1}, {"国人", 3}, {"人", 2}};
    CHECK(found == expected);
    CHECK(m.longest_at(text, 3, text.size()) == std::string("国人").size());
}

TEST_CASE("longest_at reads only the phrases that start where it is asked", "[extract][match]") {
    PhraseMatcher m;
    for (const char* p : {"不", "不会", "会"}) m.add(p, 0);
    m.add("AI", 1);
    m.compile();
    const std::string text = "他不会说AI";
    CHECK(m.longest_at(text, 3, text.size()) == std::string("不会").size());
    CHECK(m.longest_at(text, 3, 6) == std::string("不").size());  // the limit cuts "不会"
    CHECK(m.longest_at(text, 0, text.size()) == 0);
    CHECK(m.longest_at(text, 12, text.size()) == 2);
    CHECK(m.longest_at("SAID", 1, 3) == 0);  // "AI" inside a word
}

TEST_CASE("longest_at finds phrases of one, two and more bytes, in either case, up to the limit", "[extract][match]") {
    // longest_at first asks whether a phrase can start at the place at all (its first bytes'
    // classes): a phrase in another case, or shorter than three bytes, must still be found.
    PhraseMatcher m;
    m.add("Nvidia", 0);
    m.add("AI", 1);
    m.add("x", 2);
    m.add("中国", 3);
    m.compile();
    CHECK(m.longest_at("NVIDIA chips", 0, 12) == 6);
    CHECK(m.longest_at("nvidia", 0, 6) == 6);
    CHECK(m.longest_at("NVIDIA", 0, 5) == 0);  // the limit cuts it
    CHECK(m.longest_at("the AI", 4, 6) == 2);
    CHECK(m.longest_at("x y", 0, 3) == 1);
    const std::string text = "在中国";
    CHECK(m.longest_at(text, 3, text.size()) == 6);
    CHECK(m.longest_at(text, 3, text.size() - 1) == 0);
    CHECK(m.longest_at(text, 0, text.size()) == 0);
    CHECK(m.longest_at(text, 6, text.size()) == 0);
}

namespace {

// The overlap policy as first written: a stable sort, then each hit against every one kept.
std::vector<PhraseHit> select_longest_reference(std::vector<PhraseHit> hits) {
    std::stable_sort(hits.begin(), hits.end(), [](const PhraseHit& a, const PhraseHit& b) {
        const auto la = a.end - a.begin;
        const auto lb = b.end - b.begin;
        return la != lb ? la > lb : a.begin < b.begin;
    });
    std::vector<PhraseHit> kept;
    for (const auto& h : hits) {
        bool overlaps = false;
        for (const auto& k : kept) overlaps = overlaps || (h.begin < k.end && k.begin < h.end);
        if (!overlaps) kept.push_back(h);
    }
    std::sort(kept.begin(), kept.end(), [](const PhraseHit& a, const PhraseHit& b) { return a.begin < b.begin; });
    return kept;
}

// select_longest(hits) gives what the reference gives, hit for hit.
void check_as_reference(const std::vector<PhraseHit>& hits) {
    const auto expected = select_longest_reference(hits);
    const auto found = select_longest(hits);
    REQUIRE(found.size() == expected.size());
    for (std::size_t k = 0; k < found.size(); ++k) {
        CHECK(found[k].begin == expected[k].begin);
        CHECK(found[k].end == expected[k].end);
        CHECK(found[k].payload == expected[k].payload);
    }
}

}  // namespace

TEST_CASE("select_longest keeps what the overlap policy keeps, ties in their order", "[extract][match]") {
    std::mt19937 random(42);
    for (int round = 0; round < 2000; ++round) {
        std::uniform_int_distribution<std::size_t> count(0, round % 2 ? 8 : 60);  // both sides of the insertion sorts (32 hits, 16 kept)
        std::uniform_int_distribution<std::size_t> at(0, 30), length(0, 4);
        std::vector<PhraseHit> hits(count(random));
        for (std::uint32_t i = 0; i < hits.size(); ++i) {
            hits[i].begin = at(random);
            hits[i].end = hits[i].begin + length(random);  // empty hits and equal spans included
            hits[i].payload = i;
        }
        check_as_reference(hits);
    }
}

TEST_CASE("select_longest keeps the outermost hit of each nest of hits given by end offset [issue7]", "[extract][match][issue7]") {
    // Hits as find_all gives them (by end offset, longest first): nests of hits inside an outer
    // one, the same span twice, and now and then a hit that overlaps another in part (which the
    // sorts choose among): the policy's answer each time, ties in their order.
    std::mt19937 random(39);
    for (int round = 0; round < 3000; ++round) {
        std::vector<PhraseHit> hits;
        std::uint32_t payload = 0;
        for (std::size_t at = random() % 3; at < 60; at += 1 + random() % 4) {
            const std::size_t outer_length = 1 + random() % 8;
            const std::size_t inner = random() % 4;
            hits.push_back({at, at + outer_length, payload++});
            for (std::size_t k = 0; k < inner; ++k) {
                const std::size_t begin = at + random() % outer_length;
                const std::size_t end = begin + 1 + random() % (at + outer_length - begin);
                hits.push_back({begin, end, payload++});
            }
            if (random() % 5 == 0) hits.push_back({at, at + outer_length, payload++});  // the same span again
            if (round % 3 == 0 && random() % 6 == 0) hits.push_back({at + outer_length - 1, at + outer_length + 2, payload++});
            at += outer_length;
        }
        std::stable_sort(hits.begin(), hits.end(), [](const PhraseHit& a, const PhraseHit& b) {
            return a.end != b.end ? a.end < b.end : a.end - a.begin > b.end - b.begin;
        });
        check_as_reference(hits);
    }
    // 中国移动 (0-4) with 中国 and 移动 inside, then 移动 alone: the outer name and the later word.
    const auto kept = select_longest({{0, 2, 1}, {2, 4, 2}, {0, 4, 3}, {6, 8, 4}});
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].payload == 3);
    CHECK(kept[1].payload == 4);
}

TEST_CASE("a matcher of more states than 16-bit moves hold finds what a brute-force search finds [issue7]",
          "[extract][match][issue7]") {
    // Up to 32,768 states the automaton's moves are 16 bits wide, past that 32: both must match alike.
    std::mt19937 rng(7);
    static const std::vector<std::string> alphabet = {"a", "b", "c", "d", "e", "f", "g", "h", "X", "1", " ", "中", "国"};
    std::vector<std::string> phrases;
    std::set<std::string> prefixes;  // the trie's states, the root aside
    while (prefixes.size() <= 40'000) {
        std::string p;
        for (std::size_t i = 0, n = 5 + rng() % 8; i < n; ++i) p += alphabet[rng() % alphabet.size()];
        phrases.push_back(p);
        std::string lowered;
        for (char c : p) prefixes.insert(lowered += lower_ascii(c));
    }
    CHECK(prefixes.size() + 1 > 32'768);
    PhraseMatcher m;
    for (std::size_t p = 0; p < phrases.size(); ++p) m.add(phrases[p], static_cast<std::uint32_t>(100 + p));
    m.compile();
    // A text of phrases and noise, so that there is much to find.
    std::string text;
    for (int i = 0; i < 60; ++i) text += (rng() % 2 ? phrases[rng() % phrases.size()] : alphabet[rng() % alphabet.size()]) + " ";
    const auto want = reference_hits(phrases, text, 0, text.size());
    const auto got = m.find_all(text);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].begin == want[i].begin);
        CHECK(got[i].end == want[i].end);
        CHECK(got[i].payload == want[i].payload);
    }
    CHECK(want.size() > 20);
    const auto in_ranges = m.find_all_in(text, {{0, text.size()}, {0, text.size()}, {5, text.size()}});
    REQUIRE(in_ranges.size() == 3);
    CHECK(in_ranges[0].size() == want.size());
    CHECK(in_ranges[1].size() == want.size());
    CHECK(in_ranges[2].size() == m.find_all(text, 5, text.size()).size());
    for (std::size_t at = 0; at < text.size(); ++at) {
        std::size_t longest = 0;
        for (const auto& h : want)
            if (h.begin == at) longest = std::max(longest, h.end - h.begin);
        CHECK(m.longest_at(text, at, text.size()) == longest);
    }
}

TEST_CASE("find_all_in gives each range what find_all gives it [issue7]", "[extract][match][issue7]") {
    // The ranges are scanned side by side, four lanes each taking a run of them: counts that do
    // not share out evenly, more ranges than lanes, empty, reversed and overlapping ranges included.
    std::mt19937 rng(11);
    for (int round = 0; round < 300; ++round) {
        PhraseMatcher m;
        for (std::size_t i = 0, n = 1 + rng() % 12; i < n; ++i)
            m.add(random_string(rng, 1 + rng() % 4), static_cast<std::uint32_t>(i));
        m.compile();
        const std::string text = random_string(rng, 60);
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        for (std::size_t i = 0, n = rng() % 20; i < n; ++i) {
            const std::size_t a = rng() % (text.size() + 1);
            ranges.emplace_back(a, std::min(text.size(), a + rng() % 40));
        }
        const auto all = m.find_all_in(text, ranges);
        REQUIRE(all.size() == ranges.size());
        for (std::size_t r = 0; r < ranges.size(); ++r) {
            const auto want = m.find_all(text, ranges[r].first, ranges[r].second);
            INFO("round " << round << ", range " << r);
            REQUIRE(all[r].size() == want.size());
            for (std::size_t i = 0; i < want.size(); ++i) {
                CHECK(all[r][i].begin == want[i].begin);
                CHECK(all[r][i].end == want[i].end);
                CHECK(all[r][i].payload == want[i].payload);
            }
        }
    }
}

TEST_CASE("find_all_split_in gives each range what find_all_split gives it, sentences side by side [issue7]",
          "[extract][match][issue7]") {
    // The sentence dictionaries (DictionarySet) scan a window's sentences side by side: each
    // sentence's lists must get its own hits, each dictionary's in find_all's order, whatever
    // lane scanned it and wherever the lanes' runs were cut (one sentence much longer than the
    // others, empty ones, sentences one after another as the Extractor asks, and anywhere).
    std::mt19937 rng(43);
    constexpr unsigned kShift = 28;
    std::size_t compared = 0;
    for (int round = 0; round < 300; ++round) {
        PhraseMatcher m;
        for (std::size_t i = 0, n = 1 + rng() % 12; i < n; ++i)
            m.add(random_string(rng, 1 + rng() % 4), static_cast<std::uint32_t>((rng() % 3) << kShift | i));
        m.compile();
        const std::string text = random_string(rng, 120);
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        for (std::size_t i = 0, at = 0, n = rng() % 24; i < n; ++i) {
            const std::size_t a = round % 2 == 0 ? at : rng() % (text.size() + 1);
            const std::size_t length = i == 1 ? rng() % 100 : rng() % 12;
            ranges.emplace_back(a, std::min(text.size(), a + length));
            at = ranges.back().second;
        }
        std::vector<std::array<std::vector<PhraseHit>, 3>> got(ranges.size());
        std::vector<std::array<std::vector<PhraseHit>*, 3>> pointers;
        std::vector<std::vector<PhraseHit>* const*> lists_of;
        pointers.reserve(ranges.size());
        for (auto& lists : got) {
            pointers.push_back({&lists[0], &lists[1], &lists[2]});
            lists_of.push_back(pointers.back().data());
        }
        m.find_all_split_in(text, ranges, kShift, lists_of);
        for (std::size_t r = 0; r < ranges.size(); ++r) {
            std::array<std::vector<PhraseHit>, 3> want;
            std::vector<PhraseHit>* const want_lists[] = {&want[0], &want[1], &want[2]};
            m.find_all_split(text, ranges[r].first, ranges[r].second, kShift, want_lists);
            for (std::size_t d = 0; d < 3; ++d) {
                INFO("round " << round << ", range " << r << ", dictionary " << d);
                REQUIRE(got[r][d].size() == want[d].size());
                for (std::size_t i = 0; i < want[d].size(); ++i) {
                    CHECK(got[r][d][i].begin == want[d][i].begin);
                    CHECK(got[r][d][i].end == want[d][i].end);
                    CHECK(got[r][d][i].payload == want[d][i].payload);
                }
                compared += want[d].size();
            }
        }
    }
    CHECK(compared > 1000);  // the lists compared held hits
}

TEST_CASE("find_all_in into kept lists gives each range its own hits, none left from before", "[extract][match]") {
    // The Extractor's sentence slots keep their alias lists from one window to the next: what a
    // list held for the window before must not stay among the hits of its new range, on the
    // automaton (two ranges at a time) or on Hyperscan (one scan, the hits shared out).
    std::mt19937 rng(29);
    for (const auto scan : {PhraseMatcher::Scan::automaton, PhraseMatcher::Scan::hyperscan_if_available}) {
        std::vector<std::vector<PhraseHit>> kept(5);
        std::vector<std::vector<PhraseHit>*> lists;
        for (auto& list : kept) lists.push_back(&list);
        std::size_t stale = 0;  // hits a list held when it was filled again
        for (int round = 0; round < 200; ++round) {
            PhraseMatcher m;
            for (std::size_t i = 0, n = 1 + rng() % 12; i < n; ++i)
                m.add(random_string(rng, 1 + rng() % 4), static_cast<std::uint32_t>(i));
            m.compile(scan);
            const std::string text = random_string(rng, 60);
            // Sentences one after another (as the Extractor asks) in even rounds, anywhere in odd ones.
            std::vector<std::pair<std::size_t, std::size_t>> ranges;
            for (std::size_t i = 0, at = 0, n = 1 + rng() % kept.size(); i < n; ++i) {
                const std::size_t a = round % 2 == 0 ? at : rng() % (text.size() + 1);
                ranges.emplace_back(a, std::min(text.size(), a + rng() % 30));
                at = ranges.back().second;
            }
            for (std::size_t r = 0; r < ranges.size(); ++r) stale += kept[r].size();
            m.find_all_in(text, ranges, lists.data());
            for (std::size_t r = 0; r < ranges.size(); ++r) {
                const auto want = m.find_all(text, ranges[r].first, ranges[r].second);
                INFO("round " << round << ", range " << r);
                REQUIRE(kept[r].size() == want.size());
                for (std::size_t i = 0; i < want.size(); ++i) {
                    CHECK(kept[r][i].begin == want[i].begin);
                    CHECK(kept[r][i].end == want[i].end);
                    CHECK(kept[r][i].payload == want[i].payload);
                }
            }
        }
        CHECK(stale > 100);  // the lists did hold hits from before
    }
}

TEST_CASE("a sentence's hits, up to 42, stay in the room their list got with the first one", "[extract][match]") {
    // Room for 16 hits grew to 32 and then 64, a reallocation and a copy each time: 40 hits came
    // in a list of room for 64. Room for a sentence's worth at once holds them in 1 KB.
    PhraseMatcher m;
    m.add("词", 0);
    m.compile();
    std::string text;
    for (int i = 0; i < 40; ++i) text += "词";
    const auto hits = m.find_all(text);
    REQUIRE(hits.size() == 40);
    CHECK(hits.capacity() * sizeof(PhraseHit) <= 1024);
}
