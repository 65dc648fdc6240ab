#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "graph/knowledge_graph.hpp"

using namespace chronokg;

namespace {
EdgeData edge_data(const std::string& relation) {
    EdgeData d;
    d.relation = relation;
    return d;
}
}  // namespace

TEST_CASE("edges added in a batch join those added one by one, with their data, ends and degrees", "[graph][issue7]") {
    KnowledgeGraph g;
    for (const char* id : {"a", "b", "c"}) g.add_vertex(VertexData{id, id, "ORG", {}, 0, {}, {}});
    g.add_edge(0, 1, edge_data("first"));
    g.add_edges({{1, 2}, {0, 2}, {2, 2}, {0, 1}}, {edge_data("second"), edge_data("third"), edge_data("loop"), edge_data("again")});
    REQUIRE(g.edge_count() == 5);
    const auto edges = g.edges();
    const std::vector<std::tuple<std::size_t, std::size_t, std::string>> expected = {
        {0, 1, "first"}, {1, 2, "second"}, {0, 2, "third"}, {2, 2, "loop"}, {0, 1, "again"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(edges[i].source == std::get<0>(expected[i]));
        CHECK(edges[i].target == std::get<1>(expected[i]));
        CHECK(edges[i].data->relation == std::get<2>(expected[i]));
    }
    CHECK(g.degree(0) == 3);
    CHECK(g.degree(1) == 3);
    CHECK(g.degree(2) == 4);  // a self-loop counts twice
    CHECK(boost::out_degree(0, g.storage()) == 3);
    CHECK(boost::in_degree(2, g.storage()) == 3);
}

TEST_CASE("a batch of edges naming a vertex the graph lacks is refused whole", "[graph][issue7]") {
    KnowledgeGraph g;
    g.add_vertex(VertexData{"a", "a", "ORG", {}, 0, {}, {}});
    CHECK_THROWS_AS(g.add_edges({{0, 0}, {0, 1}}, {edge_data("x"), edge_data("y")}), Error);
    CHECK(g.edge_count() == 0);
    CHECK(g.vertex_count() == 1);
    CHECK_THROWS_AS(g.add_edges({{0, 0}}, {}), Error);
}

TEST_CASE("a batch of edges may name where each edge's data lies, among edges added before and after", "[graph][issue7]") {
    KnowledgeGraph g;
    for (const char* id : {"a", "b"}) g.add_vertex(VertexData{id, id, "ORG", {}, 0, {}, {}});
    g.add_edge(0, 1, edge_data("before"));
    g.add_edges({{0, 0}, {1, 1}, {1, 0}}, {edge_data("x"), edge_data("y"), edge_data("z")}, {2, 0, 1});
    g.add_edge(1, 1, edge_data("after"));
    g.add_edges({{0, 1}}, {edge_data("last")});
    std::vector<std::string> relations;
    for (const auto& e : g.edges()) relations.push_back(e.data->relation);
    CHECK(relations == std::vector<std::string>{"before", "z", "x", "y", "after", "last"});
    CHECK(g.edges()[1].source == 0);
    CHECK(g.edges()[1].target == 0);

    // Each datum named once, and only data of the batch.
    CHECK_THROWS_AS(g.add_edges({{0, 0}, {0, 1}}, {edge_data("p"), edge_data("q")}, {1, 1}), Error);
    CHECK_THROWS_AS(g.add_edges({{0, 0}, {0, 1}}, {edge_data("p"), edge_data("q")}, {0, 2}), Error);
    CHECK_THROWS_AS(g.add_edges({{0, 0}, {0, 1}}, {edge_data("p"), edge_data("q")}, {0}), Error);
    CHECK(g.edge_count() == 6);
}
