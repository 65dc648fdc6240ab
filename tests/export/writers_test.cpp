// The graph files are checked by the programs that read them: networkx and Graphviz.
#include <catch2/catch.hpp>

#include <fstream>

#include "export/atomic_file.hpp"
#include "export/dot_writer.hpp"
#include "export/graphml_writer.hpp"
#include "export/xml_text.hpp"
#include "graph/graph_builder.hpp"
#include "../consumer_support.hpp"

using namespace chronokg;

namespace {

// A graph whose labels carry everything that breaks careless writers.
KnowledgeGraph hostile_graph() {
    Event e;
    e.doc = "doc \"1\"";
    e.subject = {"bis", "BIS \"quoted\" \\ back <&> 工業和安全局 \xF0\x9F\x98\x80", "GOV"};
    e.relation = "revokes";
    e.relation_text = "撤銷";
    e.object = {"node", "node\nwith newline\x01\x7F", "POLICY"};
    e.date = Date{2025, 5, 13};
    e.evidence = "line one\nline \"two\" \x02 end";
    Event n = e;
    n.object = {"edge", "edge", "ORG"};
    n.polarity = Polarity::negative;
    n.date.reset();
    return build_graph({e, n});
}

std::string write_to(const std::string& name, void (*writer)(std::ostream&, const KnowledgeGraph&)) {
    const auto path = (test::temp_dir("writers-" + name) / name).string();
    io::write_atomically(path, [&](std::ostream& out) { writer(out, hostile_graph()); });
    return path;
}

}  // namespace

TEST_CASE("XML escaping drops characters XML 1.0 forbids", "[export]") {
    CHECK(io::xml_escape("a<b>&\"c'\x01\x1F\n") == "a&lt;b&gt;&amp;&quot;c&apos;\n");
    CHECK(io::xml_escape("\xEF\xBF\xBE" "ok") == "ok");
}

TEST_CASE("networkx reads our GraphML with labels and attributes intact", "[export][consumer]") {
    const auto path = write_to("g.graphml", &io::write_graphml);
    const auto r = test::run_command(
        "python3 -c \"import networkx as nx, sys; g = nx.read_graphml(sys.argv[1]); "
        "print(g.number_of_nodes(), g.number_of_edges()); print(g.nodes['bis']['label']); "
        "e = [d for u, v, d in g.edges(data=True) if v == 'node'][0]; "
        "print(e['relation'], e['date'], e['negated'], e['weight']); "
        "print([d['negated'] for u, v, d in g.edges(data=True) if v == 'edge'][0])\" " + path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out == "3 2\nBIS \"quoted\" \\ back <&> 工業和安全局 \xF0\x9F\x98\x80\nrevokes 2025-05-13 False 1.0\nTrue\n");
}

TEST_CASE("Graphviz renders our DOT without a word on stderr", "[export][consumer]") {
    const auto path = write_to("g.dot", &io::write_dot);
    const auto r = test::run_command("dot -Tsvg " + path);
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("revokes (2025&#45;05&#45;13)") != std::string::npos);
    CHECK(r.out.find("工業和安全局") != std::string::npos);
    CHECK(io::dot_quote("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"");
}

TEST_CASE("a failed write leaves the old file untouched and no temporary file", "[export]") {
    const auto dir = test::temp_dir("atomic");
    const auto path = (dir / "out.graphml").string();
    test::write_file(path, "old");
    CHECK_THROWS(io::write_atomically(path, [](std::ostream& out) {
        out << "partial";
        throw std::runtime_error("disk trouble");
    }));
    CHECK(test::read_file(path) == "old");
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
    CHECK_THROWS_WITH(io::write_atomically((dir / "no" / "such" / "dir.dot").string(), [](std::ostream&) {}),
                      Catch::Contains("cannot write output"));
}
