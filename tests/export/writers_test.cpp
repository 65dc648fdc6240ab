// Text escaping shared by the writers, and files written whole or not at all.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "export/atomic_file.hpp"
#include "export/csv_text.hpp"
#include "export/dot_writer.hpp"
#include "export/graph_text.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "export/xml_text.hpp"
#include "../test_support.hpp"

using namespace chronokg;

TEST_CASE("XML escaping drops characters XML 1.0 forbids and keeps whitespace readers would fold", "[export]") {
    CHECK(io::xml_escape("a<b>&\"c'\x01\x1F\n") == "a&lt;b&gt;&amp;&quot;c&apos;&#10;");
    CHECK(io::xml_escape("\xEF\xBF\xBE" "ok") == "ok");
    // Tabs, line breaks and carriage returns survive attribute normalization and Boost's reader.
    CHECK(io::xml_escape("a\tb\r\nc") == "a&#9;b&#13;&#10;c");
    // One space between words stays as it is; leading, trailing and repeated ones are referenced.
    CHECK(io::xml_escape(" two  words ") == "&#32;two &#32;words&#32;");
    CHECK(io::xml_escape("bad \xFF") == "bad \xEF\xBF\xBD");
}

TEST_CASE("DOT strings are always quoted and escaped", "[export]") {
    CHECK(io::dot_quote("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"");
    CHECK(io::dot_quote("node") == "\"node\"");
    CHECK(io::dot_quote("x\x01\x7Fy") == "\"xy\"");
}

TEST_CASE("CSV fields are quoted when they must be and kept on one line", "[export]") {
    CHECK(io::csv_field("plain") == "plain");
    CHECK(io::csv_field("a,b") == "\"a,b\"");
    CHECK(io::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(io::csv_field("two\nlines\r\n\x01") == "\"two lines  \"");
    CHECK(io::csv_field(" padded") == "\" padded\"");
    CHECK(io::neo4j_type("adds to entity list") == "ADDS_TO_ENTITY_LIST");
    CHECK(io::neo4j_type("not revokes") == "NOT_REVOKES");
    CHECK(io::neo4j_type("ceo of (acting)") == "CEO_OF_ACTING");
}

TEST_CASE("aliases and dates join and split back whatever they hold", "[export]") {
    const std::vector<std::string> aliases = {"BIS", "a|b", "back\\slash", "", "工业和安全局"};
    CHECK(io::join_aliases(aliases) == "BIS|a\\|b|back\\\\slash||工业和安全局");
    CHECK(io::split_aliases(io::join_aliases(aliases)) == aliases);
    CHECK(io::split_aliases("").empty());
    CHECK(io::split_dates("2025-05-13;2025-06;2025") == std::vector<Date>{Date{2025, 5, 13}, Date{2025, 6, 0}, Date{2025, 0, 0}});
    CHECK(io::split_dates("2025-05-13;May") == std::nullopt);
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

namespace {

// The escaping rules of export/xml_text.hpp, one character at a time: what the writers'
// faster escaper must give for any text.
std::string reference_xml_escape(std::string_view input) {
    const std::string text = utf8::find_invalid(input) ? utf8::repair(input) : std::string(input);
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t at = pos;
        const char32_t cp = utf8::decode(text, pos);
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            case ' ': out += (out.empty() || pos == text.size() || out.back() == ' ') ? "&#32;" : " "; break;
            default:
                if (cp < 0x20 || cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF) break;  // no XML character
                out.append(text, at, pos - at);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("XML escaping of any text follows the rules, in long English runs as in short pieces", "[export][issue7]") {
    // Pieces that meet every branch: words and spaces, runs of Chinese and full-width
    // punctuation (the 16-byte path), markup, controls, double and edge spaces, other UTF-8
    // (two and four bytes, E0 and ED leads), U+FFFE and U+FFFF, whole and in parts that join,
    // surrogates, stray continuation bytes, cut characters, invalid bytes.
    const std::vector<std::string> pieces = {
        "the ", "Commerce", " ", "  ", "Department's", "&", "<b>", "\"q\"", "\t", "\n", "\x01", "\x7F",
        "\xE5\x95\x86\xE5\x8A\xA1", "\xE7\xBE\x8E\xE5\x9C\x8B\xE5\x95\x86\xE5\x8B\x99\xE9\x83\xA8\xE5\xAE\xA3\xE5\xB8\x83",
        "\xEF\xBC\x8C", "\xE3\x80\x82", "\xEF\xBF\xBF", "\xEF\xBF\xBE", "\xEF\xBF", "\xEF", "\xBF", "\xBE",
        "\xEF\xBF\xBD", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xED\xA0\x80", "\xC3\xA9", "\xF0\x9F\x98\x80",
        "\x80", "\xE5\x95", "\xFF", "\xC3", "abcdefghijklmnopqrstuvwxyz0123", ".", "x"};
    std::mt19937 random(7);
    for (int trial = 0; trial < 50000; ++trial) {
        std::string text;
        for (std::size_t n = std::uniform_int_distribution<std::size_t>(0, 40)(random); n > 0; --n)
            text += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
        INFO(text);
        REQUIRE(io::xml_escape(text) == reference_xml_escape(text));
    }
}
