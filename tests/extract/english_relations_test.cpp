#include <catch2/catch.hpp>

#include "relation_test_support.hpp"

using chronokg::test::triples;
using V = std::vector<std::string>;

TEST_CASE("English subject, inflected verb and object, dated by the sentence", "[extract][en]") {
    CHECK(triples("On May 13, BIS revoked the AI Diffusion Rule.") ==
          V{"Bureau of Industry and Security | revokes | AI Diffusion Rule | 2025-05-13"});
}

TEST_CASE("English passives with an agent, none without", "[extract][en]") {
    CHECK(triples("The AI Diffusion Rule was rescinded by the Commerce Department on Tuesday.") ==
          V{"US Department of Commerce | revokes | AI Diffusion Rule | 2025-05-20"});
    CHECK(triples("The AI Diffusion Rule was rescinded last week.").empty());
}

TEST_CASE("English coordinated objects", "[extract][en]") {
    CHECK(triples("Nvidia will partner with TSMC and Foxconn.", "2025-05-20", true) ==
          V{"Nvidia | partners with | TSMC | - | positive planned", "Nvidia | partners with | Foxconn | - | positive planned"});
}

TEST_CASE("English pattern tails: add {O} to the Entity List", "[extract][en]") {
    CHECK(triples("BIS added Huawei to the Entity List.") ==
          V{"Bureau of Industry and Security | adds to entity list | Huawei | -"});
}

TEST_CASE("English role apposition", "[extract][en]") {
    CHECK(triples("Nvidia CEO Jensen Huang said demand is strong.").front() == "Jensen Huang | ceo of | Nvidia | -");
}

TEST_CASE("English negation", "[extract][en]") {
    CHECK(triples("BIS did not revoke the AI Diffusion Rule.", "2025-05-20", true) ==
          V{"Bureau of Industry and Security | revokes | AI Diffusion Rule | - | negative asserted"});
}
