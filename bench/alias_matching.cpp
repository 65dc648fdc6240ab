// `chronokg_bench aliases CORPUS`: the rule pack's entity aliases matched over a corpus by
// chronokg's PhraseMatcher with its automaton and, when the library was built with it, with
// Hyperscan (HyperscanScan, as EntityCatalog scans). Prints one JSON object: MB/s of each, calling
// once a sentence, once a document, and once a document with its sentences side by side
// (find_all_in, as extraction does), and whether the hits agree.
#include <algorithm>
#include <memory>
#include <tuple>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "extract/hyperscan_scan.hpp"
#include "extract/normalizer.hpp"
#include "extract/phrase_matcher.hpp"
#include "extract/rule_pack.hpp"
#include "extract/segmenter.hpp"


namespace chronokg::bench {
namespace {

// Every distinct folded alias and label of the pack's entities.
std::vector<std::string> folded_aliases(const RulePack& pack, const Normalizer& normalizer) {
    std::vector<std::string> aliases;
    std::set<std::string> seen;
    for (const auto& rule : pack.entities()) {
        std::vector<std::string> names = rule.aliases;
        names.push_back(rule.label);
        for (const auto& name : names) {
            std::string folded = normalizer.fold(name);
            if (folded.find_first_not_of(' ') == std::string::npos || !seen.insert(folded).second) continue;
            aliases.push_back(std::move(folded));
        }
    }
    return aliases;
}

struct Text {
    std::string folded;
    std::vector<TextRange> sentences;
};

using Hits = std::vector<PhraseHit>;


struct Measured {
    double compile_s = 0;
    double sentence_mb_s = 0;
    double document_mb_s = 0;
    double window_mb_s = 0;      // a document's sentences in one call (find_all_in), as extraction does
    std::size_t hits = 0;        // per sentence
    std::vector<Hits> kept;      // per sentence, to compare
};

// Matches every sentence (as extraction does), then every whole document; twice each, the first
// pass warming the caches. `make` builds the matcher, timed as compile_s.
template <class Make>
Measured measure(const std::vector<Text>& texts, const Make& make) {
    Measured m;
    Stopwatch clock;
    const auto matcher = make();
    m.compile_s = clock.cpu();
    for (int pass = 0; pass < 2; ++pass) {
        m.kept.clear();
        std::size_t bytes = 0;
        clock.restart();
        for (const auto& t : texts)
            for (const auto& s : t.sentences) {
                m.kept.push_back(matcher->find_all(t.folded, s.begin, s.end));
                bytes += s.size();
            }
        m.sentence_mb_s = static_cast<double>(bytes) / 1e6 / clock.cpu();
    }
    m.hits = 0;
    for (const auto& k : m.kept) m.hits += k.size();
    for (int pass = 0; pass < 2; ++pass) {
        std::size_t bytes = 0;
        clock.restart();
        for (const auto& t : texts) {
            matcher->find_all(t.folded, 0, t.folded.size());
            bytes += t.folded.size();
        }
        m.document_mb_s = static_cast<double>(bytes) / 1e6 / clock.cpu();
    }
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::vector<Hits> lists;
    std::vector<Hits*> list_of;
    for (int pass = 0; pass < 2; ++pass) {
        std::size_t bytes = 0;
        clock.restart();
        for (const auto& t : texts) {
            ranges.clear();
            for (const auto& s : t.sentences) {
                ranges.emplace_back(s.begin, s.end);
                bytes += s.size();
            }
            if (lists.size() < ranges.size()) lists.resize(ranges.size());
            list_of.clear();
            for (auto& list : lists) list_of.push_back(&list);
            matcher->find_all_in(t.folded, ranges, list_of.data());
        }
        m.window_mb_s = static_cast<double>(bytes) / 1e6 / clock.cpu();
    }
    return m;
}

bool same_hits(const std::vector<Hits>& a, const std::vector<Hits>& b) {
    auto key = [](const PhraseHit& h) { return std::tuple(h.begin, h.end, h.payload); };
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [&](const Hits& x, const Hits& y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                          [&](const PhraseHit& p, const PhraseHit& q) { return key(p) == key(q); });
    });
}

}  // namespace

int aliases_command(const std::string& corpus, std::size_t max_bytes) {
    RulePack pack;
    pack.add(default_rules_path());
    const Normalizer& normalizer = Normalizer::shared();
    const Segmenter segmenter(pack.lexicon("abbreviations").en);
    const auto aliases = folded_aliases(pack, normalizer);

    std::vector<Text> texts;
    std::size_t bytes = 0;
    for_each_article(corpus, max_bytes, [&](Document& d) {
        Text t;
        t.folded = normalizer.normalize(d.text).text;
        for (const auto& s : segmenter.split(t.folded)) t.sentences.push_back(s.range);
        bytes += t.folded.size();
        texts.push_back(std::move(t));
    });

    // The same aliases scanned by the automaton and, where the build has it, by Hyperscan
    // (PhraseMatcher::Scan::hyperscan_if_available: what EntityCatalog uses).
    auto matcher = [&](PhraseMatcher::Scan scan) {
        return [&aliases, scan] {
            auto m = std::make_unique<PhraseMatcher>();
            for (std::size_t i = 0; i < aliases.size(); ++i) m->add(aliases[i], static_cast<std::uint32_t>(i));
            m->compile(scan);
            return m;
        };
    };
    const Measured ours = measure(texts, matcher(PhraseMatcher::Scan::automaton));
    std::printf("{\"aliases\":%zu,\"folded_mb\":%.1f,\"sentences\":%zu,\"hits\":%zu,"
                "\"phrase_matcher\":{\"compile_s\":%.3f,\"sentence_mb_s\":%.1f,\"document_mb_s\":%.1f,\"window_mb_s\":%.1f}",
                aliases.size(), static_cast<double>(bytes) / 1e6, ours.kept.size(), ours.hits, ours.compile_s,
                ours.sentence_mb_s, ours.document_mb_s, ours.window_mb_s);
    if (HyperscanScan::available()) {
        const Measured hs = measure(texts, matcher(PhraseMatcher::Scan::hyperscan_if_available));
        std::printf(",\"hyperscan\":{\"compile_s\":%.3f,\"sentence_mb_s\":%.1f,\"document_mb_s\":%.1f,"
                    "\"window_mb_s\":%.1f,\"same_hits\":%s}",
                    hs.compile_s, hs.sentence_mb_s, hs.document_mb_s, hs.window_mb_s, same_hits(ours.kept, hs.kept) ? "true" : "false");
    }
    std::printf("}\n");
    return 0;
}

}  // namespace chronokg::bench
