#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "../test_support.hpp"
#include "core/error.hpp"
#include "extract/entity_catalog.hpp"
#include "extract/normalizer.hpp"
#include "graph/graph_builder.hpp"
#include "graph/graph_query.hpp"
#include "query_test_support.hpp"

using namespace chronokg;

namespace {

// "date subject relation object" for each event, to compare whole answers at once.
std::vector<std::string> lines(const std::vector<GraphEvent>& events) {
    std::vector<std::string> out;
    for (const auto& e : events)
        out.push_back((e.data.date ? e.data.date->iso() : "-") + " " + e.subject.id + " " + e.data.relation + " " +
                      e.object.id);
    return out;
}

EventFilter may_2025(const std::string& subject) {
    EventFilter f;
    f.subject = subject;
    f.from = Date{2025, 5, 1};
    f.to = Date{2025, 5, 31};
    return f;
}

}  // namespace

TEST_CASE("an entity is found by its id, label or alias in any case and width (issue 6)", "[graph][query]") {
    const KnowledgeGraph graph = build_graph(test::story());
    const GraphQuery query(graph);
    for (const char* name : {"bis", "BIS", "Bis", "ＢＩＳ", "  BIS ", "Bureau of Industry and Security",
                             "bureau of industry and security", "ＢＵＲＥＡＵ ＯＦ ＩＮＤＵＳＴＲＹ ＡＮＤ ＳＥＣＵＲＩＴＹ"}) {
        INFO(name);
        const auto found = query.entities(name);
        REQUIRE(found.size() == 1);
        CHECK(found[0].id == "bis");
        CHECK(found[0].label == "Bureau of Industry and Security");
    }
    CHECK(query.entities("芯片出口").at(0).id == "芯片出口");
    CHECK(query.entities("晶片出口").empty());  // no catalog, and the graph never wrote it so
    CHECK(query.entities("").empty());
}

TEST_CASE("with the rule pack's catalog, aliases no article used still name the entity", "[graph][query]") {
    const KnowledgeGraph graph = build_graph(test::story());
    CHECK(GraphQuery(graph).entities("工業和安全局").empty());
    const EntityCatalog catalog(test::test_pack(), Normalizer::shared());
    const GraphQuery query(graph, &catalog);
    for (const char* name : {"工業和安全局", "工业和安全局", "BIS"}) {
        INFO(name);
        REQUIRE(query.entities(name).size() == 1);
        CHECK(query.entities(name)[0].id == "bis");
    }
    CHECK(query.entities("英偉達").at(0).id == "nvidia");
    CHECK(lines(query.find(may_2025("工業和安全局"))) == lines(query.find(may_2025("BIS"))));
}

TEST_CASE("find: what did BIS do in May 2025, in date order then by document", "[graph][query]") {
    const KnowledgeGraph graph = build_graph(test::story());
    const GraphQuery query(graph);
    const std::vector<std::string> expected = {
        "2025-05 bis warns 芯片出口",                  // a month-precision date lies inside May
        "2025-05-13 bis revokes ai-diffusion-rule",
        "2025-05-13 bis issues guidance on ascend",  // same day, same document: by sentence
        "2025-05-20 bis confirms ascend",
    };
    CHECK(lines(query.find(may_2025("BIS"))) == expected);
    // Partial bounds cover their whole month; a single day leaves out the month-precision event.
    EventFilter f = may_2025("Bureau of Industry and Security");
    f.from = Date{2025, 5, 0};
    f.to = Date{2025, 5, 0};
    CHECK(lines(query.find(f)) == expected);
    f.from = f.to = Date{2025, 5, 13};
    CHECK(lines(query.find(f)) == std::vector<std::string>(expected.begin() + 1, expected.begin() + 3));
    // Without a window every BIS event comes, the year-precision one before its year's months.
    EventFilter all;
    all.subject = "bis";
    CHECK(lines(query.find(all)).front() == "2019-05-16 bis adds to entity list huawei");
    CHECK(query.find(all).size() == 7);
    CHECK(lines(query.find(all))[1] == "2025 bis reviews 芯片出口");
}

TEST_CASE("find filters by object, relation (canonical or as written), polarity and modality", "[graph][query]") {
    const KnowledgeGraph graph = build_graph(test::story());
    const GraphQuery query(graph);
    EventFilter f;
    f.object = "ai diffusion rule";
    CHECK(lines(query.find(f)) ==
          std::vector<std::string>{"2025-01 biden-administration signs ai-diffusion-rule",
                                   "2025-05-13 bis revokes ai-diffusion-rule"});
    for (const char* relation : {"revokes", "REVOKES", "撤銷", "撤销"}) {
        INFO(relation);
        EventFilter r;
        r.relation = relation;
        CHECK(lines(query.find(r)) == std::vector<std::string>{"2025-05-13 bis revokes ai-diffusion-rule"});
    }
    EventFilter negative;
    negative.polarity = Polarity::negative;
    CHECK(lines(query.find(negative)) == std::vector<std::string>{"2025-05-20 bis confirms ascend"});
    EventFilter planned;
    planned.modality = Modality::planned;
    planned.object = "Huawei";
    CHECK(lines(query.find(planned)) == std::vector<std::string>{"2025-05-22 us-commerce restricts huawei"});
    EventFilter both;
    both.subject = "BIS";
    both.object = "Ascend";
    both.to = Date{2025, 5, 31};
    CHECK(query.find(both).size() == 2);
    // Results carry the edge's values, not handles into the graph.
    const auto revoked = query.find(may_2025("BIS")).at(1);
    CHECK(revoked.object.label == "AI Diffusion Rule");
    CHECK(revoked.data.relation_text == "撤銷");
    CHECK(revoked.data.doc == "a");
    CHECK(revoked.data.sentence == 3);
}

TEST_CASE("an unknown name fails with the closest names known", "[graph][query][errors]") {
    const KnowledgeGraph graph = build_graph(test::story());
    const GraphQuery query(graph);
    CHECK_THROWS_AS(query.find(may_2025("Nvdia")), Error);
    CHECK_THROWS_WITH(query.find(may_2025("Nvdia")), Catch::Contains("unknown entity \"Nvdia\"") &&
                                                         Catch::Contains("closest known: Nvidia (nvidia)"));
    CHECK_THROWS_WITH(query.timeline("Huwaei"), Catch::Contains("closest known: Huawei"));
    // Only near names are offered; when nothing is near, the three nearest.
    CHECK(query.index().closest("Nvdia").size() == 1);
    CHECK(query.index().closest("Qqqqqqqqqqqqqqqq").size() == 3);
    // The pack knows Samsung, the graph does not: say so rather than only "unknown".
    const EntityCatalog catalog(test::test_pack(), Normalizer::shared());
    CHECK_THROWS_WITH(GraphQuery(graph, &catalog).timeline("三星电子"),
                      Catch::Contains("the rule pack knows it as samsung"));
}

TEST_CASE("timeline: every event of an entity, either side, undated last", "[graph][query]") {
    const KnowledgeGraph graph = build_graph(test::story());
    const GraphQuery query(graph);
    CHECK(lines(query.timeline("NVIDIA")) ==
          std::vector<std::string>{"2025-05-19 nvidia partners with tsmc", "2025-05-19 nvidia partners with foxconn",
                                   "- jensen-huang ceo of nvidia"});
}

TEST_CASE("neighbors: entities within N hops either way, nearest first, with the joining events",
          "[graph][query]") {
    const KnowledgeGraph graph = build_graph(test::story());
    const GraphQuery query(graph);
    auto ids = [](const std::vector<Neighbor>& ns) {
        std::vector<std::string> out;
        for (const auto& n : ns) out.push_back(std::to_string(n.distance) + " " + n.entity.id);
        return out;
    };
    CHECK(ids(query.neighbors("TSMC", 1)) == std::vector<std::string>{"1 nvidia"});
    CHECK(ids(query.neighbors("TSMC", 2)) == std::vector<std::string>{"1 nvidia", "2 foxconn", "2 jensen-huang"});
    CHECK(ids(query.neighbors("Huawei", 2)) ==
          std::vector<std::string>{"1 bis", "1 us-commerce", "2 ai-diffusion-rule", "2 ascend", "2 芯片出口"});
    CHECK(query.neighbors("Huawei", 0).empty());
    const auto far = query.neighbors("Huawei", 3);
    const auto biden = std::find_if(far.begin(), far.end(), [](const Neighbor& n) { return n.entity.id == "biden-administration"; });
    REQUIRE(biden != far.end());
    CHECK(biden->distance == 3);
    CHECK(lines(biden->events) == std::vector<std::string>{"2025-01 biden-administration signs ai-diffusion-rule"});
    // Both events between BIS and Ascend's side count for Ascend, in event order.
    const auto near = query.neighbors("BIS", 1);
    const auto ascend = std::find_if(near.begin(), near.end(), [](const Neighbor& n) { return n.entity.id == "ascend"; });
    REQUIRE(ascend != near.end());
    CHECK(lines(ascend->events) == std::vector<std::string>{"2025-05-13 bis issues guidance on ascend",
                                                            "2025-05-20 bis confirms ascend",
                                                            "2025-06-02 bis restricts ascend"});
}

TEST_CASE("path: the shortest connection, either direction, with the events along it", "[graph][query]") {
    const KnowledgeGraph graph = build_graph(test::story());
    const GraphQuery query(graph);
    const auto steps = query.path("Huawei", "Biden administration");
    REQUIRE(steps);
    std::vector<std::string> hops;
    for (const auto& s : *steps) hops.push_back(s.from.id + ">" + s.to.id + ":" + lines(s.events).at(0));
    CHECK(hops == std::vector<std::string>{
                      "huawei>bis:2019-05-16 bis adds to entity list huawei",
                      "bis>ai-diffusion-rule:2025-05-13 bis revokes ai-diffusion-rule",
                      "ai-diffusion-rule>biden-administration:2025-01 biden-administration signs ai-diffusion-rule"});
    CHECK(query.path("BIS", "Bureau of Industry and Security")->empty());
    CHECK_FALSE(query.path("Nvidia", "BIS"));  // two separate stories
    CHECK_THROWS_WITH(query.path("Nvidia", "Bsi"), Catch::Contains("closest known: BIS (bis)"));
}

TEST_CASE("query answers do not depend on the order events arrive in", "[graph][query]") {
    auto events = test::story();
    const KnowledgeGraph a = build_graph(events);
    std::shuffle(events.begin(), events.end(), std::mt19937(11));
    const KnowledgeGraph b = build_graph(events);
    const GraphQuery qa(a), qb(b);
    EventFilter all;
    CHECK(lines(qa.find(all)) == lines(qb.find(all)));
    CHECK(lines(qa.find(all)).size() == 12);
    CHECK(qa.path("TSMC", "Jensen Huang")->size() == qb.path("TSMC", "Jensen Huang")->size());
}
