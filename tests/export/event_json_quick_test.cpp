#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "export/event_json.hpp"
#include "export/event_json_quick.hpp"

using namespace chronokg;

namespace {

bool same_event(const Event& a, const Event& b) {
    return a.doc == b.doc && a.sentence == b.sentence && a.subject == b.subject && a.relation == b.relation &&
           a.relation_text == b.relation_text && a.object == b.object && a.date == b.date &&
           a.date_source == b.date_source && a.polarity == b.polarity && a.modality == b.modality &&
           a.evidence == b.evidence && a.span == b.span && a.rule == b.rule &&
           std::memcmp(&a.confidence, &b.confidence, sizeof(double)) == 0;  // the same bits
}

// What the checked reader makes of a line: an event, or the error it words.
struct Checked {
    std::optional<Event> event;
    std::string error;
};
Checked read_checked(const std::string& line) {
    try {
        return {io::event_from_json_checked(line, "e.jsonl", 7), ""};
    } catch (const Error& e) {
        return {std::nullopt, e.what()};
    }
}

// The promise of the quick reader: nothing, or exactly the checked reader's event.
bool agrees(const std::string& line) {
    const auto quick = io::quick_event_from_json(line);
    if (!quick) return true;
    const Checked checked = read_checked(line);
    return checked.event && same_event(*quick, *checked.event);
}

std::vector<std::string> written_lines() {
    std::vector<std::string> lines;
    for (int i = 0; i < 40; ++i) {
        Event e;
        e.doc = "doc-" + std::to_string(i);
        e.sentence = static_cast<std::size_t>(i * 7);
        e.subject = {"bis", "Bureau of \"Industry\" and Security", i % 3 ? "GOV" : ""};
        e.relation = i % 2 ? "revokes" : "adds to entity list";
        e.relation_text = i % 2 ? "\xE6\x92\xA4\xE9\x8A\xB7" : "added";  // 撤銷
        e.object = {"ai-diffusion-rule", "AI Diffusion Rule \\ tab\there", "POLICY"};
        if (i % 4) e.date = Date::parse(i % 4 == 1 ? "2025-05-13" : i % 4 == 2 ? "2025-05" : "2025");
        e.date_source = e.date ? DateSource::clause : DateSource::none;
        e.polarity = i % 5 ? Polarity::positive : Polarity::negative;
        e.modality = static_cast<Modality>(i % 4);
        e.evidence = "On May 13 the BIS revoked it.\n\x01 \xE2\x80\xA8 " + std::string(static_cast<std::size_t>(i), 'x');
        e.span = {static_cast<std::size_t>(i), static_cast<std::size_t>(i * 3)};
        e.rule = "en.svo";
        e.confidence = (i % 11) / 10.0 + 0.05;
        if (e.confidence > 1) e.confidence = 1;
        lines.push_back(io::event_to_json(e));
    }
    return lines;
}

}  // namespace

TEST_CASE("lines chronokg writes are read quickly, as the checked reader reads them", "[export][reader][issue7]") {
    for (const auto& line : written_lines()) {
        INFO(line);
        const auto quick = io::quick_event_from_json(line);
        REQUIRE(quick);
        const Checked checked = read_checked(line);
        REQUIRE(checked.event);
        CHECK(same_event(*quick, *checked.event));
        CHECK(io::event_to_json(*quick) == line);
    }
}

TEST_CASE("unusual event lines go to the checked reader, which reads or reports them as before",
          "[export][reader][issue7]") {
    const std::string tail =
        R"("relation":"buys","object":{"id":"b","label":"B"},"rule":"r")";
    const std::vector<std::pair<std::string, bool>> cases = {
        // a confidence RapidJSON might round otherwise, or not last, or signed: checked reader
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"confidence":0.12345678901234567890})", false},
        {R"({"subject":{"id":"a","label":"A"},"confidence":0.5,)" + tail + "}", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"confidence":-0})", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"confidence":5e-1})", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"confidence":0.5,"confidence":0.7})", false},
        // errors the checked reader words
        {R"({"subject":{"id":"","label":"A"},)" + tail + "}", false},
        {R"({"subject":{"id":"a"},)" + tail + "}", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"date":"May 2025"})", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"span":[5,2]})", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"span":null})", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"evidence":"\uDC00"})", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"evidence":"\uD800\u0041"})", false},
        {"\xEF\xBB\xBF" R"({"subject":{"id":"a","label":"A"},)" + tail + "}", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"x":[1,})", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + "} x", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + ",\"evidence\":\"caf\xC3\"}", false},
        // numbers RapidJSON refuses ("too big") and simdjson reads as 0, where the quick reader
        // does not read them: a sentence, a member it skips, a second member, an entity's extra
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"sentence":0e99921})", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"sentence":[0e400]})", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"x":{"y":[1,0e400]}})", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"rule":-0.0E+309})", false},
        {R"({"subject":{"id":"a","label":"A","n":0e999},)" + tail + "}", false},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"sentence":2.0,"polarity":"negative"})", false},
        // read quickly: fields in any order, null for absent, sentence numbers that are no
        // numbers ignored, a duplicate field read as its first, escapes and a NUL
        {R"({"rule":"r","subject":{"id":"a","label":"A","type":null},"relation":"buys","object":{"id":"b","label":"B"}})", true},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"sentence":-3,"date":null,"doc":null})", true},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"sentence":"2","polarity":"negative"})", true},
        {R"({"subject":{"id":"a","label":"A","n":7,"id":"c"},)" + tail + R"(,"x":true,"sentence":4,"sentence":5})", true},
        {R"({"subject":{"id":"a","label":"A","n":[7,{"m":null}]},)" + tail + R"(,"x":[1,{"a":[[2]]}]})", true},
        {R"({"subject":{"id":"a","label":"A"},)" + tail + R"(,"doc":"x","doc":"y","evidence":"\u0000\t\"\ud83d\ude00"})", true},
        {R"({ "subject" : { "id" : "a" , "label" : "A" } , )" + tail + R"( , "confidence" : 1 } )", true},
    };
    for (const auto& [line, quick_expected] : cases) {
        INFO(line);
        CHECK(io::quick_event_from_json(line).has_value() == quick_expected);
        CHECK(agrees(line));
        // event_from_json (quick, then checked) gives what the checked reader gives.
        const Checked checked = read_checked(line);
        try {
            const Event e = io::event_from_json(line, "e.jsonl", 7);
            REQUIRE(checked.event);
            CHECK(same_event(e, *checked.event));
        } catch (const Error& e) {
            CHECK(std::string(e.what()) == checked.error);
        }
    }
}

TEST_CASE("the quick reader never reads a damaged line otherwise than the checked reader",
          "[export][reader][issue7]") {
    // Written lines with bytes replaced, inserted, deleted or repeated: JSON punctuation,
    // digits, escapes, signs and exponents, invalid UTF-8, members that change types.
    const std::vector<std::string> pieces = {
        "{", "}", "[", "]", "\"", ":", ",", "\\", " ", "0", "1", "9", ".", "-", "e", "E", "+",
        "n", "u", "l", "t", "\xFF", "\xC3", "\x80", "\xED\xA0\x80", std::string(1, '\0'), "\\u0000",
        "\\uDC00", "\\uD800\\u0041", "null", "1e400", "0e400", "-0.0E+999", "-0", "18446744073709551616", "0.3000000000000000166",
        "\"sentence\":-1,", "\"span\":[1,2],", "\"confidence\":1.0000000000000002,", "\"x\":[1,{\"a\":2}],",
        "\"date\":\"2025-13\",", "\"polarity\":\"maybe\",", "\"subject\":5,",
    };
    const auto lines = written_lines();
    std::mt19937 random(20261204);
    const auto pick = [&random](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    std::size_t quick = 0, errors = 0, disagreements = 0;
    constexpr int kTrials = 20000;
    for (int trial = 0; trial < kTrials; ++trial) {
        std::string line = lines[pick(lines.size())];
        for (std::size_t edits = 1 + pick(3); edits > 0; --edits) {
            const std::size_t at = pick(line.size() + 1);
            switch (pick(4)) {
                case 0: if (at < line.size()) line.replace(at, 1, pieces[pick(pieces.size())]); break;
                case 1: line.insert(at, pieces[pick(pieces.size())]); break;
                case 2: line.erase(at, pick(8)); break;
                default: line.insert(at, line.substr(pick(line.size() + 1), pick(12))); break;
            }
        }
        if (line.find('\n') != std::string::npos) continue;
        if (!agrees(line)) {
            ++disagreements;
            UNSCOPED_INFO("disagree: " << line);
        }
        quick += io::quick_event_from_json(line).has_value();
        errors += !read_checked(line).event.has_value();
    }
    CHECK(disagreements == 0);
    // Both kinds of line were met: damage the quick reader took, and damage that is an error.
    CHECK(quick > kTrials / 20);
    CHECK(errors > kTrials / 4);
}

TEST_CASE("the quick reader reads members of any type, order or number as the checked reader does",
          "[export][reader][issue7]") {
    // Lines made member by member: each member written as chronokg writes it, or with a value of
    // another type or range, left out, repeated, or next to a member no reader knows.
    const std::vector<std::pair<std::string, std::string>> members = {
        {"extra", "[1,{\"a\":null}]"}, {"doc", R"("d1")"}, {"sentence", "3"}, {"subject", R"({"id":"a","label":"A","type":"ORG"})"},
        {"relation", R"("buys")"}, {"relation_text", R"("bought")"}, {"object", R"({"id":"b","label":"B","type":"ORG"})"},
        {"date", R"("2025-05-13")"}, {"date_source", R"("clause")"}, {"polarity", R"("positive")"},
        {"modality", R"("asserted")"}, {"evidence", R"("A bought B.")"}, {"span", "[0,11]"},
        {"rule", R"("en.svo")"}, {"confidence", "0.85"},
    };
    const std::vector<std::string> values = {
        "null", "5", "-1", "-0", "2.0", "0.5", "1", "1.5", "0.12345678901234567891", "1e-1", "0.0",
        "18446744073709551615", "18446744073709551616", R"("2025-05-13")", R"("2025-13")", R"("")",
        R"("negative")", R"("planned")", R"("clause")", R"("x")", R"("\u0041\n")", "[1,2]", "[2,1]", "[1]",
        "[1,2,3]", "[1.0,2]", "[-1,2]", "{}", R"({"id":"q","label":"Q"})", R"({"id":"","label":"Q"})",
        R"({"id":"q"})", R"({"id":"q","label":"Q","type":5})", R"({"id":"q","label":null,"type":null})",
        "true", "false", "0e400", "[-0.0E+309]",
    };
    std::mt19937 random(4122026);
    const auto pick = [&random](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    std::size_t quick = 0, read = 0, disagreements = 0;
    constexpr int kTrials = 20000;
    for (int trial = 0; trial < kTrials; ++trial) {
        std::vector<std::pair<std::string, std::string>> line_members;
        for (const auto& [key, value] : members) {
            const std::size_t roll = pick(40);
            if (roll == 0) continue;  // left out
            line_members.emplace_back(key, roll < 37 ? value : values[pick(values.size())]);
            if (roll == 39) line_members.emplace_back(key, values[pick(values.size())]);  // repeated
        }
        if (pick(4) == 0) std::shuffle(line_members.begin(), line_members.end(), random);
        std::string line = "{";
        for (const auto& [key, value] : line_members) line += (line.size() > 1 ? ",\"" : "\"") + key + "\":" + value;
        line += "}";
        if (!agrees(line)) {
            ++disagreements;
            UNSCOPED_INFO("disagree: " << line);
        }
        quick += io::quick_event_from_json(line).has_value();
        read += read_checked(line).event.has_value();
    }
    CHECK(disagreements == 0);
    CHECK(quick > kTrials / 10);
    CHECK(read - quick > kTrials / 50);  // lines only the checked reader reads
    CHECK(kTrials - read > kTrials / 4);  // and errors
}

TEST_CASE("a line cut inside a character is an error, read without going past its end", "[export][errors]") {
    // RapidJSON's decoder takes a character's whole length before checking it; under the
    // sanitizers this reads past the line unless the reader pads it.
    for (const std::string cut : {"\xC3", "\xE5\x95", "\xF0", "\xF0\x9F", "\xF0\x9F\x98"}) {
        for (const std::string& line : {R"({"doc":")" + cut, R"({"doc":"d","relation":"x)" + cut}) {
            const std::string exact(line);  // a buffer of exactly the line's size
            CHECK_THROWS_AS(io::event_from_json_checked(exact, "e.jsonl", 1), Error);
            CHECK_THROWS_AS(io::event_from_json(exact, "e.jsonl", 1), Error);
        }
    }
}
