#pragma once
// chronokg::RulePack — the validated contents of one or more rule-pack files (rules/README.md).
//
// What it represents: entities with aliases, relations and role titles with their Chinese and
// English patterns, time patterns and word lists, exactly as written in the files (not yet
// folded or compiled: the Extractor does that). Each record remembers its file and line.
// Call order: construct empty, add() each pack path in priority order (the default pack first),
// then hand the pack to an Extractor. add() reads every file of the path, validates every line,
// and throws one chronokg::Error listing all problems found ("file:line:column: message", one a
// line) without changing the pack when anything is wrong. Besides the form of each record, it
// checks that every alias, label, pattern and word keeps a letter or digit (a word: anything)
// once folded as text is (an alias of only spaces or punctuation would match nothing, or
// everything), and that every regex compiles.
// Thread safety: not synchronized; a loaded pack is read-only.
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chronokg {

struct RuleOrigin {
    std::string file;
    std::size_t line = 0;
};

struct EntityRule {
    std::string id;
    std::string label;
    std::string type;
    std::vector<std::string> aliases;
    RuleOrigin origin;
};

// A relation or a role title: its canonical name and the words that express it.
struct RelationRule {
    std::string id;
    std::string relation;
    std::vector<std::string> zh;  // patterns, `{O}` marks the object slot
    std::vector<std::string> en;  // lemma patterns, `{O}` marks the object slot
    std::vector<std::string> subject_types;  // empty: any
    std::vector<std::string> object_types;   // empty: any
    RuleOrigin origin;
};

// One part of a time rule's value: a fixed number, a capture group, or a name.
struct TimeValuePart {
    int number = 0;       // used when group == 0 and name is empty
    int group = 0;        // "$N": capture group N (1-based)
    std::string name;     // a literal name to read through a names lexicon ("monday")
};

struct TimeRule {
    std::string id;
    std::string lang;     // "zh", "en" or "any"
    std::string pattern;  // RE2 syntax
    std::map<std::string, TimeValuePart> value;  // keys listed in rules/README.md
    std::string precision;  // "", "day", "month", "year"
    RuleOrigin origin;
};

// The lexicon ids the clause rules consult, in a fixed order (CueId numbers them by it).
inline constexpr std::array<std::string_view, 65> kLexiconIds = {
    "negation",      "not_negation", "planned",       "hypothetical",   "reported",
    "passive_agent", "preposition",  "coordination",  "carry_date",     "org_suffix",
    "name_stop",     "np_strip",     "abbreviations", "month_names",    "weekday_names",
    "irregular_verbs", "noun_suffix",  "surnames",      "short_forms",  "short_form_context", "anaphora", "noun_prefix", "function_word",
    "pivot_verb", "prevent_verb", "ability", "complement_verb", "actor_noun", "anaphora_determiner", "topic_preposition", "parenthetical", "epistemic", "purpose_word", "not_planned", "noun_modifiers", "product_kind", "literal_type",
    // English names and clauses (rules/english.jsonl)
    "not_names", "person_title", "demonyms", "gov_suffix", "policy_suffix", "event_suffix", "gpe_suffix",
    "name_connectors", "place_preposition", "portfolio_forms", "org_roles", "auxiliaries", "be_forms",
    "relative_pronouns", "subordinators", "determiners", "adverbs", "infinitive_verbs", "object_frame",
    "agent_nouns", "amount_words", "not_objects", "effective_date", "reciprocal_relations", "reciprocal_nouns",
    "place_relations", "clause_object_relations", "pronouns"};

struct WordList {
    std::vector<std::string> zh;
    std::vector<std::string> en;
};

class RulePack {
public:
    // Reads a pack directory (its *.jsonl files, recursively, in byte order) or one file.
    void add(const std::string& path);
    // Adds several paths as one batch: the problems of all of them are reported together.
    void add(const std::vector<std::string>& paths);
    // Reads one file's text as if it were at `path` (used by tests and for stdin).
    void add_text(const std::string& path, const std::string& text);

    const std::vector<EntityRule>& entities() const { return entities_; }
    const std::vector<RelationRule>& relations() const { return relations_; }
    const std::vector<RelationRule>& roles() const { return roles_; }
    const std::vector<TimeRule>& time_rules() const { return time_rules_; }
    // Word list `id` (empty when no file defines it).
    const WordList& lexicon(const std::string& id) const;
    // The files read, in order.
    const std::vector<std::string>& files() const { return files_; }

    // The lexicon ids the clause rules consult; any other id is an error.
    static const std::vector<std::string>& known_lexicons();
    static const std::vector<std::string>& known_types();

private:
    struct SourceFile {
        std::string path;
        std::string text;
        std::string error;  // why it could not be read: reported with the rest, in order
    };
    // Validates the files as one batch and commits them only when all are sound.
    void add_files(const std::vector<SourceFile>& files);

    std::vector<EntityRule> entities_;
    std::vector<RelationRule> relations_;
    std::vector<RelationRule> roles_;
    std::vector<TimeRule> time_rules_;
    std::map<std::string, WordList> lexicons_;
    std::vector<std::string> files_;
};

// Where the default pack lives: $CHRONOKG_RULES, else <prefix>/share/chronokg/rules next to the
// running binary, else the source tree's rules/ folder. Throws when none exists.
std::string default_rules_path();

}  // namespace chronokg
