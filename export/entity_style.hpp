#pragma once
// How each entity type looks in every format: one colour and one shape a type, so Gephi,
// Graphviz and the JSON a d3 page reads agree. Thread safety: constant data.
#include <string_view>

namespace chronokg::io {

struct EntityStyle {
    std::string_view type;
    int r, g, b;
    std::string_view hex;        // "#rrggbb"
    std::string_view dot_shape;  // Graphviz node shape
};

// The style of `type`; unknown types share a grey one.
const EntityStyle& entity_style(std::string_view type);

}  // namespace chronokg::io
