#include "export/csv_text.hpp"

#include "export/graph_text.hpp"

namespace chronokg::io {

std::string csv_field(std::string_view raw) {
    std::string text;
    for (const char ch : valid_utf8(raw)) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n' || c == '\r' || c == '\t') text += ' ';
        else if (c >= 0x20 && c != 0x7F) text += ch;
    }
    const bool quote = text.find_first_of(",\"") != std::string::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
    out << '\n';
}

}  // namespace chronokg::io
