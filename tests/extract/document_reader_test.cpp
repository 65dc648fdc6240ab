#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "extract/document_reader.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {
std::vector<Document> read_all(const std::string& path, ReadOptions options = {}) {
    std::vector<Document> docs;
    for (const auto& input : expand_inputs({path})) read_documents(input, options, [&](Document d) { docs.push_back(d); });
    return docs;
}
}  // namespace

TEST_CASE("the publication date is found in an article's first lines", "[extract][input]") {
    CHECK(find_publication_date("經濟觀察報 關注\n2025-05-20 17:22\n陳白 | 文") == Date{2025, 5, 20});
    CHECK(find_publication_date("source: https://x.org/a\ndate: 2019-05-16\n\ntext") == Date{2019, 5, 16});
    CHECK(find_publication_date("标题\n时间:2024-04-22  来源:某网") == Date{2024, 4, 22});
    CHECK(find_publication_date(" date 2023-09-05 Huawei Technologies") == Date{2023, 9, 5});
    CHECK_FALSE(find_publication_date("no date here\nat all").has_value());
}

TEST_CASE("JSONL articles: id, date and lang read, unknown fields ignored", "[extract][input]") {
    const auto dir = test::temp_dir("jsonl");
    test::write_file(dir / "c.jsonl",
                     R"({"id": "a1", "text": "BIS acted.", "date": "2025-05-13", "lang": "en", "extra": 1})" "\n"
                     R"({"text": "第二篇"})" "\n");
    const auto docs = read_all((dir / "c.jsonl").string());
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].id == "a1");
    CHECK(docs[0].published == Date{2025, 5, 13});
    CHECK(docs[0].language == "en");
    CHECK(docs[1].id == "c#2");
}

TEST_CASE("a malformed JSONL line is an error with its line, or skipped when asked", "[extract][input]") {
    const auto dir = test::temp_dir("jsonl-bad");
    test::write_file(dir / "c.jsonl", "{\"text\": \"ok\"}\n{\"text\": 5}\n[1]\n{\"text\": \"ok too\"}\n");
    try {
        read_all((dir / "c.jsonl").string());
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()).find("c.jsonl:2") != std::string::npos);
    }
    std::vector<std::string> problems;
    ReadOptions options;
    options.on_error = [&](const Error& e) { problems.push_back(e.what()); };
    CHECK(read_all((dir / "c.jsonl").string(), options).size() == 2);
    CHECK(problems.size() == 2);
}

TEST_CASE("directories are read recursively in path order, ids are relative paths", "[extract][input]") {
    const auto dir = test::temp_dir("tree");
    std::filesystem::create_directories(dir / "b");
    test::write_file(dir / "b" / "z.txt", "second");
    test::write_file(dir / "a.md", "first");
    test::write_file(dir / "skip.png", "not an article");
    const auto docs = read_all(dir.string());
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].id == "a");
    CHECK(docs[1].id == "b/z");
}

TEST_CASE("invalid UTF-8, binary and empty files are errors naming the file", "[extract][input]") {
    const auto dir = test::temp_dir("bad-input");
    test::write_file(dir / "bad.txt", "ok\nbad \xFF here");
    test::write_file(dir / "bin.txt", std::string("ab\0cd", 5));
    test::write_file(dir / "empty.txt", "  \n");
    CHECK_THROWS_WITH(read_all((dir / "bad.txt").string()), Catch::Contains("bad.txt:2:5: invalid UTF-8 at byte 7"));
    CHECK_THROWS_WITH(read_all((dir / "bin.txt").string()), Catch::Contains("binary"));
    CHECK_THROWS_WITH(read_all((dir / "empty.txt").string()), Catch::Contains("empty"));
    CHECK_THROWS_WITH(read_all((dir / "missing.txt").string()), Catch::Contains("no such file"));
    ReadOptions lenient;
    lenient.lenient = true;
    CHECK(read_all((dir / "bad.txt").string(), lenient).front().text == "ok\nbad \xEF\xBF\xBD here");
}
