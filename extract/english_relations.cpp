#include "extract/english_relations.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <optional>
#include <span>

#include "core/error.hpp"
#include "core/text_search.hpp"
#include "extract/cue_words.hpp"
#include "extract/entity_store.hpp"
#include "extract/normalizer.hpp"
#include "extract/relation_lexicon.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg {
namespace {

// A pronoun that stands for the speaker in the clause after a speech verb (`Nvidia said it would …`).
// (Seven short words, compared in turn: a tree's walk over them cost more.)
bool is_speaker_pronoun(std::string_view word) {
    constexpr std::array<std::string_view, 7> kPronouns = {"it", "they", "he", "she", "we", "its", "their"};
    return std::find(kPronouns.begin(), kPronouns.end(), word) != kPronouns.end();
}

const std::string kEn = "en";

// The set of lists `ids`, for one test of a word against all of them.
CueSet cue_set(CueIds ids) {
    CueSet set;
    for (const CueId id : ids) set.set(id.index());
    return set;
}

std::pair<std::string, std::string> split_pair(const std::string& entry, const char* lexicon) {
    const auto eq = entry.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == entry.size())
        throw Error(std::string(lexicon) + " lexicon entry \"" + entry + "\" is not of the form words=relation");
    return {entry.substr(0, eq), entry.substr(eq + 1)};
}

bool overlaps(TextRange a, TextRange b) { return a.begin < b.end && b.begin < a.end; }

// The bytes no literal object holds: brackets and quotes, and so any byte of `“` or `”`
// (string_view::find_first_of called memchr over the set for every byte of the phrase).
constexpr ByteSet kNotInLiterals("()\"“”");

}  // namespace

EnglishRelations::EnglishRelations(const RulePack& pack, const RelationLexicon& lexicon, const CueWords& cues,
                                   const Normalizer& normalizer)
    : lexicon_(lexicon), cues_(cues), clauses_(pack, lexicon, cues, normalizer) {
    std::map<std::string, std::uint32_t> index;
    std::map<std::string, std::uint32_t> last;
    for (std::uint32_t r = 0; r < lexicon.relations().size(); ++r) {
        index.emplace(lexicon.relations()[r].relation, r);
        last[lexicon.relations()[r].relation] = r;
    }
    for (const auto& r : lexicon.relations()) rule_of_.push_back(last.at(r.relation));
    for (const std::string& w : cues.words("relative_pronouns", kEn))
        if (!w.empty()) relative_pronoun_shapes_.add(w);
    // These word lists serve whichever relations the loaded pack defines: a pack without
    // `merges with` simply has no merger nouns (tests check the default pack names only its own).
    auto relation = [&](const std::string& name) -> std::optional<std::uint32_t> {
        auto it = index.find(name);
        if (it == index.end()) return std::nullopt;
        return it->second;
    };
    std::set<std::string> reciprocal;  // relation names
    for (const auto& r : pack.lexicon("reciprocal_relations").en) reciprocal.insert(r);
    for (const auto& r : pack.lexicon("org_roles").en) org_roles_.insert(r);
    std::map<std::string, std::set<std::string>> clause_objects;  // relation name → its types
    for (const auto& entry : pack.lexicon("clause_object_relations").en) {
        const auto [name, types] = split_pair(entry, "clause_object_relations");
        if (!relation(name)) continue;
        std::string type;
        for (char c : types + " ") {
            if (c != ' ') type += c;
            else if (!type.empty()) clause_objects[name].insert(std::exchange(type, {}));
        }
    }
    std::map<std::string, std::uint32_t> place_of;  // relation name → its place relation's index
    for (const auto& entry : pack.lexicon("place_relations").en) {
        const auto [from, to] = split_pair(entry, "place_relations");
        if (auto r = relation(to)) place_of[from] = *r;
    }
    for (const auto& r : lexicon.relations()) {
        reciprocal_.push_back(reciprocal.count(r.relation) > 0);
        const auto types = clause_objects.find(r.relation);
        clause_objects_.push_back(types == clause_objects.end() ? std::set<std::string>{} : types->second);
        const auto place = place_of.find(r.relation);
        place_of_.push_back(place == place_of.end() ? std::nullopt : std::optional<std::uint32_t>(place->second));
    }
    for (const auto& entry : pack.lexicon("reciprocal_nouns").en) {
        const auto [words, name] = split_pair(entry, "reciprocal_nouns");
        if (auto r = relation(name)) reciprocal_nouns_.add(normalizer.fold(words), *r);
    }
    reciprocal_nouns_.compile();
}

class EnglishRelations::SentenceRules {
public:
    using Args = std::vector<Argument>;
    // Arguments read where they stand: a noun group's members (the sentence's groups are neither
    // changed nor moved while its verbs are related), or one slot of the rules' own. Subjects are
    // such views: a copy of the group's members for each verb was an allocation a verb.
    using ArgView = std::span<const Argument>;
    // A sentence's lists, one set a thread, emptied sentence by sentence but keeping their room:
    // made and freed for every sentence, they were many of the rules' allocations.
    struct Lists {
        std::vector<Mention> sorted_mentions;
        std::vector<RoleJoin> joins;
        EnglishSentence sentence;
        std::vector<std::optional<ArgView>> subjects;
        std::vector<Argument> unknown_subjects;  // one slot a predicate, for `agentless_passives`
        std::vector<TextRange> relative_spans;
        std::vector<std::pair<TextRange, std::size_t>> used_objects;
        std::vector<std::pair<std::size_t, std::size_t>> object_items;
        Args objects;
    };

    SentenceRules(const EnglishRelations& owner, const SentenceView& view, bool agentless, Lists& lists)
        : o_(owner), c_(owner.clauses_), view_(view), text_(view.text), range_(view.sentence->range),
          mentions_(&view.mentions), sorted_mentions_(lists.sorted_mentions), agentless_(agentless),
          joins_(lists.joins), s_(lists.sentence), subjects_(lists.subjects),
          unknown_subjects_(lists.unknown_subjects), relative_spans_(lists.relative_spans),
          used_objects_(lists.used_objects), object_items_(lists.object_items), objects_(lists.objects) {
        // (The sentence and the subjects are replaced where run() reads them first.)
        sorted_mentions_.clear();
        joins_.clear();
        relative_spans_.clear();
        used_objects_.clear();
    }

    std::vector<RelationCandidate> run();

private:

    // The sentence's mentions: in the view's order until run() orders them by begin offset.
    const std::vector<Mention>& mentions() const { return *mentions_; }

    const EnglishToken& tok(std::size_t i) const { return view_.tokens[i]; }
    std::size_t token_count() const { return view_.tokens.size(); }
    bool word_is(std::size_t i, std::string_view w) const { return i < token_count() && tok(i).word == w; }
    TextRange segment_range(std::size_t seg) const {
        const auto [b, e] = s_.segments[seg];
        return {tok(b).range.begin, tok(e - 1).range.end};
    }
    bool governed(const NounGroup& g) const { return governed_by_preposition(text_, g.range.begin, range_, kEn, *view_.cues); }
    const NounGroup* group_starting(std::size_t pos) const;
    const NounGroup* group_ending(std::size_t end) const;
    const NounGroup* group_at_token(std::size_t at) const;
    bool is_modifier_end(std::size_t end) const;

    void find_roles();
    std::size_t verb_complex_start(std::size_t first) const;
    std::optional<ArgView> relative_antecedent(std::size_t r) const;
    ArgView nearest_subject(std::size_t before) const;
    const NounGroup* last_taken(std::size_t count, std::size_t before, std::optional<std::size_t>& before_segment) const;
    bool after_subordinator(const NounGroup& g) const;
    ArgView subject_of(std::size_t k, std::size_t& window_begin);
    ArgView speech_subject(std::size_t t) const;
    std::optional<std::size_t> complementizer_before(std::size_t before) const;
    ArgView announcing_authority(const EnglishPredicate& p) const;
    std::optional<std::size_t> tail_at(const EnglishPredicate& p, std::size_t j) const;
    // The objects after a verb, into `out` (emptied first).
    void objects_of(const EnglishPredicate& p, std::size_t from, std::size_t limit, Args& out) const;
    std::optional<Argument> item_argument(std::size_t a, std::size_t b, bool literal_ok, bool* named = nullptr) const;
    std::optional<Argument> literal(std::size_t a, std::size_t b) const;
    Args place_of(const EnglishPredicate& p) const;
    bool effective(const TimeMention& t) const;
    void date(const EnglishPredicate& p, ArgView objects, RelationCandidate& c) const;
    void relate(std::size_t k, const EnglishPredicate& p);
    void reciprocal_nouns();
    void make_room_for_candidates();
    void emit(ArgView subjects, ArgView objects, const EnglishPredicate& p, std::uint32_t relation,
              std::size_t window_begin, std::string_view rule, bool reciprocal);

    const EnglishRelations& o_;
    const EnglishClauses& c_;
    const SentenceView& view_;
    std::string_view text_;
    TextRange range_;
    const std::vector<Mention>* mentions_;   // the view's, or sorted_mentions_
    std::vector<Mention>& sorted_mentions_;  // the view's sorted by begin, when they were not so already
    bool agentless_;
    std::vector<RoleJoin>& joins_;
    EnglishSentence& s_;
    std::vector<std::optional<ArgView>>& subjects_;  // per predicate, once related
    std::vector<Argument>& unknown_subjects_;         // per predicate: what an unknown subject views
    std::vector<TextRange>& relative_spans_;     // relative clauses (`, which …`)
    std::vector<std::pair<TextRange, std::size_t>>& used_objects_;  // objects of verbs related so far, with their segment
    std::vector<std::pair<std::size_t, std::size_t>>& object_items_;  // objects_of's items (tokens), filled call by call
    // The objects of the verb relate() relates, filled verb by verb: an allocation a verb, made
    // and freed there, before. (A shorter pattern that relate() falls back to fills it again,
    // after its last use for the longer one.)
    Args& objects_;
    std::vector<RelationCandidate> out_;
};

const NounGroup* EnglishRelations::SentenceRules::group_starting(std::size_t pos) const {
    for (const auto& g : s_.groups)
        if (g.range.begin == pos) return &g;
    return nullptr;
}

// The group starting at token `at`, or right after a determiner there (`the United States`).
const NounGroup* EnglishRelations::SentenceRules::group_at_token(std::size_t at) const {
    if (at >= token_count()) return nullptr;
    if (const NounGroup* g = group_starting(tok(at).range.begin)) return g;
    if (at + 1 < token_count() && c_.determiner(tok(at)) && !tok(at).after)
        return group_starting(tok(at + 1).range.begin);
    return nullptr;
}

const NounGroup* EnglishRelations::SentenceRules::group_ending(std::size_t end) const {
    for (const auto& g : s_.groups)
        if (g.range.end == end) return &g;
    return nullptr;
}

bool EnglishRelations::SentenceRules::is_modifier_end(std::size_t end) const {
    // The words end in text order: the first that ends at or after `end` is the only one that
    // may end there (searched by halves: asked for every mention that may modify a name).
    const auto t = std::partition_point(view_.tokens.begin(), view_.tokens.end(),
                                        [end](const EnglishToken& w) { return w.range.end < end; });
    return t != view_.tokens.end() && t->range.end == end && t->possessive;
}

// Roles: `Nvidia CEO Jensen Huang`, `Jensen Huang, Nvidia's chief executive`, `Secretary of Commerce
// Wilbur Ross`, `Wilbur Ross, U.S. Secretary of Commerce`, `Wingtech, the owner of Nexperia`.
void EnglishRelations::SentenceRules::find_roles() {
    // Most sentences hold no title: select_longest is not asked to choose among none (a call and
    // a copy of an empty list each).
    if (view_.roles.empty()) return;
    auto mention_at = [&](std::size_t begin) -> const Mention* {
        for (const auto& m : mentions())
            if (m.range.begin == begin) return &m;
        return nullptr;
    };
    auto mention_ending = [&](std::size_t end) -> const Mention* {
        for (const auto& m : mentions())
            if (m.range.end == end) return &m;
        return nullptr;
    };
    auto skip_possessive = [&](std::size_t end) {
        for (std::string_view mark : {"'s", "’s"})
            if (end >= mark.size() && text_.substr(end - mark.size(), mark.size()) == mark) return end - mark.size();
        return end;
    };
    auto strip_determiner = [&](std::size_t end) {
        end = trim_spaces(text_, {range_.begin, end}).end;
        for (std::string_view det : {"the", "The", "a", "an"})
            if (end >= range_.begin + det.size() + 1 && text_.substr(end - det.size(), det.size()) == det &&
                text_[end - det.size() - 1] == ' ')
                return trim_spaces(text_, {range_.begin, end - det.size()}).end;
        return end;
    };
    for (const auto& hit : select_longest(view_.roles)) {
        const TextRange title{hit.begin, hit.end};
        if (std::any_of(mentions().begin(), mentions().end(), [&](const Mention& m) { return overlaps(m.range, title); }))
            continue;
        const RelationRule& role = o_.lexicon_.roles()[o_.lexicon_.role_pattern(hit.payload).relation];
        const bool org_role = o_.org_roles_.count(role.relation) > 0;
        // The organization: after `of` (`Secretary of Commerce`), else right before the title
        // (`Nvidia CEO`, `Nvidia's chief executive`).
        const Mention* org = nullptr;
        std::size_t after_title = title.end;
        if (text_.substr(title.end, 4) == " of ") {
            std::size_t at = title.end + 4;
            if (text_.substr(at, 4) == "the ") at += 4;
            org = mention_at(at);
            if (org) after_title = org->range.end;
        }
        if (!org) org = mention_ending(skip_possessive(trim_spaces(text_, {range_.begin, title.begin}).end));
        if (!org || org->entity->type == "PERSON") continue;
        const Argument organization{org->entity, org->range};
        // The holder: right after (`CEO Jensen Huang`), or before a comma in front of the title
        // and what stands before it (`Jensen Huang, Nvidia's chief executive`).
        Argument holder;
        const std::size_t name_at = trim_spaces(text_, {after_title, range_.end}).begin;
        const Mention* after = mention_at(name_at);
        if (after && text_.substr(after_title, 1) != "," && after->entity->type == "PERSON") {
            holder = Argument{after->entity, after->range};
            joins_.push_back(RoleJoin{organization.range, holder.range});
        } else {
            std::size_t pos = trim_spaces(text_, {range_.begin, std::min(organization.range.begin, title.begin)}).end;
            pos = strip_determiner(pos);
            if (const Mention* m = mention_ending(skip_possessive(pos)); m && m != org && m->range.begin < title.begin)
                pos = strip_determiner(m->range.begin);
            if (pos <= range_.begin || text_[pos - 1] != ',') continue;
            const Mention* m = mention_ending(trim_spaces(text_, {range_.begin, pos - 1}).end);
            if (!m || (m->entity->type != "PERSON" && !org_role) || m->entity->id == organization.entity->id) continue;
            holder = Argument{m->entity, m->range};
        }
        RelationCandidate c{holder, organization, role.relation, title, range_, Polarity::positive,
                            Modality::asserted, "en.role", 0.85};
        c.time_decided = true;
        make_room_for_candidates();
        out_.push_back(std::move(c));
    }
}

// The sentence's candidates are made with room for four at the first (most sentences that give
// any give one to four): a list grown from none was made again, its candidates moved, at the
// second and the third.
void EnglishRelations::SentenceRules::make_room_for_candidates() {
    if (out_.capacity() == 0) out_.reserve(4);
}

// The first token of the verb complex ending at `first` (auxiliaries, adverbs, `not`, `plans to`).
std::size_t EnglishRelations::SentenceRules::verb_complex_start(std::size_t first) const {
    std::size_t j = first;
    while (j > 0) {
        const EnglishToken& t = tok(j - 1);
        if (t.after || t.dash_after) break;
        if (c_.auxiliary(t) || c_.adverb(t) || t.in("negation")) {
            --j;
            continue;
        }
        if (t.word == "to") {
            std::optional<std::size_t> cue_begin;
            for (const CueId id : CueIds{"planned", "infinitive_verbs", "negation"}) {
                const std::size_t from = t.range.end > range_.begin + 48 ? t.range.end - 48 : range_.begin;
                view_.cues->for_each(id, {from, t.range.end}, [&](const TextRange& hit) {
                    if (hit.end == t.range.end && (!cue_begin || hit.begin < *cue_begin)) cue_begin = hit.begin;
                });
            }
            if (!cue_begin) break;
            const std::size_t k = token_at_or_after(view_.tokens, *cue_begin);
            if (k >= j - 1) break;
            j = k;
            continue;
        }
        break;
    }
    return j;
}

// `Huawei, which designs …` → Huawei; `the Rule, a framework that was issued …` → the Rule.
// nullopt when no relative pronoun opens the verb's clause (its verb complex starts at token
// `r`); an empty list when one does but its antecedent is no name.
std::optional<EnglishRelations::SentenceRules::ArgView> EnglishRelations::SentenceRules::relative_antecedent(
    std::size_t r) const {
    if (r == 0 || !tok(r - 1).in("relative_pronouns")) return std::nullopt;
    const std::size_t pronoun = r - 1;
    if (pronoun == 0) return ArgView{};
    const EnglishToken& before = tok(pronoun - 1);
    if (const NounGroup* g = group_ending(before.range.end); g && !before.possessive) return g->members;
    // An apposition: `…, a sweeping framework for chip exports that …`.
    const std::size_t seg = s_.segment_of[pronoun - 1];
    const std::size_t f = s_.segments[seg].first;
    if (f > 0 && tok(f - 1).after == ',' && c_.determiner(tok(f)))
        if (const NounGroup* g = group_ending(tok(f - 1).range.end)) return g->members;
    // A predicate noun: `ASML is the only company in the world that produces …`.
    for (std::size_t j = pronoun; j-- > 0 && pronoun - j <= 12;) {
        const EnglishToken& t = tok(j);
        if (t.after && j + 1 < pronoun) break;
        if (!t.in("be_forms")) continue;
        std::size_t b = j;
        while (b > 0 && (c_.adverb(tok(b - 1)) || c_.auxiliary(tok(b - 1))) && !tok(b - 1).after) --b;
        if (b > 0 && !tok(b - 1).after)
            if (const NounGroup* g = group_ending(tok(b - 1).range.end); g && !g->modifier && !governed(*g))
                return g->members;
        break;
    }
    return ArgView{};
}

// Whether a subordinator (`after`, `while`) opens the clause `g` starts, determiners skipped
// (`after the U.S. government restricted …`).
bool EnglishRelations::SentenceRules::after_subordinator(const NounGroup& g) const {
    std::size_t t = token_at_or_after(view_.tokens, g.range.begin);
    while (t > 0 && c_.determiner(tok(t - 1)) && !tok(t - 1).after) --t;
    return t > 0 && tok(t - 1).in("subordinators");
}

// The nearest noun group before `before` that can be a subject: the last group that one walk
// over the groups in text order would take. A group is taken unless it fails a test of its own
// (governed, in a relative clause, an earlier verb's object, a modifier without an agent noun) or
// is an apposition: a group after a comma in the segment of the group taken before it. Sought
// from the end: the last group that passes its own tests and stands after no comma is the answer
// (most verbs' subject is one of the last groups before them), and the groups before it go
// unasked; the walk in text order asked whether a preposition governs every one of them.
EnglishRelations::SentenceRules::ArgView EnglishRelations::SentenceRules::nearest_subject(std::size_t before) const {
    std::size_t count = 0;  // the groups that end by `before`
    while (count < s_.groups.size() && s_.groups[count].range.end <= before) ++count;
    std::optional<std::size_t> before_segment;
    const NounGroup* taken = last_taken(count, before, before_segment);
    return taken ? taken->members : ArgView{};
}

// The last group among the first `count` that nearest_subject's walk takes; `before_segment`:
// the segment of `before`, found at the first that asks.
const NounGroup* EnglishRelations::SentenceRules::last_taken(std::size_t count, std::size_t before,
                                                             std::optional<std::size_t>& before_segment) const {
    auto segment_at = [&](std::size_t pos) {
        return s_.segment_of[std::min(token_at_or_after(view_.tokens, pos), token_count() - 1)];
    };
    for (std::size_t i = count; i-- > 0;) {
        const NounGroup& g = s_.groups[i];
        if (governed(g)) {
            // `after Washington tightened …`: a subordinator, not a preposition, before a clause's subject.
            // The clause's subject stands in the verb's segment (`after Tokyo Electron said it
            // would build …`), not in an earlier one (`After Washington tightened …, the ministry …`).
            const bool subordinate = after_subordinator(g) &&
                                     (trim_spaces(text_, {g.range.end, before}).empty() ||
                                      segment_at(g.range.begin) == segment_at(before));
            if (!subordinate) continue;
        }
        const bool in_relative = std::any_of(relative_spans_.begin(), relative_spans_.end(), [&](const TextRange& r) {
            return r.contains(g.range) && !(r.begin <= before && before <= r.end);
        });
        if (in_relative) continue;
        // `restrict more ASML exports to China`: the object of a verb is no subject of the next one.
        if (!used_objects_.empty()) {
            if (!before_segment) before_segment = segment_at(before);
            if (std::any_of(used_objects_.begin(), used_objects_.end(),
                            [&](const auto& u) { return u.second == *before_segment && g.range.contains(u.first); }))
                continue;
        }
        if (g.modifier) {
            // `BIS's first rule will add …`: the owner acts through an agent noun.
            const std::size_t t = token_at_or_after(view_.tokens, g.range.end);
            std::size_t head = t;
            while (head < token_count() && tok(head).range.end <= before && !c_.auxiliary(tok(head)) &&
                   !tok(head).after)
                ++head;
            const bool agent = head > t && tok(head - 1).in("agent_nouns") &&
                               (head >= token_count() || tok(head).range.begin >= before || c_.auxiliary(tok(head)));
            if (!agent) continue;
        }
        // An apposition set off by commas when an earlier subject exists in the same segment
        // (a clause after `If X lifts …,` has a subject of its own): then that earlier group,
        // the last taken before this one, is the last taken.
        const std::size_t prev = trim_spaces(text_, {range_.begin, g.range.begin}).end;
        if (prev > range_.begin && text_[prev - 1] == ',') {
            const NounGroup* earlier = last_taken(i, before, before_segment);
            if (earlier && segment_at(earlier->range.begin) == segment_at(g.range.begin)) return earlier;
        }
        return &g;
    }
    return nullptr;
}

EnglishRelations::SentenceRules::ArgView EnglishRelations::SentenceRules::speech_subject(std::size_t t) const {
    // `as reported by TechInsights`.
    std::size_t by = t;
    while (by < token_count() && by < t + 4 && tok(by).word != "by") ++by;
    if (by + 1 < token_count() && tok(by).word == "by")
        if (const NounGroup* g = group_at_token(by + 1)) return g->members;
    return nearest_subject(tok(t).range.begin);
}

EnglishRelations::SentenceRules::ArgView EnglishRelations::SentenceRules::subject_of(std::size_t k,
                                                                                       std::size_t& window_begin) {
    const EnglishPredicate& p = s_.predicates[k];
    window_begin = tok(s_.segments[s_.segment_of[p.first]].first).range.begin;
    const std::size_t start = verb_complex_start(p.first);
    if (auto antecedent = relative_antecedent(start)) return *antecedent;
    // `By taking control of …, the Dutch government …`: the main clause's subject.
    if (p.gerund && s_.segment_of[p.first] == 0) {
        bool opening = true;
        for (std::size_t i = 0; i < start && opening; ++i) opening = c_.preposition(tok(i));
        std::size_t comma = p.last;
        while (comma < token_count() && tok(comma).after != ',') ++comma;
        if (opening && comma + 1 < token_count()) {
            for (const auto& g : s_.groups)
                if (g.range.begin >= tok(comma + 1).range.begin && !governed(g) && !g.modifier) return g.members;
        }
    }
    // `… and ban the export of …`: the subject of the verb (or speech verb) before.
    if (start > 0) {
        const EnglishToken& t = tok(start - 1);
        if (!t.after && (t.word == "and" || t.word == "or" || t.word == "but")) {
            std::optional<std::size_t> speech;
            for (std::size_t sp : s_.speech)
                if (tok(sp).range.end <= t.range.begin) speech = sp;
            std::optional<std::size_t> verb;
            for (std::size_t j = 0; j < k; ++j)
                if (s_.predicates[j].verb.end <= t.range.begin && subjects_[j] && !subjects_[j]->empty()) verb = j;
            window_begin = t.range.end;
            if (speech && (!verb || tok(*speech).range.begin > s_.predicates[*verb].verb.begin)) {
                if (auto args = speech_subject(*speech); !args.empty()) return args;
            } else if (verb) {
                return *subjects_[*verb];
            }
        }
    }
    const ArgView subject = nearest_subject(tok(start).range.begin);
    // `… after the government restricted exports`: a clause a subordinator opens has its own
    // subject; a name before the subordinator is not it.
    {
        const auto [seg_first, seg_last] = s_.segments[s_.segment_of[p.first]];
        if (!subject.empty() && seg_first < start && tok(seg_first).in("subordinators") &&
            subject.front().range.begin < tok(seg_first).range.begin)
            return {};
    }
    // `Lutnick said the agency would revoke …`: after a speech verb a clause with a subject of its
    // own that is no name (`the agency`) leaves the speaker out; a pronoun stands for the speaker.
    if (!subject.empty()) {
        for (std::size_t sp : s_.speech) {
            if (tok(sp).range.begin < subject.back().range.end || sp + 1 >= start) continue;
            std::size_t next = sp + 1;
            auto in_time = [&](std::size_t i) {
                return std::any_of(view_.times.begin(), view_.times.end(),
                                   [&](const TimeMention& t) { return t.range.contains(tok(i).range); });
            };
            while (next < start && (in_time(next) || c_.preposition(tok(next)) || tok(next).word == "on")) ++next;
            if (next >= start || tok(next).word == "that") continue;
            if (!is_speaker_pronoun(tok(next).word)) return {};
        }
    }
    // Inside `… announced that X entered into …` the subject is the clause's own, unless it is a
    // pronoun (`Nvidia said that it would …`), which stands for the subject before.
    if (const auto that = complementizer_before(start);
        that && !subject.empty() && subject.front().range.end <= tok(*that).range.begin) {
        if (*that + 1 >= start || !is_speaker_pronoun(tok(*that + 1).word)) return {};
    }
    return subject;
}

// `BIS confirmed that Huawei has been added to the Entity List`: a government that announces an
// agentless passive of its own domain is its agent. Only GOV subjects: a newspaper that reports
// a ban (`Reuters reported that … was banned`) did not ban it.
EnglishRelations::SentenceRules::ArgView EnglishRelations::SentenceRules::announcing_authority(
    const EnglishPredicate& p) const {
    const auto that = complementizer_before(verb_complex_start(p.first));
    if (!that || *that == 0) return {};
    const ArgView speaker = nearest_subject(tok(*that).range.begin);
    const bool government = !speaker.empty() && std::all_of(speaker.begin(), speaker.end(), [](const Argument& a) {
        return a.entity->type == "GOV";
    });
    return government ? speaker : ArgView{};
}

// The `that` opening a complement clause (`said that`, `argued that`) before token `before`.
std::optional<std::size_t> EnglishRelations::SentenceRules::complementizer_before(std::size_t before) const {
    // Any `that` but one right before the verb (a relative pronoun there) opens a clause: the
    // last one, sought from the verb back (the bound worked out once, not at every word).
    const std::size_t end = before > 0 ? std::min(before - 1, token_count()) : 0;
    for (std::size_t j = end; j-- > 1;)
        if (tok(j).word == "that" && !tok(j - 1).after) return j;
    return std::nullopt;
}

// Where the pattern tail (`to the Entity List`) ends when it starts at token j; determiners and
// possessive words in the text may stand where the pattern has none or others.
std::optional<std::size_t> EnglishRelations::SentenceRules::tail_at(const EnglishPredicate& p, std::size_t j) const {
    std::size_t w = 0;
    while (w < p.tail.size() && j < token_count()) {
        const TailWord& want = p.tail[w];
        if (want.determiner) {
            ++w;
            continue;
        }
        const EnglishToken& t = tok(j);
        if (lower_equals(t.word, want.text)) {  // compared in place: no lower-cased copy of each word
            ++w;
            ++j;
            if (w < p.tail.size() && t.after) return std::nullopt;
            continue;
        }
        if ((c_.determiner_unasked(t) || t.possessive) && !t.after && j > 0) {
            ++j;
            continue;
        }
        return std::nullopt;
    }
    if (w < p.tail.size()) return std::nullopt;
    return j;
}

// A literal object: the words of tokens [a, b) without leading determiners, when they name a
// thing (no amount, no pronoun).
std::optional<Argument> EnglishRelations::SentenceRules::literal(std::size_t a, std::size_t b) const {
    if (a >= b) return std::nullopt;
    TextRange r{tok(a).range.begin, tok(b - 1).range.end};
    if (b - a > 8) return std::nullopt;
    while (const std::size_t n = o_.cues_.match_at("np_strip", kEn, text_, r.begin, r.end)) {
        const TextRange next = trim_spaces(text_, {r.begin + n, r.end});
        if (next.begin == r.begin || next.empty()) break;
        if (text_[next.begin - 1] != ' ') break;  // whole words only
        r = next;
    }
    // A time expression ends the phrase (`launched a new phone last week`); one at its start or
    // inside a word leaves no phrase.
    for (const auto& t : view_.times)
        if (overlaps(t.range, r)) {
            if (t.range.begin <= r.begin || text_[t.range.begin - 1] != ' ') return std::nullopt;
            r = trim_spaces(text_, {r.begin, t.range.begin});
        }
    // Adverbs at the end belong to the verb (`build 2-nanometre chips there`), not to the thing.
    for (std::size_t last = b; last > a + 1;) {
        --last;
        const EnglishToken& t = tok(last);
        if (t.range.end != r.end || t.range.begin <= r.begin || !c_.adverb(t)) break;
        r = trim_spaces(text_, {r.begin, t.range.begin});
    }
    const std::string_view np = text_.substr(r.begin, r.size());
    if (np.size() < 3 || kNotInLiterals.find_in(text_, r.begin, r.end) != r.end) return std::nullopt;
    if (view_.cues->any("amount_words", r)) return std::nullopt;
    if (o_.cues_.match_at("not_objects", kEn, text_, r.begin, r.end) == r.size()) return std::nullopt;
    bool word = false;
    for (std::size_t i = token_at_or_after(view_.tokens, r.begin); i < b; ++i) word = word || tok(i).lower_word();
    if (!word) return std::nullopt;
    return Argument{&kLiteralConcept, r};
}

// The entity of one noun phrase item, tokens [a, b): its first name that modifies nothing, else
// the owner it names (`Huawei's access`), else the phrase itself; none when it is neither. (One
// argument at most: an optional, not a list, which was an allocation an item.)
std::optional<Argument> EnglishRelations::SentenceRules::item_argument(std::size_t a, std::size_t b, bool literal_ok,
                                                                       bool* named) const {
    const TextRange item{tok(a).range.begin, tok(b - 1).range.end};
    std::optional<Argument> owner;
    for (const auto& g : s_.groups) {
        // A group's members stand inside its range, and the groups begin in text order: past
        // the item, no group holds a member of it.
        if (g.range.begin > item.end) break;
        if (g.range.end < item.begin) continue;
        for (const auto& m : g.members) {
            if (!item.contains(m.range)) continue;
            // `equipment made by ASML`: the agent of a modifier is not what the item names.
            if (const std::size_t t = token_at_or_after(view_.tokens, m.range.begin); t > a && tok(t - 1).word == "by")
                continue;
            if (is_modifier_end(m.range.end)) {
                if (!owner) owner = m;
                continue;
            }
            if (named) *named = true;
            // `older-generation DRAM chips`, `2-nanometre chips`: a technology naming a kind of thing.
            if (m.entity->type == "TECH" && literal_ok && m.range.end < item.end && tok(b - 1).lower_word())
                if (auto lit = literal(a, b)) return lit;
            return m;
        }
    }
    if (owner) return owner;
    if (literal_ok) return literal(a, b);
    return std::nullopt;
}

// The objects after a verb: tokens from `from` up to `limit`.
void EnglishRelations::SentenceRules::objects_of(const EnglishPredicate& p, std::size_t from, std::size_t limit,
                                                 Args& out) const {
    out.clear();
    const RelationRule& relation = o_.lexicon_.relations()[p.relation];
    const bool literal_ok = o_.lexicon_.allows(relation.object_types, "CONCEPT");
    std::size_t i = from;
    while (i < limit && !tok(i).after && (c_.adverb(tok(i)) || tok(i).in("negation"))) ++i;
    if (i >= limit || tok(i - 1).after == '.' || tok(i - 1).after == ';' || tok(i - 1).after == ':') return;
    // `produces, among other things, chips`: a comma-enclosed aside between the verb and its object.
    if (i > 0 && tok(i - 1).after == ',' &&
        o_.cues_.match_at("parenthetical", kEn, text_, tok(i).range.begin, range_.end)) {
        std::size_t j = i;
        while (j < token_count() && j - i < 6 && !tok(j).after) ++j;
        if (j < limit && tok(j).after == ',') i = j + 1;
    }
    if (i >= limit) return;
    if (tok(i).word == "that") return;  // a clause, no noun, follows (`announced that …`)
    if (const std::size_t n = o_.cues_.match_at("object_frame", kEn, text_, tok(i).range.begin, range_.end))
        i = token_at_or_after(view_.tokens, tok(i).range.begin + n);
    // The items below are one of the sentence's lists, filled call by call but keeping its room:
    // this runs for every verb that looks for objects.
    std::vector<std::pair<std::size_t, std::size_t>>& items = object_items_;
    items.clear();
    // Whether a verb or a speech verb starts at token j: a sentence has a few, asked in place
    // (a mark for each of the sentence's words, made at each call, cost more).
    auto verb_start = [&](std::size_t j) {
        return std::any_of(s_.predicates.begin(), s_.predicates.end(), [&](const EnglishPredicate& q) { return q.first == j; }) ||
               std::find(s_.speech.begin(), s_.speech.end(), j) != s_.speech.end();
    };
    // The lists whose words end an item, asked as one set (the word's lists are read once, not
    // once a list: this is asked of most words after a verb); the verbs, a walk, asked last.
    static const CueSet item_ending_lists = cue_set({"auxiliaries", "relative_pronouns", "subordinators", "pronouns"});
    auto stop = [&](std::size_t j) {
        const EnglishToken& t = tok(j);
        return (t.lists() & item_ending_lists).any() || t.word == "to" || t.opens ||
               (c_.preposition(t) && t.word != "of") || verb_start(j);
    };
    auto inside_mention = [&](std::size_t pos) {
        return std::any_of(mentions().begin(), mentions().end(),
                           [&](const Mention& m) { return m.range.begin < pos && pos < m.range.end; });
    };
    bool list_word = false;
    std::size_t cur = i;
    while (cur < limit) {
        std::size_t j = cur;
        while (j < limit) {
            const EnglishToken& t = tok(j);
            if (j > cur && !inside_mention(t.range.begin) && (stop(j) || t.in("coordination"))) break;
            if (j == cur && (stop(j) && !c_.determiner(t))) break;
            ++j;
            // A name may hold commas (`New Albany, OH`): the item goes on to its end.
            if ((t.after || t.dash_after || t.closes) && !inside_mention(t.range.end)) break;
        }
        if (j == cur) break;
        // `chips used in cars`: a bare participle right after a plain noun modifies it (a reduced
        // relative clause); the phrase runs to the end of its segment as one item.
        if (j == limit && j > cur && j < token_count() && tok(j - 1).lower_word() && !tok(j - 1).after &&
            !c_.auxiliary(tok(j - 1))) {
            const auto reduced = std::find_if(s_.predicates.begin(), s_.predicates.end(), [&](const EnglishPredicate& q) {
                return q.first == j && q.participle && !q.after_be;
            });
            std::size_t e = j + 1;
            const std::size_t segment_end = s_.segments[s_.segment_of[j]].second;
            while (e < segment_end && !tok(e - 1).after && !tok(e - 1).dash_after) ++e;
            if (reduced != s_.predicates.end() && e - cur <= 8) {  // longer: the noun alone, as before
                items.emplace_back(cur, e);
                break;
            }
        }
        items.emplace_back(cur, j);
        const EnglishToken& last = tok(j - 1);
        if (last.after && last.after != ',') break;
        if (j >= limit) break;
        // `, and`, `and`, `or`, `as well as` join items; `or` between bare nouns keeps one phrase.
        const std::size_t n = view_.cues->match_at("coordination", tok(j).range.begin, range_.end);
        if (n) {
            if (tok(j).word == "or" && last.after != ',' && !items.empty() && j + 1 < limit && tok(j + 1).lower_word() &&
                !group_starting(tok(j + 1).range.begin)) {
                // `190 persons or organizations`: one phrase.
                std::size_t e = j + 1;
                while (e < limit && !stop(e) && !tok(e - 1).after) ++e;
                items.back().second = e;
                if (tok(e - 1).after) break;
                cur = e;
                continue;
            }
            list_word = true;
            cur = token_at_or_after(view_.tokens, tok(j).range.begin + n);
            continue;
        }
        if (last.after != ',') break;
        cur = j;
    }
    if (items.empty()) return;
    // Commas without a list word: the first item, or the name in apposition to a description.
    if (!list_word && items.size() > 1) {
        bool first_named = false;
        item_argument(items[0].first, items[0].second, false, &first_named);
        bool second_named = false;
        if (!first_named && items[1].second - items[1].first <= 6) {
            // The apposition is a name alone, closed by a comma or the sentence's end (`…, SMIC, to develop`).
            const std::optional<Argument> apposed = item_argument(items[1].first, items[1].second, false, &second_named);
            const std::size_t a = items[1].first + (c_.determiner(tok(items[1].first)) ? 1 : 0);
            const EnglishToken& end = tok(items[1].second - 1);
            const bool alone = second_named && a < items[1].second && apposed->range.begin == tok(a).range.begin &&
                               apposed->range.end >= end.range.end;
            if (alone && (end.after || items[1].second == token_count())) {
                out.push_back(*apposed);
                return;
            }
        }
        items.resize(1);
    }
    for (const auto& [a, b] : items) {
        const std::optional<Argument> arg = item_argument(a, b, literal_ok);
        if (!arg) continue;
        if (std::none_of(out.begin(), out.end(), [&](const Argument& x) {
                return !x.entity->id.empty() && x.entity->id == arg->entity->id;
            }))
            out.push_back(*arg);
    }
}

// `build a fab in Boise`: the place after the verb in its segment.
EnglishRelations::SentenceRules::Args EnglishRelations::SentenceRules::place_of(const EnglishPredicate& p) const {
    const std::size_t end = s_.segments[s_.segment_of[p.first]].second;
    auto places_at = [&](std::size_t at) {
        Args places;
        if (const NounGroup* g = group_at_token(at))
            for (const auto& m : g->members)
                if (m.entity->type == "GPE") places.push_back(m);
        return places;
    };
    // The pattern itself ends in `in` (`build a fab in`).
    if (p.last < token_count() &&
        view_.cues->match_at("place_preposition", tok(p.last - 1).range.begin, tok(p.last - 1).range.end))
        if (Args places = places_at(p.last); !places.empty()) return places;
    for (std::size_t j = p.last; j < end; ++j) {
        if (j > p.last && s_.segment_of[j] != s_.segment_of[p.first]) break;
        const std::size_t n = view_.cues->match_at("place_preposition", tok(j).range.begin, range_.end);
        if (!n) continue;
        if (Args places = places_at(token_at_or_after(view_.tokens, tok(j).range.begin + n)); !places.empty()) return places;
    }
    return {};
}

// Whether `t` says when something takes effect (`from July 23`), or is part of a name (`the
// Trade Act of 1962`).
bool EnglishRelations::SentenceRules::effective(const TimeMention& t) const {
    if (text_.substr(t.range.begin, 3) == "of " || text_.substr(t.range.begin, 3) == "Of ") {
        const std::size_t at = token_at_or_after(view_.tokens, t.range.begin);
        if (at > 0 && tok(at - 1).capitalized()) return true;
    }
    const std::size_t from = t.range.begin > range_.begin + 40 ? t.range.begin - 40 : range_.begin;
    return view_.cues->any_of("effective_date", {from, t.range.begin}, [&](const TextRange& hit) {
        return trim_spaces(text_, {hit.end, t.range.begin}).empty();
    });
}

void EnglishRelations::SentenceRules::date(const EnglishPredicate& p, ArgView objects, RelationCandidate& c) const {
    c.time_decided = true;
    const std::size_t seg = s_.segment_of[p.first];
    const TextRange segment = segment_range(seg);
    const TimeMention* before = nullptr;
    const TimeMention* after = nullptr;
    // A complement clause after the verb (`announced that … begin on Friday`) has its own dates.
    std::size_t clause_end = segment.end;
    if (p.last < token_count() && tok(p.last).range.end <= segment.end && tok(p.last).word == "that")
        clause_end = tok(p.last).range.begin;
    for (const auto& t : view_.times) {
        if (!segment.contains(t.range) || t.range.end > clause_end || effective(t)) continue;
        if (t.range.end <= p.verb.begin) before = &t;
        else if (t.range.begin >= p.verb.end && !after &&
                 std::none_of(objects.begin(), objects.end(), [&](const Argument& a) { return a.range.contains(t.range); }))
            after = &t;
    }
    if (const TimeMention* t = before ? before : after) {
        c.time = t->range;
        c.time_source = DateSource::clause;
        return;
    }
    // A leading adverbial (`Last week, …`), or the date of a speech verb after (`…, it said on Tuesday`).
    const TimeMention* lead = nullptr;
    const TimeMention* speech = nullptr;
    // Neither stands in the first segment of a sentence without a speech verb: its times go unread.
    if (seg > 0 || !s_.speech.empty()) {
        for (const auto& t : view_.times) {
            const std::size_t ts = s_.segment_of[std::min(token_at_or_after(view_.tokens, t.range.begin), token_count() - 1)];
            // `Starting in 2019, …` opens the sentence: the only date it gives is the act's.
            if (ts == 0 && seg > 0 && t.range.end <= p.verb.begin) lead = &t;
            // (Whether it tells when something takes effect is asked last, of the few that pass the rest.)
            if (ts > seg && !speech &&
                std::any_of(s_.speech.begin(), s_.speech.end(), [&](std::size_t sp) { return s_.segment_of[sp] == ts; }) &&
                !effective(t))
                speech = &t;
        }
    }
    bool leading_verbless = seg > 0;
    if (lead) {
        const auto [b, e] = s_.segments[0];
        // Words inside a time expression are no verbs (`On May 13,`: `May` is not the modal).
        auto in_time = [&](std::size_t i) {
            return std::any_of(view_.times.begin(), view_.times.end(),
                               [&](const TimeMention& t) { return t.range.contains(tok(i).range); });
        };
        for (std::size_t i = b; i < e && leading_verbless; ++i)
            leading_verbless = in_time(i) || (!c_.auxiliary(tok(i)) &&
                               std::none_of(s_.predicates.begin(), s_.predicates.end(),
                                            [&](const EnglishPredicate& q) { return q.first == i; }));
    }
    if (lead && leading_verbless) {
        c.time = lead->range;
        c.time_source = DateSource::sentence;
    } else if (speech) {
        c.time = speech->range;
        c.time_source = DateSource::sentence;
    }
}

void EnglishRelations::SentenceRules::emit(ArgView subjects, ArgView objects, const EnglishPredicate& p,
                                           std::uint32_t relation_index, std::size_t window_begin,
                                           std::string_view rule, bool reciprocal) {
    const RelationRule* relation = &o_.lexicon_.relations()[o_.rule_of_[relation_index]];
    const TextRange window{std::min(window_begin, p.verb.begin), p.verb.begin};
    // A hit that overlaps no time mention.
    auto outside_times = [&](const TextRange& h) {
        return std::none_of(view_.times.begin(), view_.times.end(), [&](const TimeMention& t) { return overlaps(t.range, h); });
    };
    // Negative where a negation in the window is held by no exception. The exceptions are sought
    // only at the first negation (most verbs have none); the negations, and the hypothetical
    // words below, are asked in place (any_of()), with no list made of them.
    std::optional<std::vector<TextRange>> exceptions;
    const bool negated = view_.cues->any_of("negation", window, [&](const TextRange& neg) {
        if (!exceptions) exceptions = view_.cues->find("not_negation", window);
        return std::none_of(exceptions->begin(), exceptions->end(),
                            [&](const TextRange& r) { return r.begin <= neg.begin && neg.end <= r.end; });
    });
    const Polarity polarity = negated ? Polarity::negative : Polarity::positive;
    const std::size_t seg_begin = segment_range(s_.segment_of[p.first]).begin;
    Modality modality = Modality::asserted;
    const bool conditional_opening = view_.cues->match_at("hypothetical", range_.begin, range_.end) > 0;
    if (conditional_opening || view_.cues->any_of("hypothetical", {seg_begin, p.verb.begin}, outside_times))
        modality = Modality::hypothetical;
    else if (view_.cues->any("planned", window))
        modality = Modality::planned;
    else if (!s_.speech.empty())
        modality = Modality::reported;

    // The date depends on the verb and its objects only: found for the first candidate, the
    // others of this call take it from there.
    std::optional<std::size_t> dated;  // that candidate's place in out_
    auto push = [&](const Argument& s, const Argument& o) {
        if (!o_.lexicon_.allows(relation->subject_types, s.entity->type) && s.entity->type != "UNKNOWN") return;
        if (!o_.lexicon_.allows(relation->object_types, o.entity->type)) return;
        if (!s.entity->id.empty() && s.entity->id == o.entity->id) return;
        const double confidence = o.entity->type == "CONCEPT" ? 0.65 : 0.85;
        // Made in place at the end of the list: one made aside and moved in had its two strings
        // copied twice (the rules make a candidate for most verbs they relate).
        make_room_for_candidates();
        RelationCandidate& c = out_.emplace_back();
        c.subject = s;
        c.object = o;
        c.relation = relation->relation;
        c.verb = p.verb;
        c.clause = segment_range(s_.segment_of[p.first]);
        c.polarity = polarity;
        c.modality = modality;
        c.rule = rule;
        c.confidence = confidence;
        if (dated) {
            const RelationCandidate& first = out_[*dated];
            c.time_decided = first.time_decided;
            c.time = first.time;
            c.time_source = first.time_source;
        } else {
            date(p, objects, c);
            dated = out_.size() - 1;
        }
    };
    if (reciprocal) {
        for (std::size_t j = 1; j < subjects.size(); ++j) push(subjects[0], subjects[j]);
        return;
    }
    for (const auto& s : subjects)
        for (const auto& o : objects) push(s, o);
}

// Relates predicate k read as `p` (the predicate itself, or the shorter pattern under it).
void EnglishRelations::SentenceRules::relate(std::size_t k, const EnglishPredicate& p) {
    auto fall_back = [&] {
        if (!p.fallback.empty()) relate(k, p.fallback.front());
    };
    const std::size_t seg_end = s_.segments[s_.segment_of[p.first]].second;
    const std::size_t next = k + 1 < s_.predicates.size() ? s_.predicates[k + 1].first : token_count();

    // `reviews of graphite exports to`: right after a noun a preposition governs, the word is a noun.
    if (p.first > 0 && !tok(p.first - 1).after)
        if (const NounGroup* g = group_ending(tok(p.first - 1).range.end); g && governed(*g)) {
            if (!after_subordinator(*g)) {
                subjects_[k] = ArgView{};
                return;
            }
        }
    // Passive: a form of be before the participle, or `the chip, manufactured in China by SMIC`.
    bool be = false;
    std::size_t be_at = p.first;
    if (p.participle && !p.after_be) {
        for (std::size_t j = p.first; j-- > 0 && p.first - j <= 4;) {
            const EnglishToken& t = tok(j);
            if (t.after) break;
            if (t.in("be_forms")) {
                be = true;
                be_at = j;
                while (be_at > 0 && c_.auxiliary(tok(be_at - 1)) && !tok(be_at - 1).after) --be_at;
                break;
            }
            if (!c_.adverb(t) && !t.in("negation")) break;
        }
    }
    std::optional<ArgView> agent;
    std::size_t after_verb = p.last;
    if (p.participle && !p.after_be) {
        if (be && !p.tail.empty()) {
            // `was added to the Entity List by …`: the tail follows the participle.
            const auto tail_end = tail_at(p, p.last);
            if (!tail_end) return fall_back();
            after_verb = *tail_end;
        }
        // Without a form of be, a noun right after the participle is its object: the verb is
        // active (`Intel bought equipment made by ASML`), and the `by` belongs to another verb.
        const bool object_next = !be && after_verb < token_count() && tok(after_verb).word != "by" &&
                                 !c_.preposition(tok(after_verb)) && !tok(after_verb - 1).after;
        for (std::size_t j = after_verb; !object_next && j < std::min(seg_end, after_verb + 10); ++j) {
            if (tok(j).word == "by" && j + 1 < token_count()) {
                if (const NounGroup* g = group_at_token(j + 1)) agent = g->members;
                break;
            }
            if (const NounGroup* g = group_starting(tok(j).range.begin); g && !governed(*g)) break;
            if (j > after_verb && tok(j - 1).after) break;
        }
    }
    const bool reduced = !be && agent && !p.gerund;
    // `a press release published Sunday`, `chips used in cars`: a participle after a plain noun and
    // before no object modifies that noun; without an agent there is no event.
    if (p.participle && !be && !agent && !p.gerund && p.first > 0) {
        const EnglishToken& b = tok(p.first - 1);
        const bool after_noun = b.lower_word() && !b.after && !c_.auxiliary(b) && !c_.adverb(b) &&
                                !b.in("coordination") && !b.in("relative_pronouns") &&
                                !b.in("negation");
        // (Whether an object follows is asked only after a plain noun.)
        const auto no_object = [&] {
            return p.last >= token_count() || tok(p.last - 1).after || c_.preposition(tok(p.last)) ||
                   tok(p.last).word == "to" ||
                   std::any_of(view_.times.begin(), view_.times.end(),
                               [&](const TimeMention& t) { return t.range.begin == tok(p.last).range.begin; });
        };
        if (after_noun && no_object()) {
            subjects_[k] = ArgView{};
            return;
        }
    }
    if (be || reduced) {
        ArgView patient;
        std::optional<Argument> literal_patient;  // what `patient` views when it is a literal
        std::size_t window_begin = range_.begin;
        if (be) {
            patient = subject_of(k, window_begin);
        } else {
            // The noun right before: `the Kirin 9000s chip, manufactured …`.
            for (const auto& g : s_.groups) {
                if (g.range.end > p.verb.begin) break;
                const std::size_t t = token_at_or_after(view_.tokens, g.range.end);
                if (p.first >= t && p.first - t <= 2) patient = g.members;
            }
            window_begin = p.verb.begin;
        }
        // No name: the noun phrase itself (`The list of 23 items, first unveiled by METI …`).
        if (patient.empty()) {
            const std::size_t seg = s_.segment_of[p.first];
            const auto [first, last] = s_.segments[seg];
            if (be && be_at > first) {
                literal_patient = literal(first, be_at);
            } else if (!be && seg > 0 && p.first <= first + 1) {
                const auto [pf, pl] = s_.segments[seg - 1];
                literal_patient = literal(pf, pl);
            }
            const RelationRule& rule = o_.lexicon_.relations()[p.relation];
            if (literal_patient && o_.lexicon_.allows(rule.object_types, "CONCEPT")) patient = {&*literal_patient, 1};
        }
        ArgView subjects;
        if (agent) subjects = *agent;
        else if (be) subjects = announcing_authority(p);
        if (subjects.empty() && agentless_) {
            unknown_subjects_[k] = Argument{view_.entities->keep(EntityRef{"unknown", "unknown", "UNKNOWN"}), p.verb};
            subjects = {&unknown_subjects_[k], 1};
        }
        subjects_[k] = subjects;
        if (subjects.empty() || patient.empty()) return;
        emit(subjects, patient, p, p.relation, window_begin, "en.passive", false);
        return;
    }
    // `restrict more ASML exports to China`: right after an earlier verb's object, a verb form is
    // the head of that noun phrase.
    if (p.first > 0 && !tok(p.first - 1).after) {
        const TextRange before = tok(p.first - 1).range;
        const std::size_t seg = s_.segment_of[p.first];
        if (std::any_of(used_objects_.begin(), used_objects_.end(),
                        [&](const auto& u) { return u.second == seg && u.first.contains(before); })) {
            subjects_[k] = ArgView{};
            return;
        }
    }
    std::size_t window_begin = range_.begin;
    // Kept for the later predicates (speech_subject) and read from there: nothing below writes
    // subjects_[k] before its last use but fall_back(), after which nothing reads it.
    const ArgView subjects = subjects_[k].emplace(subject_of(k, window_begin));
    if (subjects.empty()) return;
    Args& objects = objects_;
    objects.clear();
    if (!p.tail.empty()) {
        // `added 140 entities to the Entity List`: the object between the verb and the tail.
        std::optional<std::size_t> tail;
        for (std::size_t j = p.last + 1; j < seg_end && !tail; ++j)
            if (tail_at(p, j)) tail = j;
        if (!tail) return fall_back();
        objects_of(p, p.last, *tail, objects);
    } else {
        objects_of(p, p.last, next, objects);
    }
    // `announced that Intel had entered into a PMT`: what the clause's verb is about.
    if (const std::set<std::string>& types = o_.clause_objects_[p.relation];
        objects.empty() && p.last < token_count() && tok(p.last).word == "that" && !types.empty())
        for (std::size_t q = k + 1; q < s_.predicates.size() && objects.empty(); ++q) {
            const EnglishPredicate& inner = s_.predicates[q];
            if (!inner.tail.empty()) continue;
            Args inner_objects;
            objects_of(inner, inner.last, q + 1 < s_.predicates.size() ? s_.predicates[q + 1].first : token_count(), inner_objects);
            for (const auto& o : inner_objects)
                if (types.count(o.entity->type)) objects.push_back(o);
            break;
        }
    // `build a fab in Boise` → builds in Boise; but `invest in facilities across America` keeps
    // the object its pattern's `in` governs.
    // (Asked only of a relation that has a place relation: of most, the answer would go unread.)
    const std::optional<std::uint32_t> place = o_.place_of_[p.relation];
    const bool pattern_in = place && objects.size() > 0 &&
                            view_.cues->match_at("place_preposition", tok(p.last - 1).range.begin, tok(p.last - 1).range.end);
    if (place && !pattern_in) {
        if (Args places = place_of(p); !places.empty()) {
            emit(subjects, places, p, *place, window_begin, "en.svo.place", false);
            return;
        }
    }
    if (objects.empty()) {
        if (o_.reciprocal_[p.relation] && subjects.size() >= 2)
            emit(subjects, {}, p, p.relation, window_begin, "en.reciprocal", true);
        else
            fall_back();
        return;
    }
    for (const auto& o : objects) used_objects_.push_back({o.range, s_.segment_of[p.first]});
    emit(subjects, objects, p, p.relation, window_begin, "en.svo", false);
}

// `a deal between the Netherlands, the United States and Japan`.
void EnglishRelations::SentenceRules::reciprocal_nouns() {
    if (view_.reciprocal_nouns.empty()) return;  // as in find_roles()
    for (const auto& hit : select_longest(view_.reciprocal_nouns)) {
        const std::size_t at = token_at_or_after(view_.tokens, hit.end);
        const NounGroup* g = group_at_token(at);
        if (!g || g->members.size() < 2) continue;
        EnglishPredicate p;
        p.verb = {hit.begin, hit.end};
        p.first = token_at_or_after(view_.tokens, hit.begin);
        p.last = at;
        p.relation = hit.payload;
        emit(g->members, {}, p, hit.payload, hit.begin, "en.reciprocal-noun", true);
    }
}

// (The candidates are moved out, not copied: run() is a SentenceRules' last step, and a member
// returned by name is a copy, the candidates' strings made again.)
std::vector<RelationCandidate> EnglishRelations::SentenceRules::run() {
    find_roles();
    // By begin offset. Mentions whose begins rise already (most sentences' ones) are that order,
    // the only one, and are read where they are: a sorted copy was an allocation a sentence.
    const auto not_after = [](const Mention& a, const Mention& b) { return a.range.begin >= b.range.begin; };
    if (std::adjacent_find(mentions().begin(), mentions().end(), not_after) != mentions().end()) {
        sorted_mentions_ = mentions();
        std::sort(sorted_mentions_.begin(), sorted_mentions_.end(),
                  [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
        mentions_ = &sorted_mentions_;
    }
    c_.read_predicates(view_, mentions(), s_);
    if (view_.tokens.empty()) return std::move(out_);
    // Without a predicate or a reciprocal noun nothing below relates anything (the roles are
    // found): the sentence's segments and groups would go unread.
    if (s_.predicates.empty() && view_.reciprocal_nouns.empty()) return std::move(out_);
    c_.read_structure(view_, mentions(), joins_, s_);
    // `, which …` up to the end of its segment. The words after a comma are the cut's list (a
    // walk over every word of the sentence here cost twice as much as the rest of this loop).
    for (const std::size_t r : s_.after_comma) {
        // Only a word with a relative pronoun's first and last byte and length is asked: the
        // question looks up every list of a word asked first. (An empty word is in every list.)
        const EnglishToken& t = tok(r);
        if (!(t.word.empty() || o_.relative_pronoun_shapes_.may_have_ends_of(t.word)) || !t.in("relative_pronouns"))
            continue;
        relative_spans_.push_back({t.range.begin, segment_range(s_.segment_of[r]).end});
    }
    subjects_.assign(s_.predicates.size(), std::nullopt);
    if (agentless_) unknown_subjects_.assign(s_.predicates.size(), Argument{});
    for (std::size_t k = 0; k < s_.predicates.size(); ++k) relate(k, s_.predicates[k]);
    reciprocal_nouns();
    return std::move(out_);
}

std::vector<RelationCandidate> EnglishRelations::find(const SentenceView& view, bool agentless_passives) const {
    // One set a thread: find() may run on several threads at once, each a sentence at a time.
    thread_local SentenceRules::Lists lists;
    return SentenceRules(*this, view, agentless_passives, lists).run();
}

}  // namespace chronokg
