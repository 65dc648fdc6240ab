// `--threads N`: extraction on several threads gives the bytes one thread gives, problems and
// their order included (issue 7).
#include <catch2/catch.hpp>

#include <initializer_list>

#include "../test_support.hpp"

using namespace chronokg;
using test::run_cli;

namespace {

// A corpus of many small articles, with bad lines among them.
std::string corpus(int articles = 120, std::initializer_list<int> bad_before = {17, 64}) {
    std::string lines;
    const char* sentences[] = {
        "5月13日,美国商务部工业和安全局(BIS)宣布,撤销《人工智能扩散规则》。",
        "Nvidia said on Monday it would partner with TSMC and Foxconn to build an AI supercomputer in Taiwan.",
        "輝達執行長黃仁勳昨(19)日宣布,將與鴻海和台積電合作打造AI超級電腦。",
        "The Commerce Department added Huawei to the Entity List on May 16, 2019.",
    };
    for (int i = 0; i < articles; ++i) {
        for (const int bad : bad_before) {
            if (i != bad) continue;
            lines += (bad % 2 == 1) ? "not json\n" : "{\"id\": \"no-text\"}\n";
        }
        lines += "{\"id\":\"a" + std::to_string(i) + "\",\"date\":\"2025-05-" + std::to_string(10 + i % 19) +
                 "\",\"text\":\"" + sentences[i % 4] + " " + sentences[(i + 1) % 4] + "\"}\n";
    }
    return lines;
}

}  // namespace

TEST_CASE("extract --threads gives the same events and problems as one thread", "[cli][threads]") {
    const auto dir = test::temp_dir("cli-threads");
    test::write_file(dir / "corpus.jsonl", corpus());
    test::write_file(dir / "bad.txt", "\xFF\xFE not UTF-8\n");
    const std::string articles = test::source_dir() + "/examples/articles";
    for (const char* policy : {"--keep-going", "--strict"}) {
        INFO(policy);
        const std::vector<std::string> inputs = {(dir / "corpus.jsonl").string(), (dir / "bad.txt").string(), articles};
        std::vector<std::string> one = {"extract", policy, "--threads", "1"};
        one.insert(one.end(), inputs.begin(), inputs.end());
        const auto serial = run_cli(one);
        REQUIRE(serial.code == 1);
        REQUIRE(!serial.err.empty());
        for (const char* threads : {"2", "3", "8"}) {
            std::vector<std::string> many = {"extract", policy, "--threads", threads};
            many.insert(many.end(), inputs.begin(), inputs.end());
            const auto parallel = run_cli(many);
            INFO("--threads " << threads);
            CHECK(parallel.code == serial.code);
            CHECK(parallel.out == serial.out);
            CHECK(parallel.err == serial.err);
        }
    }
    // Without problems the output holds every article's events, in input order.
    const auto serial = run_cli({"extract", "--threads", "1", articles});
    const auto parallel = run_cli({"extract", articles});  // default: one thread per core
    REQUIRE(serial.code == 0);
    CHECK(std::count(serial.out.begin(), serial.out.end(), '\n') > 50);
    CHECK(parallel.out == serial.out);
}

TEST_CASE("extract -o --threads: many times the documents in flight, bad lines where the queue fills and refills", "[cli][threads][issue7]") {
    // Two threads keep 32 documents in flight and refill the queue when 16 are done; bad lines
    // are reported in their place even when they arrive while the queue is full.
    const auto dir = test::temp_dir("cli-threads-queue");
    test::write_file(dir / "corpus.jsonl", corpus(700, {0, 15, 16, 31, 32, 33, 47, 48, 200, 699}));
    const auto one = run_cli({"extract", "--keep-going", "--threads", "1", (dir / "corpus.jsonl").string(), "-o",
                              (dir / "one.jsonl").string()});
    REQUIRE(one.code == 1);
    const std::string serial = test::read_file((dir / "one.jsonl").string());
    CHECK(std::count(serial.begin(), serial.end(), '\n') > 700);
    CHECK(std::count(one.err.begin(), one.err.end(), '\n') == 10);
    for (const char* threads : {"2", "3"}) {
        INFO("--threads " << threads);
        const auto many = run_cli({"extract", "--keep-going", "--threads", threads, (dir / "corpus.jsonl").string(),
                                   "-o", (dir / "many.jsonl").string()});
        CHECK(many.code == 1);
        CHECK(many.err == one.err);
        CHECK(test::read_file((dir / "many.jsonl").string()) == serial);
    }
}

TEST_CASE("build --threads writes the same graph as one thread", "[cli][threads]") {
    const auto dir = test::temp_dir("cli-threads-build");
    const std::string articles = test::source_dir() + "/examples/articles";
    REQUIRE(run_cli({"build", articles, "--threads", "1", "-o", (dir / "one.graphml").string()}).code == 0);
    REQUIRE(run_cli({"build", articles, "--threads", "4", "-o", (dir / "four.graphml").string()}).code == 0);
    CHECK(test::read_file((dir / "one.graphml").string()) == test::read_file((dir / "four.graphml").string()));
}

TEST_CASE("build reads event files on several threads as on one", "[cli][threads]") {
    const auto dir = test::temp_dir("cli-threads-events");
    const std::string articles = test::source_dir() + "/examples/articles";
    const auto extracted = run_cli({"extract", "--threads", "1", articles});
    REQUIRE(extracted.code == 0);
    // The events with bad lines among them: each must be reported in its place.
    std::string events;
    std::size_t line = 0;
    for (std::size_t begin = 0, end; (end = extracted.out.find('\n', begin)) != std::string::npos; begin = end + 1) {
        if (++line % 23 == 5) events += "{\"doc\": \"x\", \"subject\": 1}\n";
        if (line == 40) events += "not json\n";
        events += extracted.out.substr(begin, end + 1 - begin);
    }
    REQUIRE(line > 50);
    test::write_file(dir / "events.jsonl", events);
    auto problems = [](const std::string& err) {  // stderr without the `wrote FILE` lines
        std::string kept;
        for (std::size_t begin = 0, end; (end = err.find('\n', begin)) != std::string::npos; begin = end + 1)
            if (err.compare(begin, 16, "chronokg: wrote ") != 0) kept += err.substr(begin, end + 1 - begin);
        return kept;
    };
    for (const char* policy : {"--keep-going", "--strict"}) {
        INFO(policy);
        const auto one = run_cli({"build", policy, "--threads", "1", (dir / "events.jsonl").string(), "-o",
                                  (dir / "one.graphml").string()});
        REQUIRE(one.code == 1);
        REQUIRE(!problems(one.err).empty());
        for (const char* threads : {"2", "3"}) {
            INFO("--threads " << threads);
            const auto many = run_cli({"build", policy, "--threads", threads, (dir / "events.jsonl").string(), "-o",
                                       (dir / "many.graphml").string()});
            CHECK(many.code == one.code);
            CHECK(problems(many.err) == problems(one.err));
            if (std::string(policy) == "--keep-going")
                CHECK(test::read_file((dir / "one.graphml").string()) == test::read_file((dir / "many.graphml").string()));
        }
    }
}

TEST_CASE("build reads a long event file on several threads as on one, bad lines in every batch", "[cli][threads][issue7]") {
    // Lines are read in blocks of 8 MB and parsed while the block before is delivered: a file of
    // several blocks, with bad lines in each, must give the same graph and problems as one
    // thread, each problem at its line.
    const auto dir = test::temp_dir("cli-threads-long-events");
    const auto extracted = run_cli({"extract", "--threads", "1", test::source_dir() + "/examples/articles"});
    REQUIRE(extracted.code == 0);
    std::vector<std::string> lines;
    for (std::size_t begin = 0, end; (end = extracted.out.find('\n', begin)) != std::string::npos; begin = end + 1)
        lines.push_back(extracted.out.substr(begin, end + 1 - begin));
    REQUIRE(!lines.empty());
    std::string events;
    std::size_t line_number = 0;
    std::vector<std::size_t> bad_lines;
    for (std::size_t i = 0; i < 40000; ++i) {
        if (i % 9973 == 100) {
            events += "{\"doc\": \"x\", \"subject\": 1}\n";
            bad_lines.push_back(++line_number);
        }
        if (i % 7001 == 3) {
            events += "\n";  // blank lines are skipped, and still counted
            ++line_number;
        }
        ++line_number;
        std::string line = lines[i % lines.size()];
        const auto doc = line.find("\"doc\":\"");
        REQUIRE(doc != std::string::npos);
        line.insert(doc + 7, "copy" + std::to_string(i / lines.size()) + "-");  // other documents
        events += line;
    }
    test::write_file(dir / "events.jsonl", events);
    REQUIRE(events.size() > std::size_t{16} << 20);  // three blocks at least
    REQUIRE(bad_lines.size() == 5);
    for (const char* policy : {"--keep-going", "--strict"}) {
        INFO(policy);
        const auto one = run_cli({"build", policy, "--threads", "1", (dir / "events.jsonl").string(), "-o",
                                  (dir / "one.graphml").string(), "-o", (dir / "one.gexf").string()});
        REQUIRE(one.code == 1);
        CHECK_THAT(one.err, Catch::Contains("events.jsonl:" + std::to_string(bad_lines[0]) + ":"));
        if (std::string(policy) == "--keep-going")
            for (const std::size_t bad : bad_lines) CHECK_THAT(one.err, Catch::Contains("events.jsonl:" + std::to_string(bad) + ":"));
        for (const char* threads : {"2", "3"}) {
            INFO("--threads " << threads);
            const auto many = run_cli({"build", policy, "--threads", threads, (dir / "events.jsonl").string(), "-o",
                                       (dir / "many.graphml").string(), "-o", (dir / "many.gexf").string()});
            CHECK(many.code == one.code);
            auto problems = [](std::string err) {  // without the `wrote FILE` line
                return err.substr(0, err.find("chronokg: wrote "));
            };
            CHECK(!problems(one.err).empty());
            CHECK(problems(many.err) == problems(one.err));  // the same problems, same lines, same order
            if (std::string(policy) == "--keep-going") {
                // Both writers format edges in chunks of 4096 on the threads: many chunks here.
                CHECK(test::read_file((dir / "one.graphml").string()) == test::read_file((dir / "many.graphml").string()));
                CHECK(test::read_file((dir / "one.gexf").string()) == test::read_file((dir / "many.gexf").string()));
            }
        }
    }
}

TEST_CASE("build reads event lines longer than a read, CRLF ends and a last line without one", "[cli][issue7]") {
    // The file is read 8 MB at a time: a line of 9 MB spans two reads, and the lines after it
    // keep their numbers.
    const auto dir = test::temp_dir("cli-long-event-lines");
    auto event = [](const std::string& subject, const std::string& evidence) {
        return "{\"doc\":\"d\",\"subject\":{\"id\":\"" + subject + "\",\"label\":\"" + subject +
               "\"},\"relation\":\"buys\",\"object\":{\"id\":\"b\",\"label\":\"B\"},\"evidence\":\"" + evidence + "\"}";
    };
    const std::string long_evidence(9u << 20, 'x');
    const std::string file = event("a1", "short") + "\r\n" + event("a2", long_evidence) + "\r\n\r\n" + "not json\r\n" +
                             event("a3", "after") + "\n  \n" + event("a4", "last, no newline");
    test::write_file(dir / "events.jsonl", file);
    for (const char* threads : {"1", "2"}) {
        INFO("--threads " << threads);
        const auto built = run_cli({"build", "--keep-going", "--threads", threads, (dir / "events.jsonl").string(), "-o",
                                    (dir / "g.json").string()});
        CHECK(built.code == 1);
        CHECK_THAT(built.err, Catch::Contains("events.jsonl:4:"));  // the bad line, after the long one and a blank
        const std::string graph = test::read_file((dir / "g.json").string());
        for (const char* id : {"\"a1\"", "\"a2\"", "\"a3\"", "\"a4\""}) CHECK_THAT(graph, Catch::Contains(id));
        CHECK(graph.find(long_evidence) != std::string::npos);
    }
}
