#include "extract/chinese_relations.hpp"

#include <algorithm>
#include <cstring>
#include <list>
#include <initializer_list>
#include <optional>
#include <span>

#include "core/text_search.hpp"
#include "core/utf8.hpp"
#include "extract/cue_words.hpp"
#include "extract/entity_store.hpp"
#include "extract/noun_groups.hpp"
#include "extract/relation_lexicon.hpp"

namespace chronokg {
namespace {

const std::string kZh = "zh";

bool is_hanzi(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

// The text of `r`; empty when `r` is reversed or outside (never the rest of the document).
std::string_view slice(std::string_view text, TextRange r) {
    if (r.end <= r.begin || r.begin >= text.size()) return {};
    return text.substr(r.begin, r.end - r.begin);
}

// Where a relation verb stands and every pattern that has its words there (`发布` is both
// `issues` and `releases`; `签署` both `signs` and, after `与…`, `signs agreement with`).
struct VerbSpan {
    TextRange range;
    std::span<const std::uint32_t> patterns;  // in pack order (in SentenceBuffers::verb_patterns)
};

// What stands around a verb in its clause.
struct Neighbours {
    std::size_t next_verb = 0;  // where the next verb's phrase starts (the clause end when none)
    std::optional<NounGroup> relative_head;  // the named head after a relative clause (…的玄戒T1)
    // For a verb inside such a clause (搭载 in 发布了搭载麒麟9000S的Mate 60 Pro): the head is its
    // subject, and its objects end at the clause's 的.
    std::optional<NounGroup> relative_subject;
    std::optional<NounGroup> relative_object{};  // 撤销[拜登政府签署]的《规则》: the head is the object
    std::size_t object_end = std::string_view::npos;
    std::vector<TextRange> later_frame_starts{};  // first parts the later verbs' frames reach
    // Whether the clause holds a passive_agent word at all: without one, no window of the clause
    // holds one, and relate() does not look.
    bool passive_in_clause = true;

    bool frame_claimed(TextRange start) const {
        return std::any_of(later_frame_starts.begin(), later_frame_starts.end(),
                           [&](const TextRange& r) { return r.begin == start.begin; });
    }
};

// A role apposition found in the sentence.
struct Apposition {
    TextRange title;
    std::uint32_t role = 0;
    Argument org;
    Argument person;
};

// The bit of the first-character sets (ChineseRelations::noun_suffix_starts_) for a three-byte
// character whose second and third bytes are these.
std::size_t first_character_bit(char second, char third) {
    return (static_cast<std::size_t>(static_cast<unsigned char>(second) & 0x3F) << 6) |
           (static_cast<unsigned char>(third) & 0x3F);
}

// The three-byte characters of the text from a place on, as first_character_bit()'s bits, gathered
// as far as asked: where words hold a character that is not among them, they stand nowhere there,
// and that text is not worth searching for them. (Most of the frames' first parts a place's
// patterns ask about, 19 at 出口, stand nowhere before it; those searches were 1 % of Chinese
// extraction.) The answer equals the search's wherever it says no: words that stand in the text
// have every character there, and its bits set. Characters that share their bits only leave a
// search to be made.
class CharactersFrom {
public:
    CharactersFrom(std::string_view text, std::size_t from) : text_(text), gathered_(from) {}
    // False when `words` cannot stand in text[from, limit): a three-byte character of theirs
    // stands nowhere there. (The characters up to the furthest limit asked are gathered.)
    bool may_hold(std::string_view words, std::size_t limit) {
        if (!started_ || gathered_ < limit) gather(limit);
        for (std::size_t i = 0; i < words.size();) {
            if (!is_three_byte_lead(words[i]) || i + 3 > words.size()) {
                ++i;  // (a byte of another character: not looked up)
                continue;
            }
            const std::size_t bit = first_character_bit(words[i + 1], words[i + 2]);
            if ((bits_[bit / 64] >> (bit % 64) & 1) == 0) return false;
            i += 3;
        }
        return true;
    }

private:
    // (No byte of another character is a three-byte character's first: E0–EF, one past ASCII and
    // the continuation bytes.)
    static bool is_three_byte_lead(char c) { return (static_cast<unsigned char>(c) & 0xF0) == 0xE0; }
    // (A character that ends past `limit` is gathered too: only bits set in vain.) Out of line, and
    // the bits cleared at the first call only: most sentences ask nothing, and with the loop
    // inline the rules around it lost some of their own inlining (0.3M instructions a MB).
    [[gnu::noinline]] void gather(std::size_t limit) {
        if (!started_) bits_.fill(0);
        started_ = true;
        // (One bound: a character that begins before it begins before `limit` and ends in the text.)
        const std::size_t stop = std::min(limit, text_.size() < 2 ? 0 : text_.size() - 2);
        while (gathered_ < stop) {
            if (!is_three_byte_lead(text_[gathered_])) {
                ++gathered_;
                continue;
            }
            const std::size_t bit = first_character_bit(text_[gathered_ + 1], text_[gathered_ + 2]);
            bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
            gathered_ += 3;
        }
    }

    std::string_view text_;
    std::size_t gathered_;  // the characters from the first place to it are in bits_
    bool started_ = false;  // bits_ cleared
    // (Words of 64 bits, not a std::bitset<4096> as the rules' fixed sets are: its bit proxies
    // in the gathering loop cost 0.48M instructions a MB of Chinese.)
    std::array<std::uint64_t, 64> bits_;
};

// Whether pattern `p` reads its frame's first part before the verb (no bare verb, no object first).
bool needs_first_part(const VerbPattern& p) { return !p.before.empty() && !p.object_before; }

// A place where relation verbs stand in the sentence, with its hits (SentenceRules::find_verbs()).
struct VerbPlace {
    TextRange range;
    std::size_t first = 0, last = 0;  // its hits: SentenceView::verbs[first, last)
    // Whether a pattern's frame opens before it in the sentence: looked for only when an
    // overlapping place asks (most places overlap none), then kept.
    std::optional<bool> framed{};
};

// A clause's noun groups (SentenceRules::groups_in()) for one set of barriers.
struct Groups {
    TextRange clause;
    std::vector<TextRange> barriers;
    // The answer is the first `count` groups; those after are room kept for later answers
    // (noun_groups()).
    std::vector<NounGroup> groups;
    std::size_t count = 0;

    std::span<const NounGroup> answer() const { return {groups.data(), count}; }
};

// The lists SentenceRules fills for one sentence, one set a thread, kept from sentence to
// sentence: cleared, not freed (made and freed for each sentence, they were some 85,000 heap
// blocks a MB of Chinese).
struct SentenceBuffers {
    std::vector<Mention> mentions;
    std::vector<Apposition> appositions;
    std::vector<RoleJoin> role_joins;  // the appositions' organization and person, for noun_groups
    std::vector<VerbSpan> verbs;
    std::vector<std::uint32_t> verb_patterns;  // the verbs' patterns, verb after verb
    std::list<Groups> groups;
    std::vector<const VerbSpan*> clause_verbs;
    std::vector<std::uint32_t> pattern_order;
    std::vector<std::optional<TextRange>> frame_starts;  // relate_clause(), by verb_patterns' slots
    std::vector<std::size_t> predicate_starts;
    std::vector<VerbPlace> verb_places;                                // find_verbs()
    std::vector<PhraseHit> verb_candidates;                            // find_verbs()
    std::vector<TextRange> noun_prefixes;                              // find_verbs()
    std::vector<std::pair<const Argument*, const Argument*>> pairs;  // emit()
    std::vector<std::size_t> name_boundaries;                         // find_unknown_organizations()
    std::vector<Argument> made_objects;                               // relate()
    // Copies of noun groups kept past the call that found them, in room taken again (made for
    // each clause and sentence, their members cost some 7,800 heap blocks a MB of Chinese).
    NounGroup clause_subject;  // relate_clause(): the clause's subject
    NounGroup topic;           // SentenceRules::topic_
};

}  // namespace

ChineseRelations::ChineseRelations(const RelationLexicon& lexicon, const CueWords& cues)
    : lexicon_(lexicon), cues_(cues) {
    for (const auto& entry : cues_.words("literal_type", kZh)) {
        const auto eq = entry.find('=');
        if (eq != std::string::npos) literal_types_.emplace_back(entry.substr(0, eq), EntityRef{"", "", entry.substr(eq + 1)});
    }
    for (std::uint32_t t = 0; t < literal_types_.size(); ++t) {
        const std::string& head = literal_types_[t].first;
        if (head.empty())  // every phrase ends with it
            for (auto& heads : literal_types_by_last_byte_) heads.push_back(t);
        else
            literal_types_by_last_byte_[static_cast<unsigned char>(head.back())].push_back(t);
    }
    // (A word's three first bytes, all past ASCII, are matched as they are: the matcher lowers
    // ASCII letters only.)
    for (const std::string& word : cues_.words("noun_suffix", kZh)) {
        const bool three_byte_start = word.size() >= 3 && utf8::lead_length(static_cast<unsigned char>(word[0])) == 3 &&
                                      static_cast<unsigned char>(word[1]) >= 0x80 &&
                                      static_cast<unsigned char>(word[2]) >= 0x80;
        if (!three_byte_start) {
            noun_suffix_starts_anyhow_ = true;
            continue;
        }
        const std::size_t bit = first_character_bit(word[1], word[2]);
        noun_suffix_starts_[bit] = true;
    }
    for (const RelationRule& relation : lexicon_.relations())
        takes_literal_.push_back(lexicon_.allows(relation.object_types, "CONCEPT") ||
                                 std::any_of(literal_types_.begin(), literal_types_.end(), [&](const auto& t) {
                                     return lexicon_.allows(relation.object_types, t.second.type);
                                 }));
}

namespace {

// Everything the rules of one sentence share.
class SentenceRules {
public:
    SentenceRules(const SentenceView& view, const RelationLexicon& lexicon, const CueWords& cues,
                  const std::vector<std::pair<std::string, EntityRef>>& literal_types,
                  const std::array<std::vector<std::uint32_t>, 256>& literal_types_by_last_byte,
                  const std::vector<bool>& takes_literal, const std::bitset<4096>& noun_suffix_starts,
                  bool noun_suffix_starts_anyhow, SentenceBuffers& buffers)
        : view_(view), text_(view.text), lexicon_(lexicon), cues_(cues), literal_types_(literal_types),
          literal_types_by_last_byte_(literal_types_by_last_byte), takes_literal_(takes_literal),
          noun_suffix_starts_(noun_suffix_starts), noun_suffix_starts_anyhow_(noun_suffix_starts_anyhow),
          mentions_(buffers.mentions), appositions_(buffers.appositions), role_joins_(buffers.role_joins),
          verbs_(buffers.verbs),
          verb_patterns_(buffers.verb_patterns), groups_(buffers.groups), clause_verbs_(buffers.clause_verbs),
          pattern_order_(buffers.pattern_order), frame_starts_(buffers.frame_starts),
          predicate_starts_(buffers.predicate_starts),
          verb_places_(buffers.verb_places), verb_candidates_(buffers.verb_candidates),
          noun_prefixes_(buffers.noun_prefixes), pairs_(buffers.pairs),
          name_boundaries_(buffers.name_boundaries), made_objects_(buffers.made_objects),
          clause_subject_room_(buffers.clause_subject), topic_room_(buffers.topic), groups_end_(groups_.begin()) {
        mentions_.assign(view.mentions.begin(), view.mentions.end());
        appositions_.clear();
        role_joins_.clear();
        verbs_.clear();
        verb_patterns_.clear();
    }

    std::vector<RelationCandidate> run();

private:
    std::optional<TextRange> read_name(std::size_t at, std::size_t limit) const;
    void find_appositions();
    // Puts mentions_ in the order of their begins again after names were added to them (by
    // find_unknown_organizations() or find_appositions(), in this sentence). Without one added
    // they are the view's, which come in text order and never overlap (MentionFinder), less the
    // verbs' (find_verbs()): their begins rise, which is the one order std::sort gives them, and
    // they are left as they are (sorting them in every sentence, twice, cost 0.5 % of Chinese
    // extraction).
    void sort_mentions();
    // The noun groups of `clause` not crossing `barriers`. Asked again for each verb and pattern
    // of a clause, and the same once the sentence's verbs, names and appositions are found:
    // kept, by clause and barriers, from the first time.
    std::span<const NounGroup> groups_in(TextRange clause, std::span<const TextRange> barriers) const;
    // Where predicates start (verbs, time expressions) for groups_in(): a place name before one
    // is no modifier. In predicate_starts_, until the next call.
    const std::vector<std::size_t>& find_predicate_starts(TextRange clause) const;
    // groups_in()'s predicate starts of one clause, found when noun_groups() first asks.
    class ClausePredicateStarts final : public PredicateStarts {
    public:
        ClausePredicateStarts(const SentenceRules& rules, TextRange clause) : rules_(rules), clause_(clause) {}
        const std::vector<std::size_t>& get() const override {
            if (!starts_) starts_ = &rules_.find_predicate_starts(clause_);
            return *starts_;
        }

    private:
        const SentenceRules& rules_;
        TextRange clause_;
        mutable const std::vector<std::size_t>* starts_ = nullptr;
    };
    // A node for a new answer of groups_in(), for `clause` and `barriers`, its groups those of
    // an earlier answer (noun_groups() takes them again) or none.
    Groups& new_groups(TextRange clause, std::span<const TextRange> barriers) const;
    bool governed(std::size_t begin, TextRange clause) const;
    // Whether the words from the clause's start to `limit` end in a plain noun (外国企业, 相关厂商):
    // the verb at `limit` has a subject the pack does not name, not the carried topic.
    bool plain_subject_before(TextRange clause, std::size_t limit) const;
    bool opens_clause(const NounGroup& g, std::size_t next_verb, TextRange clause) const;
    // Past a run of words from the cue `lists` (and, with `times`, time expressions) from `at`,
    // stopping at `limit`: the position of the first other word.
    std::size_t skip_words(std::size_t at, std::size_t limit, CueIds lists,
                           bool times = false) const;
    std::optional<Argument> literal_object(TextRange clause, std::size_t from, std::size_t to) const;
    // The length of the longest noun_suffix word at `at` that ends by `limit` (cues_.match_at()),
    // the matcher asked only where a character such a word starts with stands.
    std::size_t noun_suffix_at(std::size_t at, std::size_t limit) const;
    void find_verbs();
    void find_unknown_organizations();
    void relate_clause(TextRange clause, std::vector<RelationCandidate>& out);
    std::optional<std::pair<std::size_t, NounGroup>> relative_clause_head(
        TextRange clause, std::size_t de, std::size_t from, const std::vector<const VerbSpan*>& verbs) const;
    // Tries the verb's pattern number `slot` (of verb.patterns). `clause_subject`: the clause's
    // subject so far (in clause_subject_room_), or none; set when the try gives events.
    bool relate(const VerbSpan& verb, std::size_t slot, TextRange clause, const Neighbours& around,
                const NounGroup*& clause_subject, std::vector<RelationCandidate>& out) const;
    std::optional<TextRange> frame_start(const VerbPattern& p, TextRange verb, TextRange clause) const;
    // The frame starts of the verb's patterns (in frame_starts_), pattern by pattern.
    // (From the list's data: a span of the whole list first took its size, a division, at every
    // call.)
    std::span<std::optional<TextRange>> frame_starts_of(const VerbSpan& verb) const {
        return std::span(frame_starts_.data() + (verb.patterns.data() - verb_patterns_.data()), verb.patterns.size());
    }
    std::size_t emit(const NounGroup& subjects, std::span<const Argument> objects, std::uint32_t pattern,
                     TextRange verb, TextRange clause, std::size_t window_begin, std::string_view rule,
                     double confidence, bool skip_planned_at_before, std::vector<RelationCandidate>& out) const;

    const SentenceView& view_;
    std::string_view text_;
    const RelationLexicon& lexicon_;
    const CueWords& cues_;
    const std::vector<std::pair<std::string, EntityRef>>& literal_types_;  // ChineseRelations::literal_types_
    const std::array<std::vector<std::uint32_t>, 256>& literal_types_by_last_byte_;  // ChineseRelations' too
    const std::vector<bool>& takes_literal_;  // ChineseRelations::takes_literal_
    const std::bitset<4096>& noun_suffix_starts_;  // ChineseRelations' too
    const bool noun_suffix_starts_anyhow_;         // ChineseRelations' too
    // The lists below are the thread's SentenceBuffers.
    std::vector<Mention>& mentions_;  // the view's, plus names found after role titles
    std::vector<Apposition>& appositions_;
    std::vector<RoleJoin>& role_joins_;  // one for each apposition, in their order
    std::vector<VerbSpan>& verbs_;    // relation verbs of the sentence, in text order
    std::vector<std::uint32_t>& verb_patterns_;  // what verbs_' patterns view
    const NounGroup* topic_ = nullptr;  // subject of the latest clause that had one (in topic_room_), or none
    // groups_in()'s answers: the nodes before groups_end_. A list: references stay valid, and
    // the nodes after, left by earlier sentences, are taken for new answers with the room their
    // lists have (new_groups()).
    std::list<Groups>& groups_;
    // Lists made for each clause (relate_clause(): its verbs, the order of a verb's patterns;
    // groups_in(): where predicates start), kept from clause to clause: cleared, not freed.
    std::vector<const VerbSpan*>& clause_verbs_;
    std::vector<std::uint32_t>& pattern_order_;
    // Where each pattern of the clause's verbs opens its frame before its verb (frame_start()), by
    // the pattern's slot in verb_patterns_ (those of verbs outside the clause are stale): found
    // once a clause, as relate_clause() asks again for each later verb, for the order of a
    // verb's patterns and at each try.
    std::vector<std::optional<TextRange>>& frame_starts_;
    std::vector<std::size_t>& predicate_starts_;
    std::vector<VerbPlace>& verb_places_;
    std::vector<PhraseHit>& verb_candidates_;
    std::vector<TextRange>& noun_prefixes_;
    std::vector<std::pair<const Argument*, const Argument*>>& pairs_;
    std::vector<std::size_t>& name_boundaries_;
    std::vector<Argument>& made_objects_;
    NounGroup& clause_subject_room_;
    NounGroup& topic_room_;
    mutable std::list<Groups>::iterator groups_end_;
    bool mentions_added_ = false;  // names added to the view's mentions (sort_mentions())
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
    const auto titles = select_longest(view_.roles);
    for (const auto& hit : titles) {
        const TextRange title{hit.begin, hit.end};
        // Titles joined by 兼 share the person after the last one (董事长兼CEO雷军).
        std::size_t name_at = title.end;
        for (bool joined = true; joined;) {
            joined = false;
            if (text_.substr(name_at, 3) != "兼") break;
            for (const auto& next : titles)
                if (next.begin == name_at + 3) {
                    name_at = next.end;
                    joined = true;
                }
        }
        // The organization: a mention ending at the title, or sharing its first character
        // (商务部 + 部长), or a few words of specialty before it (中心 + 网络安全 + 专家).
        const Mention* org = nullptr;
        for (const auto& m : mentions_) {
            if (m.range.end > title.end || m.entity->type == "PERSON") continue;
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
                                  [&](const Mention& m) { return m.range.begin >= name_at; });
        if (after != mentions_.end() && after->range.begin == name_at && after->entity->type == "PERSON") {
            person = Argument{after->entity, after->range};
        } else if (after != mentions_.end() && after->range.begin == name_at) {
            continue;
        } else if (auto name = read_name(name_at, after == mentions_.end() ? range.end : after->range.begin)) {
            person = Argument{view_.entities->keep(EntityRef{"", "", "PERSON"}), *name};
            const bool known = std::any_of(mentions_.begin(), mentions_.end(),
                                           [&](const Mention& m) { return m.range.begin == name->begin; });
            if (!known) {
                mentions_.push_back(Mention{*name, person.entity, Mention::Kind::name});
                mentions_added_ = true;
            }
        } else {
            continue;
        }
        appositions_.push_back(Apposition{title, hit.payload, organization, person});
        role_joins_.push_back(RoleJoin{organization.range, person.range});
    }
    sort_mentions();
}

void SentenceRules::sort_mentions() {
    if (!mentions_added_) return;
    std::sort(mentions_.begin(), mentions_.end(),
              [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
}

std::span<const NounGroup> SentenceRules::groups_in(TextRange clause, std::span<const TextRange> barriers) const {
    for (auto g = groups_.begin(); g != groups_end_; ++g)
        if (g->clause == clause && std::ranges::equal(g->barriers, barriers)) return g->answer();
    // A barrier only keeps coordination from joining across it, and a join stays inside its
    // group: where no group of the clause without barriers holds one, the groups are those.
    if (!barriers.empty()) {
        const auto plain = groups_in(clause, {});
        const bool holds_barrier = std::any_of(plain.begin(), plain.end(), [&](const NounGroup& g) {
            return std::any_of(barriers.begin(), barriers.end(), [&](const TextRange& b) { return g.range.contains(b); });
        });
        if (!holds_barrier) return plain;
    }
    // A clause that names nothing has no groups: its predicates' starts are not worth finding.
    if (std::none_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) { return clause.contains(m.range); })) {
        Groups& answer = new_groups(clause, barriers);
        answer.count = 0;
        return answer.answer();
    }
    const ClausePredicateStarts predicate_starts(*this, clause);
    Groups& answer = new_groups(clause, barriers);
    // (The joins are kept with the appositions: made again for each call, they cost a list and
    // its filling each time.)
    answer.count =
        noun_groups(text_, mentions_, clause, kZh, *view_.cues, role_joins_, barriers, predicate_starts, answer.groups);
    return answer.answer();
}

const std::vector<std::size_t>& SentenceRules::find_predicate_starts(TextRange clause) const {
    std::vector<std::size_t>& predicate_starts = predicate_starts_;
    predicate_starts.clear();
    predicate_starts.reserve(verbs_.size() + view_.times.size());  // and a frame's start now and then
    for (const auto& v : verbs_) {
        predicate_starts.push_back(v.range.begin);
        // A frame starts at its first words: 放宽 in 中国放宽对美国的出口管制 (verb part 的出口管制).
        // Searched within the clause only: a search through the rest of the document made one
        // long text without full stops quadratic (issue 8). So a verb outside the clause adds
        // no frame start, and its patterns are not read.
        if (v.range.begin < clause.begin || v.range.begin > clause.end) continue;
        // Those of a verb the clause holds are found already (groups_in() answers relate_clause()
        // about the clause it reads).
        if (clause.contains(v.range)) {
            for (const auto& front : frame_starts_of(v))
                if (front) predicate_starts.push_back(front->begin);
            continue;
        }
        for (const std::uint32_t p : v.patterns) {
            const std::string& before = lexicon_.pattern(p).before;
            if (before.empty()) continue;
            const std::size_t at = find_last(slice(text_, {clause.begin, v.range.begin}), before);
            if (at != std::string_view::npos) predicate_starts.push_back(clause.begin + at);
        }
    }
    for (const auto& t : view_.times) predicate_starts.push_back(t.range.begin);
    return predicate_starts;
}

Groups& SentenceRules::new_groups(TextRange clause, std::span<const TextRange> barriers) const {
    if (groups_end_ == groups_.end()) groups_end_ = groups_.emplace(groups_end_);
    Groups& node = *groups_end_++;
    node.clause = clause;
    node.barriers.assign(barriers.begin(), barriers.end());
    return node;
}

bool SentenceRules::governed(std::size_t begin, TextRange clause) const {
    return governed_by_preposition(text_, begin, clause, kZh, *view_.cues);
}

bool SentenceRules::plain_subject_before(TextRange clause, std::size_t limit) const {
    const TextRange before = trim_spaces(text_, {clause.begin, std::min(limit, clause.end)});
    // (The nouns are asked in place, any_of(), with no list made of them.)
    return view_.cues->any_of("actor_noun", before, [&](const TextRange& noun) {
        // A short modifier first (外国, 这些, 美国): bare 公司 refers back, and a long run is no subject.
        if (noun.begin == before.begin || noun.begin - before.begin > 12) return false;
        const TextRange modifier{before.begin, noun.begin};
        // 要求运营者停止采购: after a pivot the noun is the pivot's object; the act is the requirer's.
        if (view_.cues->any("pivot_verb", modifier) || view_.cues->any("complement_verb", modifier)) return false;
        if (view_.cues->any_of("anaphora_determiner", modifier, [&](const TextRange& d) { return d.end == noun.begin; }))
            return false;
        // Then the verb, or what opens its phrase (向华为供货, 要向…出货, 必须申请).
        if (noun.end == before.end) return true;
        for (const CueId list : CueIds{"preposition", "adverbs", "planned", "negation", "ability"})
            if (view_.cues->match_at(list, noun.end, before.end)) return true;
        return false;
    });
}

// The noun phrase between `from` and `to` as a literal object: leading particles and
// determiners dropped; when long, only the words after the last 的.
std::optional<Argument> SentenceRules::literal_object(TextRange clause, std::size_t from, std::size_t to) const {
    TextRange r = trim_spaces(text_, {from, std::min(to, clause.end)});
    // The phrase only shrinks below, and one of less than two Hanzi is no object (the length
    // test at the end): a shorter one (or none: `from` past `to`) is not worth reading.
    if (r.end < r.begin + 6) return std::nullopt;
    for (bool changed = true; changed && !r.empty();) {
        changed = false;
        for (std::string_view particle : {"了", "着", "过", "出"}) {
            const std::string_view phrase = slice(text_, r);
            // 出 completes a verb (推出了新品) but opens 出口 (取消出口管制).
            if (particle == "出" && phrase.size() >= 6 && phrase.substr(3, 3) == "口") continue;
            if (phrase.starts_with(particle)) {
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
    // A phrase opened by a preposition (由11月1日起…, 在高雄建置) is an adverbial, not a thing,
    // unless it modifies a head (针对中国的出口管制措施).
    for (const CueId list : CueIds{"preposition", "passive_agent"})
        if (view_.cues->match_at(list, r.begin, r.end) > 0 && slice(text_, r).find("的") == std::string_view::npos)
            return std::nullopt;
    // Time expressions at the front are adverbials, not part of the object.
    for (const auto& t : view_.times)
        if (t.range.begin == r.begin && t.range.end <= r.end) r = trim_spaces(text_, {t.range.end, r.end});
    // The phrase ends where an adverb or a negation stands before a verb or another negation
    // (芯片领域再投资, 芯片并不意味着), not inside a word (再生水厂). Walked only when such a word
    // stands past its first character at all (any word found at a place below lies inside that
    // window): most phrases hold none, and asking at each character cost more than the rest.
    const TextRange walked{r.begin + 3, r.end};
    const bool has_stop = walked.begin < walked.end && (view_.cues->any("function_word", walked) ||
                                                        view_.cues->any("negation", walked));
    for (std::size_t at = walked.begin; has_stop && at < r.end; at += 3) {
        if (static_cast<unsigned char>(text_[at]) < 0xE0) break;  // keep mixed-script phrases whole
        std::size_t word = view_.cues->match_at("function_word", at, r.end);
        if (word == 0) word = view_.cues->match_at("negation", at, r.end);
        if (word == 0) continue;
        const std::size_t next = at + word;
        const bool verb_next = std::any_of(verbs_.begin(), verbs_.end(), [&](const VerbSpan& v) { return v.range.begin == next; });
        // At the phrase's end only before a verb (领域再|投资), not as a word's last character (规则).
        const bool verb_at_end = next >= r.end && std::any_of(verbs_.begin(), verbs_.end(), [&](const VerbSpan& v) {
            return v.range.begin == r.end;
        });
        if (verb_next || view_.cues->match_at("negation", next, r.end) || verb_at_end) {
            r.end = at;
            break;
        }
    }
    // "尘封已久的芯片制造计划" → its head "芯片制造计划"; a modifier that names an entity
    // ("针对中国的出口管制措施") stays, as it says what the thing is about.
    std::string_view np = slice(text_, r);
    if (const auto de = find_last(np, "的"); de != std::string_view::npos) {
        const TextRange modifier{r.begin, r.begin + de};
        const bool names_entity = std::any_of(mentions_.begin(), mentions_.end(),
                                              [&](const Mention& m) { return modifier.contains(m.range); });
        if (!names_entity || np.size() > 48) r.begin += de + 3;
        np = slice(text_, r);
    }
    if (np.size() < 6 || np.size() > 60) return std::nullopt;  // two Hanzi at least
    // A bare generic noun (公司, 能力, 一部分) says nothing; nor does a phrase that starts by
    // joining something else (和研发产业集群).
    if (noun_suffix_at(r.begin, r.end) == r.size() ||
        view_.cues->match_at("coordination", r.begin, r.end) > 0)
        return std::nullopt;
    // (One memchr a character, not find_first_of, which called memchr on the three characters for
    // every byte, nor a loop over the bytes, which cost more.)
    const auto holds = [&](char c) { return std::memchr(np.data(), c, np.size()) != nullptr; };
    if (holds('"') || holds('(') || holds(')')) return std::nullopt;
    // An amount (170亿美元, 高达64亿元) is how much, not what.
    if (view_.cues->any_of("amount_words", r, [&](const TextRange& a) { return a.end == r.end; }) &&
        np.find_first_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    // A phrase whose head names a kind of thing takes that thing's type (芯片 → PRODUCT,
    // 规则 → POLICY), so relations that take only products or policies can read it.
    const EntityRef* entity = &kLiteralConcept;
    for (const std::uint32_t t : literal_types_by_last_byte_[static_cast<unsigned char>(np.back())]) {
        const auto& [head, head_entity] = literal_types_[t];
        if (np.ends_with(head)) {
            entity = &head_entity;
            break;
        }
    }
    return Argument{entity, r};
}

std::size_t SentenceRules::emit(const NounGroup& subjects, std::span<const Argument> objects, std::uint32_t pattern,
                                TextRange verb, TextRange clause, std::size_t window_begin, std::string_view rule,
                                double confidence, bool skip_planned_at_before,
                                std::vector<RelationCandidate>& out) const {
    const VerbPattern& p = lexicon_.pattern(pattern);
    const RelationRule& relation = lexicon_.relations()[p.relation];
    // The pairs the relation takes, first: a try whose types fit no pair gives nothing, and the
    // words around the verb are then not worth reading.
    auto& pairs = pairs_;
    pairs.clear();
    for (const auto& s : subjects.members) {
        if (!lexicon_.allows(relation.subject_types, s.entity->type)) continue;
        for (const auto& o : objects) {
            if (!lexicon_.allows(relation.object_types, o.entity->type)) continue;
            if (!s.entity->id.empty() && s.entity->id == o.entity->id) continue;
            pairs.emplace_back(&s, &o);
        }
    }
    if (pairs.empty()) return 0;
    // Polarity and modality come from the words between the subject and the verb.
    const TextRange window{std::min(window_begin, verb.begin), verb.begin};
    // Whether a word of `list` in the window that counts is held by no word of `exceptions` (拟 of
    // 模拟芯片, analog chips, plans nothing); the exceptions are looked for only when there are words.
    // (The words are asked in place, any_of(), with no list made of them: most windows hold none,
    // and a list each question cost some 80 instructions, 10,000 questions a MB of Chinese. The
    // exceptions are found at the first word.)
    auto any_unexcepted = [&](CueId list, CueId exceptions, auto counts) {
        std::optional<std::vector<TextRange>> held;
        return view_.cues->any_of(list, window, [&](const TextRange& w) {
            if (!held) held = view_.cues->find(exceptions, {window.begin, clause.end});
            return counts(w) && std::none_of(held->begin(), held->end(), [&](const TextRange& r) {
                       return r.begin <= w.begin && w.end <= r.end;
                   });
        });
    };
    Polarity polarity = any_unexcepted("negation", "not_negation", [](const TextRange&) { return true; })
                            ? Polarity::negative
                            : Polarity::positive;
    // 禁止英伟达向中国出售芯片: a pivot that prevents the subject's act negates it (not asked when
    // a negation already did).
    if (polarity == Polarity::positive &&
        view_.cues->any_of("prevent_verb", {clause.begin, subjects.range.begin},
                           [&](const TextRange& w) { return w.end == subjects.range.begin; }))
        polarity = Polarity::negative;
    Modality modality = Modality::asserted;
    const TextRange sentence_before{view_.sentence->range.begin, verb.begin};
    // 中共能利用这些芯片: what someone can do is no event yet.
    const bool can = view_.cues->any_of("ability", window, [&](const TextRange& w) { return w.end == verb.begin; });
    // A condition (如果, 一旦) governs the sentence after it; a likelihood (可能危及) only its clause.
    if (can || view_.cues->any("hypothetical", sentence_before) ||
        view_.cues->any("epistemic", {std::max(window.begin, clause.begin), verb.begin})) {
        modality = Modality::hypothetical;
    } else {
        // A frame's own first part (将 of 将{O}列入) plans nothing.
        if (any_unexcepted("planned", "not_planned", [&](const TextRange& w) {
                return !(skip_planned_at_before && text_.substr(w.begin, p.before.size()) == p.before);
            }))
            modality = Modality::planned;
        if (modality == Modality::asserted && view_.cues->any("reported", sentence_before))
            modality = Modality::reported;
    }
    // (Built, then moved in: emplace_back from the members, a C++20 aggregate's parenthesized
    // initialization, saved 0.3M instructions a MB but does not compile with clang 14, which
    // builds the fuzz targets.)
    for (const auto& [s, o] : pairs)
        out.push_back(RelationCandidate{*s, *o, relation.relation, verb, clause, polarity, modality, std::string(rule),
                                        o->entity->type == "CONCEPT" ? confidence - 0.2 : confidence});
    return pairs.size();
}

// The nearest place before the verb where the frame's first part stands (与 of 与{O}合作).
std::optional<TextRange> SentenceRules::frame_start(const VerbPattern& p, TextRange verb, TextRange clause) const {
    if (p.before.empty()) return std::nullopt;
    // Searched between the clause's start and the verb only: a search back through the whole
    // text made long documents quadratic (issue 8).
    if (verb.begin < clause.begin) return std::nullopt;
    const std::size_t at = find_last(text_.substr(clause.begin, verb.begin - clause.begin), p.before);
    if (at == std::string_view::npos) return std::nullopt;
    return TextRange{clause.begin + at, clause.begin + at + p.before.size()};
}

// A relative clause after `from` that ends in 的 before a named head (搭载了[内置小米自研4G基带]的
// 手表芯片玄戒T1): the position of that 的 and the head, when a verb stands inside the clause and
// none after the 的. `de`: the clause's last 的 (npos when none).
std::optional<std::pair<std::size_t, NounGroup>> SentenceRules::relative_clause_head(
    TextRange clause, std::size_t de, std::size_t from, const std::vector<const VerbSpan*>& verbs) const {
    if (de == std::string_view::npos || de < from) return std::nullopt;
    const bool verb_inside = std::any_of(verbs.begin(), verbs.end(), [&](const VerbSpan* v) {
        return v->range.begin >= from && v->range.end <= de;
    });
    const bool verb_after = std::any_of(verbs.begin(), verbs.end(), [&](const VerbSpan* v) {
        return v->range.begin > de;
    });
    if (!verb_inside || verb_after) return std::nullopt;
    for (const auto& g : groups_in(clause, {})) {
        if (g.range.begin > de && !g.modifier) return std::pair{de, g};
        // The relative clause's own object joined its head as a possessor (搭载[麒麟9000S的Mate
        // 60 Pro]): the head is the members after the 的.
        if (g.range.begin < de && g.range.end > de + 3 && !g.modifier) {
            NounGroup head = g;
            head.members.clear();
            for (const auto& m : g.members)
                if (m.range.begin > de) head.members.push_back(m);
            if (head.members.empty()) continue;
            head.range.begin = head.members.front().range.begin;
            return std::pair{de, head};
        }
    }
    return std::nullopt;
}

// Whether `g` starts a clause of its own: only adverbs, modal or function words stand between it
// and the next verb (辉达将与…合作, 华为也推出).
bool SentenceRules::opens_clause(const NounGroup& g, std::size_t next_verb, TextRange clause) const {
    if (next_verb >= clause.end || next_verb < g.range.end) return false;
    return skip_words(g.range.end, next_verb, {"planned", "function_word", "adverbs", "negation", "ability"}) == next_verb;
}

std::size_t SentenceRules::skip_words(std::size_t at, std::size_t limit, CueIds lists,
                                      bool times) const {
    while (at < limit) {
        std::size_t n = 0;
        for (const CueId list : lists) n = std::max(n, view_.cues->match_at(list, at, limit));
        if (times)
            for (const auto& t : view_.times)
                if (t.range.begin == at && t.range.end <= limit) n = std::max(n, t.range.size());
        if (n == 0) break;
        at += n;
    }
    return at;
}

// Tries one pattern at one verb; true when it gave events.
bool SentenceRules::relate(const VerbSpan& v, std::size_t slot, TextRange clause, const Neighbours& around,
                           const NounGroup*& clause_subject, std::vector<RelationCandidate>& out) const {
    const TextRange verb = v.range;
    const std::uint32_t pattern = v.patterns[slot];
    const std::size_t next_verb = around.next_verb;
    const VerbPattern& p = lexicon_.pattern(pattern);
    const RelationRule& relation = lexicon_.relations()[p.relation];
    // A literal object gives an event only to a relation that takes one: it is read only then.
    const bool takes_literal = takes_literal_[p.relation];
    // `向{O}提供…资助`: the word after the gap, within a few characters of the verb in its clause.
    if (!p.after_gap.empty()) {
        const std::size_t reach = std::min(clause.end, verb.end + 36);
        if (verb.end >= reach || find_first(slice(text_, {verb.end, reach}), p.after_gap) == std::string_view::npos)
            return false;
    }
    const std::optional<TextRange> before = frame_starts_of(v)[slot];
    const std::span<const TextRange> barriers = before ? std::span(&*before, 1) : std::span<const TextRange>{};
    const auto groups = groups_in(clause, barriers);
    const std::size_t verb_front = before ? before->begin : verb.begin;

    // Passive: 由X签署, 被X列入 — X is the agent and the subject. A frame needs its first part
    // (将{O}列入实体清单), except in the passive, where the object stands before 被.
    std::optional<TextRange> passive;
    if (around.passive_in_clause) {
        view_.cues->for_each("passive_agent", {clause.begin, verb_front}, [&](const TextRange& marker) {
            // 由11月1日起: 由 before a time is "from", no agent.
            const bool before_time = std::any_of(view_.times.begin(), view_.times.end(), [&](const auto& t) {
                return trim_spaces(text_, {marker.end, t.range.begin}).empty() && t.range.begin >= marker.end;
            });
            if (!before_time) passive = marker;
        });
    }
    if (!p.before.empty() && !before && !passive) return false;
    // A first part that a later verb's frame also reaches belongs to that verb: in
    // 对美光在华销售的产品启动审查, 对 opens 对{O}启动审查, not 对{O}销售.
    if (before && around.frame_claimed(*before)) return false;
    // The subject: a group of the clause, the relative clause's head, the clause's or the
    // topic's, all of which outlive this call (a copy at each try cost some 2 % of the rules).
    const NounGroup* subject = nullptr;
    bool inherited = false;  // the subject came from an earlier clause or the topic
    // The objects: a group's members, read in place like the subject, or those made here.
    std::span<const Argument> objects;
    std::vector<Argument>& made_objects = made_objects_;
    made_objects.clear();
    // The rule's name: a literal, made a string only for an event (most tries give none).
    std::string_view rule = before ? "zh.frame" : "zh.svo";
    double confidence = 0.85;
    if (around.relative_subject && !passive) {
        // Y of 搭载X的Y: X is the object, before the 的; Y does the act.
        subject = &*around.relative_subject;
        if (around.relative_object) {
            objects = around.relative_object->members;
        } else {
            for (const auto& m : mentions_)
                if (m.range.begin >= verb.end && m.range.end <= around.object_end)
                    made_objects.push_back(Argument{m.entity, m.range});
            objects = made_objects;
        }
        rule = "zh.relative";
    } else if (passive) {
        const auto agent = std::find_if(groups.begin(), groups.end(), [&](const NounGroup& g) {
            return g.range.begin >= passive->end && g.range.end <= verb_front;
        });
        if (agent == groups.end()) return false;  // no agent, no event
        subject = &*agent;
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
        // After a pivot verb (要求X停止采购Y, 禁止X采购Y) the subject is the pivot's object X; without
        // a name there (要求运营者停止采购) the event is the requirer's, found as usual. (Looked for
        // only when a group ends before the verb: the search below reads no other.)
        std::size_t pivot_end = clause.begin;
        if (!groups.empty() && groups.front().range.end <= subject_limit)
            for (const CueId list : CueIds{"pivot_verb", "complement_verb"})
                view_.cues->for_each(list, {clause.begin, subject_limit},
                                     [&](const TextRange& pivot) { pivot_end = std::max(pivot_end, pivot.end); });
        // 针对[美国近期收紧对华出口限制]的反击: a name a topic_preposition governs is still the subject of
        // the verb right after it (only adverbs and times between) when the verb's phrase is a
        // relative clause, closed by a 的 later in the clause.
        auto embedded_subject = [&](const NounGroup& g) {
            if (slice(text_, {verb.end, clause.end}).find("的") == std::string_view::npos) return false;
            // Only after a preposition that takes a whole matter (针对, 对于), not a place (在亚利桑那州建立).
            const std::size_t window = g.range.begin >= clause.begin + 9 ? g.range.begin - 9 : clause.begin;
            if (!view_.cues->any_of("topic_preposition", {window, g.range.begin},
                                    [&](const TextRange& t) { return t.end == g.range.begin; }))
                return false;
            return skip_words(g.range.end, verb_front, {"adverbs"}, true) == verb_front;
        };
        for (const std::size_t from : {pivot_end, clause.begin}) {
            for (const auto& g : groups) {
                if (g.range.end > subject_limit || subject) break;
                if (g.range.begin >= from && !g.nationality && (!governed(g.range.begin, clause) || embedded_subject(g)))
                    subject = &g;
            }
            // Without a pivot the second pass would read the same groups again, to no other end.
            if (pivot_end == clause.begin) break;
        }
        if (!subject && clause_subject) {
            subject = clause_subject;
            inherited = true;
        }
        // 用于在得克萨斯州打造…: what the money (or the thing) is for; the topic does not act.
        auto purpose = [&] {
            const std::size_t opening = trim_spaces(text_, clause).begin;
            return cues_.match_at("purpose_word", kZh, text_, opening, subject_limit) > 0;
        };
        if (!subject && topic_ && !purpose() && !plain_subject_before(clause, subject_limit)) {
            inherited = true;
            subject = topic_;
            rule = before ? "zh.frame.carried" : "zh.svo.carried";
            confidence -= 0.05;
        }
        if (!subject) return false;
        if (before) {
            for (const auto& g : groups)
                if (g.range.begin >= before->end && g.range.end <= verb.begin && !g.nationality) {
                    // 将多家中国企业列入: a nationality qualifies a plain noun; no name is listed.
                    objects = g.members;
                    break;
                }
            if (objects.empty() && takes_literal)
                if (auto lit = literal_object(clause, before->end, verb.begin)) objects = made_objects = {*lit};
        } else if (!p.object_before) {
            // The object follows; a verb whose complement is another verb (宣布撤销, 宣布将…列入)
            // yields to that verb.
            // A condition after the verb (警告任何组织如果执行美方的措施) opens a clause of its own:
            // the names in it are not the verb's object. (Looked for only when a group stands after
            // the verb: it bounds nothing else.)
            const bool group_after = std::any_of(groups.begin(), groups.end(),
                                                 [&](const NounGroup& g) { return g.range.begin >= verb.end; });
            const auto first_condition =
                group_after ? view_.cues->first("hypothetical", {verb.end, clause.end}) : std::nullopt;
            const std::size_t condition = first_condition ? first_condition->begin : clause.end;
            const auto object_group = std::find_if(groups.begin(), groups.end(), [&](const NounGroup& g) {
                return g.range.begin >= verb.end && g.range.begin < condition && !governed(g.range.begin, clause);
            });
            const std::size_t object_start = object_group == groups.end() ? clause.end : object_group->range.begin;
            // The next verb when it closes a relative clause (申请 of 撤销了华为申请的许可证), or none.
            // Looked for only when the branches before it do not decide (a walk over the sentence's
            // verbs at every try cost 0.5M instructions a MB of Chinese). The verbs stand in text
            // order and do not overlap: one at most starts at the next verb's place.
            auto relative_verb = [&]() -> const VerbSpan* {
                for (const VerbSpan& w : verbs_) {
                    if (w.range.begin < next_verb) continue;
                    return w.range.begin == next_verb && text_.substr(w.range.end, 3) == "的" ? &w : nullptr;
                }
                return nullptr;
            };
            if (around.relative_head) {
                objects = around.relative_head->members;
            } else if (next_verb < object_start) {
                if (next_verb - verb.end <= 6) return false;  // two characters at most between: a chain
                objects = {};
            } else if (object_group != groups.end() &&
                       view_.cues->match_at("complement_verb", verb.begin, verb.end) == verb.size() &&
                       opens_clause(*object_group, next_verb, clause)) {
                // 宣布辉达将与台积电合作: the name is the subject of the next verb, not an object.
                return false;
            } else if (object_group != groups.end() && relative_verb() && opens_clause(*object_group, next_verb, clause)) {
                // 撤销了华为申请的许可证: 华为 acts in a relative clause; the thing after its 的 is
                // the object.
                const std::size_t head = relative_verb()->range.end + 3;
                std::size_t head_end = clause.end;
                for (const auto& x : verbs_)
                    if (x.range.begin >= head) head_end = std::min(head_end, x.range.begin);
                for (const auto& g : groups)
                    if (g.range.begin >= head && g.range.end <= head_end && !g.modifier) {
                        objects = g.members;
                        break;
                    }
                if (objects.empty() && takes_literal)
                    if (auto lit = literal_object(clause, head, head_end)) objects = made_objects = {*lit};
            } else if (object_group != groups.end()) {
                // The object is the first name that heads its phrase: past possessors and
                // attributes (3纳米制程的手机处理器芯片“玄戒O1”). A possessor (中国的「经济胁迫」)
                // is the object only of a relation that takes names alone.
                const auto head = std::find_if(object_group, groups.end(), [&](const NounGroup& g) {
                    return !g.modifier && g.range.begin < next_verb;
                });
                const bool names_only = !relation.object_types.empty() &&
                                        !lexicon_.allows(relation.object_types, "CONCEPT");
                if (head != groups.end()) objects = head->members;
                else if (names_only && !object_group->nationality) objects = object_group->members;
            }
            // "X制造的Y": a verb before 的 modifies Y; only a named Y is its object, and only the X
            // of the relative clause is its subject (鸿海宣布建置采用GB200的中心: no 鸿海 uses GB200).
            const bool relative = text_.substr(verb.end, 3) == "的";
            if (relative && !passive) {
                const bool verb_between = std::any_of(verbs_.begin(), verbs_.end(), [&](const VerbSpan& v) {
                    return v.range.begin >= subject->range.end && v.range.end <= verb.begin;
                });
                if (inherited || verb_between) return false;
            }
            if (objects.empty() && !relative && takes_literal)
                if (auto lit = literal_object(clause, verb.end, next_verb)) objects = made_objects = {*lit};
        }
    }
    if (objects.empty()) return false;
    const std::size_t window_begin = passive ? passive->begin : subject->range.end;
    const std::size_t emitted = emit(*subject, objects, pattern, verb, clause, std::max(window_begin, clause.begin), rule,
                                     confidence, before.has_value(), out);
    // 撤销拜登政府签署的《规则》: a relative clause tells of an earlier act; the sentence's date is
    // the main verb's, so the relative clause's event takes only a date of its own (none here).
    if (text_.substr(verb.end, 3) == "的")
        for (std::size_t i = out.size() - emitted; i < out.size(); ++i) {
            out[i].time_decided = true;
            for (const auto& t : view_.times)
                if (t.range.end <= verb.begin && t.range.begin >= subject->range.begin) out[i].time = t.range;
            out[i].time_source = DateSource::clause;
        }
    if (emitted > 0 && !passive) {
        clause_subject_room_ = *subject;
        clause_subject = &clause_subject_room_;
    }
    return emitted > 0;
}

void SentenceRules::relate_clause(TextRange clause, std::vector<RelationCandidate>& out) {
    // The clause's verbs that can be read at all: a bare pattern, or a frame whose first part
    // stands before it (禁令 of 解除{O}禁令 is no verb in 撤销禁令).
    const bool has_passive = view_.cues->any("passive_agent", clause);
    std::vector<const VerbSpan*>& verbs = clause_verbs_;
    verbs.clear();
    for (const auto& v : verbs_) {
        // (The verbs stand in text order: none after one that begins past the clause is in it.)
        if (v.range.begin > clause.end) break;
        if (!clause.contains(v.range)) continue;
        const auto frame_starts = frame_starts_of(v);
        bool usable = has_passive;
        for (std::size_t k = 0; k < v.patterns.size(); ++k) {
            const VerbPattern& p = lexicon_.pattern(v.patterns[k]);
            frame_starts[k] = frame_start(p, v.range, clause);
            usable = usable || p.before.empty() || frame_starts[k];
        }
        if (!usable) continue;
        if (verbs.empty()) verbs.reserve(verbs_.size());  // room for all at the first: one allocation
        verbs.push_back(&v);
    }
    // (The list does not change below: its size read once, not again after every call.)
    const std::size_t verb_count = verbs.size();
    // A verb that opens a later verb's frame (暂停 in 暂停{O}对美国出口) is part of that frame.
    auto opens_later_frame = [&](std::size_t i) {
        for (std::size_t j = i + 1; j < verb_count; ++j)
            for (const auto& front : frame_starts_of(*verbs[j]))
                if (front && front->contains(verbs[i]->range)) return true;
        return false;
    };
    const NounGroup* clause_subject = nullptr;
    struct Embedded {
        TextRange range;  // from the verb before the clause to its 的
        NounGroup head;
    };
    std::vector<Embedded> embedded;  // relative clauses found so far
    // The clause's last 的 (npos when none), where a relative clause would end: the same for all
    // its verbs, found for the first that asks.
    std::optional<std::size_t> last_de;
    // The order a verb's patterns are tried in (below), as their slots in the verb's patterns: one
    // vector for all the clause's verbs (and all the sentence's clauses), as each pattern comes
    // once at most, sized for the verb with the most.
    std::vector<std::uint32_t>& order = pattern_order_;
    for (std::size_t i = 0; i < verb_count; ++i) {
        const VerbSpan& v = *verbs[i];
        if (opens_later_frame(i)) continue;
        // Where the next verb's phrase starts: its verb, or its frame's first part.
        Neighbours around{clause.end, std::nullopt, {}};
        around.passive_in_clause = has_passive;
        // A verb inside a relative clause (内置 in 搭载了内置…的玄戒T1) is no predicate of the clause;
        // right at the clause's start, with no subject of its own, its head is its subject.
        const auto inside = std::find_if(embedded.begin(), embedded.end(),
                                         [&](const Embedded& e) { return e.range.contains(v.range); });
        if (inside != embedded.end()) {
            const bool alone = std::none_of(verbs.begin(), verbs.end(), [&](const VerbSpan* w) {
                return w != &v && inside->range.contains(w->range);
            });
            std::optional<NounGroup> own_subject;  // a name between the clause's start and its verb
            for (const auto& g : groups_in(clause, {}))
                if (g.range.begin >= inside->range.begin && g.range.end <= v.range.begin && !g.modifier &&
                    !governed(g.range.begin, clause))
                    own_subject = g;
            const bool at_start = trim_spaces(text_, {inside->range.begin, v.range.begin}).empty();
            const bool verb_then_de = text_.substr(v.range.end, 3) == "的";
            if (alone && (at_start || (own_subject && verb_then_de))) {
                around.relative_subject = at_start ? inside->head : *own_subject;
                if (!at_start) around.relative_object = inside->head;
                around.object_end = inside->range.end;
                for (std::size_t k = 0; k < v.patterns.size(); ++k)
                    if (lexicon_.pattern(v.patterns[k]).before.empty() && relate(v, k, clause, around, clause_subject, out))
                        break;
            }
            continue;
        }
        // A relative clause after the verb holds a verb of its own, a later one (the verbs do not
        // overlap): after the clause's last verb there is none to look for.
        if (i + 1 < verb_count) {
            if (!last_de) {
                const std::size_t found = find_last(slice(text_, clause), "的");  // within the clause: linear (issue 8)
                last_de = found == std::string_view::npos ? found : clause.begin + found;
            }
            if (auto relative = relative_clause_head(clause, *last_de, v.range.end, verbs)) {
                embedded.push_back(Embedded{TextRange{v.range.end, relative->first}, relative->second});
                around.relative_head = relative->second;
            }
        }
        if (i + 1 < verb_count) {
            around.next_verb = verbs[i + 1]->range.begin;
            for (const auto& front : frame_starts_of(*verbs[i + 1]))
                if (front && front->begin >= v.range.end) around.next_verb = std::min(around.next_verb, front->begin);
        }
        // Asked only by this verb's frames (relate(): whether a later verb's frame claims the
        // first part): a verb without one needs none of them.
        const bool has_frame = std::any_of(v.patterns.begin(), v.patterns.end(),
                                           [&](std::uint32_t q) { return !lexicon_.pattern(q).before.empty(); });
        for (std::size_t j = i + 1; has_frame && j < verb_count; ++j)
            for (const auto& front : frame_starts_of(*verbs[j]))
                if (front) around.later_frame_starts.push_back(*front);
        // Frames whose first part is present are the most specific reading; then the rest, in
        // pack order. The first pattern that yields events wins.
        const auto frame_starts = frame_starts_of(v);
        order.clear();
        order.reserve(v.patterns.size());
        for (std::uint32_t k = 0; k < v.patterns.size(); ++k)
            if (frame_starts[k]) order.push_back(k);
        // The longest first part is the most specific frame (停止向{O}供货 before 向{O}供货).
        // (Only two or more need it: std::stable_sort takes a buffer even for one.)
        if (order.size() > 1)
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
                return lexicon_.pattern(v.patterns[a]).before.size() > lexicon_.pattern(v.patterns[b]).before.size();
            });
        for (std::uint32_t k = 0; k < v.patterns.size(); ++k)
            if (lexicon_.pattern(v.patterns[k]).before.empty()) order.push_back(k);
        // In the passive a frame stands without its first part (长江存储被美国商务部列入实体清单).
        if (has_passive)
            for (std::uint32_t k = 0; k < v.patterns.size(); ++k)
                if (!lexicon_.pattern(v.patterns[k]).before.empty() && !frame_starts[k]) order.push_back(k);
        for (const std::uint32_t k : order)
            if (relate(v, k, clause, around, clause_subject, out)) break;
    }
    // The topic carried into later clauses: this clause's subject, else its first free group
    // that stands before its first verb (a group after a verb is an object, not a topic).
    // Only the verbs of later clauses read it: without one, it is not worth finding. (The verbs
    // stand in text order: the last tells whether one comes after the clause.)
    if (verbs_.empty() || verbs_.back().range.begin < clause.end) return;
    if (clause_subject) {
        topic_room_ = *clause_subject;
        topic_ = &topic_room_;
        return;
    }
    const std::size_t first_verb = verbs.empty() ? clause.end : verbs.front()->range.begin;
    // 认定美光科技的产品存在隐患: a clause that opens with a complement verb reports what its
    // (carried) subject says or finds; the names inside are not the topic of the clauses after it.
    if (topic_) {
        const std::size_t at = skip_words(trim_spaces(text_, clause).begin, clause.end, {"adverbs"});
        if (view_.cues->match_at("complement_verb", at, clause.end) > 0) return;
    }
    if (!verbs.empty() && plain_subject_before(clause, first_verb)) {
        topic_ = nullptr;  // 外国企业向华为供货前, 必须申请许可证: the later clauses are theirs
        return;
    }
    for (const auto& g : groups_in(clause, {})) {
        if (g.range.end > first_verb) break;
        if (governed(g.range.begin, clause)) continue;
        if (g.nationality) {
            // 美国企业要向这些公司出货前: a clause whose verb has others for subject (a nationality
            // and a plain noun) ends the topic; the clauses after it are not the earlier subject's.
            if (verbs.empty()) continue;
            topic_ = nullptr;
            break;
        }
        topic_room_ = g;
        topic_ = &topic_room_;
        break;
    }
}

// (Inline: find_verbs() asks it after most places, and most answers are the first test's.)
inline std::size_t SentenceRules::noun_suffix_at(std::size_t at, std::size_t limit) const {
    if (!noun_suffix_starts_anyhow_) {
        // Every word starts with a three-byte character, which must stand at `at` as it is.
        if (at + 3 > limit || utf8::lead_length(static_cast<unsigned char>(text_[at])) != 3) return 0;
        const std::size_t bit = first_character_bit(text_[at + 1], text_[at + 2]);
        if (!noun_suffix_starts_[bit]) return 0;
    }
    return cues_.match_at("noun_suffix", kZh, text_, at, limit);
}

// The relation verbs of the sentence. A word inside a name is no verb (投资 in 投资税收抵免), nor is
// one used as a noun: after a noun_prefix word (的, 总投资), before a noun_suffix word (制造业,
// 研发中心) or a coordination word (制造和研发). A verb phrase may hold a name (列入实体清单):
// that name is then part of the verb, not a noun of the clause.
void SentenceRules::find_verbs() {
    const TextRange range = view_.sentence->range;
    // (Into room kept from sentence to sentence: a list made for each sentence cost a heap block.)
    std::vector<TextRange>& noun_prefixes = noun_prefixes_;
    view_.cues->find("noun_prefix", range, noun_prefixes);
    // The places verbs stand, each with its hits (one per pattern there): find_all orders hits
    // by end, then longest first, so the hits of one span stand together and get one answer.
    const auto& verbs = view_.verbs;
    // Sized once, for a span a hit at most: grown hit by hit, the two vectors below and each
    // verb's patterns made most of this function's allocations (eight a sentence).
    std::vector<VerbPlace>& spans = verb_places_;
    spans.clear();
    spans.reserve(verbs.size());
    // Whether each place ends by the next one's start (so no two overlap), none empty: as most
    // sentences' places do.
    bool disjoint = true;
    // The first mention that ends at or after the place: the only one that may hold it, as the
    // mentions come in text order and never overlap (MentionFinder), so their ends rise too.
    // The places come by their end, so it only moves on (one pass over the mentions, not one
    // for each place).
    auto name_after = mentions_.begin();
    // Whether a noun or a coordination word follows where the place ends (asked_end).
    std::size_t asked_end = std::string_view::npos;
    bool noun_after = false;
    // (Read once: for all the compiler knows, the stores below may change it, and it was read
    // again, a division, at every hit.)
    const std::size_t hit_count = verbs.size();
    for (std::size_t first = 0, last = 0; first < hit_count; first = last) {
        const TextRange at{verbs[first].begin, verbs[first].end};
        for (last = first + 1; last < hit_count && verbs[last].begin == at.begin && verbs[last].end == at.end; ++last) {}
        while (name_after != mentions_.end() && name_after->range.end < at.end) ++name_after;
        const bool inside_name = name_after != mentions_.end() && name_after->range.contains(at);
        if (inside_name) continue;
        const bool noun_before = std::any_of(noun_prefixes.begin(), noun_prefixes.end(),
                                             [&](const TextRange& r) { return r.end == at.begin; });
        if (noun_before) continue;
        // (Looked up only now: the word after costs the most of the three. Places that end
        // together, 出口管制 and 管制, come one after the other and ask once.)
        if (at.end != asked_end) {
            asked_end = at.end;
            const std::size_t look = std::min(at.end + 12, range.end);
            noun_after = noun_suffix_at(at.end, look) > 0 ||
                         view_.cues->match_at("coordination", at.end, look) > 0;
        }
        if (noun_after) continue;
        VerbPlace span{at, first, last};
        disjoint = disjoint && at.begin < at.end && (spans.empty() || spans.back().range.end <= at.begin);
        spans.push_back(span);
    }
    // A verb that only stands in frames none of which opens before it in the sentence (出口限制 of
    // 放宽对{O}出口限制, read in 收紧对中国出口限制) gives way to an overlapping verb whose frame
    // does open before it (出口 of 收紧对{O}出口). Otherwise it stays: a passive drops the frame's
    // first part, and a longer verb keeps a bare one inside it from splitting a noun (出口管制措施).
    // The patterns at the same span together decide. Of the rest the longest are kept, with one
    // hit a span standing for all its patterns (of hits at one place select_longest keeps one).
    // (A search of the words before the place for each pattern: asked only of places that overlap.)
    CharactersFrom characters(text_, range.begin);
    // (A few searches cost less than gathering the characters: the characters are asked first
    // only where a place has this many patterns or more, 19 at 出口, 9 at 供货.)
    constexpr std::size_t kManyPatterns = 4;
    auto framed = [&](VerbPlace& place) {
        if (!place.framed) {
            const std::string_view before_place = slice(text_, {range.begin, place.range.begin});
            place.framed = false;
            const bool many = place.last - place.first >= kManyPatterns;
            for (std::size_t i = place.first; i < place.last && !*place.framed; ++i) {
                const VerbPattern& p = lexicon_.pattern(verbs[i].payload);
                place.framed = needs_first_part(p) && (!many || characters.may_hold(p.before, place.range.begin)) &&
                               find_first(before_place, p.before) != std::string_view::npos;
            }
        }
        return *place.framed;
    };
    // Whether a pattern at the place needs no first part before it. (Asked only where places
    // overlap: most sentences' places do not, and asking at every place cost 0.5M instructions
    // a MB of Chinese.)
    auto bare = [&](const VerbPlace& place) {
        for (std::size_t i = place.first; i < place.last; ++i)
            if (!needs_first_part(lexicon_.pattern(verbs[i].payload))) return true;
        return false;
    };
    verbs_.reserve(spans.size());
    // Room for every hit at once: the verbs' patterns view it, and it must not move.
    verb_patterns_.reserve(verbs.size());
    auto keep = [&](const VerbPlace& span) {
        const std::size_t first = verb_patterns_.size();
        for (std::size_t i = span.first; i < span.last; ++i) verb_patterns_.push_back(verbs[i].payload);
        // (Hits at one place come in the order their patterns were added, which is theirs: the
        // test is most often all the sort costs.)
        if (!std::is_sorted(verb_patterns_.begin() + first, verb_patterns_.end()))
            std::sort(verb_patterns_.begin() + first, verb_patterns_.end());
        verbs_.push_back(VerbSpan{span.range, std::span(verb_patterns_).subspan(first)});
    };
    // Places that overlap none: none yields, and select_longest would keep them all, in this order.
    if (disjoint) {
        for (const VerbPlace& span : spans) keep(span);
    } else {
        std::vector<PhraseHit>& candidates = verb_candidates_;  // payload: index into spans
        candidates.clear();
        candidates.reserve(spans.size());
        for (std::size_t s = 0; s < spans.size(); ++s) {
            VerbPlace& span = spans[s];
            // (The place itself is left out of the others: were it framed, it would not yield.)
            const bool yields = !bare(span) && std::any_of(spans.begin(), spans.end(), [&](VerbPlace& f) {
                                    return &f != &span && span.range.begin < f.range.end &&
                                           f.range.begin < span.range.end && framed(f);
                                }) && !framed(span);
            if (!yields) candidates.push_back({span.range.begin, span.range.end, static_cast<std::uint32_t>(s)});
        }
        // (select_longest returns the list it is given, filtered: its room comes back for the next sentence.)
        candidates = select_longest(std::move(candidates));
        for (const auto& k : candidates) keep(spans[k.payload]);
    }
    // A mention inside a verb goes. The verbs come by their start and overlap none (kept in
    // place order, or select_longest's), and so do the mentions (MentionFinder), so both ends
    // rise: the only verb that may hold a mention is the first that ends at or after it, and one
    // walk over both finds it (asking every verb of each mention cost 0.28M a MB of Chinese).
    auto verb = verbs_.begin();
    mentions_.erase(std::remove_if(mentions_.begin(), mentions_.end(),
                                   [&](const Mention& m) {
                                       while (verb != verbs_.end() && verb->range.end < m.range.end) ++verb;
                                       return verb != verbs_.end() && verb->range.contains(m.range);
                                   }),
                    mentions_.end());
}

// Organizations the pack does not know, named by a run of characters that ends in an
// organization word (网络安全审查办公室, “战略与国际研究中心”): the run starts where a clause, a
// quote, a name, a time expression, a verb or a function word ends, and holds none of them.
void SentenceRules::find_unknown_organizations() {
    const TextRange range = view_.sentence->range;
    // Positions a name may start at, gathered when first asked: most sentences hold no
    // organization word of two characters or more, and the six cue lists' hits cost more than all
    // the rest. (What they are gathered from does not change below: the names found join
    // mentions_ only at the end.)
    std::vector<std::size_t>& boundaries = name_boundaries_;
    boundaries.clear();
    bool gathered = false;
    auto is_boundary = [&](std::size_t at) {
        if (!gathered) {
            gathered = true;
            for (const auto& c : view_.sentence->clauses) boundaries.push_back(c.begin);
            for (const auto& m : mentions_) boundaries.push_back(m.range.end);
            for (const auto& t : view_.times) boundaries.push_back(t.range.end);
            for (const auto& v : verbs_) boundaries.push_back(v.range.end);
            for (const CueId list : CueIds{"preposition", "coordination", "function_word", "reported", "planned", "passive_agent"})
                view_.cues->for_each(list, range, [&](const TextRange& w) { boundaries.push_back(w.end); });
        }
        return std::find(boundaries.begin(), boundaries.end(), at) != boundaries.end();
    };
    auto quoted_name = [&](TextRange suffix) -> std::optional<TextRange> {
        for (const auto& [open, close] : {std::pair{"“", "”"}, std::pair{"「", "」"}, std::pair{"『", "』"}}) {
            if (text_.substr(suffix.end, 3) != close) continue;
            const std::size_t found = find_last(slice(text_, {range.begin, suffix.begin}), open);
            const std::size_t at = found == std::string_view::npos ? found : range.begin + found;
            if (at == std::string_view::npos || suffix.end - at > 3 + 45) continue;
            const TextRange inner{at + 3, suffix.end};
            if (text_.substr(inner.begin, inner.size()).find_first_of(",;:") == std::string_view::npos) return inner;
        }
        return std::nullopt;
    };
    std::vector<Mention> found;
    view_.cues->for_each("org_suffix", range, [&](const TextRange& suffix) {
        if (suffix.size() < 6) return;  // one-character words (部, 局) name too many things
        const bool taken = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
            return m.range.begin < suffix.end && suffix.begin < m.range.end;
        });
        if (taken) return;
        // A quoted name is the whole quotation (“战略与国际研究中心”).
        if (const auto quoted = quoted_name(suffix); quoted) {
            found.push_back(Mention{*quoted, view_.entities->keep(EntityRef{"", "", "ORG"}), Mention::Kind::name});
            return;
        }
        std::size_t start = suffix.begin;
        while (start > range.begin && !is_boundary(start)) {
            std::size_t prev = start - 1;
            while (prev > range.begin && (static_cast<unsigned char>(text_[prev]) & 0xC0) == 0x80) --prev;
            std::size_t at = prev;
            const char32_t cp = utf8::decode(text_, at);
            if (!is_hanzi(cp) || cp == U'的' || cp == U'了' || cp == U'是') break;
            start = prev;
        }
        if (!is_boundary(start)) return;
        // Two characters before the suffix are a name only where a clause or a name ends
        // (某国 + 工业局); after a word (这将推动公司) they are more often a verb.
        const bool strong_start = std::any_of(view_.sentence->clauses.begin(), view_.sentence->clauses.end(),
                                              [&](const TextRange& c) { return c.begin == start; }) ||
                                  std::any_of(mentions_.begin(), mentions_.end(),
                                              [&](const Mention& m) { return m.range.end == start; });
        const std::size_t chars_before = (suffix.begin - start) / 3;
        if (chars_before < (strong_start ? 2u : 3u) || chars_before > 10) return;
        const TextRange name{start, suffix.end};
        const bool crosses_verb = std::any_of(verbs_.begin(), verbs_.end(), [&](const VerbSpan& v) {
            return v.range.begin < name.end && name.begin < v.range.end;
        });
        if (crosses_verb) return;
        const bool government = cues_.match_at("gov_suffix", kZh, text_, suffix.begin, suffix.end) == suffix.size();
        found.push_back(Mention{name, view_.entities->keep(EntityRef{"", "", government ? "GOV" : "ORG"}), Mention::Kind::name});
    });
    mentions_.insert(mentions_.end(), found.begin(), found.end());
    mentions_added_ = mentions_added_ || !found.empty();
    sort_mentions();
}

std::vector<RelationCandidate> SentenceRules::run() {
    std::vector<RelationCandidate> out;
    find_verbs();
    // Without a verb or a role title the sentence relates nothing: its unknown organizations,
    // names and clauses are not worth reading.
    if (verbs_.empty() && view_.roles.empty()) return out;
    find_unknown_organizations();
    find_appositions();
    // Room for a candidate a verb and a role: grown from none, the vector took a second and a
    // third allocation in many sentences, each moving the candidates.
    out.reserve(verbs_.size() + appositions_.size());
    for (const auto& a : appositions_) {
        const RelationRule& role = lexicon_.roles()[lexicon_.role_pattern(a.role).relation];
        TextRange clause = view_.sentence->range;
        for (const auto& c : view_.sentence->clauses)
            if (c.contains(a.title)) clause = c;
        out.push_back(RelationCandidate{a.person, a.org, role.relation, a.title, clause, Polarity::positive,
                                        Modality::asserted, "zh.role", 0.9});
    }
    // Room for the frame starts of every verb's patterns (relate_clause()), made once a sentence.
    if (frame_starts_.size() < verb_patterns_.size()) frame_starts_.resize(verb_patterns_.size());
    // A clause relates through its own verbs, and hands the clauses after it a topic that only
    // their verbs read: from the first clause with no verb in or after it, nothing is left to do.
    for (const auto& clause : view_.sentence->clauses) {
        if (verbs_.empty() || verbs_.back().range.begin < clause.begin) break;  // (the verbs stand in text order)
        relate_clause(clause, out);
    }
    return out;
}

}  // namespace

std::vector<RelationCandidate> ChineseRelations::find(const SentenceView& view) const {
    // One set a thread: find() may run on several threads at once, each a sentence at a time.
    thread_local SentenceBuffers buffers;
    return SentenceRules(view, lexicon_, cues_, literal_types_, literal_types_by_last_byte_, takes_literal_,
                         noun_suffix_starts_, noun_suffix_starts_anyhow_, buffers).run();
}

}  // namespace chronokg
