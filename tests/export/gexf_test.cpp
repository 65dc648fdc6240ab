// GEXF 1.3 for Gephi's Timeline: valid against the official RelaxNG schema, dynamic, with the
// structure Gephi needs to import it without merging or rejecting anything.
#include "export_test_support.hpp"

#include <map>
#include <random>
#include <set>
#include <tuple>

#include "export/gephi_view.hpp"
#include "export/gexf_writer.hpp"
#include "export/time_interval.hpp"

using namespace chronokg;

namespace {

std::string gexf_of(const KnowledgeGraph& graph) {
    std::ostringstream out;
    io::write_gexf(out, graph);
    return out.str();
}

std::string schema_dir() { return test::shared_dir() + "/schemas/gexf-1.3"; }

// Both validators the schema's README names; empty when the file is valid, else what they said.
std::string schema_problems(const std::string& path) {
    std::string problems;
    const auto jing = test::run_command("jing -c '" + schema_dir() + "/gexf.rnc' '" + path + "'");
    if (jing.code != 0) problems += "jing: " + jing.out + jing.err;
    const auto xmllint = test::run_command("xmllint --noout --relaxng '" + schema_dir() + "/gexf.rng' '" + path + "'");
    if (xmllint.code != 0) problems += "xmllint: " + xmllint.err;
    return problems;
}

}  // namespace

TEST_CASE("dates become day intervals; overlapping ones merge, as Gephi requires", "[export][gexf]") {
    CHECK(io::interval_of(Date{2024, 2, 0}) == io::TimeInterval{Date{2024, 2, 1}, Date{2024, 2, 29}});
    CHECK(io::interval_of(Date{2025, 0, 0}) == io::TimeInterval{Date{2025, 1, 1}, Date{2025, 12, 31}});
    const auto merged = io::merged_intervals(std::vector<Date>{Date{2025, 5, 19}, Date{2025, 6, 2}, Date{2025, 5, 0}, Date{2025, 5, 19}});
    REQUIRE(merged.size() == 2);
    CHECK(merged[0] == io::TimeInterval{Date{2025, 5, 1}, Date{2025, 5, 31}});
    CHECK(merged[1] == io::TimeInterval{Date{2025, 6, 2}, Date{2025, 6, 2}});
    // Neighbouring days do not overlap: each keeps its spell, so the Timeline shows both.
    CHECK(io::merged_intervals(std::vector<Date>{Date{2025, 5, 13}, Date{2025, 5, 14}}).size() == 2);
    CHECK(io::gephi_timeset(merged) == "<[2025-05-01, 2025-05-31]; [2025-06-02, 2025-06-02]>");
}

TEST_CASE("GEXF is dynamic: node lifetimes, one spell a dated occurrence, relation as kind", "[export][gexf]") {
    const std::string gexf = gexf_of(test::hostile_graph());
    CHECK(gexf.find("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">") !=
          std::string::npos);
    CHECK(gexf.find("schemaLocation") == std::string::npos);
    CHECK(gexf.find("<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\"") != std::string::npos);
    CHECK(gexf.find("<node id=\"node\" label=\"node&#10;with &#32;newline&#9;tab\" start=\"2025-05-13\" end=\"2025-05-13\">") !=
          std::string::npos);
    // An undated entity is there at every time.
    CHECK(gexf.find("<node id=\"edge\" label=\"edge\">") != std::string::npos);
    // The negated event keeps its own kind, so Gephi does not merge it into "revokes".
    CHECK(gexf.find("label=\"not revokes\" kind=\"not revokes\" weight=\"1\">") != std::string::npos);
    CHECK(gexf.find("kind=\"partners with\" weight=\"3\">") != std::string::npos);
    CHECK(gexf.find("          <spell start=\"2025-05-01\" end=\"2025-05-31\"/>\n"
                    "          <spell start=\"2025-06-02\" end=\"2025-06-02\"/>\n") != std::string::npos);
    // Colour by type (GOV), size by degree (5 edges: 10 + 4·√5).
    CHECK(gexf.find("<viz:color r=\"224\" g=\"102\" b=\"102\"/>\n        <viz:size value=\"18.9\"/>") != std::string::npos);
    CHECK(gexf.find("<attvalue for=\"negated\" value=\"true\"/>") != std::string::npos);
    CHECK(gexf.find("hex=") == std::string::npos);
}

TEST_CASE("GEXF validates against the GEXF 1.3 RelaxNG schema (jing and xmllint)", "[export][gexf][consumer]") {
    if (!std::filesystem::is_regular_file(schema_dir() + "/gexf.rnc")) {
        WARN("skipped: no GEXF schema in " << schema_dir() << " (../shared is not on this machine)");
        return;
    }
    const auto hostile = test::write_graph_to(test::hostile_graph(), io::GraphFormat::gexf, "schema.gexf");
    CHECK(schema_problems(hostile).empty());
    const auto collapsed = test::write_graph_to(test::hostile_graph(true), io::GraphFormat::gexf, "schema-collapsed.gexf");
    CHECK(schema_problems(collapsed).empty());
    CHECK(schema_problems(test::write_graph_to(KnowledgeGraph{}, io::GraphFormat::gexf, "schema-empty.gexf")).empty());
    // The validators do reject what the schema forbids, such as xsi:schemaLocation.
    std::string bad = test::read_file(hostile);
    bad.replace(bad.find("version=\"1.3\""), 13,
                "version=\"1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"");
    const auto bad_path = (std::filesystem::path(hostile).parent_path() / "bad.gexf").string();
    test::write_file(bad_path, bad);
    const auto problems = schema_problems(bad_path);
    CHECK(problems.find("jing") != std::string::npos);
    CHECK(problems.find("xmllint") != std::string::npos);
}

TEST_CASE("a merged GEXF edge has the highest confidence, every date and the first edge's texts", "[export][gexf]") {
    // Three events of one kind between two entities, and a denial between them: Gephi sees two
    // edges. Graph order puts doc "a" first, so its evidence and rule describe the merged edge.
    std::vector<Event> events;
    for (const auto& [doc, confidence, day] : {std::tuple{"c", 0.6, 3}, std::tuple{"a", 0.5, 1}, std::tuple{"b", 0.9, 2}}) {
        Event e;
        e.doc = doc;
        e.subject = {"bis", "BIS", "GOV"};
        e.relation = "revokes";
        e.object = {"rule", "Rule", "POLICY"};
        e.date = Date{2025, 5, day};
        e.evidence = std::string("evidence of ") + doc;
        e.rule = std::string("rule-") + doc;
        e.confidence = confidence;
        events.push_back(e);
    }
    Event denial = events.front();
    denial.polarity = Polarity::negative;
    denial.date.reset();
    events.push_back(denial);
    const auto graph = build_graph(events, BuildOptions{});
    REQUIRE(graph.edge_count() == 4);
    const std::string gexf = gexf_of(graph);
    CHECK(gexf.find("label=\"revokes (2025-05-01, 2025-05-02, 2025-05-03)\" kind=\"revokes\" weight=\"3\">") !=
          std::string::npos);
    CHECK(gexf.find("<attvalue for=\"confidence\" value=\"0.9\"/>") != std::string::npos);
    CHECK(gexf.find("<attvalue for=\"evidence\" value=\"evidence of a\"/>") != std::string::npos);
    CHECK(gexf.find("<attvalue for=\"rule\" value=\"rule-a\"/>") != std::string::npos);
    CHECK(gexf.find("evidence of b") == std::string::npos);
    CHECK(gexf.find("<attvalue for=\"dates\" value=\"2025-05-01;2025-05-02;2025-05-03\"/>") != std::string::npos);
    CHECK(gexf.find("label=\"not revokes\" kind=\"not revokes\" weight=\"1\">") != std::string::npos);
    CHECK(gexf.find("<edges count=\"2\">") != std::string::npos);
}

TEST_CASE("Gephi's edges group the graph's by ends and kind, kinds in text order, whatever the edge order", "[export][gexf]") {
    // Random events among four entities, with negations, and a relation spelled "not bans" that
    // is one kind with a negated "bans". The reference: the graph's edges in its order, grouped
    // by (source, target, kind text) in a std::map.
    std::mt19937 random(11);
    const std::vector<std::string> ids = {"a", "b", "c", "d"};
    const std::vector<std::string> relations = {"bans", "not bans", "restricts", "opposes", "zeroes"};
    std::vector<Event> events;
    for (int i = 0; i < 600; ++i) {
        Event e;
        e.doc = "doc" + std::to_string(random() % 7);
        e.sentence = random() % 5;
        const std::string& s = ids[random() % ids.size()];
        const std::string& o = ids[random() % ids.size()];
        e.subject = {s, s, "ORG"};
        e.object = {o, o, "ORG"};
        e.relation = relations[random() % relations.size()];
        e.polarity = random() % 3 == 0 ? Polarity::negative : Polarity::positive;
        if (random() % 4 != 0) e.date = Date{2020 + static_cast<int>(random() % 3), 1 + static_cast<int>(random() % 12), 1};
        e.evidence = "evidence " + std::to_string(i);
        e.rule = "rule";
        events.push_back(e);
    }
    const KnowledgeGraph built = build_graph(events);
    // The same edges added in a shuffled order: a graph not in order of its ends (as one read
    // from a file may be).
    KnowledgeGraph shuffled;
    for (std::size_t v = 0; v < built.vertex_count(); ++v) shuffled.add_vertex(built.vertex(v));
    auto edges = built.edges();
    std::shuffle(edges.begin(), edges.end(), random);
    for (const auto& e : edges) shuffled.add_edge(e.source, e.target, *e.data);

    for (const KnowledgeGraph* graph : {&built, const_cast<const KnowledgeGraph*>(&shuffled)}) {
        INFO((graph == &built ? "built graph" : "shuffled graph"));
        std::map<std::tuple<std::size_t, std::size_t, std::string>, std::vector<const EdgeData*>> groups;
        for (const auto& e : graph->edges()) {
            const std::string kind = (e.data->polarity == Polarity::negative ? "not " : "") + e.data->relation;
            groups[{e.source, e.target, kind}].push_back(e.data);
        }
        const io::GephiView view = io::gephi_view(*graph);
        REQUIRE(view.edges.size() == groups.size());
        std::size_t n = 0;
        for (const auto& [key, members] : groups) {
            const io::GephiEdge& got = view.edges[n++];
            CHECK(std::tie(got.source, got.target, got.kind) == std::tie(std::get<0>(key), std::get<1>(key), std::get<2>(key)));
            CHECK(got.first == members.front());
            CHECK(got.weight == members.size());
            std::set<Date> dates;
            for (const EdgeData* d : members) dates.insert(d->dates.begin(), d->dates.end());
            CHECK(std::vector<Date>(got.dates.begin(), got.dates.end()) == std::vector<Date>(dates.begin(), dates.end()));
        }
    }
}
