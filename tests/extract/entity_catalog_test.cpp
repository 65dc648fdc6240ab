#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "extract/entity_catalog.hpp"
#include "extract/normalizer.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {

// The id derive_entity_id() is to make, written the plain way: a byte at a time, every byte past
// ASCII kept, ASCII letters lower-cased, digits and dots kept, each run of other bytes one dash
// (none at the start), trailing dots dropped.
std::string plain_id(const std::string& folded) {
    std::string id;
    bool dropped = false;
    for (const char raw : folded) {
        const auto byte = static_cast<unsigned char>(raw);
        const bool letter = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
        if (!(byte >= 0x80 || letter || (byte >= '0' && byte <= '9') || byte == '.')) {
            dropped = true;
            continue;
        }
        if (dropped && !id.empty()) id += '-';
        dropped = false;
        id += byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a') : raw;
    }
    while (!id.empty() && id.back() == '.') id.pop_back();
    return id;
}

}  // namespace

TEST_CASE("derived ids keep runs of characters past ASCII whole, at every length and place",
          "[extract][catalog]") {
    // Runs past ASCII are copied eight bytes at a time, then byte by byte: runs of every length
    // around eight and sixteen bytes, between ASCII of every kind, must come out as the plain way.
    CHECK(derive_entity_id("台积电") == "台积电");
    CHECK(derive_entity_id("美国 商务部工业和安全局 (BIS)") == "美国-商务部工业和安全局-bis");
    CHECK(derive_entity_id(" 华为Mate 60 Pro") == "华为mate-60-pro");
    CHECK(derive_entity_id("é") == "é");
    const std::vector<std::string> pieces = {"经", "濟", "é", "𠮷", "，", "a", "B", " ", "-", ".", "9", "("};
    std::mt19937 random(7);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const std::size_t count = random() % 24;
        for (std::size_t i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
        INFO(text);
        CHECK(derive_entity_id(text) == plain_id(text));
    }
}

TEST_CASE("catalog lookup finds aliases, lower-cased aliases and ids", "[extract][catalog]") {
    // lookup() asks for the lower-cased name only when it holds an ASCII capital: a name without
    // one is the same lower-cased, and one with one must still be found lower-cased, by alias and
    // by id.
    const RulePack pack = test::test_pack();
    const EntityCatalog catalog(pack, Normalizer::shared());
    const auto id_of = [&](std::string_view name) -> std::string {
        const auto entity = catalog.lookup(name);
        return entity ? catalog.entities()[*entity].id : "(none)";
    };
    CHECK(id_of("工業和安全局") == "bis");       // folded to an alias
    CHECK(id_of("AI扩散规则") == "ai-diffusion-rule");  // an exact-case alias
    CHECK(id_of("ai扩散规则") == "(none)");     // whose lower-case twin is none
    CHECK(id_of("NVIDIA") == "nvidia");
    CHECK(id_of("nVidia") == "nvidia");          // lower-cased to an alias
    CHECK(id_of("us-commerce") == "us-commerce");  // an id
    CHECK(id_of("US-Commerce") == "us-commerce");  // lower-cased to an id
    CHECK(id_of("不存在的规则") == "(none)");
}
