#include "export/xml_text.hpp"

namespace chronokg::io {

std::string xml_escape(std::string_view text) {
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
            case '\t': case '\n': case '\r': out += static_cast<char>(c); break;
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

}  // namespace chronokg::io
