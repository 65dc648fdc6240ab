#include "graph/graph_builder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace chronokg {
namespace {

// The most frequent value, ties broken by byte order.
std::string most_common(const std::map<std::string, std::size_t>& counts) {
    std::string best;
    std::size_t best_count = 0;
    for (const auto& [value, count] : counts)
        if (count > best_count) {
            best = value;
            best_count = count;
        }
    return best;
}

struct EntityTally {
    std::map<std::string, std::size_t> labels;
    std::map<std::string, std::size_t> types;
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
std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Confidence to two decimals, as events are written: the graph's files then say what the
// events say, and a number read back from any of them is the same double.
double rounded(double confidence) { return std::round(confidence * 100.0) / 100.0; }

}  // namespace

KnowledgeGraph build_graph(std::vector<Event> events, const BuildOptions& options) {
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return edge_key(a) < edge_key(b); });

    std::map<std::string, EntityTally> entities;  // ordered by id: the vertex order
    for (const auto& e : events) {
        for (const EntityRef* ref : {&e.subject, &e.object}) {
            EntityTally& t = entities[ref->id];
            ++t.labels[trimmed(ref->label)];
            if (!ref->type.empty()) ++t.types[ref->type];
            ++t.mentions;
            if (e.date) {
                if (!t.first || *e.date < *t.first) t.first = e.date;
                if (!t.last || *t.last < *e.date) t.last = e.date;
            }
        }
    }
    KnowledgeGraph graph;
    for (const auto& [id, t] : entities) {
        VertexData v;
        v.id = id;
        std::map<std::string, std::size_t> labels = t.labels;
        if (labels.size() > 1) labels.erase("");
        v.label = most_common(labels);
        if (v.label.empty()) v.label = id;  // every consumer shows the label: never leave it blank
        // A type other than CONCEPT wins: a literal seen once as a known entity is that entity.
        std::map<std::string, std::size_t> types = t.types;
        if (types.size() > 1) types.erase("CONCEPT");
        v.type = types.empty() ? "CONCEPT" : most_common(types);
        for (const auto& [label, count] : t.labels)
            if (label != v.label && !label.empty()) v.aliases.push_back(label);
        v.mentions = t.mentions;
        v.first_seen = t.first;
        v.last_seen = t.last;
        graph.add_vertex(std::move(v));
    }

    auto to_edge = [](const Event& e) {
        EdgeData d;
        d.relation = e.relation;
        d.relation_text = trimmed(e.relation_text);
        d.date = e.date;
        if (e.date) d.dates.push_back(*e.date);
        d.polarity = e.polarity;
        d.modality = e.modality;
        d.confidence = rounded(e.confidence);
        d.doc = e.doc;
        d.sentence = e.sentence;
        d.evidence = trimmed(e.evidence);
        d.rule = e.rule;
        return d;
    };
    for (std::size_t i = 0; i < events.size();) {
        const Event& first = events[i];
        EdgeData edge = to_edge(first);
        std::size_t j = i + 1;
        if (options.collapse) {
            for (; j < events.size(); ++j) {
                const Event& e = events[j];
                if (std::tie(e.subject.id, e.object.id, e.relation, e.polarity) !=
                    std::tie(first.subject.id, first.object.id, first.relation, first.polarity))
                    break;
                ++edge.weight;
                if (e.date) edge.dates.push_back(*e.date);
                edge.confidence = std::max(edge.confidence, rounded(e.confidence));
            }
            std::sort(edge.dates.begin(), edge.dates.end());
            edge.dates.erase(std::unique(edge.dates.begin(), edge.dates.end()), edge.dates.end());
            if (!edge.dates.empty()) edge.date = edge.dates.front();
        }
        graph.add_edge(*graph.find_vertex(first.subject.id), *graph.find_vertex(first.object.id), std::move(edge));
        i = j;
    }
    return graph;
}

}  // namespace chronokg
