// Every graph file is checked by the programs users open it with: networkx (GraphML, GEXF,
// JSON), graphology as Gephi Lite uses it (GraphML, GEXF), Graphviz (DOT), Python's csv
// module as a spreadsheet importer reads it (CSV). The graph's texts are hostile on purpose.
#include "export_test_support.hpp"

using namespace chronokg;
using test::sorted_lines;

namespace {

const std::string kQ = R"("id \"q\" <&>\\ 中")";  // the hostile id, JSON-quoted
const std::string kBisLabel = R"("BIS \"quoted\" \\ back <&> 工業和安全局 😀")";

// What a consumer of a graph format must find. XML cannot carry control characters, so the
// XML formats drop them; JSON keeps them, escaped.
std::vector<std::string> expected(bool xml, bool gephi) {
    const std::string node_label = xml ? R"("node\nwith  newline\ttab")" : "\"node\\nwith  newline\\u0001\x7F\\ttab\"";
    const std::string evidence = xml ? R"("line one\nline \"two\"  end\r\nthird <b>&amp;</b>")"
                                     : R"("line one\nline \"two\" \u0002 end\r\nthird <b>&amp;</b>")";
    std::vector<std::string> lines = {
        gephi ? "graph nodes=4 edges=3" : "graph nodes=4 edges=5",
        R"(node "bis" label=)" + kBisLabel + R"( type="GOV")",
        R"(node "edge" label="edge" type="ORG")",
        "node " + kQ + R"( label="Label | with pipe" type="ORG")",
        R"(node "node" label=)" + node_label + R"( type="POLICY")",
        R"(edge "bis" "edge" relation="revokes" negated=true weight=1 evidence=)" + evidence,
        R"(edge "bis" "node" relation="revokes" negated=false weight=1 evidence=)" + evidence,
    };
    for (int i = 0; i < (gephi ? 1 : 3); ++i)
        lines.push_back("edge " + kQ + R"( "bis" relation="partners with" negated=false weight=)" +
                        (gephi ? "3" : "1") + R"( evidence="plain")");
    std::sort(lines.begin(), lines.end());
    return lines;
}

// The time data of the GEXF: the three "partners with" events (2025-05, 2025-05-19, 2025-06-02)
// are one edge with two spells, the month holding the 19th.
const std::vector<std::string> kTimeLines = {
    R"(time edge "bis" "node" spells=[["2025-05-13", "2025-05-13"]])",
    "time edge " + kQ + R"( "bis" spells=[["2025-05-01", "2025-05-31"], ["2025-06-02", "2025-06-02"]])",
    R"(time node "bis" start=2025-05-01 end=2025-06-02)",
    "time node " + kQ + " start=2025-05-01 end=2025-06-02",
    R"(time node "node" start=2025-05-13 end=2025-05-13)",
};

std::vector<std::string> without_time(std::vector<std::string> lines) {
    lines.erase(std::remove_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("time ", 0) == 0; }),
                lines.end());
    return lines;
}

std::vector<std::string> only_time(std::vector<std::string> lines) {
    lines.erase(std::remove_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("time ", 0) != 0; }),
                lines.end());
    return lines;
}

}  // namespace

TEST_CASE("networkx reads hostile labels intact from GraphML, GEXF and JSON", "[export][consumer]") {
    const auto graph = test::hostile_graph();
    const auto graphml = test::write_graph_to(graph, io::GraphFormat::graphml, "g.graphml");
    const auto gexf = test::write_graph_to(graph, io::GraphFormat::gexf, "g.gexf");
    const auto json = test::write_graph_to(graph, io::GraphFormat::json, "g.json");
    for (const auto& python : test::networkx_pythons()) {
        INFO(python);
        const auto g = test::read_with_networkx(python, "graphml", graphml);
        INFO(g.err);
        REQUIRE(g.code == 0);
        CHECK(sorted_lines(g.out) == expected(true, false));

        const auto x = test::read_with_networkx(python, "gexf", gexf);
        INFO(x.err);
        REQUIRE(x.code == 0);
        CHECK(without_time(sorted_lines(x.out)) == expected(true, true));
        auto time = kTimeLines;
        std::sort(time.begin(), time.end());
        CHECK(only_time(sorted_lines(x.out)) == time);
        if (!x.err.empty()) WARN(python << ": " << x.err);  // networkx 2.8: read with xml.etree

        const auto j = test::read_with_networkx(python, "json", json);
        INFO(j.err);
        REQUIRE(j.code == 0);
        CHECK(sorted_lines(j.out) == expected(false, false));
    }
}

TEST_CASE("graphology loads GraphML and GEXF as Gephi Lite does, labels intact", "[export][consumer]") {
    if (!test::graphology_available()) return;
    const auto graph = test::hostile_graph();
    const auto graphml = test::read_with_graphology("graphml", test::write_graph_to(graph, io::GraphFormat::graphml, "g.graphml"));
    INFO(graphml.err);
    REQUIRE(graphml.code == 0);
    CHECK(graphml.err.empty());
    CHECK(sorted_lines(graphml.out) == expected(true, false));

    const auto gexf = test::read_with_graphology("gexf", test::write_graph_to(graph, io::GraphFormat::gexf, "g.gexf"));
    INFO(gexf.err);
    REQUIRE(gexf.code == 0);
    CHECK(gexf.err.empty());
    CHECK(sorted_lines(gexf.out) == expected(true, true));
}

TEST_CASE("Graphviz renders our DOT without a word on stderr", "[export][consumer]") {
    const auto path = test::write_graph_to(test::hostile_graph(), io::GraphFormat::dot, "g.dot");
    const auto r = test::run_command("dot -Tsvg '" + path + "'");
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("revokes (2025&#45;05&#45;13)") != std::string::npos);
    CHECK(r.out.find("not revokes") != std::string::npos);
    CHECK(r.out.find("工業和安全局") != std::string::npos);
    CHECK(r.out.find("\xF0\x9F\x98\x80") != std::string::npos);
    CHECK(r.out.find("Label | with pipe") != std::string::npos);
}

TEST_CASE("a spreadsheet reader finds one row a node and edge, texts on one line", "[export][consumer]") {
    const auto graph = test::hostile_graph();
    const auto stem = test::write_graph_to(graph, io::GraphFormat::csv, "g.csv");
    const auto neo4j = test::write_graph_to(graph, io::GraphFormat::neo4j, "g.neo4j.csv");
    // Rows as Python's csv module reads them: the header, then the row of `key`, JSON-quoted.
    auto rows = [](const std::string& file, const std::string& key) {
        return test::run_command("python3 -c \"import csv, json, sys\n"
                                 "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))\n"
                                 "print(len(rows), len(set(len(r) for r in rows)))\n"
                                 "print(json.dumps(rows[0], ensure_ascii=False))\n"
                                 "print(json.dumps([r for r in rows if sys.argv[2] in r[:2]], ensure_ascii=False))\" '" +
                                 file + "' '" + key + "'");
    };
    const auto nodes = rows(stem.substr(0, stem.size() - 4) + ".nodes.csv", "node");
    INFO(nodes.err);
    REQUIRE(nodes.code == 0);
    CHECK(nodes.out ==
          "5 1\n"
          R"(["Id", "Label", "timeset", "type", "aliases", "mentions", "first_seen", "last_seen", "color"])" "\n"
          R"([["node", "node with  newline tab", "<[2025-05-13, 2025-05-13]>", "POLICY", "", "1", "2025-05-13", "2025-05-13", "#ffd966"]])" "\n");
    const auto edges = rows(stem.substr(0, stem.size() - 4) + ".edges.csv", "id \"q\" <&>\\ 中");
    INFO(edges.err);
    REQUIRE(edges.code == 0);
    CHECK(edges.out.rfind("4 1\n"
                          R"(["Source", "Target", "Type", "Kind", "Id", "Label", "Weight", "timeset", "relation", )", 0) == 0);
    CHECK(edges.out.find(R"x("Directed", "partners with", "e2", "partners with (2025-05, 2025-05-19, 2025-06-02)", "3", )x"
                         R"("<[2025-05-01, 2025-05-31]; [2025-06-02, 2025-06-02]>")") != std::string::npos);

    const auto n4 = rows(neo4j.substr(0, neo4j.size() - 4) + ".nodes.csv", "bis");
    INFO(n4.err);
    REQUIRE(n4.code == 0);
    CHECK(n4.out == "5 1\n"
                    R"(["id:ID", "label", ":LABEL", "type", "aliases", "mentions:int", "first_seen:date", "last_seen:date"])" "\n"
                    R"([["bis", "BIS \"quoted\" \\ back <&> 工業和安全局 😀", "Entity;GOV", "GOV", "", "5", "2025-05", "2025-06-02"]])" "\n");
    const auto r4 = rows(neo4j.substr(0, neo4j.size() - 4) + ".edges.csv", "bis");
    INFO(r4.err);
    REQUIRE(r4.code == 0);
    CHECK(r4.out.find(R"([":START_ID", ":END_ID", ":TYPE", "relation", "relation_text", "label", "date:date", "dates:date[]", )"
                      R"("date_precision", "polarity", "modality", "negated:boolean", "confidence:float", "weight:int", )"
                      R"("doc", "sentence:int", "evidence", "rule"])") != std::string::npos);
    CHECK(r4.out.rfind("6 1\n", 0) == 0);  // one relationship an event
    CHECK(r4.out.find(R"(["bis", "edge", "NOT_REVOKES", "revokes", )") != std::string::npos);
    CHECK(r4.out.find(R"("line one line \"two\"  end  third <b>&amp;</b>")") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in a label becomes U+FFFD in every format", "[export]") {
    Event e = test::hostile_events().front();
    e.subject.label = "bad \xFF byte";
    const auto graph = build_graph({e});
    for (const auto& name : io::format_names()) {
        const auto format = *io::format_from_name(name);
        const auto path = test::write_graph_to(graph, format, "utf8." + name);
        std::string all;
        for (const auto& file : io::output_files(path, format)) {
            INFO(file);
            const auto r = test::run_command("python3 -c \"import sys; open(sys.argv[1], encoding='utf-8', "
                                             "errors='strict').read()\" '" + file + "'");
            CHECK(r.code == 0);
            all += test::read_file(file);
        }
        INFO(name);
        CHECK(all.find("bad \xEF\xBF\xBD byte") != std::string::npos);
    }
}

TEST_CASE("every consumer sees the same graph of our examples' gold events", "[export][consumer]") {
    const auto graph = build_graph(test::gold_events());
    const auto graphml = test::write_graph_to(graph, io::GraphFormat::graphml, "gold.graphml");
    const auto json = test::write_graph_to(graph, io::GraphFormat::json, "gold.json");
    const auto gexf = test::write_graph_to(graph, io::GraphFormat::gexf, "gold.gexf");
    const auto reference = test::read_with_networkx("python3", "graphml", graphml);
    REQUIRE(reference.code == 0);
    CHECK(reference.out.rfind("graph nodes=" + std::to_string(graph.vertex_count()) +
                              " edges=" + std::to_string(graph.edge_count()) + "\n", 0) == 0);
    CHECK(sorted_lines(test::read_with_networkx("python3", "json", json).out) == sorted_lines(reference.out));
    if (test::graphology_available())
        CHECK(sorted_lines(test::read_with_graphology("graphml", graphml).out) == sorted_lines(reference.out));
    const auto gephi = test::read_with_networkx("python3", "gexf", gexf);
    REQUIRE(gephi.code == 0);
    if (test::graphology_available())
        CHECK(sorted_lines(test::read_with_graphology("gexf", gexf).out) == without_time(sorted_lines(gephi.out)));
}
