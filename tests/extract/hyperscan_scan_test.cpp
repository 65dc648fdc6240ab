#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "extract/hyperscan_scan.hpp"
#include "extract/normalizer.hpp"
#include "extract/phrase_matcher.hpp"
#include "extract/rule_pack.hpp"
#include "extract/segmenter.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {

std::string hits_text(const std::vector<PhraseHit>& hits) {
    std::string out;
    for (const auto& h : hits)
        out += fmt::format("[{},{})#{} ", h.begin, h.end, h.payload);
    return out;
}

// The same phrases, in the same order, into two matchers: one scanning with its automaton, one
// with Hyperscan where the build has it.
void add_both(PhraseMatcher& automaton, PhraseMatcher& hyperscan, std::string_view phrase, std::uint32_t payload) {
    automaton.add(phrase, payload);
    hyperscan.add(phrase, payload);
}

}  // namespace

TEST_CASE("Hyperscan finds the aliases' hits exactly as the automaton does, in its order",
          "[extract][match][issue7]") {
    // The entity aliases are scanned with Hyperscan where the build has it; the rules read the
    // hits in the automaton's order (by end, longest first, then the order added).
    const RulePack pack = test::default_pack();
    const Normalizer& normalizer = Normalizer::shared();
    PhraseMatcher automaton, hyperscan;
    std::set<std::string> seen;
    std::uint32_t payload = 0;
    for (const auto& rule : pack.entities()) {
        std::vector<std::string> names = rule.aliases;
        names.push_back(rule.label);
        for (const auto& name : names) {
            const std::string folded = normalizer.fold(name);
            if (folded.find_first_not_of(' ') == std::string::npos || !seen.insert(folded).second) continue;
            add_both(automaton, hyperscan, folded, payload++);
        }
    }
    // Edge cases: one phrase under two payloads (order added decides), overlapping hits of one
    // phrase, a mixed-case phrase and its all-capital twin, phrases that end in digits, and
    // non-ASCII bytes that a Latin-1 case rule would take for letters (É is C3 89, é C3 A9).
    for (const char* phrase : {"aa", "AA", "Café", "Model 910", "é", "x86", "ÉÉ"})
        add_both(automaton, hyperscan, normalizer.fold(phrase), payload++);
    add_both(automaton, hyperscan, "aa", payload++);
    automaton.compile();
    hyperscan.compile(PhraseMatcher::Scan::hyperscan_if_available);
    CHECK_FALSE(automaton.scans_with_hyperscan());
    CHECK(hyperscan.scans_with_hyperscan() == HyperscanScan::available());

    std::vector<std::string> texts;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/examples/articles"))
        texts.push_back(normalizer.normalize(test::read_file(entry.path().string())).text);
    texts.push_back("aa AA aA aaaa café CAFÉ Cafe\xcc\x81 caf\xc3\x89 Model 910D, model 910 and MODEL 9100; x86-64 x86s");
    texts.push_back("\xc3\xa9\xc3\x89\xc3\x89 \xe3\x89\xa9 \xc3\x89\xc3\x89\xc3\x89");
    const Segmenter segmenter({});
    std::size_t hits = 0, ranges = 0;
    for (const std::string& text : texts) {
        std::vector<std::pair<std::size_t, std::size_t>> sentence_ranges;
        for (const auto& s : segmenter.split(text)) sentence_ranges.emplace_back(s.range.begin, s.range.end);
        // Ranges that start and end inside words and characters, and an empty one.
        sentence_ranges.emplace_back(0, text.size());
        sentence_ranges.emplace_back(text.size() / 3 + 1, text.size() - text.size() / 4);
        sentence_ranges.emplace_back(text.size() / 2, text.size() / 2);
        for (const auto& [begin, end] : sentence_ranges) {
            const auto expected = automaton.find_all(text, begin, end);
            const auto found = hyperscan.find_all(text, begin, end);
            INFO("range [" << begin << ", " << end << ") of a text of " << text.size() << " bytes");
            CHECK(hits_text(found) == hits_text(expected));
            hits += expected.size();
            ++ranges;
        }
        // find_all_in over ranges that overlap, over the sentences alone (one after another, as
        // the Extractor asks, so Hyperscan scans them at once), and over short pieces with gaps
        // between them, cut inside words and characters: hits that cross a piece's edge belong
        // to no piece.
        std::vector<std::pair<std::size_t, std::size_t>> pieces;
        for (std::size_t at = 0; at + 7 <= text.size(); at += 9) pieces.emplace_back(at, at + 7);
        const std::size_t sentences = sentence_ranges.size() - 3;
        for (const auto& in : {sentence_ranges, decltype(sentence_ranges)(sentence_ranges.begin(),
                                                                          sentence_ranges.begin() + sentences),
                               pieces}) {
            const auto expected_in = automaton.find_all_in(text, in);
            const auto found_in = hyperscan.find_all_in(text, in);
            REQUIRE(found_in.size() == expected_in.size());
            for (std::size_t i = 0; i < found_in.size(); ++i) CHECK(hits_text(found_in[i]) == hits_text(expected_in[i]));
        }
    }
    // The comparison covered hits of every kind above, not only empty lists.
    CHECK(hits > 1000);
    CHECK(ranges > 100);
    // Hits of one span under several payloads, and overlapping hits of one phrase, were there.
    const std::string edge_text = texts[texts.size() - 2];
    const auto edge_hits = hyperscan.find_all(edge_text, 0, edge_text.size());
    CHECK(std::count_if(edge_hits.begin(), edge_hits.end(), [&](const PhraseHit& h) { return h.begin == 0 && h.end == 2; }) == 2);
    const std::string overlap_text = texts.back();
    const auto overlap_hits = hyperscan.find_all(overlap_text, 0, overlap_text.size());
    CHECK(std::count_if(overlap_hits.begin(), overlap_hits.end(), [&](const PhraseHit& h) {
              return overlap_text.substr(h.begin, h.end - h.begin) == "\xc3\x89\xc3\x89";
          }) == 3);
}

TEST_CASE("hits split by payload come the same from Hyperscan as from the automaton",
          "[extract][match][issue7]") {
    // PhraseMatcher::find_all_split (several dictionaries in one matcher, each payload's top
    // bits naming its dictionary) must give each dictionary exactly its hits, in order, whichever
    // engine scans.
    const Normalizer& normalizer = Normalizer::shared();
    PhraseMatcher automaton, hyperscan;
    constexpr unsigned kShift = 28;
    const std::vector<std::pair<std::size_t, const char*>> phrases = {
        {0, "对华"}, {0, "中美"}, {0, "the US"}, {1, "该公司"}, {1, "the company"}, {1, "the US"}, {0, "对"}, {1, "公司"}};
    std::uint32_t payload = 0;
    for (const auto& [dictionary, phrase] : phrases) {
        const auto split_payload = static_cast<std::uint32_t>(dictionary) << kShift | payload;
        automaton.add(normalizer.fold(phrase), split_payload);
        hyperscan.add(normalizer.fold(phrase), split_payload);
        ++payload;
    }
    automaton.compile();
    hyperscan.compile(PhraseMatcher::Scan::hyperscan_if_available);
    CHECK(hyperscan.scans_with_hyperscan() == HyperscanScan::available());
    const std::string text = normalizer.fold(
        "美国对华出口管制升级，该公司表示中美关系复杂。The company said the US and the USA, "
        "unlike the US-based company, 对公司对华");
    std::size_t hits = 0;
    for (const auto& [begin, end] : std::vector<std::pair<std::size_t, std::size_t>>{
             {0, text.size()}, {3, text.size() - 2}, {text.size() / 2, text.size()}}) {
        std::vector<PhraseHit> expected[2], found[2];
        std::vector<PhraseHit>* const expected_lists[2] = {&expected[0], &expected[1]};
        std::vector<PhraseHit>* const found_lists[2] = {&found[0], &found[1]};
        automaton.find_all_split(text, begin, end, kShift, expected_lists);
        hyperscan.find_all_split(text, begin, end, kShift, found_lists);
        for (std::size_t d = 0; d < 2; ++d) {
            INFO("dictionary " << d << ", range [" << begin << ", " << end << ")");
            CHECK(hits_text(found[d]) == hits_text(expected[d]));
            hits += expected[d].size();
        }
    }
    CHECK(hits > 12);
}

TEST_CASE("Hyperscan matches a phrase without case wherever its Latin letters stand, and one with none by its bytes",
          "[extract][match]") {
    // Only phrases that hold an ASCII letter go to Hyperscan caseless (the others match the same
    // bytes either way and scan faster exact): a letter after CJK characters or digits still makes
    // the phrase caseless.
    if (!HyperscanScan::available()) return;
    const HyperscanScan scan({{"华为mate", 0, false, false, true},
                              {"升腾910", 1, false, false, true},
                              {"5g手机", 2, false, true, false},
                              {"é", 3, false, false, false},
                              {"USA", 4, true, true, true}});
    const std::string text = "华为MATE、升腾910、5G手机、É é、usa USA";
    std::string found;
    for (const PhraseHit& h : scan.find_all(text, 0, text.size()))
        found += text.substr(h.begin, h.end - h.begin) + "#" + std::to_string(h.payload) + " ";
    CHECK(found == "华为MATE#0 升腾910#1 5G手机#2 é#3 USA#4 ");
}
