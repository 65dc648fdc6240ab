#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>

#include "graph/graph_builder.hpp"
#include "graph/parallel_sort.hpp"

using namespace chronokg;

namespace {
Event event(const std::string& s, const std::string& r, const std::string& o, const std::string& date,
            const std::string& doc = "d", std::size_t sentence = 0) {
    Event e;
    e.doc = doc;
    e.sentence = sentence;
    e.subject = {s, s == "bis" ? "BIS" : s, "GOV"};
    e.relation = r;
    e.object = {o, o, "ORG"};
    e.date = Date::parse(date);
    return e;
}
}  // namespace

TEST_CASE("entities merge by id, each event is an edge", "[graph]") {
    const auto g = build_graph({event("bis", "adds to entity list", "huawei", "2019-05-16"),
                                event("bis", "adds to entity list", "huawei", "2020-08-17", "d2"),
                                event("bis", "revokes", "ai-rule", "2025-05-13")});
    CHECK(g.vertex_count() == 3);
    CHECK(g.edge_count() == 3);
    const VertexData& bis = g.vertex(*g.find_vertex("bis"));
    CHECK(bis.label == "BIS");
    CHECK(bis.mentions == 3);
    CHECK(bis.first_seen == Date{2019, 5, 16});
    CHECK(bis.last_seen == Date{2025, 5, 13});
}

TEST_CASE("collapse merges repeated triples into one weighted edge with all dates", "[graph]") {
    const auto g = build_graph({event("bis", "adds to entity list", "huawei", "2020-08-17", "d2"),
                                event("bis", "adds to entity list", "huawei", "2019-05-16")},
                               BuildOptions{true});
    REQUIRE(g.edge_count() == 1);
    const EdgeData& e = *g.edges().front().data;
    CHECK(e.weight == 2);
    CHECK(e.dates == DateList{Date{2019, 5, 16}, Date{2020, 8, 17}});
}

TEST_CASE("the graph does not depend on the order events arrive in", "[graph]") {
    std::vector<Event> events;
    for (int i = 0; i < 40; ++i)
        events.push_back(event(fmt::format("s{}", i % 7), i % 2 ? "revokes" : "signs", fmt::format("o{}", i % 5),
                               fmt::format("2025-05-{}", 10 + i % 9), fmt::format("d{}", i % 3), i));
    auto shuffled = events;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
    const auto a = build_graph(events);
    const auto b = build_graph(shuffled);
    REQUIRE(a.edge_count() == b.edge_count());
    for (std::size_t i = 0; i < a.vertex_count(); ++i) CHECK(a.vertex(i).id == b.vertex(i).id);
    const auto ea = a.edges();
    const auto eb = b.edges();
    for (std::size_t i = 0; i < ea.size(); ++i) {
        CHECK(ea[i].source == eb[i].source);
        CHECK(ea[i].data->sentence == eb[i].data->sentence);
    }
}

TEST_CASE("a vertex has its most frequent label, the others as aliases, and a type", "[graph]") {
    auto a = event("bis", "revokes", "rule", "2025-05-13");
    a.object.type = "";  // a literal noun phrase
    auto b = a;
    b.subject.label = "工业和安全局";
    auto c = a;
    c.subject.label = "  BIS \n";  // outer whitespace is no part of a name
    auto d = event("x", "signs", "rule", "2025-01");
    d.object.type = "POLICY";
    auto e = event("y", "signs", "phrase", "2025");
    e.object = {"phrase", "", "CONCEPT"};
    const auto g = build_graph({a, b, c, d, e});
    const VertexData& bis = g.vertex(*g.find_vertex("bis"));
    CHECK(bis.label == "BIS");
    CHECK(bis.aliases == std::vector<std::string>{"工业和安全局"});
    CHECK(bis.first_seen == Date{2025, 5, 13});
    // Seen once as a known POLICY and otherwise as a literal: the known type wins.
    CHECK(g.vertex(*g.find_vertex("rule")).type == "POLICY");
    CHECK(g.vertex(*g.find_vertex("rule")).first_seen == Date{2025, 1, 0});
    const VertexData& phrase = g.vertex(*g.find_vertex("phrase"));
    CHECK(phrase.type == "CONCEPT");
    CHECK(phrase.label == "phrase");  // never blank: the id stands in
    CHECK(g.degree(*g.find_vertex("rule")) == 4);
}

TEST_CASE("collapse keeps a denial apart, counts occurrences and keeps every date", "[graph]") {
    auto yes1 = event("bis", "revokes", "rule", "2025-05-13");
    yes1.confidence = 0.7;
    auto yes2 = event("bis", "revokes", "rule", "2025-05", "d2");
    yes2.confidence = 0.91234;
    auto yes3 = event("bis", "revokes", "rule", "2025-05-13", "d3");
    auto no = event("bis", "revokes", "rule", "2025-06-01");
    no.polarity = Polarity::negative;
    const auto g = build_graph({yes1, no, yes2, yes3}, BuildOptions{true});
    REQUIRE(g.edge_count() == 2);
    const EdgeData& yes = *g.edges()[0].data;
    CHECK(yes.polarity == Polarity::positive);
    CHECK(yes.weight == 3);
    CHECK(yes.dates == DateList{Date{2025, 5, 0}, Date{2025, 5, 13}});
    CHECK(yes.date == Date{2025, 5, 0});
    CHECK(yes.confidence == 0.91);
    CHECK(g.edges()[1].data->polarity == Polarity::negative);
    CHECK(g.edges()[1].data->weight == 1);
}

TEST_CASE("events that differ only in evidence or modality still give one graph in any order", "[graph]") {
    auto a = event("bis", "revokes", "rule", "2025-05-13");
    auto b = a;
    b.evidence = "another sentence";
    b.modality = Modality::planned;
    auto c = a;
    c.relation_text = "撤销";
    const auto one = build_graph({a, b, c}, BuildOptions{true});
    const auto two = build_graph({c, b, a}, BuildOptions{true});
    CHECK(*one.edges()[0].data == *two.edges()[0].data);
    const auto three = build_graph({b, c, a});
    const auto four = build_graph({a, b, c});
    for (std::size_t i = 0; i < 3; ++i) CHECK(*three.edges()[i].data == *four.edges()[i].data);
}

TEST_CASE("a GraphBuilder fed one event at a time makes the graph build_graph makes, and can be reused", "[graph][issue7]") {
    // `chronokg build` streams events into a GraphBuilder instead of holding them: the graph
    // must be the same, vertex for vertex and edge for edge, collapsed or not, in any order.
    std::vector<Event> events;
    for (int i = 0; i < 300; ++i) {
        Event e = event(fmt::format("s{}", i % 11), i % 3 ? "revokes" : "signs", fmt::format("o{}", i % 13),
                        i % 5 ? fmt::format("2025-05-{}", 10 + i % 9) : "2024", fmt::format("d{}", i % 4), i % 17);
        e.evidence = fmt::format("  sentence {} ", i % 6);
        e.modality = i % 4 ? Modality::asserted : Modality::planned;
        e.polarity = i % 9 ? Polarity::positive : Polarity::negative;
        e.confidence = 0.5 + (i % 7) * 0.061;
        e.subject.label = i % 8 ? e.subject.id : e.subject.id + " alias";
        events.push_back(e);
    }
    for (const bool collapse : {false, true}) {
        INFO("collapse " << collapse);
        const KnowledgeGraph expected = build_graph(events, BuildOptions{collapse});
        auto shuffled = events;
        std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(collapse ? 3 : 5));
        GraphBuilder builder(BuildOptions{collapse});
        for (int round = 0; round < 2; ++round) {  // finish() empties the builder for another graph
            for (const Event& e : shuffled) builder.add(Event(e));
            const KnowledgeGraph streamed = builder.finish();
            REQUIRE(streamed.vertex_count() == expected.vertex_count());
            for (std::size_t v = 0; v < expected.vertex_count(); ++v) CHECK(streamed.vertex(v) == expected.vertex(v));
            const auto a = expected.edges();
            const auto b = streamed.edges();
            REQUIRE(a.size() == b.size());
            std::set<std::tuple<std::string, std::string, std::string, Polarity>> triples;
            for (const Event& e : events) triples.emplace(e.subject.id, e.object.id, e.relation, e.polarity);
            CHECK(a.size() == (collapse ? triples.size() : events.size()));
            for (std::size_t i = 0; i < a.size(); ++i) {
                CHECK(a[i].source == b[i].source);
                CHECK(a[i].target == b[i].target);
                CHECK(*a[i].data == *b[i].data);
            }
        }
    }
    CHECK(GraphBuilder().finish().edge_count() == 0);
}

TEST_CASE("sort_in_parallel orders as std::sort for any number of threads", "[graph][issue7]") {
    std::mt19937 random(7);
    for (const std::size_t n : {0u, 1u, 1000u, 70000u, 200001u}) {
        std::vector<std::uint64_t> items(n);
        for (auto& x : items) x = random() % 5000;  // many equal values
        std::vector<std::uint64_t> expected = items;
        std::sort(expected.begin(), expected.end());
        for (const unsigned threads : {0u, 1u, 2u, 3u, 5u, 8u}) {
            INFO(n << " items on " << threads << " threads");
            std::vector<std::uint64_t> sorted = items;
            sort_in_parallel(sorted, threads, std::less<>());
            CHECK(sorted == expected);
        }
    }
}

TEST_CASE("a graph is the same whatever room was reserved and however many threads order it", "[graph][issue7]") {
    std::vector<Event> events;
    for (int i = 0; i < 70000; ++i)  // enough for the edges to be ordered on several threads
        events.push_back(event(fmt::format("e{}", i % 97), "buys", fmt::format("o{}", i % 89),
                               fmt::format("2025-0{}-1{}", 1 + i % 9, i % 10)));
    const KnowledgeGraph expected = build_graph(events);
    for (const bool collapse : {false, true}) {
        const KnowledgeGraph one = build_graph(events, BuildOptions{collapse, 1});
        for (const unsigned threads : {2u, 3u}) {
            for (const std::size_t room : {0u, 10u, 200000u}) {
                INFO("collapse " << collapse << ", " << threads << " threads, room for " << room);
                GraphBuilder builder(BuildOptions{collapse, threads});
                builder.reserve(room);
                for (const Event& e : events) builder.add(Event(e));
                const KnowledgeGraph graph = builder.finish();
                const auto got = graph.edges(), want = one.edges();
                REQUIRE(got.size() == want.size());
                bool same = true;
                for (std::size_t i = 0; i < got.size() && same; ++i)
                    same = got[i].source == want[i].source && got[i].target == want[i].target && *got[i].data == *want[i].data;
                CHECK(same);
            }
        }
    }
    CHECK(expected.edge_count() == events.size());
}

TEST_CASE("edges of one triple are in date order: undated first, a year before its months, across centuries", "[graph][issue7]") {
    // What a reader of the graph's files sees as the timeline between two entities; the order
    // is kept in packed numbers, so dates that differ in one field only are each checked.
    const std::vector<std::string> in_order = {"",        "0001",       "0999-12-31", "1999",    "1999-12",
                                               "1999-12-31", "2000",    "2000-01",    "2000-01-01", "2000-01-02",
                                               "2000-02",    "2000-10-09", "2024-12-31", "2025-01-01", "9999-12-31"};
    std::vector<Event> events;
    for (std::size_t i = in_order.size(); i-- > 0;) {
        events.push_back(event("bis", "revokes", "rule", in_order[i], "doc" + std::to_string(i)));
        if (!in_order[i].empty()) REQUIRE(events.back().date);
    }
    std::shuffle(events.begin(), events.end(), std::mt19937(7));
    const KnowledgeGraph g = build_graph(events);
    std::vector<std::string> got;
    for (const auto& e : g.edges()) got.push_back(e.data->date ? e.data->date->iso() : "");
    CHECK(got == in_order);
    // The relation, then polarity, come before the date: a denial dated 0001 follows every "revokes".
    Event denial = event("bis", "revokes", "rule", "0001");
    denial.polarity = Polarity::negative;
    events.push_back(denial);
    events.push_back(event("bis", "bans", "rule", "9999"));
    const KnowledgeGraph h = build_graph(events);
    CHECK(h.edges().front().data->relation == "bans");
    CHECK(h.edges().back().data->polarity == Polarity::negative);
}
