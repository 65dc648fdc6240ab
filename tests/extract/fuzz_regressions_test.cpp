// Inputs the fuzzers found crashes with (fuzz/README.md): each file of tests/data/fuzz_regressions/
// goes through the whole default pipeline, as fuzz/extractor_fuzzer.cpp feeds it, and must give
// events whose spans lie inside the text, not an exception.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "core/utf8.hpp"
#include "extract/extractor.hpp"
#include "../test_support.hpp"

using namespace chronokg;

TEST_CASE("inputs the fuzzers once crashed on are extracted without error", "[extract][fuzz][issue8]") {
    static const Extractor extractor(test::default_pack());
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::data_dir() + "/fuzz_regressions"))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 2);
    for (const auto& file : files) {
        INFO(file.filename().string());
        const std::string text = utf8::repair(test::read_file(file.string()));
        std::vector<Event> events;
        REQUIRE_NOTHROW(events = extractor.extract(test::article(text, "2025-05-20")));
        for (const auto& e : events) {
            CHECK(e.span.first <= e.span.second);
            CHECK(e.span.second <= text.size());
            CHECK(!utf8::find_invalid(e.evidence));
        }
    }
}
