#include "extract/chinese_relations.hpp"

#include <algorithm>
#include <optional>

#include "core/utf8.hpp"
#include "extract/cue_words.hpp"
#include "extract/noun_groups.hpp"
#include "extract/relation_lexicon.hpp"

namespace chronokg {
namespace {

const std::string kZh = "zh";

bool is_hanzi(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

std::string_view slice(std::string_view text, TextRange r) { return text.substr(r.begin, r.size()); }

// Where a relation verb stands and every pattern that has its words there (`发布` is both
// `issues` and `releases`; `签署` both `signs` and, after `与…`, `signs agreement with`).
struct VerbSpan {
    TextRange range;
    std::vector<std::uint32_t> patterns;  // in pack order
};

// A role apposition found in the sentence.
struct Apposition {
    TextRange title;
    std::uint32_t role = 0;
    Argument org;
    Argument person;
};

}  // namespace

ChineseRelations::ChineseRelations(const RelationLexicon& lexicon, const CueWords& cues)
    : lexicon_(lexicon), cues_(cues) {}

namespace {

// Everything the rules of one sentence share.
class SentenceRules {
public:
    SentenceRules(const SentenceView& view, const RelationLexicon& lexicon, const CueWords& cues)
        : view_(view), text_(view.text), lexicon_(lexicon), cues_(cues), mentions_(view.mentions) {}

    std::vector<RelationCandidate> run();

private:
    std::optional<TextRange> read_name(std::size_t at, std::size_t limit) const;
    void find_appositions();
    std::vector<NounGroup> groups_in(TextRange clause, const std::vector<TextRange>& barriers) const;
    bool governed(std::size_t begin, TextRange clause) const;
    std::optional<Argument> literal_object(TextRange clause, std::size_t from, std::size_t to) const;
    void find_verbs();
    void relate_clause(TextRange clause, std::vector<RelationCandidate>& out);
    bool relate(const VerbSpan& verb, std::uint32_t pattern, TextRange clause, std::size_t next_verb,
                std::optional<NounGroup>& clause_subject, std::vector<RelationCandidate>& out) const;
    std::optional<TextRange> frame_start(const VerbPattern& p, TextRange verb, TextRange clause) const;
    std::size_t emit(const NounGroup& subjects, const std::vector<Argument>& objects, std::uint32_t pattern,
                     TextRange verb, TextRange clause, std::size_t window_begin, const std::string& rule,
                     double confidence, bool skip_planned_at_before, std::vector<RelationCandidate>& out) const;

    const SentenceView& view_;
    std::string_view text_;
    const RelationLexicon& lexicon_;
    const CueWords& cues_;
    std::vector<Mention> mentions_;  // the view's, plus names found after role titles
    std::vector<Apposition> appositions_;
    std::vector<VerbSpan> verbs_;    // relation verbs of the sentence, in text order
    std::optional<NounGroup> topic_;  // subject of the latest clause that had one
};

// An unknown person name at `at`: a `·` name (克里斯·米勒), or two or three Hanzi ending before a
// name_stop word.
std::optional<TextRange> SentenceRules::read_name(std::size_t at, std::size_t limit) const {
    if (cues_.match_at("name_stop", kZh, text_, at, limit)) return std::nullopt;
    std::vector<std::size_t> starts;  // byte offsets of consecutive Hanzi (and a `·` joiner)
    std::size_t pos = at;
    bool dotted = false;
    while (pos < limit && starts.size() < 12) {
        std::size_t next = pos;
        const char32_t cp = utf8::decode(text_, next);
        if (cp == U'·' && !starts.empty() && !dotted) {
            dotted = true;
        } else if (!is_hanzi(cp)) {
            break;
        } else if (starts.size() >= 2 && cues_.match_at("name_stop", kZh, text_, pos, limit)) {
            break;
        }
        starts.push_back(pos);
        pos = next;
        if (!dotted && starts.size() == 3) {
            // A dot may still follow a three-character given part (阿尔伯特·…): look ahead.
            std::size_t peek = pos;
            if (peek < limit && utf8::decode(text_, peek) == U'·') continue;
            break;
        }
    }
    if (starts.size() < 2) return std::nullopt;
    if (dotted && utf8::decode(text_, starts.back()) == U'·') return std::nullopt;
    // A plain Chinese name starts with a family name (when the pack lists them).
    if (!dotted && !cues_.empty("surnames", kZh) && !cues_.match_at("surnames", kZh, text_, at, pos))
        return std::nullopt;
    return TextRange{at, pos};
}

void SentenceRules::find_appositions() {
    const TextRange range = view_.sentence->range;
    for (const auto& hit : select_longest(lexicon_.roles(true).find_all(text_, range.begin, range.end))) {
        const TextRange title{hit.begin, hit.end};
        // The organization: a mention ending at the title, or sharing its first character
        // (商务部 + 部长), or a few words of specialty before it (中心 + 网络安全 + 专家).
        const Mention* org = nullptr;
        for (const auto& m : mentions_) {
            if (m.range.end > title.end || m.entity.type == "PERSON") continue;
            if (m.range.end > title.begin) {
                if (m.range.end - title.begin <= 3 && m.range.end < title.end) org = &m;
                continue;
            }
            const std::string_view gap = slice(text_, {m.range.end, title.begin});
            if (gap.size() <= 24 && gap.find_first_of(",;:") == std::string_view::npos &&
                gap.find("的") == std::string_view::npos && gap.find("、") == std::string_view::npos)
                org = &m;
        }
        if (!org) continue;
        const Argument organization{org->entity, org->range};  // mentions_ may grow below
        // The person: a PERSON mention right after the title, or an unknown name.
        Argument person;
        auto after = std::find_if(mentions_.begin(), mentions_.end(),
                                  [&](const Mention& m) { return m.range.begin >= title.end; });
        if (after != mentions_.end() && after->range.begin == title.end && after->entity.type == "PERSON") {
            person = Argument{after->entity, after->range};
        } else if (after != mentions_.end() && after->range.begin == title.end) {
            continue;
        } else if (auto name = read_name(title.end, after == mentions_.end() ? range.end : after->range.begin)) {
            person = Argument{EntityRef{"", "", "PERSON"}, *name};
            mentions_.push_back(Mention{*name, person.entity, Mention::Kind::name});
        } else {
            continue;
        }
        appositions_.push_back(Apposition{title, hit.payload, organization, person});
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
}

std::vector<NounGroup> SentenceRules::groups_in(TextRange clause, const std::vector<TextRange>& barriers) const {
    std::vector<RoleJoin> joins;
    for (const auto& a : appositions_) joins.push_back(RoleJoin{a.org.range, a.person.range});
    return noun_groups(text_, mentions_, clause, kZh, cues_, joins, barriers);
}

bool SentenceRules::governed(std::size_t begin, TextRange clause) const {
    return governed_by_preposition(text_, begin, clause, kZh, cues_);
}

// The noun phrase between `from` and `to` as a literal object: leading particles and
// determiners dropped; when long, only the words after the last 的.
std::optional<Argument> SentenceRules::literal_object(TextRange clause, std::size_t from, std::size_t to) const {
    TextRange r = trim_spaces(text_, {from, std::min(to, clause.end)});
    for (bool changed = true; changed && !r.empty();) {
        changed = false;
        for (std::string_view particle : {"了", "着", "过", "出"}) {
            if (slice(text_, r).substr(0, particle.size()) == particle) {
                r.begin += particle.size();
                changed = true;
            }
        }
        if (const std::size_t n = cues_.match_at("np_strip", kZh, text_, r.begin, r.end)) {
            r.begin += n;
            changed = true;
        }
        r = trim_spaces(text_, r);
    }
    // Time expressions at the front are adverbials, not part of the object.
    for (const auto& t : view_.times)
        if (t.range.begin == r.begin && t.range.end <= r.end) r = trim_spaces(text_, {t.range.end, r.end});
    // "尘封已久的芯片制造计划" → its head "芯片制造计划"; a modifier that names an entity
    // ("针对中国的出口管制措施") stays, as it says what the thing is about.
    std::string_view np = slice(text_, r);
    if (const auto de = np.rfind("的"); de != std::string_view::npos) {
        const TextRange modifier{r.begin, r.begin + de};
        const bool names_entity = std::any_of(mentions_.begin(), mentions_.end(),
                                              [&](const Mention& m) { return modifier.contains(m.range); });
        if (!names_entity || np.size() > 48) r.begin += de + 3;
        np = slice(text_, r);
    }
    if (np.size() < 6 || np.size() > 60) return std::nullopt;  // two Hanzi at least
    if (np.find_first_of("\"()") != std::string_view::npos) return std::nullopt;
    return Argument{EntityRef{"", "", "CONCEPT"}, r};
}

std::size_t SentenceRules::emit(const NounGroup& subjects, const std::vector<Argument>& objects, std::uint32_t pattern,
                                TextRange verb, TextRange clause, std::size_t window_begin, const std::string& rule,
                                double confidence, bool skip_planned_at_before,
                                std::vector<RelationCandidate>& out) const {
    const VerbPattern& p = lexicon_.pattern(pattern);
    const RelationRule& relation = lexicon_.relations()[p.relation];
    // Polarity and modality come from the words between the subject and the verb.
    const TextRange window{std::min(window_begin, verb.begin), verb.begin};
    Polarity polarity = Polarity::positive;
    const auto exceptions = cues_.find("not_negation", kZh, text_, {window.begin, clause.end});
    for (const auto& neg : cues_.find("negation", kZh, text_, window)) {
        const bool exception = std::any_of(exceptions.begin(), exceptions.end(),
                                           [&](const TextRange& r) { return r.begin <= neg.begin && neg.end <= r.end; });
        if (!exception) polarity = Polarity::negative;
    }
    Modality modality = Modality::asserted;
    const TextRange sentence_before{view_.sentence->range.begin, verb.begin};
    if (cues_.any("hypothetical", kZh, text_, sentence_before)) {
        modality = Modality::hypothetical;
    } else {
        for (const auto& w : cues_.find("planned", kZh, text_, window))
            if (!(skip_planned_at_before && text_.substr(w.begin, p.before.size()) == p.before))
                modality = Modality::planned;
        if (modality == Modality::asserted && cues_.any("reported", kZh, text_, sentence_before))
            modality = Modality::reported;
    }
    const std::size_t before = out.size();
    for (const auto& s : subjects.members) {
        if (!lexicon_.allows(relation.subject_types, s.entity.type)) continue;
        for (const auto& o : objects) {
            if (!lexicon_.allows(relation.object_types, o.entity.type)) continue;
            if (!s.entity.id.empty() && s.entity.id == o.entity.id) continue;
            out.push_back(RelationCandidate{s, o, relation.relation, verb, clause, polarity, modality, rule,
                                            o.entity.type == "CONCEPT" ? confidence - 0.2 : confidence});
        }
    }
    return out.size() - before;
}

// The nearest place before the verb where the frame's first part stands (与 of 与{O}合作).
std::optional<TextRange> SentenceRules::frame_start(const VerbPattern& p, TextRange verb, TextRange clause) const {
    if (p.before.empty()) return std::nullopt;
    for (std::size_t at = verb.begin; at > clause.begin;) {
        at = text_.rfind(p.before, at - 1);
        if (at == std::string_view::npos || at < clause.begin) break;
        if (at + p.before.size() <= verb.begin) return TextRange{at, at + p.before.size()};
    }
    return std::nullopt;
}

// Tries one pattern at one verb; true when it gave events.
bool SentenceRules::relate(const VerbSpan& v, std::uint32_t pattern, TextRange clause, std::size_t next_verb,
                           std::optional<NounGroup>& clause_subject, std::vector<RelationCandidate>& out) const {
    const TextRange verb = v.range;
    const VerbPattern& p = lexicon_.pattern(pattern);
    const std::optional<TextRange> before = frame_start(p, verb, clause);
    if (!p.before.empty() && !before) return false;
    const std::vector<TextRange> barriers = before ? std::vector<TextRange>{*before} : std::vector<TextRange>{};
    const auto groups = groups_in(clause, barriers);
    const std::size_t verb_front = before ? before->begin : verb.begin;

    // Passive: 由X签署, 被X列入 — X is the agent and the subject.
    std::optional<TextRange> passive;
    for (const auto& marker : cues_.find("passive_agent", kZh, text_, {clause.begin, verb_front})) passive = marker;
    std::optional<NounGroup> subject;
    std::vector<Argument> objects;
    std::string rule = before ? "zh.frame" : "zh.svo";
    double confidence = 0.85;
    if (passive) {
        const auto agent = std::find_if(groups.begin(), groups.end(), [&](const NounGroup& g) {
            return g.range.begin >= passive->end && g.range.end <= verb_front;
        });
        if (agent == groups.end()) return false;  // no agent, no event
        subject = *agent;
        for (const auto& g : groups)
            if (g.range.end <= passive->begin) objects = g.members;
        if (objects.empty() && topic_) objects = topic_->members;
        rule = "zh.passive";
    } else {
        // "{O}暂停实施": the object is the group right before the verb; the subject comes before it.
        const NounGroup* object_first = nullptr;
        if (p.object_before) {
            for (const auto& g : groups)
                if (g.range.end <= verb.begin && !g.modifier) object_first = &g;
            if (!object_first) return false;
            objects = object_first->members;
        }
        const std::size_t subject_limit = object_first ? object_first->range.begin : verb_front;
        for (const auto& g : groups) {
            if (g.range.end > subject_limit) break;
            if (!governed(g.range.begin, clause)) {
                subject = g;
                break;
            }
        }
        if (!subject && clause_subject) subject = clause_subject;
        if (!subject && topic_) {
            subject = topic_;
            rule += ".carried";
            confidence -= 0.05;
        }
        if (!subject) return false;
        if (before) {
            for (const auto& g : groups)
                if (g.range.begin >= before->end && g.range.end <= verb.begin) {
                    objects = g.members;
                    break;
                }
            if (objects.empty())
                if (auto lit = literal_object(clause, before->end, verb.begin)) objects = {*lit};
        } else if (!p.object_before) {
            // The object follows; a verb whose complement is another verb (宣布撤销, 宣布将…列入)
            // yields to that verb.
            const auto object_group = std::find_if(groups.begin(), groups.end(), [&](const NounGroup& g) {
                return g.range.begin >= verb.end && !governed(g.range.begin, clause);
            });
            const std::size_t object_start = object_group == groups.end() ? clause.end : object_group->range.begin;
            if (next_verb < object_start) return false;
            if (object_group != groups.end() && !object_group->modifier) objects = object_group->members;
            if (objects.empty())
                if (auto lit = literal_object(clause, verb.end, next_verb)) objects = {*lit};
        }
    }
    if (objects.empty()) return false;
    const std::size_t window_begin = passive ? passive->begin : subject->range.end;
    const std::size_t emitted = emit(*subject, objects, pattern, verb, clause, std::max(window_begin, clause.begin), rule,
                                     confidence, before.has_value(), out);
    if (emitted > 0 && !passive) clause_subject = subject;
    return emitted > 0;
}

void SentenceRules::relate_clause(TextRange clause, std::vector<RelationCandidate>& out) {
    std::vector<const VerbSpan*> verbs;
    for (const auto& v : verbs_)
        if (clause.contains(v.range)) verbs.push_back(&v);
    std::optional<NounGroup> clause_subject;
    for (std::size_t i = 0; i < verbs.size(); ++i) {
        const VerbSpan& v = *verbs[i];
        // Where the next verb's phrase starts: its verb, or its frame's first part.
        std::size_t next_verb = clause.end;
        if (i + 1 < verbs.size()) {
            next_verb = verbs[i + 1]->range.begin;
            for (std::uint32_t q : verbs[i + 1]->patterns)
                if (auto front = frame_start(lexicon_.pattern(q), verbs[i + 1]->range, clause); front && front->begin >= v.range.end)
                    next_verb = std::min(next_verb, front->begin);
        }
        // Frames whose first part is present are the most specific reading; then the rest, in
        // pack order. The first pattern that yields events wins.
        std::vector<std::uint32_t> order;
        for (std::uint32_t q : v.patterns)
            if (frame_start(lexicon_.pattern(q), v.range, clause)) order.push_back(q);
        for (std::uint32_t q : v.patterns)
            if (lexicon_.pattern(q).before.empty()) order.push_back(q);
        for (std::uint32_t q : order)
            if (relate(v, q, clause, next_verb, clause_subject, out)) break;
    }
    // The clause's own first free group becomes the topic carried into later clauses.
    for (const auto& g : groups_in(clause, {})) {
        if (!governed(g.range.begin, clause)) {
            topic_ = g;
            break;
        }
    }
}

// The relation verbs of the sentence. A word inside a name is no verb (投资 in 投资税收抵免), nor is
// one used as a noun: after 的, or before a noun suffix (制造业, 研发中心). A verb phrase may hold
// a name (列入实体清单): that name is then part of the verb, not a noun of the clause.
void SentenceRules::find_verbs() {
    const TextRange range = view_.sentence->range;
    std::vector<PhraseHit> hits;
    for (const auto& h : lexicon_.verbs(true).find_all(text_, range.begin, range.end)) {
        const bool inside_name = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
            return m.range.begin <= h.begin && h.end <= m.range.end;
        });
        const bool after_de = h.begin >= range.begin + 3 && text_.substr(h.begin - 3, 3) == "的";
        const bool noun = cues_.match_at("noun_suffix", kZh, text_, h.end, std::min(h.end + 12, range.end)) > 0;
        if (!inside_name && !after_de && !noun) hits.push_back(h);
    }
    const auto kept = select_longest(hits);
    for (const auto& k : kept) {
        VerbSpan span{{k.begin, k.end}, {}};
        for (const auto& h : hits)
            if (h.begin == k.begin && h.end == k.end) span.patterns.push_back(h.payload);
        std::sort(span.patterns.begin(), span.patterns.end());
        verbs_.push_back(std::move(span));
    }
    mentions_.erase(std::remove_if(mentions_.begin(), mentions_.end(),
                                   [&](const Mention& m) {
                                       return std::any_of(verbs_.begin(), verbs_.end(), [&](const VerbSpan& v) {
                                           return v.range.contains(m.range);
                                       });
                                   }),
                    mentions_.end());
}

std::vector<RelationCandidate> SentenceRules::run() {
    std::vector<RelationCandidate> out;
    find_appositions();
    for (const auto& a : appositions_) {
        const RelationRule& role = lexicon_.roles()[lexicon_.role_pattern(a.role).relation];
        TextRange clause = view_.sentence->range;
        for (const auto& c : view_.sentence->clauses)
            if (c.contains(a.title)) clause = c;
        out.push_back(RelationCandidate{a.person, a.org, role.relation, a.title, clause, Polarity::positive,
                                        Modality::asserted, "zh.role", 0.9});
    }
    find_verbs();
    for (const auto& clause : view_.sentence->clauses) relate_clause(clause, out);
    return out;
}

}  // namespace

std::vector<RelationCandidate> ChineseRelations::find(const SentenceView& view) const {
    return SentenceRules(view, lexicon_, cues_).run();
}

}  // namespace chronokg
