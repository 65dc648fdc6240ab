// `chronokg_bench aliases CORPUS`: the rule pack's entity aliases matched over a corpus by
// chronokg's PhraseMatcher and, when built with it, by Hyperscan, with the same semantics
// (ASCII case-insensitive except all-capital aliases, whole words for Latin aliases, every
// overlapping hit ordered by end then length). Prints one JSON object: MB/s of each, calling
// once a sentence (as extraction does) and once a document, and whether the hits agree.
#include <algorithm>
#include <memory>
#include <tuple>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "extract/normalizer.hpp"
#include "extract/phrase_matcher.hpp"
#include "extract/rule_pack.hpp"
#include "extract/segmenter.hpp"

#ifdef CHRONOKG_BENCH_HYPERSCAN
#include <hs/hs.h>
#endif

namespace chronokg::bench {
namespace {

struct Alias {
    std::string folded;
    bool exact_case;
};

// Every distinct folded alias and label of the pack's entities.
std::vector<Alias> folded_aliases(const RulePack& pack, const Normalizer& normalizer) {
    std::vector<Alias> aliases;
    std::set<std::string> seen;
    for (const auto& rule : pack.entities()) {
        std::vector<std::string> names = rule.aliases;
        names.push_back(rule.label);
        for (const auto& name : names) {
            std::string folded = normalizer.fold(name);
            if (folded.find_first_not_of(' ') == std::string::npos || !seen.insert(folded).second) continue;
            const bool lower = std::any_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            const bool upper = std::any_of(folded.begin(), folded.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
            aliases.push_back({std::move(folded), upper && !lower});
        }
    }
    return aliases;
}

struct Text {
    std::string folded;
    std::vector<TextRange> sentences;
};

using Hits = std::vector<PhraseHit>;

#ifdef CHRONOKG_BENCH_HYPERSCAN
// The same job with Hyperscan's literal matcher, plus the word-edge check it cannot express.
class HyperscanAliases {
public:
    explicit HyperscanAliases(const std::vector<Alias>& aliases) {
        std::vector<const char*> expressions;
        std::vector<unsigned> flags, ids;
        std::vector<std::size_t> lengths;
        for (std::size_t i = 0; i < aliases.size(); ++i) {
            const std::string& a = aliases[i].folded;
            expressions.push_back(a.c_str());
            flags.push_back(aliases[i].exact_case ? 0 : HS_FLAG_CASELESS);
            ids.push_back(static_cast<unsigned>(i));
            lengths.push_back(a.size());
            length_.push_back(a.size());
            word_start_.push_back(is_word(a.front()));
            word_end_.push_back(is_word(a.back()));
        }
        hs_compile_error_t* error = nullptr;
        if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                                 static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &db_, &error) != HS_SUCCESS) {
            std::fprintf(stderr, "hyperscan: %s\n", error->message);
            hs_free_compile_error(error);
            std::exit(1);
        }
        hs_alloc_scratch(db_, &scratch_);
    }
    ~HyperscanAliases() {
        hs_free_scratch(scratch_);
        hs_free_database(db_);
    }

    Hits find_all(std::string_view text, std::size_t begin, std::size_t end) const {
        Context context{this, text, begin, {}};
        hs_scan(db_, text.data() + begin, static_cast<unsigned>(end - begin), 0, scratch_, on_match, &context);
        // PhraseMatcher's order: by end, longest first, then in the order phrases were added.
        std::sort(context.hits.begin(), context.hits.end(), [](const PhraseHit& a, const PhraseHit& b) {
            if (a.end != b.end) return a.end < b.end;
            if (a.begin != b.begin) return a.begin < b.begin;
            return a.payload < b.payload;
        });
        return context.hits;
    }

private:
    struct Context {
        const HyperscanAliases* self;
        std::string_view text;
        std::size_t begin;
        Hits hits;
    };
    static bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
    static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
    static bool is_word(char c) { return is_letter(static_cast<unsigned char>(c)) || is_digit(static_cast<unsigned char>(c)); }
    static bool same_class(char a, char b) {
        const auto x = static_cast<unsigned char>(a), y = static_cast<unsigned char>(b);
        return (is_letter(x) && is_letter(y)) || (is_digit(x) && is_digit(y));
    }
    static int on_match(unsigned id, unsigned long long, unsigned long long to, unsigned, void* data) {
        auto& c = *static_cast<Context*>(data);
        const HyperscanAliases& self = *c.self;
        const std::size_t end = c.begin + to;
        const std::size_t begin = end - self.length_[id];
        if (self.word_start_[id] && begin > 0 && same_class(c.text[begin - 1], c.text[begin])) return 0;
        if (self.word_end_[id] && end < c.text.size()) {
            if (same_class(c.text[end - 1], c.text[end])) return 0;
            // As PhraseMatcher: a model number goes on in a letter (`910` is not `910D`).
            if (is_digit(static_cast<unsigned char>(c.text[end - 1])) && is_letter(static_cast<unsigned char>(c.text[end])))
                return 0;
        }
        c.hits.push_back({begin, end, id});
        return 0;
    }

    hs_database_t* db_ = nullptr;
    hs_scratch_t* scratch_ = nullptr;
    std::vector<std::size_t> length_;
    std::vector<bool> word_start_, word_end_;
};
#endif

struct Measured {
    double compile_s = 0;
    double sentence_mb_s = 0;
    double document_mb_s = 0;
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

    const Measured ours = measure(texts, [&] {
        auto m = std::make_unique<PhraseMatcher>();
        for (std::size_t i = 0; i < aliases.size(); ++i) m->add(aliases[i].folded, static_cast<std::uint32_t>(i));
        m->compile();
        return m;
    });
    std::printf("{\"aliases\":%zu,\"folded_mb\":%.1f,\"sentences\":%zu,\"hits\":%zu,"
                "\"phrase_matcher\":{\"compile_s\":%.3f,\"sentence_mb_s\":%.1f,\"document_mb_s\":%.1f}",
                aliases.size(), static_cast<double>(bytes) / 1e6, ours.kept.size(), ours.hits, ours.compile_s,
                ours.sentence_mb_s, ours.document_mb_s);
#ifdef CHRONOKG_BENCH_HYPERSCAN
    const Measured hs = measure(texts, [&] { return std::make_unique<HyperscanAliases>(aliases); });
    std::printf(",\"hyperscan\":{\"compile_s\":%.3f,\"sentence_mb_s\":%.1f,\"document_mb_s\":%.1f,\"same_hits\":%s}",
                hs.compile_s, hs.sentence_mb_s, hs.document_mb_s, same_hits(ours.kept, hs.kept) ? "true" : "false");
#endif
    std::printf("}\n");
    return 0;
}

}  // namespace chronokg::bench
