#include <catch2/catch.hpp>
#include <fmt/format.h>

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

// Issue 8: hostile input. Every case is reported with its place, or read as a user would expect.
namespace {
std::vector<Document> read_bytes(const std::string& name, const std::string& bytes, ReadOptions options = {}) {
    std::vector<Document> docs;
    read_documents_from_bytes(name, bytes, options, [&](Document d) { docs.push_back(std::move(d)); });
    return docs;
}
std::string error_of(const std::string& name, const std::string& bytes, ReadOptions options = {}) {
    try {
        read_bytes(name, bytes, options);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}
// `text` (ASCII or BMP only) encoded as UTF-16, little or big endian, with a byte-order mark.
std::string utf16(const std::u16string& text, bool little) {
    std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
    for (char16_t u : text) {
        const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
        out += little ? lo : hi;
        out += little ? hi : lo;
    }
    return out;
}
}  // namespace

TEST_CASE("UTF-16 with a byte-order mark is converted, UTF-8's mark dropped [issue8]", "[extract][input][issue8]") {
    const std::u16string text = u"date: 2025-05-20\n美国商务部宣布。";
    for (bool little : {true, false}) {
        const auto docs = read_bytes("a.txt", utf16(text, little));
        REQUIRE(docs.size() == 1);
        CHECK(docs[0].text == "date: 2025-05-20\n美国商务部宣布。");
        CHECK(docs[0].published == Date{2025, 5, 20});
    }
    // UTF-32 too, and a JSONL corpus in UTF-16.
    CHECK(read_bytes("a.txt", std::string("\xFF\xFE\0\0" "A\0\0\0", 8)).front().text == "A");
    const auto corpus = read_bytes("c.jsonl", utf16(u"{\"text\": \"甲\"}\r\n{\"text\": \"乙\"}\r\n", true));
    REQUIRE(corpus.size() == 2);
    CHECK(corpus[1].text == "乙");
    CHECK(corpus[1].id == "c#2");
    // The UTF-8 mark is no part of the text: a date on the first line is still found.
    const auto marked = read_bytes("b.txt", "\xEF\xBB\xBF" "2025-05-20 17:22\n正文");
    CHECK(marked.front().text == "2025-05-20 17:22\n正文");
    CHECK(marked.front().published == Date{2025, 5, 20});
}

TEST_CASE("broken UTF-16 and UTF-16 without a mark are named as such [issue8]", "[extract][input][issue8]") {
    // A lone high surrogate (D800) followed by 'A'.
    CHECK_THAT(error_of("a.txt", std::string("\xFF\xFE" "A\0" "\x00\xD8" "A\0", 8)),
               Catch::Contains("a.txt: invalid UTF-16LE at byte 4"));
    ReadOptions lenient;
    lenient.lenient = true;
    CHECK(read_bytes("a.txt", std::string("\xFF\xFE" "A\0" "\x00\xD8" "A\0", 8), lenient).front().text ==
          "A\xEF\xBF\xBD" "A");
    CHECK_THAT(error_of("a.txt", std::string("h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0", 22)),
               Catch::Contains("looks like UTF-16LE without a byte-order mark"));
    CHECK_THAT(error_of("a.jsonl", std::string("\0{\0\"\0t\0e\0x\0t\0\"\0:\0 \0\"\0x\0\"\0}", 26)),
               Catch::Contains("looks like UTF-16BE"));
}

TEST_CASE("binary data and NUL characters are refused, never read as text [issue8]", "[extract][input][issue8]") {
    CHECK_THAT(error_of("img.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)), Catch::Contains("img.txt: binary data"));
    // In a corpus: a raw NUL byte, and an escaped one in the text, each an error on its line.
    std::vector<std::string> problems;
    ReadOptions options;
    options.on_error = [&](const Error& e) { problems.push_back(e.what()); };
    const std::string corpus = std::string(5000, ' ') + "\n{\"text\": \"ok\"}\n" + std::string("{\"text\": \"a\"}\0x\n", 16) +
                               "{\"text\": \"b\\u0000c\"}\n{\"text\": \"fine\"}\n";
    const auto docs = read_bytes("c.jsonl", corpus, options);
    REQUIRE(docs.size() == 2);
    CHECK(docs[1].text == "fine");
    REQUIRE(problems.size() == 2);
    CHECK_THAT(problems[0], Catch::StartsWith("c.jsonl:3:14: NUL byte"));
    CHECK_THAT(problems[1], Catch::StartsWith("c.jsonl:4: \"text\" holds a NUL character"));
}

TEST_CASE("CRLF and lone CR end lines alike: line numbers and dates as an editor shows them [issue8]",
          "[extract][input][issue8]") {
    for (const std::string eol : {"\n", "\r\n", "\r"}) {
        INFO(eol.size());
        std::vector<std::string> problems;
        ReadOptions options;
        options.on_error = [&](const Error& e) { problems.push_back(e.what()); };
        const auto docs = read_bytes("c.jsonl", "{\"text\": \"a\"}" + eol + eol + "{\"text\": 5}" + eol + "{\"text\": \"b\"}" + eol,
                                     options);
        CHECK(docs.size() == 2);
        CHECK(docs[1].id == "c#4");
        REQUIRE(problems.size() == 1);
        CHECK_THAT(problems[0], Catch::StartsWith("c.jsonl:3:"));
        CHECK(find_publication_date("标题" + eol + "来源" + eol + "时间:2024-04-22") == Date{2024, 4, 22});
        CHECK_THAT(error_of("a.txt", "ok" + eol + "bad \xFF"), Catch::Contains("a.txt:2:5: invalid UTF-8 at byte"));
    }
}

TEST_CASE("JSONL lines that are not objects, lack text or hold the wrong types are errors [issue8]",
          "[extract][input][issue8]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"[\"text\"]", "c.jsonl:1:1: each line must be a JSON object"},
        {"\"just a string\"", "c.jsonl:1:1: each line must be a JSON object"},
        {"{\"title\": \"no text\"}", "c.jsonl:1:1: missing string field \"text\""},
        {"{\"text\": [\"a\"]}", "c.jsonl:1:1: missing string field \"text\""},
        {"{\"text\": \"a\", \"date\": \"May 5\"}", "\"date\" must be YYYY-MM-DD"},
        {"{\"text\": \"a\", \"id\": {\"x\": 1}}", "field \"id\" must be a string"},
        {"{\"text\": \"a\"} {\"text\": \"b\"}", "c.jsonl:1:15: bad JSON"},
        {"{\"text\": \"\\ud800\"}", "c.jsonl:1:"},
    };
    for (const auto& [line, message] : cases) {
        INFO(line);
        CHECK_THAT(error_of("c.jsonl", line + "\n"), Catch::Contains(message));
    }
    // Unknown fields, however big or deep, are ignored.
    const auto docs = read_bytes("c.jsonl", "{\"text\": \"ok\", \"meta\": {\"a\": [1, {\"b\": null}]}, \"x\": 1e300}\n");
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].text == "ok");
}

TEST_CASE("deeply nested and huge JSON values cost no stack and no crash [issue8]", "[extract][input][issue8]") {
    const std::string deep(1'000'000, '[');
    CHECK_THAT(error_of("c.jsonl", deep + "\n"), Catch::Contains("c.jsonl:1:1000001: bad JSON"));
    const std::string nested = "{\"text\": \"ok\", \"x\": " + std::string(100'000, '[') + std::string(100'000, ']') + "}\n";
    CHECK(read_bytes("c.jsonl", nested).size() == 1);
    // A 20 MB article on one line, and an invalid byte in it replaced under --lenient.
    std::string big(20'000'000, 'a');
    big[10'000'000] = '\xFF';
    ReadOptions lenient;
    lenient.lenient = true;
    const auto docs = read_bytes("c.jsonl", "{\"text\": \"" + big + "\"}\n", lenient);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].text.size() == 20'000'002);
    CHECK(docs[0].text.substr(10'000'000, 3) == "\xEF\xBF\xBD");
    CHECK_THAT(error_of("c.jsonl", "{\"text\": \"" + big + "\"}\n"), Catch::Contains("c.jsonl:1:"));
}

TEST_CASE("100,000 one-line articles are all read, in order, with their ids [issue8]", "[extract][input][issue8]") {
    std::string corpus;
    for (int i = 0; i < 100'000; ++i) corpus += "{\"id\": \"a" + std::to_string(i) + "\", \"text\": \"第" + std::to_string(i) + "篇\"}\n";
    std::size_t n = 0;
    bool in_order = true;
    read_documents_from_bytes("c.jsonl", corpus, {}, [&](Document d) {
        in_order = in_order && d.id == fmt::format("a{}", n) && d.source == fmt::format("c.jsonl:{}", n + 1);
        ++n;
    });
    CHECK(n == 100'000);
    CHECK(in_order);
}

TEST_CASE("empty files and directories without articles are reported, the rest still read [issue8]",
          "[extract][input][issue8]") {
    const auto dir = test::temp_dir("issue8-empty");
    std::filesystem::create_directories(dir / "nothing" / "deeper");
    test::write_file(dir / "nothing" / "deeper" / "notes.png", "x");
    test::write_file(dir / "empty.jsonl", "");
    test::write_file(dir / "bom-only.txt", "\xEF\xBB\xBF");
    test::write_file(dir / "good.txt", "text");
    std::vector<std::string> problems;
    auto report = [&](const Error& e) { problems.push_back(e.what()); };
    const auto inputs = expand_inputs({(dir / "nothing").string(), (dir / "missing").string(), (dir / "good.txt").string()}, report);
    REQUIRE(inputs.size() == 1);
    CHECK(inputs[0].path == (dir / "good.txt").string());
    REQUIRE(problems.size() == 2);
    CHECK_THAT(problems[0], Catch::Contains("nothing: directory holds no .txt, .md or .jsonl files"));
    CHECK_THAT(problems[1], Catch::Contains("missing: no such file or directory"));
    CHECK_THROWS_WITH(read_all((dir / "empty.jsonl").string()), Catch::Contains("empty.jsonl: empty file"));
    CHECK_THROWS_WITH(read_all((dir / "bom-only.txt").string()), Catch::Contains("bom-only.txt: empty file"));
}

TEST_CASE("JSONL lines read as RapidJSON reads them, however they are written [issue7]", "[extract][input][issue7]") {
    // Most lines are read by simdjson, the unusual ones by RapidJSON (as all were before): the
    // articles must not depend on which. Each line here is valid; the article is what RapidJSON's
    // reading gives.
    struct Case {
        std::string line, text, id, title, lang;
        std::optional<Date> published{};  // ({}: the cases without a date say none, warning-free)
    };
    const std::vector<Case> cases = {
        // the first of two members of one name counts
        {R"({"text": "first", "text": "second", "id": "a", "id": "b"})", "first", "a", "", ""},
        // an escaped name is its unescaped self; escapes in values are read
        {R"({"te\u0078t": "t\u00e9\n\"q\" \\ \/", "title": "T\tab"})", "t\u00e9\n\"q\" \\ /", "", "T\tab", ""},
        // null members are absent; a number as id is its digits
        {R"({"text": "x", "title": null, "lang": null, "id": 42})", "x", "42", "", ""},
        {R"({"id": -7, "text": "x"})", "x", "-7", "", ""},
        // a surrogate pair; characters of every length
        {R"({"text": "\ud83d\ude00 a\u00e9\u4e2d😀", "lang": "zh-TW"})", "\xF0\x9F\x98\x80 a\u00e9\u4e2d😀", "", "", "zh"},
        // spaces around everything, members in any order, nested unknown members skipped
        {" \t{ \"x\" : {\"text\": \"inner\"} , \"lang\":\"en-US\" ,\"text\" : \"outer\", \"date\": \"2024-03-05T10:00\" } ",
         "outer", "", "", "en", Date{2024, 3, 5}},
        // the title's own "text" member is not the article's
        {R"({"title": {"text": "no"}, "text": "yes"})", "", "", "", ""},
    };
    std::string file;
    for (const auto& c : cases) file += c.line + "\n";
    // The last case has an object as its title: an error, as RapidJSON's reading says.
    CHECK_THAT(error_of("c.jsonl", file), Catch::Contains("c.jsonl:7:1: field \"title\" must be a string"));
    file = file.substr(0, file.size() - cases.back().line.size() - 1);
    const auto docs = read_bytes("c.jsonl", file);
    REQUIRE(docs.size() == cases.size() - 1);
    for (std::size_t i = 0; i + 1 < cases.size(); ++i) {
        INFO(cases[i].line);
        CHECK(docs[i].text == cases[i].text);
        CHECK(docs[i].id == (cases[i].id.empty() ? "c#" + std::to_string(i + 1) : cases[i].id));  // "": no id
        CHECK(docs[i].title == cases[i].title);
        CHECK(docs[i].language == cases[i].lang);
        CHECK(docs[i].published == cases[i].published);
    }
    // A line longer than simdjson is given (1 MB) is read all the same, by RapidJSON.
    const std::string long_text(1'500'000, 'x');
    const auto long_docs = read_bytes("c.jsonl", "{\"text\": \"" + long_text + "\", \"id\": \"long\"}\n{\"text\": \"short\"}\n");
    REQUIRE(long_docs.size() == 2);
    CHECK(long_docs[0].text == long_text);
    CHECK(long_docs[0].id == "long");
    CHECK(long_docs[1].text == "short");
    // What RapidJSON refuses is refused whichever reads first: a lone surrogate, a NUL escaped in
    // the text, a control character, a number out of range.
    const std::vector<std::pair<std::string, std::string>> refused = {
        {R"({"text": "a\udc00b"})", "invalid UTF-8"},
        {R"({"text": "a\u0000b"})", "NUL"},
        {"{\"text\": \"a\tb\"}", "bad JSON"},
        {R"({"text": "a", "n": 1e999})", "bad JSON"},
    };
    for (const auto& [line, message] : refused) {
        INFO(line);
        CHECK_THAT(error_of("c.jsonl", "{\"text\": \"fine\"}\n" + line + "\n"), Catch::Contains("c.jsonl:2:") && Catch::Contains(message));
    }
}
