#include <catch2/catch.hpp>

#include <set>

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

TEST_CASE("the default pack's English word lists name only relations the pack defines", "[extract][rules]") {
    const RulePack pack = test::default_pack();
    std::set<std::string> defined;
    for (const auto& r : pack.relations()) defined.insert(r.relation);
    for (const auto& r : pack.roles()) defined.insert(r.relation);
    // `words=relation` lists, and lists whose entries are relation names.
    for (const char* id : {"place_relations", "reciprocal_nouns"})
        for (const auto& entry : pack.lexicon(id).en) {
            INFO(id << ": " << entry);
            CHECK(defined.count(entry.substr(entry.find('=') + 1)) == 1);
        }
    for (const auto& entry : pack.lexicon("clause_object_relations").en) {
        INFO(entry);
        CHECK(defined.count(entry.substr(0, entry.find('='))) == 1);
    }
    for (const auto& name : pack.lexicon("reciprocal_relations").en) {
        INFO(name);
        CHECK(defined.count(name) == 1);
    }
}

// Issue 8: broken packs are refused whole, every problem reported at once with its place.
TEST_CASE("aliases and words that are empty or fold to nothing are errors at their column [issue8]",
          "[extract][rules][issue8]") {
    const std::string message =
        load_error(kHeader + R"({"id": "a", "label": "A", "type": "ORG", "aliases": ["A", ""]})" "\n" +
                   R"({"id": "b", "label": "B", "type": "ORG", "aliases": ["B", "\u200b"]})" "\n" +
                   R"({"id": "c", "label": "C", "type": "ORG", "aliases": ["・", "C"]})" "\n" +
                   R"({"id": "d", "label": "D", "type": "ORG", "aliases": ["　"]})" "\n");
    CHECK_THAT(message, Catch::Contains("my.jsonl:2:42: \"aliases\" must hold non-empty strings only"));
    CHECK_THAT(message, Catch::Contains("my.jsonl:3:42: \"aliases\" holds \"\u200b\", which folds to nothing"));
    CHECK_THAT(message, Catch::Contains("my.jsonl:4:54: \"aliases\" holds \"・\", which folds to \"·\": no letter or digit"));
    CHECK_THAT(message, Catch::Contains("my.jsonl:5:54: \"aliases\" holds \"　\", which folds to nothing"));
    CHECK(load_error("{\"chronokg_rules\": 1, \"kind\": \"lexicon\"}\n" R"({"id": "negation", "zh": ["不", "\ufeff"]})")
              .find("my.jsonl:2:20: \"zh\" holds \"\ufeff\", which folds to nothing") == 0);
    CHECK(load_error("{\"chronokg_rules\": 1, \"kind\": \"relations\"}\n" R"({"id": "r", "relation": "r", "zh": ["{O}・"]})")
              .find("my.jsonl:2:30: \"zh\" holds \"・\", which folds to \"·\"") == 0);
}

TEST_CASE("all problems of several packs come together, each with file, line and column [issue8]",
          "[extract][rules][issue8]") {
    const auto dir = test::temp_dir("issue8-packs");
    test::write_file(dir / "a.jsonl", kHeader + R"({"id": "x", "label": "X", "type": "ORG", "aliases": ["X"], "oops": 1})" "\r" +
                                          R"({"id": "y", "label": "Y" "type": "ORG"})" "\r");
    test::write_file(dir / "b.jsonl", "{\"chronokg_rules\": 1, \"kind\": \"time\"}\n"
                                      R"({"id": "t", "lang": "zh", "pattern": "(\\d+年", "value": {"year": "$1"}})" "\n"
                                      R"({"id": "u", "lang": "zh", "pattern": "(\\d+)年", "value": {"year": "$99999999999"}})" "\n" +
                                      std::string(200'000, '[') + "\n" + "{\"id\": \"v\", \"bad\": \"\xFF\"}\n");
    RulePack pack;
    std::string message;
    try {
        pack.add(std::vector<std::string>{(dir / "a.jsonl").string(), (dir / "missing").string(), (dir / "b.jsonl").string()});
    } catch (const Error& e) {
        message = e.what();
    }
    CHECK(pack.entities().empty());
    const std::string a = (dir / "a.jsonl").string(), b = (dir / "b.jsonl").string();
    CHECK_THAT(message, Catch::Contains(a + ":2:60: unknown key \"oops\""));
    CHECK_THAT(message, Catch::Contains(a + ":3:26: bad JSON"));
    CHECK_THAT(message, Catch::Contains((dir / "missing").string() + ": no such rule pack"));
    CHECK_THAT(message, Catch::Contains(b + ":2:27: pattern does not compile"));
    CHECK_THAT(message, Catch::Contains(b + ":3:59: \"$99999999999\" names no capture group"));
    CHECK_THAT(message, Catch::Contains(b + ":4:200001: bad JSON"));
    CHECK_THAT(message, Catch::Contains(b + ":5:21: invalid UTF-8"));
    CHECK(std::count(message.begin(), message.end(), '\n') == 6);  // seven problems, one a line, in order
    CHECK(message.find("a.jsonl:3:26") < message.find("missing: no such rule pack"));
    CHECK(message.find("missing: no such rule pack") < message.find("b.jsonl:2:27"));
}

TEST_CASE("a relation pattern with two slots, a foreign slot or a gap with nothing on one side is an error",
          "[extract][rules]") {
    const std::string header = "{\"chronokg_rules\": 1, \"kind\": \"relations\"}\n";
    CHECK_THAT(load_error(header + R"({"id": "r", "relation": "r", "zh": ["与{O}和{O}合作"]})"),
               Catch::Contains("my.jsonl:2:") && Catch::Contains("has more than one {O} slot"));
    CHECK_THAT(load_error(header + R"({"id": "r", "relation": "r", "en": ["give {X} to"]})"),
               Catch::Contains("has a slot other than {O}"));
    for (const char* bad : {"向{O}提供…", "向{O}…资助", "提供…资助{O}", "提供…资…助"}) {
        INFO(bad);
        CHECK_THAT(load_error(header + R"({"id": "r", "relation": "r", "zh": [")" + bad + "\"]}"),
                   Catch::Contains("my.jsonl:2:") && Catch::Contains("needs words before and after its one …"));
    }
    CHECK(load_error(header + R"({"id": "r", "relation": "r", "zh": ["向{O}提供…资助"]})").empty());
}
