#include "graph/graph_builder.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

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

// Strings numbered in the order they first arrive; ranked in byte order at the end.
class Interner {
public:
    std::uint32_t intern(std::string_view text) {
        // Events come document by document: most often the text is the one asked before, and
        // one comparison saves hashing it and a look-up that may miss the cache.
        if (last_ != nullptr && *last_ == text) return last_number_;
        auto it = numbers_.find(text);
        if (it == numbers_.end()) {
            it = numbers_.emplace(std::string(text), static_cast<std::uint32_t>(texts_.size())).first;
            texts_.push_back(&it->first);
        }
        last_ = &it->first;
        last_number_ = it->second;
        return it->second;
    }
    std::size_t size() const { return texts_.size(); }
    const std::string& text(std::uint32_t number) const { return *texts_[number]; }
    // rank[number]: the position of that text among all of them in byte order.
    std::vector<std::uint32_t> ranks() const {
        std::vector<std::uint32_t> by_text(texts_.size());
        for (std::uint32_t i = 0; i < by_text.size(); ++i) by_text[i] = i;
        std::sort(by_text.begin(), by_text.end(), [this](auto a, auto b) { return *texts_[a] < *texts_[b]; });
        std::vector<std::uint32_t> rank(texts_.size());
        for (std::uint32_t r = 0; r < by_text.size(); ++r) rank[by_text[r]] = r;
        return rank;
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> numbers_;
    std::vector<const std::string*> texts_;  // keys of numbers_, which never move
    const std::string* last_ = nullptr;      // the text asked for last, and its number
    std::uint32_t last_number_ = 0;
};

// What an edge is sorted on besides its data: the ends and relation (numbered, then ranked),
// and the event fields the edge does not keep. The fields compared first are here, so most
// comparisons read only this array.
struct SortKey {
    std::uint32_t subject, object, relation, doc;
    Polarity polarity;
    DateSource date_source;
    std::optional<Date> date;
    std::size_t sentence;
    std::pair<std::size_t, std::size_t> span;
    std::size_t data;  // index of the edge's data
};

// Whitespace around a label or a sentence carries nothing and would not survive every format
// (XML readers trim it), so the graph holds texts without it.
std::string_view trimmed_view(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
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
        const auto head = [](const SortKey& k) {
            return std::tie(k.subject, k.object, k.relation, k.polarity, k.date, k.doc, k.sentence, k.span);
        };
        if (head(a) != head(b)) return head(a) < head(b);
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

void GraphBuilder::add(Event e) {
    State& s = *state_;
    SortKey key{};
    key.subject = s.ids.intern(e.subject.id);
    s.tally(key.subject, e.subject, e.date);
    key.object = s.ids.intern(e.object.id);
    s.tally(key.object, e.object, e.date);
    key.relation = s.relations.intern(e.relation);
    key.doc = s.docs.intern(e.doc);
    key.polarity = e.polarity;
    key.date_source = e.date_source;
    key.date = e.date;
    key.sentence = e.sentence;
    key.span = e.span;
    key.data = s.data.size();
    s.keys.push_back(key);

    EdgeData d;
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
    s.data.push_back(std::move(d));
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
        k.subject = id_rank[k.subject];
        k.object = id_rank[k.object];
        k.relation = relation_rank[k.relation];
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
        for (const SortKey& k : s.keys) ends.emplace_back(k.subject, k.object);
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
                if (k.subject != first.subject || k.object != first.object || k.relation != first.relation ||
                    k.polarity != first.polarity)
                    break;
                ++edge.weight;
                if (s.data[j].date) edge.dates.push_back(*s.data[j].date);
                edge.confidence = std::max(edge.confidence, s.data[j].confidence);
            }
            std::sort(edge.dates.begin(), edge.dates.end());
            edge.dates.erase(std::unique(edge.dates.begin(), edge.dates.end()), edge.dates.end());
            if (!edge.dates.empty()) edge.date = edge.dates.front();
        }
        ends.emplace_back(first.subject, first.object);
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
