#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "graph/graph_builder.hpp"

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
    CHECK(e.dates == std::vector<Date>{Date{2019, 5, 16}, Date{2020, 8, 17}});
}

TEST_CASE("the graph does not depend on the order events arrive in", "[graph]") {
    std::vector<Event> events;
    for (int i = 0; i < 40; ++i)
        events.push_back(event("s" + std::to_string(i % 7), i % 2 ? "revokes" : "signs", "o" + std::to_string(i % 5),
                               "2025-05-" + std::to_string(10 + i % 9), "d" + std::to_string(i % 3), i));
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
