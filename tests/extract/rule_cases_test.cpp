// Rule tests as data (issue 3, issue 4): tests/data/rule_cases/{zh,en}.jsonl hold sentences and
// the events the default pack must give. One test runs every case; a failing case prints its
// input, the events expected and the events found.
#include <catch2/catch.hpp>

#include <algorithm>
#include <rapidjson/document.h>
#include <sstream>

#include "extract/extractor.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {

const Extractor& default_extractor() {
    static const Extractor extractor(test::default_pack());
    return extractor;
}

std::vector<std::string> events_of(const std::string& text, const std::string& published) {
    std::vector<std::string> out;
    for (const auto& e : default_extractor().extract(test::article(text, published))) {
        const std::string date = e.date && e.date_source != DateSource::document ? e.date->iso() : "-";
        out.push_back(e.subject.label + " | " + e.relation + " | " + e.object.label + " | " + date + " | " +
                      to_string(e.polarity) + " " + to_string(e.modality));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += "\n    " + l;
    return out.empty() ? "\n    (none)" : out;
}

void run_cases(const std::string& file) {
    std::istringstream lines(test::read_file(file));
    std::string line;
    int number = 0, cases = 0, gaps = 0;
    while (std::getline(lines, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        rapidjson::Document c;
        c.Parse(line.c_str());
        INFO(file << ":" << number);
        REQUIRE_FALSE(c.HasParseError());
        REQUIRE((c.IsObject() && c.HasMember("input") && c.HasMember("events") && c["events"].IsArray()));
        const std::string input = c["input"].GetString();
        const std::string published = c.HasMember("published") ? c["published"].GetString() : "2025-05-20";
        std::vector<std::string> expected;
        for (const auto& e : c["events"].GetArray()) expected.push_back(e.GetString());
        std::sort(expected.begin(), expected.end());
        const auto found = events_of(input, published);
        ++cases;
        INFO(input << "\n  expected:" << joined(expected) << "\n  found:" << joined(found));
        if (c.HasMember("gap")) {
            ++gaps;
            // A known miss: when the rules learn it, move it to the passing cases.
            INFO("known gap: " << c["gap"].GetString() << " (remove \"gap\" now that it passes)");
            CHECK(found != expected);
        } else {
            CHECK(found == expected);
        }
    }
    WARN(file << ": " << cases << " cases, " << gaps << " known gaps");
    CHECK(cases >= 20);
}

}  // namespace

TEST_CASE("Chinese rule cases from tests/data/rule_cases/zh.jsonl", "[extract][zh][cases]") {
    run_cases(test::data_dir() + "/rule_cases/zh.jsonl");
}

TEST_CASE("English rule cases from tests/data/rule_cases/en.jsonl", "[extract][en][cases]") {
    run_cases(test::data_dir() + "/rule_cases/en.jsonl");
}
