#include "export/entity_style.hpp"

namespace chronokg::io {
namespace {

constexpr EntityStyle kStyles[] = {
    {"PERSON", 0xF2, 0xA6, 0x5A, "#f2a65a", "ellipse"},  {"ORG", 0x6F, 0xA8, 0xDC, "#6fa8dc", "box"},
    {"GOV", 0xE0, 0x66, 0x66, "#e06666", "house"},       {"GPE", 0x93, 0xC4, 0x7D, "#93c47d", "hexagon"},
    {"PRODUCT", 0xB4, 0xA7, 0xD6, "#b4a7d6", "component"}, {"TECH", 0x76, 0xA5, 0xAF, "#76a5af", "octagon"},
    {"POLICY", 0xFF, 0xD9, 0x66, "#ffd966", "note"},     {"EVENT", 0xD5, 0xA6, 0xBD, "#d5a6bd", "diamond"},
    {"MATERIAL", 0xA2, 0xC4, 0xC9, "#a2c4c9", "cylinder"}, {"WORK", 0xF9, 0xCB, 0x9C, "#f9cb9c", "tab"},
    {"CONCEPT", 0xD9, 0xD9, 0xD9, "#d9d9d9", "plaintext"},
};
constexpr EntityStyle kUnknown = {"", 0xBF, 0xBF, 0xBF, "#bfbfbf", "ellipse"};

}  // namespace

const EntityStyle& entity_style(std::string_view type) {
    for (const auto& s : kStyles)
        if (s.type == type) return s;
    return kUnknown;
}

}  // namespace chronokg::io
