#pragma once
// ASCII case folding, the one place chronokg lower-cases text. Only A–Z change: names, cue
// words and patterns compare without case in ASCII alone, and every other byte (UTF-8
// sequences included) stays as it is, so folding never changes a text's length or breaks a
// character.
#include <string>
#include <string_view>

namespace chronokg {

constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

}  // namespace chronokg
