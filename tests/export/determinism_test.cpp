// The same events give byte-identical files in every format, whatever order they arrive in.
#include "export_test_support.hpp"

#include <fmt/format.h>

#include <random>

using namespace chronokg;

namespace {

// Events that tie on everything but one field, so only a total order keeps the files still.
std::vector<Event> tangled_events() {
    std::vector<Event> events = test::hostile_events();
    for (int i = 0; i < 60; ++i) {
        Event e;
        e.doc = fmt::format("d{}", i % 4);
        e.sentence = static_cast<std::size_t>(i % 5);
        e.subject = {fmt::format("s{}", i % 6), i % 2 ? "Subject" : "Subject alias", i % 3 ? "ORG" : "GOV"};
        e.relation = i % 2 ? "revokes" : "partners with";
        e.object = {fmt::format("o{}", i % 4), fmt::format("Object {}", i % 3), i % 5 ? "POLICY" : "CONCEPT"};
        if (i % 7) e.date = Date{2025, 1 + i % 12, i % 4 ? 1 + i % 28 : 0};
        e.polarity = i % 9 ? Polarity::positive : Polarity::negative;
        e.modality = i % 3 ? Modality::asserted : Modality::planned;
        e.evidence = fmt::format("evidence {}", i % 8);
        e.rule = i % 2 ? "zh.svo" : "en.svo";
        e.confidence = 0.5 + (i % 5) / 10.0;
        events.push_back(e);
    }
    events.push_back(events.back());  // an exact duplicate
    return events;
}

std::vector<std::string> all_files(const std::vector<Event>& events, bool collapse, const std::string& tag) {
    const auto graph = build_graph(events, BuildOptions{collapse});
    std::vector<std::string> contents;
    for (const auto& name : io::format_names()) {
        const auto format = *io::format_from_name(name);
        const auto path = test::write_graph_to(graph, format, tag + "." + name);
        for (const auto& file : io::output_files(path, format)) contents.push_back(test::read_file(file));
    }
    return contents;
}

}  // namespace

TEST_CASE("any order of the same events gives byte-identical files in every format", "[export][determinism]") {
    const auto events = tangled_events();
    for (const bool collapse : {false, true}) {
        const auto reference = all_files(events, collapse, "ref");
        REQUIRE(reference.size() == io::format_names().size() + 2);  // two CSV formats write two files each
        std::mt19937 random(collapse ? 11 : 7);
        for (int round = 0; round < 4; ++round) {
            auto shuffled = events;
            std::shuffle(shuffled.begin(), shuffled.end(), random);
            const auto again = all_files(shuffled, collapse, "shuffled");
            for (std::size_t i = 0; i < reference.size(); ++i) {
                INFO("collapse " << collapse << ", file " << i);
                CHECK(again[i] == reference[i]);
            }
        }
    }
}
