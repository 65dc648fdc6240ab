#include <catch2/catch.hpp>

#include "../test_support.hpp"

using namespace chronokg;
using test::run_cli;

namespace {
std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }
const std::string kArticle = "source: https://example.org/a\ndate: 2025-05-20\n\n5月13日,美商务部工业和安全局(BIS)宣布,撤销《AI扩散规则》。\n";
}  // namespace

TEST_CASE("--help tells what each command does and exits 0", "[cli]") {
    const auto r = run_cli({"--help"});
    CHECK(r.code == 0);
    for (const char* word : {"extract", "build", "eval"}) CHECK(r.out.find(word) != std::string::npos);
    const auto b = run_cli({"build", "--help"});
    CHECK(b.code == 0);
    CHECK(b.out.find("--collapse") != std::string::npos);
}

TEST_CASE("extract prints one JSON event a line with the contract's fields", "[cli]") {
    const auto dir = test::temp_dir("cli-extract");
    test::write_file(dir / "a.txt", kArticle);
    const auto r = run_cli({"extract", (dir / "a.txt").string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find(R"("subject":{"id":"bis","label":"Bureau of Industry and Security","type":"GOV"},"relation":"revokes","relation_text":"撤销")") != std::string::npos);
    CHECK(r.out.find(R"("date":"2025-05-13","date_source":"sentence")") != std::string::npos);
    CHECK(run_cli({"extract", (dir / "a.txt").string()}).out == r.out);  // same input, same bytes
}

TEST_CASE("build writes every -o file and names them", "[cli]") {
    const auto dir = test::temp_dir("cli-build");
    test::write_file(dir / "a.txt", kArticle);
    const auto r = run_cli({"build", (dir / "a.txt").string(), "-o", (dir / "g.graphml").string(), "-o",
                            (dir / "g.dot").string(), "-o", (dir / "events.jsonl").string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(test::read_file((dir / "g.graphml").string()).find("<graphml") != std::string::npos);
    CHECK(test::read_file((dir / "g.dot").string()).rfind("digraph", 0) == 0);
    CHECK(lines(test::read_file((dir / "events.jsonl").string())) >= 1);
    CHECK(r.err.find("g.dot") != std::string::npos);
    // Events read back build the same graph.
    const auto again = run_cli({"build", (dir / "events.jsonl").string(), "-o", (dir / "h.graphml").string()});
    CHECK(again.code == 0);
    CHECK(test::read_file((dir / "h.graphml").string()) == test::read_file((dir / "g.graphml").string()));
}

TEST_CASE("bad input: exit 1, one clear line naming the file, no output file", "[cli][errors]") {
    const auto dir = test::temp_dir("cli-bad");
    test::write_file(dir / "bad.txt", "ok\n\xFF\xFE broken");
    test::write_file(dir / "empty.txt", "");
    test::write_file(dir / "c.jsonl", "{\"text\": \"ok\"}\n{\"text\": \n");
    test::write_file(dir / "rules.jsonl", "{\"chronokg_rules\": 1, \"kind\": \"entities\"}\n{\"id\": \"x\", \"oops\": 1}\n");
    test::write_file(dir / "good.txt", kArticle);
    const std::string out = (dir / "g.graphml").string();
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"build", (dir / "missing.txt").string(), "-o", out}, "missing.txt: no such file or directory"},
        {{"build", (dir / "bad.txt").string(), "-o", out}, "bad.txt:2:1: invalid UTF-8"},
        {{"build", (dir / "empty.txt").string(), "-o", out}, "empty.txt: empty file"},
        {{"build", (dir / "c.jsonl").string(), "-o", out}, "c.jsonl:2:10: bad JSON"},
        {{"build", (dir / "good.txt").string(), "--rules", (dir / "rules.jsonl").string(), "-o", out},
         "rules.jsonl:2:13: unknown key \"oops\""},
    };
    for (const auto& c : cases) {
        INFO(c.args[1]);
        const auto r = run_cli(c.args);
        CHECK(r.code == 1);
        CHECK(r.err.find(c.message) != std::string::npos);
        CHECK(lines(r.err) == 1);
        CHECK_FALSE(std::filesystem::exists(out));
    }
}

TEST_CASE("an unwritable output fails cleanly and leaves the old file", "[cli][errors]") {
    const auto dir = test::temp_dir("cli-unwritable");
    test::write_file(dir / "good.txt", kArticle);
    const auto r = run_cli({"build", (dir / "good.txt").string(), "-o", (dir / "nodir" / "g.graphml").string()});
    CHECK(r.code == 1);
    CHECK(r.err.find("cannot write output") != std::string::npos);
    const auto twice = run_cli({"build", (dir / "good.txt").string(), "-o", (dir / "g.dot").string(), "-o",
                                (dir / "g.dot").string()});
    CHECK(twice.code == 1);
    CHECK(twice.err.find("given twice") != std::string::npos);
}
