#include "extract/english_relations.hpp"

#include <algorithm>
#include <optional>

#include "extract/cue_words.hpp"
#include "extract/noun_groups.hpp"
#include "extract/relation_lexicon.hpp"

namespace chronokg {
namespace {

const std::string kEn = "en";

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view slice(std::string_view text, TextRange r) { return text.substr(r.begin, r.size()); }

// Words (runs of non-space bytes) in text[range].
std::vector<TextRange> words_in(std::string_view text, TextRange range) {
    std::vector<TextRange> words;
    std::size_t pos = range.begin;
    while (pos < range.end) {
        while (pos < range.end && text[pos] == ' ') ++pos;
        const std::size_t begin = pos;
        while (pos < range.end && text[pos] != ' ') ++pos;
        if (pos > begin) words.push_back({begin, pos});
    }
    return words;
}

class SentenceRules {
public:
    SentenceRules(const SentenceView& view, const RelationLexicon& lexicon, const CueWords& cues)
        : view_(view), text_(view.text), lexicon_(lexicon), cues_(cues), mentions_(view.mentions),
          range_(view.sentence->range) {}

    std::vector<RelationCandidate> run();

private:
    std::optional<TextRange> read_name(std::size_t at) const;
    void find_roles(std::vector<RelationCandidate>& out);
    std::optional<Argument> literal_object(std::size_t from, std::size_t to) const;
    bool be_before(std::size_t at) const;
    void relate(const PhraseHit& v, std::size_t next_verb, std::vector<RelationCandidate>& out) const;

    const SentenceView& view_;
    std::string_view text_;
    const RelationLexicon& lexicon_;
    const CueWords& cues_;
    std::vector<Mention> mentions_;
    TextRange range_;
    std::vector<RoleJoin> joins_;
    std::vector<NounGroup> groups_;
};

// A capitalized name of one to three words at `at` ("Jensen Huang", "Liesje Schreinemacher").
std::optional<TextRange> SentenceRules::read_name(std::size_t at) const {
    std::size_t pos = trim_spaces(text_, {at, range_.end}).begin;
    const std::size_t begin = pos;
    int words = 0;
    std::size_t end = begin;
    while (pos < range_.end && words < 3 && is_upper(text_[pos])) {
        std::size_t e = pos;
        while (e < range_.end && (is_alpha(text_[e]) || text_[e] == '-' || text_[e] == '.')) ++e;
        if (e - pos < 2) break;
        end = e;
        ++words;
        pos = e;
        if (pos < range_.end && text_[pos] == ' ') ++pos;
    }
    if (words < 2) return std::nullopt;  // a given name and a family name at least
    return TextRange{begin, end};
}

void SentenceRules::find_roles(std::vector<RelationCandidate>& out) {
    auto mention_at = [&](std::size_t begin) -> const Mention* {
        for (const auto& m : mentions_)
            if (m.range.begin == begin) return &m;
        return nullptr;
    };
    auto mention_ending = [&](std::size_t end) -> const Mention* {
        for (const auto& m : mentions_)
            if (m.range.end == end) return &m;
        return nullptr;
    };
    for (const auto& hit : select_longest(lexicon_.roles(false).find_all(text_, range_.begin, range_.end))) {
        const TextRange title{hit.begin, hit.end};
        const RelationRule& role = lexicon_.roles()[lexicon_.role_pattern(hit.payload).relation];
        // The organization: before the title ("Nvidia CEO", "Nvidia's chief executive") or
        // after "of" ("Secretary of Commerce").
        std::size_t org_end = trim_spaces(text_, {range_.begin, title.begin}).end;
        if (org_end >= 2 && (slice(text_, {org_end - 2, org_end}) == "'s")) org_end -= 2;
        const Mention* org = mention_ending(org_end);
        std::size_t after_title = title.end;
        if (!org && text_.substr(title.end, 4) == " of ") {
            org = mention_at(title.end + 4);
            if (org) after_title = org->range.end;
        }
        if (!org || org->entity.type == "PERSON") continue;
        const Argument organization{org->entity, org->range};  // mentions_ may grow below
        // The person: right after ("CEO Jensen Huang"), or before, set off by a comma
        // ("Jensen Huang, Nvidia's chief executive,").
        Argument person;
        const std::size_t name_at = trim_spaces(text_, {after_title, range_.end}).begin;
        if (const Mention* m = mention_at(name_at); m && m->entity.type == "PERSON") {
            person = Argument{m->entity, m->range};
        } else if (auto name = m ? std::nullopt : read_name(name_at)) {
            person = Argument{EntityRef{"", "", "PERSON"}, *name};
            mentions_.push_back(Mention{*name, person.entity, Mention::Kind::name});
        } else {
            // "X, <org> <title>": the PERSON mention before the comma that precedes the organization.
            const TextRange before = trim_spaces(text_, {range_.begin, std::min(organization.range.begin, title.begin)});
            std::size_t comma = before.end;
            for (std::string_view det : {"the", "The"})
                if (comma >= det.size() && slice(text_, {comma - det.size(), comma}) == det) comma -= det.size();
            comma = trim_spaces(text_, {range_.begin, comma}).end;
            if (comma == 0 || text_[comma - 1] != ',') continue;
            const Mention* m = mention_ending(trim_spaces(text_, {range_.begin, comma - 1}).end);
            if (!m || m->entity.type != "PERSON") continue;
            person = Argument{m->entity, m->range};
        }
        joins_.push_back(RoleJoin{organization.range, person.range});
        out.push_back(RelationCandidate{person, organization, role.relation, title, range_,
                                        Polarity::positive, Modality::asserted, "en.role", 0.85});
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
}

// Up to eight words after the verb, up to a clause boundary, without leading determiners.
std::optional<Argument> SentenceRules::literal_object(std::size_t from, std::size_t to) const {
    TextRange r = trim_spaces(text_, {from, std::min(to, range_.end)});
    std::size_t end = r.begin;
    int count = 0;
    for (const auto& w : words_in(text_, r)) {
        std::string_view word = slice(text_, w);
        if (word == "that" || word == "which" || word == "who" || word == "to" || word == "as" || word == "after" ||
            word == "because" || word == "while" || word == "and" || word == "but" || word == "-" || ++count > 8)
            break;
        const char last = word.back();
        end = w.end;
        if (last == ',' || last == ';' || last == ':' || last == '.' || last == '"') {
            end = w.end - 1;
            break;
        }
    }
    r.end = end;
    while (const std::size_t n = cues_.match_at("np_strip", kEn, text_, r.begin, r.end)) r = trim_spaces(text_, {r.begin + n, r.end});
    const std::string_view np = slice(text_, r);
    if (np.size() < 3 || np.find_first_of("()\"") != std::string_view::npos) return std::nullopt;
    return Argument{EntityRef{"", "", "CONCEPT"}, r};
}

// Whether a form of "be" stands right before `at` (passive voice), adverbs allowed between.
bool SentenceRules::be_before(std::size_t at) const {
    const auto words = words_in(text_, {range_.begin, at});
    for (std::size_t i = words.size(), seen = 0; i > 0 && seen < 3; --i, ++seen) {
        const std::string_view w = slice(text_, words[i - 1]);
        if (w == "was" || w == "were" || w == "is" || w == "are" || w == "been" || w == "be" || w == "being")
            return true;
    }
    return false;
}

void SentenceRules::relate(const PhraseHit& v, std::size_t next_verb, std::vector<RelationCandidate>& out) const {
    const TextRange verb{v.begin, v.end};
    const VerbPattern& p = lexicon_.pattern(v.payload);
    const RelationRule& relation = lexicon_.relations()[p.relation];
    const bool passive = p.participle && be_before(verb.begin);

    std::vector<Argument> subjects;
    std::vector<Argument> objects;
    std::size_t subject_end = range_.begin;
    std::string rule = "en.svo";
    // The group right after the verb phrase, else the first ungoverned one before the next verb.
    auto group_after = [&](std::size_t from) -> const NounGroup* {
        for (const auto& g : groups_) {
            if (g.range.begin < from || g.range.begin >= next_verb) continue;
            const bool adjacent = trim_spaces(text_, {from, g.range.begin}).empty();
            if (!g.modifier && (adjacent || !governed_by_preposition(text_, g.range.begin, range_, kEn, cues_))) return &g;
        }
        return nullptr;
    };
    // The nearest ungoverned group before `at` (the sentence's subject, appositions skipped).
    auto group_before = [&](std::size_t at) -> const NounGroup* {
        const NounGroup* found = nullptr;
        for (const auto& g : groups_) {
            if (g.range.end > at) break;
            if (g.modifier || governed_by_preposition(text_, g.range.begin, range_, kEn, cues_)) continue;
            // Skip groups set off as appositions (", X,") when an earlier subject exists.
            if (found && g.range.begin >= 2 && text_[trim_spaces(text_, {range_.begin, g.range.begin}).end - 1] == ',')
                continue;
            found = &g;
        }
        return found;
    };
    if (passive) {
        const NounGroup* agent = nullptr;
        const std::size_t after = trim_spaces(text_, {verb.end, range_.end}).begin;
        std::size_t by = text_.find(" by ", verb.end - 1);
        if (by == std::string_view::npos || by >= next_verb || by > after + 40) return;
        std::size_t agent_at = by + 4;  // "by" + the agent, with nothing but a determiner between
        while (const std::size_t n = cues_.match_at("np_strip", kEn, text_, agent_at, range_.end))
            agent_at = trim_spaces(text_, {agent_at + n, range_.end}).begin;
        agent = group_after(agent_at);
        if (!agent || agent->range.begin != agent_at) return;
        const NounGroup* patient = group_before(verb.begin);
        if (!patient) return;
        subjects = agent->members;
        objects = patient->members;
        subject_end = patient->range.end;
        rule = "en.passive";
    } else {
        const NounGroup* subject = group_before(verb.begin);
        if (!subject) return;
        subjects = subject->members;
        subject_end = subject->range.end;
        if (const NounGroup* object = group_after(verb.end)) {
            objects = object->members;
            if (!p.after_object.empty()) {
                const std::size_t tail = trim_spaces(text_, {object->range.end, range_.end}).begin;
                if (!std::equal(p.after_object.begin(), p.after_object.end(), text_.begin() + tail,
                                [](char a, char b) { return std::tolower(a) == std::tolower(b); }) ||
                    tail + p.after_object.size() > range_.end)
                    return;
            }
        } else if (p.after_object.empty()) {
            if (auto lit = literal_object(verb.end, next_verb)) objects = {*lit};
        } else {
            // "added 140 entities to the Entity List": the literal between the verb and the tail.
            const std::size_t tail = text_.find(p.after_object, verb.end);
            if (tail == std::string_view::npos || tail >= range_.end) return;
            if (auto lit = literal_object(verb.end, tail)) objects = {*lit};
        }
    }
    if (subjects.empty() || objects.empty()) return;

    const TextRange window{std::min(subject_end, verb.begin), verb.begin};
    Polarity polarity = Polarity::positive;
    const auto exceptions = cues_.find("not_negation", kEn, text_, window);
    for (const auto& neg : cues_.find("negation", kEn, text_, window)) {
        const bool exception = std::any_of(exceptions.begin(), exceptions.end(),
                                           [&](const TextRange& r) { return r.begin <= neg.begin && neg.end <= r.end; });
        if (!exception) polarity = Polarity::negative;
    }
    Modality modality = Modality::asserted;
    const TextRange before_verb{range_.begin, verb.begin};
    if (cues_.any("hypothetical", kEn, text_, before_verb)) modality = Modality::hypothetical;
    else if (cues_.any("planned", kEn, text_, window)) modality = Modality::planned;
    else if (cues_.any("reported", kEn, text_, range_)) modality = Modality::reported;

    for (const auto& s : subjects) {
        if (!lexicon_.allows(relation.subject_types, s.entity.type)) continue;
        for (const auto& o : objects) {
            if (!lexicon_.allows(relation.object_types, o.entity.type)) continue;
            if (!s.entity.id.empty() && s.entity.id == o.entity.id) continue;
            const double confidence = o.entity.type == "CONCEPT" ? 0.65 : 0.85;
            out.push_back(RelationCandidate{s, o, relation.relation, verb, range_, polarity, modality, rule, confidence});
        }
    }
}

std::vector<RelationCandidate> SentenceRules::run() {
    std::vector<RelationCandidate> out;
    find_roles(out);
    groups_ = noun_groups(text_, mentions_, range_, kEn, cues_, joins_, {});
    std::vector<PhraseHit> hits;
    for (const auto& h : lexicon_.verbs(false).find_all(text_, range_.begin, range_.end)) {
        const bool inside = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
            return h.begin < m.range.end && m.range.begin < h.end;
        });
        if (!inside) hits.push_back(h);
    }
    const auto verbs = select_longest(std::move(hits));
    for (std::size_t i = 0; i < verbs.size(); ++i)
        relate(verbs[i], i + 1 < verbs.size() ? verbs[i + 1].begin : range_.end, out);
    return out;
}

}  // namespace

EnglishRelations::EnglishRelations(const RelationLexicon& lexicon, const CueWords& cues)
    : lexicon_(lexicon), cues_(cues) {}

std::vector<RelationCandidate> EnglishRelations::find(const SentenceView& view) const {
    return SentenceRules(view, lexicon_, cues_).run();
}

}  // namespace chronokg
