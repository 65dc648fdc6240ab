#pragma once
// chronokg::RelationLexicon — relation and role patterns compiled for matching.
//
// What it represents: for each language a PhraseMatcher over the verb part of every pattern.
// A Chinese pattern `与{O}合作` is found by its verb `合作` and then checked for `与` before it,
// with the object in between; `撤销` (or `撤销{O}`) takes its object after the verb. An English
// pattern `add {O} to the Entity List` is found by every form of `add` and then checked for
// `to the Entity List` after the object; passive forms (`was added to … by`) are found by the
// participle. Role titles (`首席执行官`, `CEO`) are matched the same way.
// Thread safety: immutable after construction.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/english_inflection.hpp"
#include "extract/phrase_matcher.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg {

class Normalizer;

struct VerbPattern {
    std::uint32_t relation = 0;  // index into RelationLexicon::relations() (or roles())
    std::string before;          // folded words that precede the object slot, before the verb
    std::string after_object;    // folded words that follow the object slot (English)
    std::string written;         // the pattern as written in the pack
    bool participle = false;     // English past participle form (passive candidate)
    bool object_before = false;  // `{O}暂停实施`: the object stands right before the verb
    std::string after_gap{};     // `向{O}提供…资助`: a word that must follow the verb closely (an amount may stand between)
};

class RelationLexicon {
public:
    RelationLexicon(const RulePack& pack, const Normalizer& normalizer);

    const std::vector<RelationRule>& relations() const { return relations_; }
    const std::vector<RelationRule>& roles() const { return roles_; }
    const VerbPattern& pattern(std::uint32_t index) const { return patterns_[index]; }
    std::size_t pattern_count() const { return patterns_.size(); }
    const VerbPattern& role_pattern(std::uint32_t index) const { return role_patterns_[index]; }

    // Verb hits; payload = pattern index.
    const PhraseMatcher& verbs(bool chinese) const { return chinese ? zh_verbs_ : en_verbs_; }
    // Role title hits; payload = role pattern index.
    const PhraseMatcher& roles(bool chinese) const { return chinese ? zh_roles_ : en_roles_; }

    // Whether entity type `type` may fill a role of relation `relation` (empty list: any).
    // (In the header, the bytes compared in a loop: the rules ask it for every candidate pair,
    // of types of a few bytes, where a call and memcmp's for each listed type cost more.)
    bool allows(const std::vector<std::string>& types, std::string_view type) const {
        if (types.empty()) return true;
        for (const std::string& listed : types) {
            if (listed.size() != type.size()) continue;
            std::size_t i = 0;
            while (i < type.size() && listed[i] == type[i]) ++i;
            if (i == type.size()) return true;
        }
        return false;
    }

private:
    void add_zh(const std::string& written, std::uint32_t relation, PhraseMatcher& matcher,
                std::vector<VerbPattern>& patterns, const Normalizer& normalizer);
    void add_en(const std::string& written, std::uint32_t relation, PhraseMatcher& matcher,
                std::vector<VerbPattern>& patterns, const Normalizer& normalizer, bool inflect);

    std::vector<RelationRule> relations_;
    std::vector<RelationRule> roles_;
    std::vector<VerbPattern> patterns_;
    std::vector<VerbPattern> role_patterns_;
    EnglishInflection inflection_;
    PhraseMatcher zh_verbs_, en_verbs_, zh_roles_, en_roles_;
};

}  // namespace chronokg
