#include "export/graph_text.hpp"

#include <charconv>

#include "core/utf8.hpp"

namespace chronokg::io {

namespace {

// " (2025-05-13, 2025-06-01)", the dates part of a label: at most three, then "…"; nothing
// without dates.
void append_label_dates(std::string& out, std::span<const Date> dates) {
    if (dates.empty()) return;
    out += " (";
    for (std::size_t i = 0; i < dates.size() && i < 3; ++i) {
        if (i) out += ", ";
        dates[i].append_iso(out);
    }
    if (dates.size() > 3) out += ", …";
    out += ')';
}

void append_edge_kind(std::string& out, const EdgeData& edge) {
    if (edge.polarity == Polarity::negative) out += "not ";
    out += edge.relation;
}

}  // namespace

std::string edge_kind(const EdgeData& edge) {
    std::string kind;
    append_edge_kind(kind, edge);
    return kind;
}

std::string edge_label(const EdgeData& edge) {
    std::string label;
    append_edge_label(label, edge);
    return label;
}

void append_edge_label(std::string& out, const EdgeData& edge) {
    append_edge_kind(out, edge);
    append_label_dates(out, {edge.dates.data(), edge.dates.size()});
}

std::string edge_label(std::string_view kind, std::span<const Date> dates) {
    std::string label;
    append_edge_label(label, kind, dates);
    return label;
}

void append_edge_label(std::string& out, std::string_view kind, std::span<const Date> dates) {
    out += kind;
    append_label_dates(out, dates);
}

std::string join_dates(std::span<const Date> dates) {
    std::string out;
    append_joined_dates(out, dates);
    return out;
}

void append_joined_dates(std::string& out, std::span<const Date> dates) {
    for (std::size_t i = 0; i < dates.size(); ++i) {
        if (i) out += ';';
        dates[i].append_iso(out);
    }
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

std::string_view decimal(std::uint64_t value, DecimalBuffer& buffer) {
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
    return {buffer.data(), static_cast<std::size_t>(end - buffer.data())};
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
