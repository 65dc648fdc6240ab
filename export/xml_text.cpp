#include "export/xml_text.hpp"

#include "core/utf8.hpp"

namespace chronokg::io {
namespace {

void escape_valid(std::string& out, std::string_view text) {
    const std::size_t start = out.size();
    // Runs of bytes that need no escape are appended whole.
    auto plain = [](unsigned char c) {
        return c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'' && c != ' ' && c != 0x7F &&
               c != 0xEF;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (plain(static_cast<unsigned char>(text[i]))) {
            std::size_t j = i + 1;
            while (j < text.size() && plain(static_cast<unsigned char>(text[j]))) ++j;
            out.append(text.data() + i, j - i);
            i = j - 1;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            case ' ':
                // Raw spaces that would fold: the first, the last, one after another raw space.
                out += (out.size() == start || i + 1 == text.size() || out.back() == ' ') ? "&#32;" : " ";
                break;
            default:
                if (c < 0x20 || c == 0x7F) break;  // forbidden (or discouraged) controls: dropped
                // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters.
                if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                    (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
                    i += 2;
                    break;
                }
                out += static_cast<char>(c);
        }
    }
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text) {
    if (utf8::find_invalid(text)) {
        escape_valid(out, utf8::repair(text));
        return;
    }
    escape_valid(out, text);
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_xml_escaped(out, text);
    return out;
}

}  // namespace chronokg::io
