// Progress on long runs: a line redrawn on standard error, totals at the end, never mixed into
// a problem's message, and nothing at all unless asked or on a terminal.
#include <catch2/catch.hpp>

#include <sstream>

#include "../test_support.hpp"
#include "cli/common_options.hpp"
#include "cli/progress.hpp"

using namespace chronokg;
using test::run_cli;

namespace {
// A JSONL corpus of five short articles with an event each.
void write_five_articles(const std::filesystem::path& path) {
    std::string corpus;
    for (int i = 0; i < 5; ++i)
        corpus += "{\"id\":\"p" + std::to_string(i) + "\",\"date\":\"2025-05-13\",\"text\":\"BIS revoked the AI Diffusion Rule on May 13, 2025.\"}\n";
    test::write_file(path, corpus);
}
}  // namespace

TEST_CASE("extract --progress ends with the totals, and a run not on a terminal prints none without it", "[cli][progress]") {
    const auto dir = test::temp_dir("cli-progress");
    write_five_articles(dir / "corpus.jsonl");
    const std::string path = (dir / "corpus.jsonl").string();

    const auto quiet = run_cli({"extract", path});
    REQUIRE(quiet.code == 0);
    CHECK(quiet.err.empty());
    for (const char* threads : {"1", "2"}) {
        const auto shown = run_cli({"extract", "--progress", "--threads", threads, path});
        INFO("--threads " << threads);
        REQUIRE(shown.code == 0);
        CHECK(shown.out == quiet.out);  // the events do not change
        CHECK(shown.err.rfind("chronokg: 5 articles, 0.0 MB of text, ", 0) == 0);
        CHECK(shown.err.find("MB/s)\n") != std::string::npos);
        CHECK(std::count(shown.err.begin(), shown.err.end(), '\n') == 1);
    }
    const auto never = run_cli({"extract", "--no-progress", path});
    CHECK(never.err.empty());
    CHECK(run_cli({"extract", "--progress", "--no-progress", path}).code != 0);
}

TEST_CASE("a problem's message clears the progress line first", "[cli][progress]") {
    std::ostringstream err;
    cli::Progress progress(err, true, std::chrono::milliseconds(0));
    cli::ProblemLog log{err};
    log.progress = &progress;
    for (int i = 0; i < 64; ++i) progress.article(1000);  // the 64th redraws the line
    REQUIRE(err.str().rfind("\rchronokg: 64 articles, 0.1 MB of text, ", 0) == 0);
    CHECK(err.str().find('\n') == std::string::npos);  // redrawn in place, not a new line
    log.report("bad.jsonl:3: not JSON");
    const std::string text = err.str();
    const auto message = text.find("chronokg: bad.jsonl:3: not JSON\n");
    REQUIRE(message != std::string::npos);
    CHECK(text.substr(message - 4, 4) == "\r\x1b[K");  // the line erased, then the message
    progress.finish();
    CHECK(err.str().substr(text.size()).rfind("chronokg: 64 articles, 0.1 MB of text, ", 0) == 0);
    CHECK(err.str().back() == '\n');
}

TEST_CASE("build --progress on an event file counts its events and bytes, then says what the build does next", "[cli][progress][issue7]") {
    // Once a build from a large event file said nothing until the graph was written.
    const auto dir = test::temp_dir("cli-progress-events");
    write_five_articles(dir / "corpus.jsonl");
    const auto extracted = run_cli({"extract", (dir / "corpus.jsonl").string(), "-o", (dir / "events.jsonl").string()});
    REQUIRE(extracted.code == 0);
    const std::string events = test::read_file((dir / "events.jsonl").string());
    const auto count = std::count(events.begin(), events.end(), '\n');
    REQUIRE(count >= 5);
    for (const char* threads : {"1", "2"}) {
        INFO("--threads " << threads);
        const auto shown = run_cli({"build", "--progress", "--threads", threads, (dir / "events.jsonl").string(), "-o",
                                    (dir / "g.graphml").string()});
        REQUIRE(shown.code == 0);
        CHECK(shown.err.rfind("chronokg: " + std::to_string(count) + " events from 0.0 MB of event files, ", 0) == 0);
        // Then what the rest of the build does, before the files are reported written.
        const auto graph = shown.err.find("MB/s)\nchronokg: graph of ");
        CHECK(graph != std::string::npos);
        CHECK(shown.err.find(" edges built in ", graph) != std::string::npos);
        CHECK(shown.err.find("; writing 1 output\nchronokg: wrote ", graph) != std::string::npos);
    }
    const auto quiet = run_cli({"build", (dir / "events.jsonl").string(), "-o", (dir / "g.graphml").string()});
    CHECK(quiet.err.find("events from") == std::string::npos);  // not asked, not a terminal: nothing
    CHECK(quiet.err.find("graph of") == std::string::npos);
}

TEST_CASE("events from event files are redrawn block by block, beside the articles", "[cli][progress]") {
    std::ostringstream err;
    cli::Progress progress(err, true, std::chrono::milliseconds(0));
    progress.events(15000, 8'000'000);
    REQUIRE(err.str().rfind("\rchronokg: 15000 events from 8.0 MB of event files, ", 0) == 0);
    for (int i = 0; i < 64; ++i) progress.article(1000);
    progress.finish();
    const std::string last = err.str().substr(err.str().rfind("\r\x1b[K") + 4);
    CHECK(last.rfind("chronokg: 64 articles, 0.1 MB of text, 15000 events from 8.0 MB of event files, ", 0) == 0);
    CHECK(last.find("(") != std::string::npos);
    CHECK(last.back() == '\n');
}
