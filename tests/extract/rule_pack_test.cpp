#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "extract/rule_pack.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {
std::string load_error(const std::string& text) {
    RulePack pack;
    try {
        pack.add_text("my.jsonl", text);
    } catch (const Error& e) {
        CHECK(pack.entities().empty());  // nothing half-loaded
        return e.what();
    }
    return "";
}
const std::string kHeader = "{\"chronokg_rules\": 1, \"kind\": \"entities\"}\n";
}  // namespace

TEST_CASE("a valid pack loads, comments and blank lines ignored", "[extract][rules]") {
    RulePack pack;
    pack.add_text("p.jsonl", kHeader + "# comment\n\n{\"id\": \"bis\", \"label\": \"BIS\", \"type\": \"GOV\", \"aliases\": [\"工业和安全局\"]}\n");
    REQUIRE(pack.entities().size() == 1);
    CHECK(pack.entities()[0].origin.line == 4);
}

TEST_CASE("an unknown key is an error naming file, line and column", "[extract][rules]") {
    CHECK(load_error(kHeader + R"({"id": "a", "label": "A", "type": "ORG", "aliases": ["A"], "colour": "red"})") ==
          "my.jsonl:2:60: unknown key \"colour\" (expected one of: aliases, id, label, type)");
}

TEST_CASE("bad JSON is reported with its column", "[extract][rules]") {
    CHECK(load_error(kHeader + R"({"id": "a", "label": "A" "type": "ORG"})") ==
          "my.jsonl:2:26: bad JSON: Missing a comma or '}' after an object member.");
}

TEST_CASE("a duplicate id points to the first definition", "[extract][rules]") {
    const std::string line = R"({"id": "a", "label": "A", "type": "ORG", "aliases": ["A"]})";
    CHECK(load_error(kHeader + line + "\n" + line + "\n") ==
          "my.jsonl:3:1: duplicate entity id \"a\" (first defined at my.jsonl:2)");
}

TEST_CASE("every problem of a file is reported together", "[extract][rules]") {
    const std::string message = load_error(kHeader + R"({"id": "A!", "label": "A", "type": "ORG", "aliases": ["A"]})" + "\n" +
                                           R"({"id": "b", "label": "B", "type": "THING", "aliases": ["B"]})" + "\n" +
                                           R"({"id": "c", "label": "C", "type": "ORG", "aliases": []})" + "\n");
    CHECK(message.find("my.jsonl:2:2: id \"A!\"") == 0);
    CHECK(message.find("my.jsonl:3:27: unknown entity type \"THING\"") != std::string::npos);
    CHECK(message.find("my.jsonl:4:42: \"aliases\" is empty") != std::string::npos);
}

TEST_CASE("a missing header, a bad regex and an unknown lexicon are errors", "[extract][rules]") {
    CHECK(load_error(R"({"id": "a"})").find("my.jsonl:1:") == 0);
    CHECK(load_error("{\"chronokg_rules\": 1, \"kind\": \"time\"}\n"
                     R"({"id": "t", "lang": "zh", "pattern": "(\\d+年", "value": {"year": "$1"}})")
              .find("pattern does not compile") != std::string::npos);
    CHECK(load_error("{\"chronokg_rules\": 1, \"kind\": \"time\"}\n"
                     R"({"id": "t", "lang": "zh", "pattern": "(\\d+)年", "value": {"year": "$2"}})")
              .find("\"$2\" names no capture group") != std::string::npos);
    CHECK(load_error("{\"chronokg_rules\": 1, \"kind\": \"lexicon\"}\n" R"({"id": "colours", "en": ["red"]})")
              .find("unknown lexicon \"colours\"") != std::string::npos);
}

TEST_CASE("the default rule pack loads without errors", "[extract][rules]") {
    const RulePack pack = test::default_pack();
    CHECK(pack.entities().size() >= 300);
    CHECK(pack.relations().size() >= 60);
    CHECK_FALSE(pack.time_rules().empty());
}
