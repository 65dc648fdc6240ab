#include <catch2/catch.hpp>

#include "extract/phrase_matcher.hpp"

using namespace chronokg;

namespace {
std::vector<std::string> matches(const PhraseMatcher& m, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& h : select_longest(m.find_all(text))) out.push_back(text.substr(h.begin, h.end - h.begin));
    return out;
}
}  // namespace

TEST_CASE("the longest match wins, then the leftmost", "[extract][match]") {
    PhraseMatcher m;
    for (const char* p : {"商务部", "美国商务部", "工业和安全局", "安全局"}) m.add(p, 0);
    m.compile();
    CHECK(matches(m, "美国商务部工业和安全局宣布") == std::vector<std::string>{"美国商务部", "工业和安全局"});
}

TEST_CASE("Latin phrases match whole words, all-capital phrases match capitals only", "[extract][match]") {
    PhraseMatcher m;
    m.add("AI", 0);
    m.add("Nvidia", 1);
    m.add("Computex", 2);
    m.compile();
    CHECK(matches(m, "he said AI is key") == std::vector<std::string>{"AI"});
    CHECK(matches(m, "an ai model").empty());
    CHECK(matches(m, "NVIDIA and nvidia") == std::vector<std::string>{"NVIDIA", "nvidia"});
    CHECK(matches(m, "在Computex2025上") == std::vector<std::string>{"Computex"});
    CHECK(matches(m, "Computexes").empty());
}
