#pragma once
// chronokg::Document — one article as read from the input, before any processing.
//
// What it represents: the original text (valid UTF-8, unchanged: every span an event carries is
// a half-open byte range into `text`), where it came from, and what is known about it.
// Thread safety: a value type.
#include <optional>
#include <string>

#include "core/date.hpp"

namespace chronokg {

struct Document {
    std::string id;      // stable id: the file's path stem, or the JSONL "id", or "<file>#<line>"
    std::string source;  // where it was read: a path, "path:line" for JSONL, or "-" for stdin
    std::string text;    // the article as written (header lines included), valid UTF-8
    std::optional<Date> published;  // publication date, when given or found in the first lines
    std::string language;           // "zh", "en", or empty for "detect from the text"
    std::string title;
    std::string url;
};

}  // namespace chronokg
