#include "extract/relation_lexicon.hpp"

#include <algorithm>

#include "extract/normalizer.hpp"

namespace chronokg {
namespace {

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(' ');
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(' ');
    return s.substr(b, e - b + 1);
}

}  // namespace

RelationLexicon::RelationLexicon(const RulePack& pack, const Normalizer& normalizer)
    : relations_(pack.relations()),
      roles_(pack.roles()),
      inflection_([&] {
          std::vector<std::string> lines = pack.lexicon("irregular_verbs").en;
          return lines;
      }()) {
    for (std::uint32_t r = 0; r < relations_.size(); ++r) {
        for (const auto& p : relations_[r].zh) add_zh(p, r, zh_verbs_, patterns_, normalizer);
        for (const auto& p : relations_[r].en) add_en(p, r, en_verbs_, patterns_, normalizer, true);
    }
    for (std::uint32_t r = 0; r < roles_.size(); ++r) {
        for (const auto& p : roles_[r].zh) add_zh(p, r, zh_roles_, role_patterns_, normalizer);
        for (const auto& p : roles_[r].en) add_en(p, r, en_roles_, role_patterns_, normalizer, false);
    }
    zh_verbs_.compile();
    en_verbs_.compile();
    zh_roles_.compile();
    en_roles_.compile();
}

void RelationLexicon::add_zh(const std::string& written, std::uint32_t relation, PhraseMatcher& matcher,
                             std::vector<VerbPattern>& patterns, const Normalizer& normalizer) {
    const std::string folded = normalizer.fold(written);
    VerbPattern p{relation, "", "", written, false};
    std::string verb = folded;
    if (const auto slot = folded.find("{O}"); slot != std::string::npos) {
        p.before = trim(folded.substr(0, slot));
        verb = trim(folded.substr(slot + 3));
        if (verb.empty()) {  // "撤销{O}": the object simply follows
            verb = p.before;
            p.before.clear();
        } else if (p.before.empty()) {  // "{O}暂停实施": the object comes first
            p.object_before = true;
        }
    }
    // `提供…资助`: the verb is the part before the ellipsis (NFKC folds … to ...), the rest a word
    // that follows it within a few characters (提供高达64亿美元的直接资助).
    for (const std::string_view gap : {"...", "…"})
        if (const auto at = verb.find(gap); at != std::string::npos) {
            p.after_gap = trim(verb.substr(at + gap.size()));
            verb = trim(verb.substr(0, at));
            break;
        }
    matcher.add(verb, static_cast<std::uint32_t>(patterns.size()));
    patterns.push_back(std::move(p));
}

void RelationLexicon::add_en(const std::string& written, std::uint32_t relation, PhraseMatcher& matcher,
                             std::vector<VerbPattern>& patterns, const Normalizer& normalizer, bool inflect) {
    const std::string folded = normalizer.fold(written);
    std::string head = folded;
    std::string tail;
    if (const auto slot = folded.find("{O}"); slot != std::string::npos) {
        head = trim(folded.substr(0, slot));
        tail = trim(folded.substr(slot + 3));
    }
    if (!inflect) {
        matcher.add(head, static_cast<std::uint32_t>(patterns.size()));
        patterns.push_back(VerbPattern{relation, "", tail, written, false});
        return;
    }
    const auto space = head.find(' ');
    const std::string lemma = head.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : head.substr(space);
    const VerbForms f = inflection_.forms(lemma);
    std::vector<std::string> seen;
    for (const auto& [form, participle] : {std::pair{f.lemma, false}, std::pair{f.third_person, false},
                                           std::pair{f.past, f.past == f.past_participle},
                                           std::pair{f.gerund, false}, std::pair{f.past_participle, true}}) {
        const std::string phrase = form + rest;
        if (std::find(seen.begin(), seen.end(), phrase) != seen.end()) continue;
        seen.push_back(phrase);
        matcher.add(phrase, static_cast<std::uint32_t>(patterns.size()));
        patterns.push_back(VerbPattern{relation, "", tail, written, participle});
    }
}

}  // namespace chronokg
