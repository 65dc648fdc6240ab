#pragma once
// Scoring extracted events against gold, as the development set's README prescribes.
//
// Per article, distinct extracted triples (subject id, relation, object id) are compared with
// the gold triples. An entity matches when its label or id equals one of the gold names after
// NFKC, Traditional→Simplified folding and case folding (strict), or when one contains the
// other (loose). Relations match when equal or in the same synonym group; role relations
// (`ceo of`, `professor at`) match one another. Direction matters. Dates are scored on matched
// gold triples with a date: equal, or one a prefix of the other. Negated and hypothetical
// events are left out, as the gold leaves them out.
// Thread safety: score() may be called concurrently.
#include <string>
#include <vector>

#include "core/event.hpp"
#include "eval/gold_set.hpp"

namespace chronokg {

class Normalizer;

struct ScoreCounts {
    std::size_t extracted = 0;
    std::size_t extracted_matched = 0;
    std::size_t gold = 0;
    std::size_t gold_matched = 0;
    std::size_t dated = 0;          // matched gold triples with a gold date
    std::size_t dated_correct = 0;

    double precision() const { return extracted ? double(extracted_matched) / double(extracted) : 0.0; }
    double recall() const { return gold ? double(gold_matched) / double(gold) : 0.0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    double date_accuracy() const { return dated ? double(dated_correct) / double(dated) : 0.0; }
    ScoreCounts& operator+=(const ScoreCounts& o);
};

struct ArticleScore {
    std::string name;
    std::string language;  // "en", "zh-Hans" or "zh-Hant"
    ScoreCounts strict;
    ScoreCounts loose;
    std::vector<std::string> missed;           // gold triples not found (strict), as text
    std::vector<std::string> false_positives;  // extracted triples matching no gold (strict)
    std::vector<std::string> wrong_dates;      // matched gold triples (strict) whose date none of the events gave
};

class Scorer {
public:
    explicit Scorer(const Normalizer& normalizer);

    ArticleScore score(const GoldArticle& gold, const std::string& article_text, const std::vector<Event>& events) const;

    // Whether two relations count as the same (equal, same synonym group, or both roles).
    static bool same_relation(const std::string& a, const std::string& b);

private:
    std::string key(const std::string& name) const;
    bool names_match(const EntityRef& entity, const std::vector<std::string>& gold, bool loose) const;

    const Normalizer& normalizer_;
};

}  // namespace chronokg
