// Formats by name and extension, the files each writes, and `build` writing several at once.
#include "export_test_support.hpp"

#include <fstream>

#include "export/event_json.hpp"

using namespace chronokg;

TEST_CASE("the format comes from the extension, the longest one first", "[export][format]") {
    CHECK(io::format_from_path("out/g.graphml") == io::GraphFormat::graphml);
    CHECK(io::format_from_path("out/G.GEXF") == io::GraphFormat::gexf);
    CHECK(io::format_from_path("g.gv") == io::GraphFormat::dot);
    CHECK(io::format_from_path("g.json") == io::GraphFormat::json);
    CHECK(io::format_from_path("g.csv") == io::GraphFormat::csv);
    CHECK(io::format_from_path("g.neo4j.csv") == io::GraphFormat::neo4j);
    CHECK(io::format_from_path("g.jsonl") == std::nullopt);
    CHECK(io::format_from_path(".csv") == std::nullopt);
    CHECK(io::format_names() == std::vector<std::string>{"graphml", "gexf", "dot", "json", "csv", "neo4j"});
    CHECK(io::output_files("out/g.gexf", io::GraphFormat::gexf) == std::vector<std::string>{"out/g.gexf"});
    CHECK(io::output_files("out/g.csv", io::GraphFormat::csv) ==
          std::vector<std::string>{"out/g.nodes.csv", "out/g.edges.csv"});
    CHECK(io::output_files("out/g.neo4j.csv", io::GraphFormat::neo4j) ==
          std::vector<std::string>{"out/g.neo4j.nodes.csv", "out/g.neo4j.edges.csv"});
    CHECK(io::output_files("out/g", io::GraphFormat::csv) == std::vector<std::string>{"out/g.nodes.csv", "out/g.edges.csv"});
}

TEST_CASE("build -o x.gexf -o x.json -o x.csv writes every format in one run", "[export][format][cli]") {
    const auto dir = test::temp_dir("format-cli");
    const auto events = dir / "events.jsonl";
    {
        std::ofstream out(events);
        for (const auto& e : test::hostile_events()) out << io::event_to_json(e) << '\n';
    }
    std::vector<std::string> args = {"build", events.string()};
    for (const char* name : {"x.graphml", "x.gexf", "x.dot", "x.json", "x.csv", "x.neo4j.csv"})
        for (const auto& a : {std::string("-o"), (dir / name).string()}) args.push_back(a);
    const auto r = test::run_cli(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    for (const char* name : {"x.graphml", "x.gexf", "x.dot", "x.json", "x.nodes.csv", "x.edges.csv", "x.neo4j.nodes.csv",
                             "x.neo4j.edges.csv"}) {
        INFO(name);
        CHECK(std::filesystem::file_size(dir / name) > 100);
        CHECK(r.err.find("wrote " + (dir / name).string() + " (4 entities, 5 edges)") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(dir / "x.csv"));
    // --format applies to every -o; --collapse reaches every writer.
    const auto c = test::run_cli({"build", events.string(), "--collapse", "--format", "gexf", "-o", (dir / "y.xml").string()});
    REQUIRE(c.code == 0);
    CHECK(test::read_file((dir / "y.xml").string()).find("kind=\"partners with\" weight=\"3\"") != std::string::npos);
    const auto help = test::run_cli({"build", "--help"});
    CHECK(help.out.find("g.nodes.csv") != std::string::npos);
    CHECK(help.out.find("neo4j") != std::string::npos);
}
