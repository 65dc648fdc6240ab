#include "extract/extractor.hpp"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <set>
#include <span>
#include <tuple>

#include "core/ascii.hpp"
#include "core/insertion_sort.hpp"
#include "core/utf8.hpp"
#include "extract/chinese_relations.hpp"
#include "extract/cue_words.hpp"
#include "extract/english_names.hpp"
#include "extract/english_relations.hpp"
#include "extract/english_tokens.hpp"
#include "extract/entity_catalog.hpp"
#include "extract/garble_detector.hpp"
#include "extract/mention_finder.hpp"
#include "extract/normalizer.hpp"
#include "extract/relation_lexicon.hpp"
#include "extract/rule_pack.hpp"
#include "extract/segmenter.hpp"
#include "extract/sentence_scan.hpp"
#include "extract/time_tagger.hpp"

namespace chronokg {

struct Extractor::Parts {
    explicit Parts(const RulePack& pack)
        : normalizer(Normalizer::shared()),
          segmenter(pack.lexicon("abbreviations").en),
          catalog(pack, normalizer),
          mention_finder(catalog, pack, normalizer),
          time_tagger(pack),
          cues(pack, normalizer),
          lexicon(pack, normalizer),
          chinese(lexicon, cues),
          english_names(pack, catalog, lexicon, cues, normalizer),
          english(pack, lexicon, cues, normalizer),
          scan(cues, lexicon, english, mention_finder, time_tagger) {}

    const Normalizer& normalizer;
    Segmenter segmenter;
    EntityCatalog catalog;
    MentionFinder mention_finder;
    TimeTagger time_tagger;
    CueWords cues;
    RelationLexicon lexicon;
    ChineseRelations chinese;
    EnglishNames english_names;
    EnglishRelations english;
    SentenceScan scan;
    GarbleDetector garble;
};

namespace {

// The original text of `range`, without inline pinyin annotations, into `out` (the event's own
// string: no temporary to move in and free). `annotations` are those of
// the whole original (NormalizedText::annotations): a piece holds those that lie wholly inside it,
// the ones a search of the piece alone finds (an annotation holds no opening bracket, so one
// that starts before the piece or ends after it hides none inside), without that search for
// each label and verb of an event.
void clean_original(std::string& out, std::string_view original, std::pair<std::size_t, std::size_t> range,
                    const std::vector<std::pair<std::size_t, std::size_t>>& annotations) {
    const std::string_view piece = original.substr(range.first, range.second - range.first);
    out.clear();
    std::size_t pos = 0;
    auto annotation = std::lower_bound(annotations.begin(), annotations.end(), range.first,
                                       [](const auto& a, std::size_t at) { return a.first < at; });
    for (; annotation != annotations.end() && annotation->second <= range.first + piece.size(); ++annotation) {
        out.append(piece.substr(pos, annotation->first - range.first - pos));
        pos = annotation->second - range.first;
    }
    out.append(piece.substr(pos));
    // Line breaks inside a label or an evidence string become spaces.
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
}

struct DatedBy {
    std::optional<Date> date;
    DateSource source = DateSource::none;
};

// The date of a candidate: see the class comment for the order of preference.
DatedBy date_of(const RelationCandidate& c, const std::vector<TimeMention>& times, const DatedBy& carried,
                const std::optional<Date>& published) {
    if (c.time_decided) {
        // The language rules chose (or chose none of) the sentence's time expressions.
        if (c.time)
            for (const auto& t : times)
                if (t.range.begin == c.time->begin && t.range.end == c.time->end) return {t.date, c.time_source};
        if (carried.date) return carried;
        if (published) return {published, DateSource::document};
        return {};
    }
    const TimeMention* before_verb = nullptr;
    const TimeMention* earlier_clause = nullptr;
    const TimeMention* after_verb = nullptr;
    const TextRange object = c.object.range;
    for (const auto& t : times) {
        if (c.clause.contains(t.range)) {
            if (t.range.end <= c.verb.begin) before_verb = &t;
            else if (t.range.begin >= c.verb.end && !after_verb &&
                     !(t.range.begin >= c.verb.end && t.range.end <= object.end && object.begin > c.verb.end))
                after_verb = &t;
        } else if (t.range.end <= c.clause.begin) {
            earlier_clause = &t;
        }
    }
    if (before_verb) return {before_verb->date, DateSource::clause};
    if (earlier_clause) return {earlier_clause->date, DateSource::sentence};
    if (after_verb) return {after_verb->date, DateSource::clause};
    if (carried.date) return carried;
    if (published) return {published, DateSource::document};
    return {};
}

// One event per (sentence, subject, relation, object) among events[from, end): the most
// confident reading, the events then in event_less order. Done sentence by sentence, so a long
// document never holds its rejected readings (each carries its sentence as evidence) all at
// once; and as event_less orders by document, then sentence, the document's events are then in
// that order without a sort of them all.
// `order`: room for the events' places, kept from one sentence to the next (not a list
// allocated for every sentence with two readings or more).
void keep_best_readings(std::vector<Event>& events, std::size_t from, std::vector<std::size_t>& order) {
    // The events' places are sorted, not the events: moving an event moves a dozen strings.
    const std::size_t count = events.size() - from;
    if (count < 2) return;
    const Event* const e = events.data() + from;
    order.resize(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto key = [e](std::size_t i) { return std::tie(e[i].subject.id, e[i].relation, e[i].object.id); };
    // (One three-way comparison of the keys: `<` then `==` compared the ids twice.)
    const auto before = [&](std::size_t a, std::size_t b) {
        const auto order_of_keys = key(a) <=> key(b);
        return order_of_keys < 0 || (order_of_keys == 0 && e[a].confidence > e[b].confidence);
    };
    // A stable sort: a sentence's few readings by an insertion sort, which allocates nothing
    // (std::stable_sort allocated a buffer for every sentence with two readings or more). Both
    // are stable sorts by the same order, so they leave the readings in the same order.
    constexpr std::size_t kInsertionSorted = 16;
    if (count <= kInsertionSorted) {
        insertion_sort(order.begin(), order.end(), before);
    } else {
        std::stable_sort(order.begin(), order.end(), before);
    }
    order.erase(std::unique(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) == key(b); }),
                order.end());
    std::sort(order.begin(), order.end(), [e](std::size_t a, std::size_t b) { return event_less(e[a], e[b]); });
    // The events that open the order in their own places stay there: only those after them move
    // (most sentences keep all their readings, already in order).
    std::size_t in_place = 0;
    while (in_place < order.size() && order[in_place] == in_place) ++in_place;
    if (in_place == count) return;
    std::vector<Event> kept;
    kept.reserve(order.size() - in_place);
    for (std::size_t k = in_place; k < order.size(); ++k) kept.push_back(std::move(events[from + order[k]]));
    events.erase(events.begin() + static_cast<std::ptrdiff_t>(from + in_place), events.end());
    events.insert(events.end(), std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()));
}

// Lines that are no prose: `source: URL`, `date: 2019-05-16`, a bare URL.
bool boilerplate(std::string_view sentence) {
    // The cheap questions first, and no search past where an answer can lie: both searches ran
    // to the end of every sentence, most of which has neither a URL's start nor a colon near
    // its start (the answers are the same: the prefixes are asked before the space, `&&` of
    // questions without side effects; a colon after byte 12 answers no, as none does).
    if ((sentence.starts_with("http://") || sentence.starts_with("https://") || sentence.starts_with("www.")) &&
        sentence.find(' ') == std::string_view::npos)
        return true;
    constexpr std::size_t kLongestLabel = 12;
    const std::size_t colon = sentence.substr(0, kLongestLabel + 1).find(':');
    if (colon == std::string_view::npos) return false;
    // Compared in place, as header_date does (a lower-cased copy was a string each time).
    const std::string_view label = sentence.substr(0, colon);
    for (const char* header : {"source", "url", "link", "date", "published", "updated", "posted"})
        if (lower_equals(label, header)) return true;
    return false;
}

// A last sentence that stops without punctuation (`… Schreinem`) was cut off when the text was
// collected: nothing in it can be trusted.
bool cut_off(std::string_view sentence) {
    if (sentence.empty()) return false;
    const unsigned char last = static_cast<unsigned char>(sentence.back());
    if ((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') || (last >= '0' && last <= '9')) return true;
    if (last < 0x80 || sentence.size() < 3) return false;
    std::size_t pos = sentence.size() - 1;
    while (pos > 0 && (static_cast<unsigned char>(sentence[pos]) & 0xC0) == 0x80) --pos;
    std::size_t at = pos;
    const char32_t cp = utf8::decode(sentence, at);
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

// A time expression that is a header's date (` date 2019-05-16 Wilbur Ross …`), not the event's.
bool header_date(std::string_view text, TextRange sentence, const TimeMention& t) {
    const std::string_view before = text.substr(sentence.begin, t.range.begin - sentence.begin);
    std::string_view label = before;
    while (!label.empty() && (label.back() == ' ' || label.back() == ':')) label.remove_suffix(1);
    // Compared in place: `label` is all the sentence before the expression.
    return lower_equals(label, "date") || lower_equals(label, "published") || lower_equals(label, "updated");
}

bool contains_hanzi_pair(std::string_view text) {
    int hanzi = 0;
    for (std::size_t pos = 0; (pos = utf8::first_non_ascii(text, pos)) < text.size();) {
        const char32_t cp = utf8::decode(text, pos);
        if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) {
            if (++hanzi >= 2) return true;
        }
    }
    return false;
}

}  // namespace

Extractor::Extractor(const RulePack& pack, ExtractorOptions options)
    : parts_(std::make_unique<Parts>(pack)), options_(std::move(options)) {}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

std::string Extractor::detect_language(std::string_view folded_sentence) {
    return contains_hanzi_pair(folded_sentence) ? "zh" : "en";
}

// One document being read: what extract() carries from one step, window or sentence to the
// next, and the steps.
//
// A window of sentences at a time, each step for all its sentences before the next step:
// their languages and whether they are read at all, their dictionary and alias hits, their
// time expressions (where the dictionary scan found the texts the patterns need), then their
// mentions, views and English names (in sentence order: bound
// acronyms and the names memory go from one sentence to the next), then each one's relations
// and events. The code and tables of one
// step then stay in the processor's caches from a sentence to the next, where the other steps
// of a sentence in between evicted them (callgrind's cache model, 1 MB of the bench corpus:
// instruction-cache misses English 6.2M → 3.5M, Chinese 5.8M → 3.8M). No step reads what a
// later one writes (the names of a later sentence add to `entities_`, a deque, whose earlier
// entries stay put), so the answers are those of reading the sentences one by one. A window,
// not the document: a huge one-line article must not hold every sentence's hits at once.
class Extractor::Reading {
public:
    Reading(const Parts& parts, const ExtractorOptions& options, const Document& document);
    std::vector<Event> run();

private:
    // A sentence of the window, as the steps before the relation rules leave it.
    struct Prepared {
        bool read = false;  // not garbled, boilerplate or a cut-off last sentence
        std::vector<PhraseHit> aliases;  // the entity aliases in the sentence
        SentenceScan::Hits scanned;
        SentenceView view;
        std::optional<SentenceCues> cues;  // what view.cues points at; kept by reset() (see there)
        // Back to the state of a new one, the lists keeping their room (see window_).
        void reset();
    };
    static constexpr std::size_t kWindow = 64;
    // The thread's window slots: see window_.
    static std::vector<Prepared>& thread_slots();

    // The steps, each over the window (sentences first_ + w).
    void choose_sentences();  // each one's language, and whether it is read
    void tag_times();
    void scan_dictionaries();  // every sentence's: the mentions of one not read count in later ones
    void make_views();         // mentions, cue words; English words and names
    void relate();            // relation rules and events
    // The events of sentence `i` (window_[w]), appended to events_.
    void relate_sentence(std::size_t i, const SentenceView& view);
    // Fills `e` from candidate `c` of sentence `i`; false when it is no event (an argument
    // without an id, or the same entity twice). `act_times`: the dates of the act when some of
    // the sentence's are not (relate_sentence), else empty.
    // (`c` gives up its strings to `e` when it is an event: it is read no more.)
    bool fill_event(Event& e, RelationCandidate& c, std::size_t i, const SentenceView& view,
                    const std::vector<TimeMention>& act_times, const DatedBy& carried) const;
    // `ref` (of a new event) as what `a` names: its entity, or one derived from its words when
    // that has no id. Written in place: a returned copy moved three strings again.
    void fill_entity(EntityRef& ref, const Argument& a) const;

    const Parts& p_;
    const ExtractorOptions& options_;
    const Document& document_;
    const NormalizedText norm_;
    const std::string_view text_;  // norm_.text
    const std::vector<Sentence> sentences_;
    const std::string lang_;         // the options' or the document's language, or "auto"
    EntityStore entities_;           // what the mentions of this document point at
    EntityStore sentence_entities_;  // what the rules make up in one sentence (an unnamed organization, a literal)
    MentionFinder::Reading mentions_;
    std::vector<Event> events_;
    std::vector<std::size_t> reading_order_;  // keep_best_readings()'s room
    DatedBy previous_;  // the date the previous sentence stated
    std::optional<EnglishNames::Memory> names_;  // names met in the document, from its first English sentence
    KeptWords kept_words_;                       // the words its pre-pass cut
    // The window's sentences: the first slots of the thread's kWindow, which outlive the
    // document. A slot's hit lists keep their room from one sentence it holds to the next, in
    // this document or a later one: SentenceScan fills them in place, and the lists a view takes
    // are swapped with the view's old ones rather than moved out. Made new for every window,
    // each non-empty list was allocated again, several a sentence. Each slot is reset() before
    // a window's steps, so a step sees what it saw in a new one.
    std::span<Prepared> window_;
    std::size_t first_ = 0;  // the window's first sentence
};

Extractor::Reading::Reading(const Parts& parts, const ExtractorOptions& options, const Document& document)
    : p_(parts),
      options_(options),
      document_(document),
      norm_(parts.normalizer.normalize(document.text)),
      text_(norm_.text),
      sentences_(parts.segmenter.split(text_)),
      lang_(options.lang != "auto" ? options.lang
            : document.language.empty() ? "auto"
                                        : document.language),
      mentions_(parts.mention_finder, text_, entities_),
      kept_words_(sentences_.size()) {
    // Up to two events a sentence in news: a guess that saves regrowing the vector, each step of
    // which moved every event, a dozen strings each (one a sentence still moved 6,000 events a
    // MB of the Chinese corpus; bounded: one huge text must not reserve room for a million
    // events it may never find).
    events_.reserve(std::min<std::size_t>(2 * sentences_.size(), 1024));
}

void Extractor::Reading::Prepared::reset() {
    // A list keeps its room up to kKeptHits: a huge sentence's room is given back, not held by
    // the thread until it ends.
    constexpr std::size_t kKeptHits = 1024;
    const auto empty = [](std::vector<PhraseHit>& list) {
        if (list.capacity() > kKeptHits) list = {};
        else list.clear();
    };
    read = false;
    for (auto* list : {&aliases, &scanned.cue_lists, &scanned.verbs, &scanned.roles, &scanned.reciprocal_nouns,
                       &scanned.short_forms, &scanned.anaphora, &scanned.time_texts, &view.verbs, &view.roles,
                       &view.reciprocal_nouns})
        empty(*list);
    // The cues keep their hit list's room too: make_views() refills them in place, and nothing
    // reads them before that (view.cues is null until then).
    if (cues && cues->hit_capacity() > kKeptHits) cues.reset();
    view.text = {};
    view.sentence = nullptr;
    view.index = 0;
    view.lang.clear();
    view.mentions.clear();
    view.times.clear();
    view.tokens.clear();
    view.cues = nullptr;
    view.entities = nullptr;
}

std::vector<Extractor::Reading::Prepared>& Extractor::Reading::thread_slots() {
    // Made once a thread, whole: never grown after, as views point into the slots.
    thread_local std::vector<Prepared> slots(kWindow);
    return slots;
}

std::vector<Event> Extractor::Reading::run() {
    std::vector<Prepared>& slots = thread_slots();
    for (first_ = 0; first_ < sentences_.size(); first_ += kWindow) {
        window_ = std::span(slots.data(), std::min(kWindow, sentences_.size() - first_));
        for (Prepared& slot : window_) slot.reset();
        choose_sentences();
        scan_dictionaries();
        tag_times();
        make_views();
        relate();
    }
    return std::move(events_);  // in event_less order: sorted sentence by sentence, in sentence order
}

void Extractor::Reading::choose_sentences() {
    // (Asked once, not for every sentence: libstdc++'s std::string == "literal" calls memcmp.)
    const bool detect = lang_ == "auto";
    for (std::size_t w = 0; w < window_.size(); ++w) {
        const std::size_t i = first_ + w;
        const TextRange range = sentences_[i].range;
        const std::string_view words = text_.substr(range.begin, range.size());
        window_[w].view.lang = detect ? detect_language(words) : lang_;
        window_[w].read = !p_.garble.garbled(text_, range, norm_.garble_sign_candidates) && !boilerplate(words) &&
                          !(i + 1 == sentences_.size() && i > 0 && cut_off(words));
    }
}

void Extractor::Reading::tag_times() {
    for (std::size_t w = 0; w < window_.size(); ++w) {
        if (!window_[w].read) continue;
        const TextRange range = sentences_[first_ + w].range;
        auto& times = window_[w].view.times;
        times = p_.time_tagger.find(text_, range, window_[w].view.lang, document_.published, window_[w].scanned.time_texts);
        times.erase(std::remove_if(times.begin(), times.end(),
                                   [&](const TimeMention& t) { return header_date(text_, range, t); }),
                    times.end());
    }
}

void Extractor::Reading::scan_dictionaries() {
    std::vector<SentenceScan::Sentence> scanned;  // each slot's own lists, filled in place
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::vector<std::vector<PhraseHit>*> aliases;
    scanned.reserve(window_.size());
    ranges.reserve(window_.size());
    aliases.reserve(window_.size());
    for (std::size_t w = 0; w < window_.size(); ++w) {
        const TextRange range = sentences_[first_ + w].range;
        scanned.push_back({window_[w].view.lang, range, &window_[w].scanned});
        ranges.emplace_back(range.begin, range.end);
        aliases.push_back(&window_[w].aliases);
    }
    p_.scan.find_in(text_, scanned);
    p_.catalog.find_in(text_, ranges, aliases.data());
}

void Extractor::Reading::make_views() {
    for (std::size_t w = 0; w < window_.size(); ++w) {
        const std::size_t i = first_ + w;
        const Sentence& sentence = sentences_[i];
        SentenceView& view = window_[w].view;
        view.text = text_;
        view.sentence = &sentence;
        view.index = i;
        view.entities = &sentence_entities_;
        SentenceScan::Hits& scanned = window_[w].scanned;
        mentions_.next(sentence, {window_[w].aliases, scanned.short_forms, scanned.anaphora}, view.mentions);
        if (!window_[w].read) continue;
        // The dictionaries the rules read, found in one scan of the sentence.
        std::optional<SentenceCues>& cues = window_[w].cues;
        if (cues) cues->assign(p_.cues, view.lang, text_, sentence.range, scanned.cue_lists);
        else cues.emplace(p_.cues, view.lang, text_, sentence.range, scanned.cue_lists);
        view.cues = &*cues;
        // Swapped, not moved: the slot's lists keep room for the next sentence (see window_).
        view.verbs.swap(scanned.verbs);
        view.roles.swap(scanned.roles);
        view.reciprocal_nouns.swap(scanned.reciprocal_nouns);
        if (std::string_view(view.lang) == "en") {  // (as a view: its length first, no call)
            if (!names_) names_ = p_.english_names.start(text_, sentences_, kept_words_);
            view.tokens = kept_words_.take(i, text_, sentence.range, p_.cues);  // for the names and the clause rules
            p_.english_names.find(text_, sentence, view.tokens, view.times, *view.cues, view.roles, view.mentions,
                                  *names_, entities_);
        }
    }
}

void Extractor::Reading::relate() {
    for (std::size_t w = 0; w < window_.size(); ++w) {
        if (window_[w].read) relate_sentence(first_ + w, window_[w].view);
        else previous_ = {};
    }
}

void Extractor::Reading::relate_sentence(std::size_t i, const SentenceView& view) {
    const TextRange range = sentences_[i].range;
    sentence_entities_.clear();  // the previous sentence's candidates are events by now
    // Whether the sentence carries the previous one's date, asked only when there is one: without,
    // previous_ is {} already, and the answer would change nothing.
    const bool carries =
        previous_.date && p_.cues.match_at("carry_date", view.lang, text_, range.begin, range.end) > 0;
    const DatedBy carried = carries ? DatedBy{previous_.date, DateSource::context} : DatedBy{};
    const bool chinese = std::string_view(view.lang) == "zh";  // (once, and as a view: no call to memcmp)
    // Not const: an event takes its candidate's relation and rule strings (fill_event).
    auto candidates = chinese ? p_.chinese.find(view) : p_.english.find(view, options_.agentless_passives);
    // 由11月1日起: a Chinese date followed by an effective_date word says when a measure takes
    // effect; the act is dated by the sentence's other dates when it has some. `act_times` holds
    // those only when the sentence has both kinds: otherwise the act's dates are all its dates,
    // and most sentences then copy none (a vector grown time by time).
    std::vector<TimeMention> act_times;
    if (chinese) {
        auto effective = [&](const TimeMention& t) {
            return p_.cues.match_at("effective_date", "zh", text_, t.range.end, range.end) > 0;
        };
        const auto effective_count = std::count_if(view.times.begin(), view.times.end(), effective);
        if (effective_count > 0 && static_cast<std::size_t>(effective_count) < view.times.size())
            std::remove_copy_if(view.times.begin(), view.times.end(), std::back_inserter(act_times), effective);
    }
    const std::size_t sentence_events = events_.size();
    for (auto& c : candidates) {
        if (c.polarity == Polarity::negative && !options_.keep_negated) continue;
        if (c.modality == Modality::hypothetical && !options_.keep_hypothetical) continue;
        // Made in its place in `events_` (moving an Event moves a dozen strings); taken back if
        // it is no event.
        if (!fill_event(events_.emplace_back(), c, i, view, act_times, carried)) events_.pop_back();
    }
    if (events_.size() > sentence_events) {
        // The sentence's original text, once for all its events: made in the first, copied to the others.
        const auto span = norm_.offsets.to_original(range.begin, range.end);
        const std::string& evidence =
            events_[sentence_events].evidence.assign(document_.text.substr(span.first, span.second - span.first));
        for (std::size_t k = sentence_events + 1; k < events_.size(); ++k) events_[k].evidence = evidence;
    }
    keep_best_readings(events_, sentence_events, reading_order_);
    if (!view.times.empty()) previous_ = {view.times.front().date, DateSource::context};
    else if (!carries) previous_ = {};
}

void Extractor::Reading::fill_entity(EntityRef& ref, const Argument& a) const {
    if (!a.entity->id.empty()) {
        ref = *a.entity;
        return;
    }
    ref.id = derive_entity_id(text_.substr(a.range.begin, a.range.size()));
    clean_original(ref.label, document_.text, norm_.offsets.to_original(a.range.begin, a.range.end), norm_.annotations);
    ref.type = a.entity->type;
}

bool Extractor::Reading::fill_event(Event& e, RelationCandidate& c, std::size_t i, const SentenceView& view,
                                    const std::vector<TimeMention>& act_times, const DatedBy& carried) const {
    e.doc = document_.id;
    e.sentence = i;
    fill_entity(e.subject, c.subject);
    if (e.subject.id.empty()) return false;  // (before the object's strings are made)
    fill_entity(e.object, c.object);
    if (e.object.id.empty() || e.subject.id == e.object.id) return false;
    e.relation = std::move(c.relation);  // (read no more: the candidate is dropped after its event)
    clean_original(e.relation_text, document_.text, norm_.offsets.to_original(c.verb.begin, c.verb.end),
                   norm_.annotations);
    DatedBy dated = date_of(c, view.times, carried, document_.published);
    if (!act_times.empty()) {
        const DatedBy act = date_of(c, act_times, carried, document_.published);
        if (act.source == DateSource::clause || act.source == DateSource::sentence) dated = act;
    }
    e.date = dated.date;
    e.date_source = dated.source;
    e.polarity = c.polarity;
    e.modality = c.modality;
    const std::size_t begin = std::min({c.subject.range.begin, c.verb.begin, c.object.range.begin});
    const std::size_t end = std::max({c.subject.range.end, c.verb.end, c.object.range.end});
    e.span = norm_.offsets.to_original(begin, end);
    e.rule = std::move(c.rule);
    e.confidence = c.confidence;
    return true;
}

std::vector<Event> Extractor::extract(const Document& document) const {
    return Reading(*parts_, options_, document).run();
}

}  // namespace chronokg
