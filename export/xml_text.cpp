#include "export/xml_text.hpp"

#include "core/utf8.hpp"

namespace chronokg::io {
namespace {

std::string escape_valid(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
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
                out += (out.empty() || i + 1 == text.size() || out.back() == ' ') ? "&#32;" : " ";
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
    return out;
}

}  // namespace

std::string xml_escape(std::string_view text) {
    if (utf8::find_invalid(text)) return escape_valid(utf8::repair(text));
    return escape_valid(text);
}

}  // namespace chronokg::io
