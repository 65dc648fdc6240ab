#include "export/graph_text.hpp"

#include "core/utf8.hpp"

namespace chronokg::io {

std::string edge_kind(const EdgeData& edge) {
    return edge.polarity == Polarity::negative ? "not " + edge.relation : edge.relation;
}

std::string edge_label(const EdgeData& edge) { return edge_label(edge_kind(edge), edge.dates); }

std::string edge_label(std::string_view kind, std::span<const Date> dates) {
    std::string label(kind);
    if (dates.empty()) return label;
    label += " (";
    for (std::size_t i = 0; i < dates.size() && i < 3; ++i) {
        if (i) label += ", ";
        label += dates[i].iso();
    }
    if (dates.size() > 3) label += ", …";
    return label + ")";
}

std::string join_dates(std::span<const Date> dates) {
    std::string out;
    for (const auto& d : dates) {
        if (!out.empty()) out += ';';
        out += d.iso();
    }
    return out;
}

std::optional<std::vector<Date>> split_dates(std::string_view text) {
    std::vector<Date> dates;
    while (!text.empty()) {
        const auto end = text.find(';');
        const auto date = Date::parse(text.substr(0, end));
        if (!date) return std::nullopt;
        dates.push_back(*date);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return dates;
}

std::string join_aliases(const std::vector<std::string>& aliases) {
    std::string out;
    for (std::size_t i = 0; i < aliases.size(); ++i) {
        if (i) out += '|';
        for (const char c : aliases[i]) {
            if (c == '|' || c == '\\') out += '\\';
            out += c;
        }
    }
    return out;
}

std::vector<std::string> split_aliases(std::string_view text) {
    std::vector<std::string> aliases;
    if (text.empty()) return aliases;
    aliases.emplace_back();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            aliases.back() += text[++i];
        } else if (text[i] == '|') {
            aliases.emplace_back();
        } else {
            aliases.back() += text[i];
        }
    }
    return aliases;
}

std::string precision_name(const std::optional<Date>& date) {
    if (!date) return "";
    switch (date->precision()) {
        case Date::Precision::day: return "day";
        case Date::Precision::month: return "month";
        case Date::Precision::year: return "year";
    }
    return "";
}

std::string valid_utf8(std::string_view text) {
    return utf8::find_invalid(text) ? utf8::repair(text) : std::string(text);
}

}  // namespace chronokg::io
