// The article chronokg started from (../shared/seeds), when this machine has it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "extract/document_reader.hpp"
#include "extract/extractor.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {
bool has(const std::vector<Event>& events, const std::string& s, const std::string& r, const std::string& o,
         const std::string& date) {
    return std::any_of(events.begin(), events.end(), [&](const Event& e) {
        return e.subject.id == s && e.relation == r && e.object.id == o && e.date && e.date->iso() == date;
    });
}
}  // namespace

TEST_CASE("the seed article yields its headline events and nothing from its garbled end", "[extract][seed]") {
    const std::string path = test::shared_dir() + "/seeds/000_560ec7fc7a2dd05d.txt";
    if (!std::filesystem::exists(path)) {
        WARN("skipped: " << path << " is not on this machine");
        return;
    }
    std::vector<Event> events;
    std::string text;
    read_documents({path, ""}, {}, [&](Document d) {
        CHECK(d.published == Date{2025, 5, 20});
        text = d.text;
        events = Extractor(test::default_pack()).extract(d);
    });
    CHECK(has(events, "bis", "revokes", "ai-diffusion-rule", "2025-05-13"));
    CHECK(has(events, "nvidia", "partners with", "tsmc", "2025-05-19"));
    CHECK(has(events, "nvidia", "partners with", "foxconn", "2025-05-19"));
    // Both garbled passages carry '?' where GBK bytes fell out of step: no event may come from them.
    REQUIRE(text.find("?shù)鼐") != std::string::npos);
    REQUIRE(text.find("因?yàn)") != std::string::npos);
    for (const auto& e : events) {
        INFO(e.subject.label << " " << e.relation << " " << e.object.label);
        CHECK(e.evidence.find("?shù)鼐") == std::string::npos);
        CHECK(e.evidence.find("因?yàn)") == std::string::npos);
    }
}
