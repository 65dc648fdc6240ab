#include "graph/graph_builder.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "graph/interner.hpp"
#include "graph/parallel_sort.hpp"

namespace chronokg {
namespace {

// Counts of the values of one field, ordered by value (std::less<>: looked up by string_view).
using Counts = std::map<std::string, std::size_t, std::less<>>;

// The most frequent value, ties broken by byte order.
std::string most_common(const Counts& counts) {
    std::string best;
    std::size_t best_count = 0;
    for (const auto& [value, count] : counts)
        if (count > best_count) {
            best = value;
            best_count = count;
        }
    return best;
}

// One more `value`; `last` remembers the entry counted before, which is most often the same
// (an entity keeps its label), so most counts cost one comparison instead of a map search.
// A pointer to the entry, not an iterator: the map's end() moves with the map, its entries do not.
void count(Counts& counts, Counts::value_type*& last, std::string_view value) {
    if (last == nullptr || last->first != value) {
        auto it = counts.find(value);
        if (it == counts.end()) it = counts.emplace(std::string(value), 0).first;
        last = &*it;
    }
    ++last->second;
}

struct EntityTally {
    Counts labels, types;
    Counts::value_type* last_label = nullptr;
    Counts::value_type* last_type = nullptr;
    std::size_t mentions = 0;
    std::optional<Date> first, last;
};

// What an edge is sorted on besides its data: the ends and relation (numbered, then ranked),
// and the event fields the edge does not keep. The fields compared first are here, packed in
// three numbers, so most comparisons read only this array and compare at most three integers.
struct SortKey {
    std::uint64_t ends;  // subject << 32 | object
    std::uint64_t kind;  // relation << 1 | polarity (positive first)
    std::uint64_t when;  // date_code(date)
    std::uint32_t doc;
    DateSource date_source;
    std::size_t sentence;
    std::pair<std::size_t, std::size_t> span;
    std::size_t data;  // index of the edge's data

    std::uint32_t subject() const { return static_cast<std::uint32_t>(ends >> 32); }
    std::uint32_t object() const { return static_cast<std::uint32_t>(ends); }
    std::uint32_t relation() const { return static_cast<std::uint32_t>(kind >> 1); }
};

std::uint64_t pack(std::uint32_t high, std::uint32_t low) { return std::uint64_t{high} << 32 | low; }

// A number that orders as optional<Date> does: no date first, then year, month, day. Exact for
// month and day in 0..255, which holds for every real date (Date::valid).
std::uint64_t date_code(const std::optional<Date>& date) {
    if (!date) return 0;
    const auto year = static_cast<std::uint64_t>(static_cast<std::int64_t>(date->year) + (std::int64_t{1} << 31));
    return 1 + (year << 16 | static_cast<std::uint64_t>(date->month & 0xff) << 8 | static_cast<std::uint64_t>(date->day & 0xff));
}

// Whitespace around a label or a sentence carries nothing and would not survive every format
// (XML readers trim it), so the graph holds texts without it.
// (A loop: find_first_not_of calls memchr for each character it tests, and this runs for four
// texts of every event.)
std::string_view trimmed_view(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    std::size_t first = 0, end = text.size();
    while (first < end && space(text[first])) ++first;
    while (end > first && space(text[end - 1])) --end;
    return text.substr(first, end - first);
}
// `text` without its outer whitespace, moved out when it has none.
std::string take_trimmed(std::string& text) {
    const std::string_view t = trimmed_view(text);
    if (t.size() == text.size()) return std::move(text);
    return std::string(t);
}

// Confidence to two decimals, as events are written: the graph's files then say what the
// events say, and a number read back from any of them is the same double.
double rounded(double confidence) { return std::round(confidence * 100.0) / 100.0; }

// Reorders `items` so that items[i] becomes the old items[order[i]], moving each once.
template <typename T>
void permute(std::vector<T>& items, std::vector<std::size_t> order) {
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (order[start] == start) continue;
        T held = std::move(items[start]);
        std::size_t at = start;
        while (order[at] != start) {
            const std::size_t from = order[at];
            items[at] = std::move(items[from]);
            order[at] = at;
            at = from;
        }
        items[at] = std::move(held);
        order[at] = at;
    }
}

}  // namespace

struct GraphBuilder::State {
    BuildOptions options;
    Interner ids, relations, docs;
    Interner::Recent recent_subject, recent_object;
    std::vector<EntityTally> tallies;  // by id number
    std::vector<SortKey> keys;
    std::vector<EdgeData> data;

    void tally(std::uint32_t id, const EntityRef& ref, const std::optional<Date>& date) {
        if (id == tallies.size()) tallies.emplace_back();
        EntityTally& t = tallies[id];
        count(t.labels, t.last_label, trimmed_view(ref.label));
        if (!ref.type.empty()) count(t.types, t.last_type, ref.type);
        ++t.mentions;
        if (date) {
            if (!t.first || *date < *t.first) t.first = date;
            if (!t.last || *t.last < *date) t.last = date;
        }
    }

    VertexData vertex(const EntityTally& t, const std::string& id) const {
        VertexData v;
        v.id = id;
        Counts labels = t.labels;
        if (labels.size() > 1) labels.erase(std::string());
        v.label = most_common(labels);
        if (v.label.empty()) v.label = v.id;  // every consumer shows the label: never leave it blank
        // A type other than CONCEPT wins: a literal seen once as a known entity is that entity.
        Counts types = t.types;
        if (types.size() > 1) types.erase(std::string("CONCEPT"));
        v.type = types.empty() ? "CONCEPT" : most_common(types);
        for (const auto& [label, n] : t.labels)
            if (label != v.label && !label.empty()) v.aliases.push_back(label);
        v.mentions = t.mentions;
        v.first_seen = t.first;
        v.last_seen = t.last;
        return v;
    }

    // Edge order: the triple, polarity, date, document, sentence, span, then the texts of the
    // edge. Keys that are equal belong to edges whose data are equal, so the order is total on
    // what the graph holds and std::sort (not stable) gives one result.
    bool less(const SortKey& a, const SortKey& b) const {
        if (a.ends != b.ends) return a.ends < b.ends;
        if (a.kind != b.kind) return a.kind < b.kind;
        if (a.when != b.when) return a.when < b.when;
        const auto rest = [](const SortKey& k) { return std::tie(k.doc, k.sentence, k.span); };
        if (rest(a) != rest(b)) return rest(a) < rest(b);
        const EdgeData& x = data[a.data];
        const EdgeData& y = data[b.data];
        return std::tie(x.rule, x.relation_text, x.modality, a.date_source, x.evidence, x.confidence) <
               std::tie(y.rule, y.relation_text, y.modality, b.date_source, y.evidence, y.confidence);
    }
};

GraphBuilder::GraphBuilder(BuildOptions options) : state_(std::make_unique<State>()) { state_->options = options; }
GraphBuilder::~GraphBuilder() = default;
GraphBuilder::GraphBuilder(GraphBuilder&&) noexcept = default;
GraphBuilder& GraphBuilder::operator=(GraphBuilder&&) noexcept = default;

void GraphBuilder::reserve(std::size_t events) {
    state_->keys.reserve(state_->keys.size() + events);
    state_->data.reserve(state_->data.size() + events);
}

void GraphBuilder::add(Event&& e) {
    State& s = *state_;
    SortKey key{};
    const std::uint32_t subject = s.ids.intern(e.subject.id, s.recent_subject);
    s.tally(subject, e.subject, e.date);
    const std::uint32_t object = s.ids.intern(e.object.id, s.recent_object);
    s.tally(object, e.object, e.date);
    key.ends = pack(subject, object);  // arrival numbers: ranks in finish()
    key.kind = std::uint64_t{s.relations.intern(e.relation)} << 1 | (e.polarity == Polarity::negative ? 1 : 0);
    key.when = date_code(e.date);
    key.doc = s.docs.intern(e.doc);
    key.date_source = e.date_source;
    key.sentence = e.sentence;
    key.span = e.span;
    key.data = s.data.size();
    s.keys.push_back(key);

    EdgeData& d = s.data.emplace_back();  // filled in place: moving an edge's six strings costs more than it seems
    d.relation = std::move(e.relation);
    d.relation_text = take_trimmed(e.relation_text);
    d.date = e.date;
    if (e.date) d.dates.push_back(*e.date);
    d.polarity = e.polarity;
    d.modality = e.modality;
    d.confidence = rounded(e.confidence);
    d.doc = std::move(e.doc);
    d.sentence = e.sentence;
    d.evidence = take_trimmed(e.evidence);
    d.rule = std::move(e.rule);
}

KnowledgeGraph GraphBuilder::finish() {
    State s = std::move(*state_);
    *state_ = State{};
    state_->options = s.options;

    // Numbers in arrival order become ranks in byte order: vertex indexes (vertices are
    // ordered by id) and sort keys that compare as the strings would.
    const std::vector<std::uint32_t> id_rank = s.ids.ranks(), relation_rank = s.relations.ranks(),
                                     doc_rank = s.docs.ranks();
    for (SortKey& k : s.keys) {
        k.ends = pack(id_rank[k.subject()], id_rank[k.object()]);
        k.kind = std::uint64_t{relation_rank[k.relation()]} << 1 | (k.kind & 1);
        k.doc = doc_rank[k.doc];
    }
    sort_in_parallel(s.keys, s.options.threads, [&s](const SortKey& a, const SortKey& b) { return s.less(a, b); });

    KnowledgeGraph graph;
    std::vector<std::uint32_t> id_at_rank(id_rank.size());
    for (std::uint32_t id = 0; id < id_rank.size(); ++id) id_at_rank[id_rank[id]] = id;
    for (std::uint32_t id : id_at_rank) graph.add_vertex(s.vertex(s.tallies[id], s.ids.text(id)));  // index = rank
    s.tallies.clear();

    std::vector<std::size_t> order(s.keys.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = s.keys[i].data;
    std::vector<std::pair<std::size_t, std::size_t>> ends;
    ends.reserve(s.keys.size());
    if (!s.options.collapse) {
        // Every event an edge: the data stay where they arrived, and the graph is told where
        // each edge's data are (moving them into edge order was a random walk through memory).
        for (const SortKey& k : s.keys) ends.emplace_back(k.subject(), k.object());
        s.keys = {};
        graph.add_edges(ends, std::move(s.data), std::move(order));
        return graph;
    }
    // Collapsing: the data into edge order in place, then runs of one triple and polarity merged
    // into their first, and the rest dropped.
    permute(s.data, std::move(order));
    std::size_t kept = 0;
    for (std::size_t i = 0; i < s.keys.size();) {
        const SortKey& first = s.keys[i];
        std::size_t j = i + 1;
        if (kept != i) s.data[kept] = std::move(s.data[i]);
        EdgeData& edge = s.data[kept];
        if (s.options.collapse) {
            for (; j < s.keys.size(); ++j) {
                const SortKey& k = s.keys[j];
                if (k.ends != first.ends || k.kind != first.kind) break;
                ++edge.weight;
                if (s.data[j].date) edge.dates.push_back(*s.data[j].date);
                edge.confidence = std::max(edge.confidence, s.data[j].confidence);
            }
            std::sort(edge.dates.begin(), edge.dates.end());
            edge.dates.erase(std::unique(edge.dates.begin(), edge.dates.end()), edge.dates.end());
            if (!edge.dates.empty()) edge.date = edge.dates.front();
        }
        ends.emplace_back(first.subject(), first.object());
        ++kept;
        i = j;
    }
    s.keys = {};
    s.data.resize(kept);
    graph.add_edges(ends, std::move(s.data));
    return graph;
}

KnowledgeGraph build_graph(std::vector<Event> events, const BuildOptions& options) {
    GraphBuilder builder(options);
    builder.reserve(events.size());  // no regrowth: each would move every edge so far into fresh memory
    for (Event& e : events) builder.add(std::move(e));
    events = {};  // the texts left (ids, labels) go before the graph is made
    return builder.finish();
}

}  // namespace chronokg
