#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <filesystem>
#include <sstream>

#include "../graph/query_test_support.hpp"
#include "../test_support.hpp"
#include "cli/result_table.hpp"
#include "export/event_json.hpp"

using namespace chronokg;
using test::run_cli;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The story of query_test_support.hpp as the events JSONL `extract` writes.
std::string story_file(const std::string& name) {
    const auto dir = test::temp_dir(name);
    std::string text;
    for (const auto& e : test::story()) text += io::event_to_json(e) + "\n";
    test::write_file(dir / "events.jsonl", text);
    return (dir / "events.jsonl").string();
}

}  // namespace

TEST_CASE("query --subject BIS --from --to prints an aligned table of May's events (issue 6)", "[cli][query]") {
    const auto r = run_cli({"query", story_file("q-table"), "--subject", "BIS", "--from", "2025-05-01", "--to",
                            "2025-05-31", "--no-default-rules"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto rows = split_lines(r.out);
    REQUIRE(rows.size() == 6);  // header, rule, four events
    CHECK(rows[0].rfind("date", 0) == 0);
    CHECK(rows[2].find("warns") != std::string::npos);
    CHECK(rows[3].find("revokes") != std::string::npos);
    CHECK(rows[3].find("AI Diffusion Rule") != std::string::npos);
    CHECK(rows[5].find("negative") != std::string::npos);
    // Every row's relation starts in the same display column, though 芯片出口 is double width.
    const std::size_t column = cli::display_width(rows[0].substr(0, rows[0].find("relation")));
    for (std::size_t i = 2; i < rows.size(); ++i) {
        INFO(rows[i]);
        const auto at = rows[i].find("  ", rows[i].find("Bureau")) + 2;
        CHECK(cli::display_width(rows[i].substr(0, rows[i].find_first_not_of(' ', at))) == column);
    }
    // The same question asked again, and in another script, gives the same bytes.
    CHECK(run_cli({"query", story_file("q-table"), "--subject", "BIS", "--from", "2025-05-01", "--to", "2025-05-31",
                   "--no-default-rules"})
              .out == r.out);
}

TEST_CASE("query writes one object an event with --json, a header and one line an event with --csv", "[cli][query]") {
    const std::string graph = story_file("q-json");
    const auto json = run_cli({"query", graph, "--relation", "撤銷", "--json", "--no-default-rules"});
    INFO(json.err);
    REQUIRE(json.code == 0);
    const auto lines = split_lines(json.out);
    REQUIRE(lines.size() == 1);
    rapidjson::Document doc;
    doc.Parse(lines[0].c_str());
    REQUIRE(doc.IsObject());
    CHECK(std::string(doc["date"].GetString()) == "2025-05-13");
    CHECK(std::string(doc["subject_id"].GetString()) == "bis");
    CHECK(std::string(doc["object"].GetString()) == "AI Diffusion Rule");
    CHECK(std::string(doc["evidence"].GetString()) == "sentence 3 of a");
    CHECK(doc["sentence"].GetInt() == 3);
    CHECK(doc["confidence"].GetDouble() == 0.8);
    CHECK(lines[0].find(R"("confidence":0.8,)") != std::string::npos);

    const auto csv = run_cli({"query", graph, "--object", "Ascend", "--csv", "--no-default-rules"});
    REQUIRE(csv.code == 0);
    const auto rows = split_lines(csv.out);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].rfind("date,subject_id,subject,subject_type,relation,", 0) == 0);
    CHECK(rows[1].rfind("2025-05-13,bis,Bureau of Industry and Security,GOV,issues guidance on,", 0) == 0);
    CHECK(run_cli({"query", graph, "--json", "--csv", "--no-default-rules"}).code == 1);  // one or the other
}

TEST_CASE("a graph saved as GraphML or JSON answers as the events it was built from", "[cli][query]") {
    const std::string events = story_file("q-saved");
    const auto dir = std::filesystem::path(events).parent_path();
    const auto built = run_cli({"build", events, "-o", (dir / "g.graphml").string(), "-o", (dir / "g.json").string(),
                                "-o", (dir / "g.gexf").string()});
    INFO(built.err);
    REQUIRE(built.code == 0);
    auto ask = [](const std::string& graph) {
        return run_cli({"query", graph, "--subject", "BIS", "--from", "2025-05", "--to", "2025-05", "--json",
                        "--no-default-rules"});
    };
    const auto expected = ask(events);
    REQUIRE(expected.code == 0);
    CHECK(split_lines(expected.out).size() == 4);
    for (const char* name : {"g.graphml", "g.json"}) {
        INFO(name);
        const auto r = ask((dir / name).string());
        INFO(r.err);
        CHECK(r.code == 0);
        CHECK(r.out == expected.out);
    }
    const auto gexf = ask((dir / "g.gexf").string());
    CHECK(gexf.code == 1);
    CHECK(gexf.err.find("g.gexf: cannot read a graph from this file") != std::string::npos);
}

TEST_CASE("an unknown entity: exit 1 and one line naming the closest names", "[cli][query][errors]") {
    const std::string graph = story_file("q-unknown");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"query", graph, "--subject", "Nvdia", "--no-default-rules"},
          {"timeline", graph, "--entity", "Nvdia", "--no-default-rules"},
          {"neighbors", graph, "Nvdia", "--no-default-rules"},
          {"path", graph, "BIS", "Nvdia", "--no-default-rules"}}) {
        INFO(args[0]);
        const auto r = run_cli(args);
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK(r.err == "chronokg: unknown entity \"Nvdia\"; closest known: Nvidia (nvidia)\n");
    }
}

TEST_CASE("timeline reads articles on the fly and names entities by the rule pack's aliases", "[cli][query]") {
    const auto dir = test::temp_dir("q-timeline");
    test::write_file(dir / "a.txt",
                     "date: 2025-05-20\n\n5月13日,美商务部工业和安全局(BIS)宣布,撤销《AI扩散规则》。\n");
    // 工業和安全局 (Traditional) is in the pack, not in the article.
    const auto r = run_cli({"timeline", (dir / "a.txt").string(), "--entity", "工業和安全局", "--csv"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("2025-05-13,bis,Bureau of Industry and Security,GOV,revokes,") != std::string::npos);
    // Without --entity: every event, in date order.
    const auto all = run_cli({"timeline", (dir / "a.txt").string()});
    CHECK(all.code == 0);
    CHECK(all.out.find("revokes") != std::string::npos);
}

TEST_CASE("neighbors and path answer from the command line", "[cli][query]") {
    const std::string graph = story_file("q-neighbors");
    const auto n = run_cli({"neighbors", graph, "TSMC", "--depth", "2", "--csv", "--no-default-rules"});
    INFO(n.err);
    REQUIRE(n.code == 0);
    CHECK(split_lines(n.out) == std::vector<std::string>{
                                    "distance,id,entity,type,events,example",
                                    "1,nvidia,Nvidia,ORG,1,Nvidia partners with TSMC (2025-05-19)",
                                    "2,foxconn,Foxconn,ORG,1,Nvidia partners with Foxconn (2025-05-19)",
                                    "2,jensen-huang,Jensen Huang,PERSON,1,Jensen Huang ceo of Nvidia",
                                });
    const auto p = run_cli({"path", graph, "Huawei", "Biden administration", "--json", "--no-default-rules"});
    INFO(p.err);
    REQUIRE(p.code == 0);
    const auto lines = split_lines(p.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].rfind(R"({"step":1,"from":"Huawei","to":"Bureau of Industry and Security","date":"2019-05-16")", 0) == 0);
    CHECK(lines[2].find(R"("relation":"signs")") != std::string::npos);
    const auto none = run_cli({"path", graph, "Nvidia", "BIS", "--no-default-rules"});
    CHECK(none.code == 0);
    CHECK(none.out.empty());
    CHECK(none.err == "chronokg: nothing connects Nvidia and BIS\n");
}

TEST_CASE("stats lists counts and rankings for people and one long table for scripts", "[cli][query]") {
    const std::string graph = story_file("q-stats");
    const auto table = run_cli({"stats", graph, "--no-default-rules"});
    INFO(table.err);
    REQUIRE(table.code == 0);
    for (const char* word : {"entities", "documents", "partners with", "top by degree", "top by pagerank"})
        CHECK(table.out.find(word) != std::string::npos);
    const auto csv = run_cli({"stats", graph, "--csv", "--top", "2", "--no-default-rules"});
    REQUIRE(csv.code == 0);
    const auto rows = split_lines(csv.out);
    CHECK(rows[0] == "section,rank,name,label,type,count,degree,pagerank");
    CHECK(std::find(rows.begin(), rows.end(), "summary,,entities,,,11,,") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "type,,ORG,,,4,,") != rows.end());
    CHECK(std::count_if(rows.begin(), rows.end(), [](const std::string& r) { return r.rfind("degree,", 0) == 0; }) == 2);
    CHECK(std::find_if(rows.begin(), rows.end(), [](const std::string& r) {
              return r.rfind("degree,1,bis,Bureau of Industry and Security,GOV,,7,0.", 0) == 0;
          }) != rows.end());
}

TEST_CASE("the table pads by display width: CJK takes two columns, combining marks none", "[cli][query]") {
    CHECK(cli::display_width("BIS") == 3);
    CHECK(cli::display_width("工業和安全局") == 12);
    CHECK(cli::display_width("ＢＩＳ") == 6);
    CHECK(cli::display_width("e\xCC\x81") == 1);  // e + combining acute
    cli::ResultTable table({{"name", true, 0}, {"n", true, 0}, {"note", true, 8}, {"hidden", false, 0}});
    table.add_row({std::string("工業和安全局"), std::int64_t{1}, std::string("a\nb"), std::string("x")});
    table.add_row({std::string("BIS"), std::int64_t{22}, std::string("長長長長長長長長"), {}});
    std::ostringstream out;
    table.write(out, cli::OutputStyle::table);
    CHECK(split_lines(out.str()) == std::vector<std::string>{
                                        "name          n   note",
                                        "------------  --  -------",
                                        "工業和安全局  1   a b",
                                        "BIS           22  長長長…",
                                    });
}
