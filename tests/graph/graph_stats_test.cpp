#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "graph/graph_builder.hpp"
#include "graph/graph_stats.hpp"
#include "query_test_support.hpp"

using namespace chronokg;

TEST_CASE("stats count entities by type, events by relation, and the dates spanned", "[graph][stats]") {
    const GraphStats stats = compute_stats(build_graph(test::story()), 3);
    CHECK(stats.entities == 11);
    CHECK(stats.events == 12);
    CHECK(stats.edges == 12);
    CHECK(stats.documents == 5);
    CHECK(stats.first_date == Date{2019, 5, 16});
    CHECK(stats.last_date == Date{2025, 6, 2});
    using Counts = std::vector<std::pair<std::string, std::size_t>>;
    CHECK(stats.types == Counts{{"ORG", 4}, {"GOV", 3}, {"CONCEPT", 1}, {"PERSON", 1}, {"POLICY", 1}, {"PRODUCT", 1}});
    CHECK(stats.relations.front() == std::pair<std::string, std::size_t>{"partners with", 2});
    CHECK(stats.relations[1] == std::pair<std::string, std::size_t>{"restricts", 2});
    REQUIRE(stats.top_by_degree.size() == 3);
    CHECK(stats.top_by_degree[0].entity.id == "bis");
    CHECK(stats.top_by_degree[0].degree == 7);
    CHECK(stats.top_by_degree[1].entity.id == "ascend");  // 3 edges, as nvidia has: ties go by id
    CHECK(stats.top_by_degree[2].entity.id == "nvidia");
}

TEST_CASE("PageRank ranks what many point at above those pointing", "[graph][stats]") {
    auto e = [](const std::string& s, const std::string& o) {
        return test::story_event({s, s, "ORG"}, "supplies", "", {o, o, "ORG"}, "2025-05-01", "d", 0);
    };
    // a, b and c all point at hub; hub points at x, which thus inherits hub's weight.
    const GraphStats stats = compute_stats(build_graph({e("a", "hub"), e("b", "hub"), e("c", "hub"), e("hub", "x")}));
    REQUIRE(stats.top_by_pagerank.size() == 5);
    CHECK(stats.top_by_pagerank[0].entity.id == "x");
    CHECK(stats.top_by_pagerank[1].entity.id == "hub");
    CHECK(stats.top_by_pagerank[2].entity.id == "a");  // a, b, c tie: by id
    CHECK(stats.top_by_pagerank[4].entity.id == "c");
    double total = 0;
    for (const auto& r : stats.top_by_pagerank) total += r.pagerank;
    CHECK(total == Approx(1.0));
    CHECK(stats.top_by_degree[0].entity.id == "hub");
    CHECK(stats.top_by_degree[0].degree == 4);
}

TEST_CASE("stats do not depend on the order events arrive in", "[graph][stats]") {
    auto events = test::story();
    const GraphStats a = compute_stats(build_graph(events));
    std::shuffle(events.begin(), events.end(), std::mt19937(3));
    const GraphStats b = compute_stats(build_graph(events));
    CHECK(a.types == b.types);
    CHECK(a.relations == b.relations);
    REQUIRE(a.top_by_pagerank.size() == b.top_by_pagerank.size());
    for (std::size_t i = 0; i < a.top_by_pagerank.size(); ++i) {
        CHECK(a.top_by_pagerank[i].entity.id == b.top_by_pagerank[i].entity.id);
        CHECK(a.top_by_pagerank[i].pagerank == b.top_by_pagerank[i].pagerank);
    }
}
