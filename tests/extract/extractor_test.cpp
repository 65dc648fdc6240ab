#include <catch2/catch.hpp>

#include <string>

#include "relation_test_support.hpp"

using chronokg::test::article;
using chronokg::test::test_extractor;

TEST_CASE("a long article is read whole, window after window, its dates carried across windows", "[extract][issue7]") {
    // The extractor reads an article 64 sentences at a time, step by step (Extractor::extract):
    // no sentence may be lost or read twice at a window's edge, and the date a sentence states
    // must reach the next one across it. 150 sentences, one event each; the first sentence of
    // the second and third windows (64 and 128) carries the date of the sentence before it.
    std::string text;
    const auto day_of = [](std::size_t i) { return 1 + static_cast<int>(i % 28); };
    for (std::size_t i = 0; i < 150; ++i) {
        if (i == 64 || i == 128) text += "The same day, the Commerce Department revoked the AI Diffusion Rule. ";
        else text += "On May " + std::to_string(day_of(i)) + ", BIS revoked the AI Diffusion Rule. ";
    }
    const auto events = test_extractor().extract(article(text, "2025-05-20"));
    REQUIRE(events.size() == 150);
    for (std::size_t i = 0; i < events.size(); ++i) {
        INFO("sentence " << i);
        const auto& e = events[i];
        CHECK(e.sentence == i);
        CHECK(e.relation == "revokes");
        REQUIRE(e.date);
        const bool carried = i == 64 || i == 128;
        CHECK(e.date->day == day_of(carried ? i - 1 : i));
        CHECK(e.subject.label == (carried ? "US Department of Commerce" : "Bureau of Industry and Security"));
    }
}
