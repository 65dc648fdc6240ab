#include "eval/scorer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "extract/entity_catalog.hpp"
#include "extract/normalizer.hpp"

namespace chronokg {
namespace {

// The synonym groups of the development set's README.
const std::vector<std::vector<std::string>>& relation_groups() {
    static const std::vector<std::vector<std::string>> groups = {
        {"restricts", "bans", "blocks", "imposes", "imposes export controls on", "sanctions"},
        {"adds to", "adds to entity list", "adds to unverified list", "blacklists"},
        {"announces", "issues", "unveils", "publishes"},
        {"releases", "launches", "open-sources"},
        {"signs", "signs agreement with", "reaches agreement with", "reaches deal with", "enters into"},
        {"partners with", "collaborates with"},
        {"grants", "awards", "funds", "provides funding to"},
        {"builds", "builds in", "invests in"},
        {"produces", "manufactures", "makes"},
        {"takes control of", "takes over"},
        {"owns", "owner of", "parent of"},
        {"suspends", "pauses", "lifts"},
    };
    return groups;
}

int group_of(const std::string& relation) {
    const auto& groups = relation_groups();
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (std::find(groups[g].begin(), groups[g].end(), relation) != groups[g].end()) return static_cast<int>(g);
    return -1;
}

bool is_role(const std::string& relation) {
    if (group_of(relation) >= 0) return false;
    auto ends = [&](const char* tail) {
        const std::string t = tail;
        return relation.size() > t.size() && relation.compare(relation.size() - t.size(), t.size(), t) == 0;
    };
    return ends(" of") || ends(" at");
}

std::string language_of(const Normalizer& normalizer, const std::string& text) {
    std::size_t hanzi = 0;
    std::size_t traditional = 0;
    std::size_t latin = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = utf8::decode(text, pos);
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) ++latin;
        if (cp < 0x4E00 || cp > 0x9FFF) continue;
        ++hanzi;
        if (normalizer.fold(std::string_view(text).substr(start, pos - start)) != text.substr(start, pos - start))
            ++traditional;
    }
    if (hanzi * 2 < latin) return "en";
    return traditional * 25 > hanzi ? "zh-Hant" : "zh-Hans";
}

std::string triple_text(const std::string& s, const std::string& r, const std::string& o, const std::string& date) {
    return s + " | " + r + " | " + o + (date.empty() ? "" : " (" + date + ")");
}

}  // namespace

ScoreCounts& ScoreCounts::operator+=(const ScoreCounts& o) {
    extracted += o.extracted;
    extracted_matched += o.extracted_matched;
    gold += o.gold;
    gold_matched += o.gold_matched;
    dated += o.dated;
    dated_correct += o.dated_correct;
    return *this;
}

Scorer::Scorer(const Normalizer& normalizer) : normalizer_(normalizer) {}

bool Scorer::same_relation(const std::string& a, const std::string& b) {
    if (a == b) return true;
    const int ga = group_of(a);
    if (ga >= 0 && ga == group_of(b)) return true;
    return is_role(a) && is_role(b);
}

std::string Scorer::key(const std::string& name) const {
    std::string k = ascii_lower(normalizer_.fold(name));
    const auto b = k.find_first_not_of(' ');
    const auto e = k.find_last_not_of(' ');
    return b == std::string::npos ? "" : k.substr(b, e - b + 1);
}

bool Scorer::names_match(const EntityRef& entity, const std::vector<std::string>& gold, bool loose) const {
    const std::string label = key(entity.label);
    const std::string id = key(entity.id);
    for (const auto& name : gold) {
        const std::string g = key(name);
        if (g.empty()) continue;
        if (g == label || g == id) return true;
        if (loose && !label.empty() &&
            (label.find(g) != std::string::npos || g.find(label) != std::string::npos))
            return true;
    }
    return false;
}

ArticleScore Scorer::score(const GoldArticle& gold, const std::string& article_text,
                           const std::vector<Event>& events) const {
    ArticleScore result;
    result.name = gold.name;
    result.language = language_of(normalizer_, article_text);

    // Distinct extracted triples (asserted, planned or reported; not negated or hypothetical).
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<const Event*>> extracted;
    for (const auto& e : events) {
        if (e.polarity == Polarity::negative || e.modality == Modality::hypothetical) continue;
        extracted[{e.subject.id, e.relation, e.object.id}].push_back(&e);
    }
    // Distinct gold triples: the same names and relation stated twice count once.
    std::vector<const GoldEvent*> gold_events;
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (const auto& g : gold.events)
        if (seen.insert({key(g.subject.front()), g.relation, key(g.object.front())}).second) gold_events.push_back(&g);

    for (const bool loose : {false, true}) {
        ScoreCounts counts;
        counts.extracted = extracted.size();
        counts.gold = gold_events.size();
        std::set<const std::vector<const Event*>*> used;
        for (const GoldEvent* g : gold_events) {
            std::vector<const Event*> matched;  // every extracted event of every matching triple
            for (const auto& [triple, list] : extracted) {
                const Event& e = *list.front();
                if (same_relation(e.relation, g->relation) && names_match(e.subject, g->subject, loose) &&
                    names_match(e.object, g->object, loose)) {
                    matched.insert(matched.end(), list.begin(), list.end());
                    used.insert(&list);
                }
            }
            if (matched.empty()) {
                if (!loose)
                    result.missed.push_back(triple_text(g->subject.front(), g->relation, g->object.front(),
                                                        g->date ? g->date->iso() : ""));
                continue;
            }
            ++counts.gold_matched;
            if (g->date) {
                ++counts.dated;
                const std::string want = g->date->iso();
                const bool right = std::any_of(matched.begin(), matched.end(), [&](const Event* e) {
                    if (!e->date) return false;
                    const std::string got = e->date->iso();
                    return got.rfind(want, 0) == 0 || want.rfind(got, 0) == 0;
                });
                if (right) {
                    ++counts.dated_correct;
                } else if (!loose) {
                    std::string got;
                    for (const Event* e : matched) got += (got.empty() ? "" : ", ") + (e->date ? e->date->iso() : "none");
                    result.wrong_dates.push_back(triple_text(g->subject.front(), g->relation, g->object.front(), want) +
                                                 ": got " + got);
                }
            }
        }
        counts.extracted_matched = used.size();
        if (!loose) {
            for (const auto& [triple, list] : extracted) {
                if (used.count(&list)) continue;
                const Event& e = *list.front();
                result.false_positives.push_back(
                    triple_text(e.subject.label, e.relation, e.object.label, e.date ? e.date->iso() : ""));
            }
        }
        (loose ? result.loose : result.strict) = counts;
    }
    return result;
}

}  // namespace chronokg
