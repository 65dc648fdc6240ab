#include "graph/graph_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

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

void count(Counts& counts, std::string_view value) {
    auto it = counts.find(value);
    if (it == counts.end()) it = counts.emplace(std::string(value), 0).first;
    ++it->second;
}

struct EntityTally {
    Counts labels;
    Counts types;
    std::size_t mentions = 0;
    std::optional<Date> first, last;
};

// Every field of the event, the triple first: equal keys mean equal events, so the sort below
// gives one order whatever order the events arrived in (std::sort is not stable).
auto edge_key(const Event& e) {
    return std::tie(e.subject.id, e.object.id, e.relation, e.polarity, e.date, e.doc, e.sentence, e.span, e.rule,
                    e.relation_text, e.modality, e.date_source, e.evidence, e.confidence, e.subject.label,
                    e.subject.type, e.object.label, e.object.type);
}

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

}  // namespace

KnowledgeGraph build_graph(std::vector<Event> events, const BuildOptions& options) {
    // Entity ids and relations are ranked in byte order once. The ranks of the ids are the
    // vertex indexes (vertices are ordered by id), and the sort below compares the triple by
    // ranks, which gives the order of edge_key without comparing the strings again and again.
    // Events are sorted through pointers (an Event is large); equal keys are equal events, so
    // the order is the one sorting the events themselves would give.
    std::unordered_map<std::string_view, std::uint32_t> ids, relations;  // keys view the events
    for (const Event& e : events) {
        ids.emplace(e.subject.id, 0);
        ids.emplace(e.object.id, 0);
        relations.emplace(e.relation, 0);
    }
    auto rank = [](std::unordered_map<std::string_view, std::uint32_t>& map) {
        std::vector<std::string_view> sorted;
        sorted.reserve(map.size());
        for (const auto& [text, r] : map) sorted.push_back(text);
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; i < sorted.size(); ++i) map[sorted[i]] = static_cast<std::uint32_t>(i);
        return sorted;
    };
    const std::vector<std::string_view> id_of = rank(ids);
    rank(relations);

    struct Keyed {
        std::uint32_t subject, object, relation;
        Event* event;
    };
    std::vector<Keyed> order(events.size());
    std::vector<EntityTally> tallies(id_of.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        Event& e = events[i];
        order[i] = Keyed{ids[e.subject.id], ids[e.object.id], relations[e.relation], &e};
        for (const auto& [ref, index] : {std::pair{&e.subject, order[i].subject}, std::pair{&e.object, order[i].object}}) {
            EntityTally& t = tallies[index];
            count(t.labels, trimmed_view(ref->label));
            if (!ref->type.empty()) count(t.types, ref->type);
            ++t.mentions;
            if (e.date) {
                if (!t.first || *e.date < *t.first) t.first = e.date;
                if (!t.last || *t.last < *e.date) t.last = e.date;
            }
        }
    }
    std::sort(order.begin(), order.end(), [](const Keyed& a, const Keyed& b) {
        if (a.subject != b.subject) return a.subject < b.subject;
        if (a.object != b.object) return a.object < b.object;
        if (a.relation != b.relation) return a.relation < b.relation;
        return edge_key(*a.event) < edge_key(*b.event);
    });

    KnowledgeGraph graph;
    for (std::size_t r = 0; r < id_of.size(); ++r) {
        const EntityTally& t = tallies[r];
        VertexData v;
        v.id = std::string(id_of[r]);
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
        graph.add_vertex(std::move(v));  // its index is r
    }
    tallies.clear();

    // The events' texts move into the edges: the first of each edge is not read again, except
    // its triple and polarity, which are copied.
    auto to_edge = [](Event& e) {
        EdgeData d;
        d.relation = e.relation;
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
        return d;
    };
    for (std::size_t i = 0; i < order.size();) {
        Event& first = *order[i].event;
        EdgeData edge = to_edge(first);
        std::size_t j = i + 1;
        if (options.collapse) {
            for (; j < order.size(); ++j) {
                const Event& e = *order[j].event;
                if (order[j].subject != order[i].subject || order[j].object != order[i].object ||
                    order[j].relation != order[i].relation || e.polarity != first.polarity)
                    break;
                ++edge.weight;
                if (e.date) edge.dates.push_back(*e.date);
                edge.confidence = std::max(edge.confidence, rounded(e.confidence));
            }
            std::sort(edge.dates.begin(), edge.dates.end());
            edge.dates.erase(std::unique(edge.dates.begin(), edge.dates.end()), edge.dates.end());
            if (!edge.dates.empty()) edge.date = edge.dates.front();
        }
        graph.add_edge(order[i].subject, order[i].object, std::move(edge));
        i = j;
    }
    return graph;
}

}  // namespace chronokg
