#include "export/graph_text.hpp"

namespace chronokg::io {

std::string edge_label(const EdgeData& edge) {
    std::string label = edge.relation;
    if (edge.polarity == Polarity::negative) label = "not " + label;
    if (edge.dates.empty()) return label;
    label += " (";
    for (std::size_t i = 0; i < edge.dates.size() && i < 3; ++i) label += (i ? ", " : "") + edge.dates[i].iso();
    if (edge.dates.size() > 3) label += ", …";
    return label + ")";
}

std::string join_dates(const std::vector<Date>& dates) {
    std::string out;
    for (const auto& d : dates) out += (out.empty() ? "" : ";") + d.iso();
    return out;
}

std::string join_aliases(const std::vector<std::string>& aliases) {
    std::string out;
    for (const auto& a : aliases) out += (out.empty() ? "" : "|") + a;
    return out;
}

}  // namespace chronokg::io
