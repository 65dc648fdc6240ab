#include "cli/result_table.hpp"

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "core/utf8.hpp"

namespace chronokg::cli {
namespace {

std::size_t char_width(char32_t cp) {
    const auto c = static_cast<UChar32>(cp);
    if (cp == 0x200B || cp == 0x200D || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) &
                                             (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK))
        return 0;
    const auto width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

// The cell on one line, cut to `max_width` display columns (0: no limit) with a final `…`.
std::string fit(const std::string& text, std::size_t max_width) {
    std::string out;
    std::size_t width = 0;
    const bool cut = max_width > 0 && display_width(text) > max_width;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = utf8::decode(text, pos);
        if (cp == '\n' || cp == '\r' || cp == '\t') cp = ' ';
        const std::size_t w = char_width(cp);
        if (cut && width + w > max_width - 1) break;
        utf8::append(out, cp);
        width += w;
    }
    if (cut) out += "…";
    return out;
}

// A real for scripts: six decimals at most, without trailing zeros ("0.85", "0.123457").
std::string number_text(double value) {
    std::string text = fmt::format("{:.6f}", value);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

void add_output_options(CLI::App& command, OutputOptions& options) {
    auto* json = command.add_flag("--json", options.json, "Write JSON Lines (one object a row) instead of a table");
    auto* csv = command.add_flag("--csv", options.csv, "Write CSV (a header line, then one line a row) instead of a table");
    json->excludes(csv);
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t pos = 0; pos < text.size();) width += char_width(utf8::decode(text, pos));
    return width;
}

std::string cell_text(const Cell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&cell)) return fmt::format("{:.4f}", *d);
    return {};
}

void ResultTable::add_row(std::vector<Cell> row) {
    row.resize(columns_.size());
    rows_.push_back(std::move(row));
}

void ResultTable::write(std::ostream& out, OutputStyle style) const {
    switch (style) {
        case OutputStyle::table: write_text(out); break;
        case OutputStyle::json: write_json(out); break;
        case OutputStyle::csv: write_csv(out); break;
    }
}

void ResultTable::write_text(std::ostream& out) const {
    if (rows_.empty()) return;
    std::vector<std::size_t> shown;
    for (std::size_t c = 0; c < columns_.size(); ++c)
        if (columns_[c].in_table) shown.push_back(c);
    std::vector<std::vector<std::string>> lines = {{}};
    for (std::size_t c : shown) lines[0].push_back(columns_[c].name);
    for (const auto& row : rows_) {
        lines.emplace_back();
        for (std::size_t c : shown) lines.back().push_back(fit(cell_text(row[c]), columns_[c].max_width));
    }
    std::vector<std::size_t> widths(shown.size(), 0);
    for (const auto& line : lines)
        for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], display_width(line[i]));
    auto write_line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            text += cells[i];
            // Two spaces between columns; nothing after the last, so lines end without blanks.
            if (i + 1 < cells.size()) text += std::string(widths[i] - display_width(cells[i]) + 2, ' ');
        }
        out << text << '\n';
    };
    write_line(lines[0]);
    std::vector<std::string> rule;
    for (std::size_t w : widths) rule.push_back(std::string(w, '-'));
    write_line(rule);
    for (std::size_t i = 1; i < lines.size(); ++i) write_line(lines[i]);
}

void ResultTable::write_json(std::ostream& out) const {
    for (const auto& row : rows_) {
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        w.StartObject();
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            w.Key(columns_[c].name.c_str());
            const Cell& cell = row[c];
            if (const auto* s = std::get_if<std::string>(&cell))
                w.String(s->data(), static_cast<rapidjson::SizeType>(s->size()));
            else if (const auto* i = std::get_if<std::int64_t>(&cell))
                w.Int64(*i);
            else if (const auto* d = std::get_if<double>(&cell)) {
                const std::string text = number_text(*d);
                w.RawValue(text.data(), text.size(), rapidjson::kNumberType);
            }
            else
                w.Null();
        }
        w.EndObject();
        out << buffer.GetString() << '\n';
    }
}

void ResultTable::write_csv(std::ostream& out) const {
    std::string line;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (c) line += ',';
        line += csv_field(columns_[c].name);
    }
    out << line << '\n';
    for (const auto& row : rows_) {
        line.clear();
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            if (c) line += ',';
            const auto* d = std::get_if<double>(&row[c]);
            line += d ? number_text(*d) : csv_field(cell_text(row[c]));
        }
        out << line << '\n';
    }
}

}  // namespace chronokg::cli
