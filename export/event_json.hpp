#pragma once
// Events as JSON Lines: the format `chronokg extract` writes and `chronokg build` reads.
//
// One event a line, fields in the order of the contract in DESIGN.md. Writing is deterministic
// (same event, same bytes); reading validates every field and reports `file:line:column`.
// Thread safety: free functions without shared state.
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "core/event.hpp"

namespace chronokg::io {

// The event as one line of JSON, without the newline.
std::string event_to_json(const Event& event);
// The same line appended to `out` (extract writes millions: text is copied whole where it needs
// no escape).
void append_event_json(const Event& event, std::string& out);

// Parses one line; throws chronokg::Error naming `file` and `line` when it is not an event.
// Lines as chronokg writes them are read by simdjson (export/event_json_quick.hpp), the others
// by event_from_json_checked().
Event event_from_json(std::string_view json, const std::string& file, std::size_t line);
// The same with RapidJSON alone, which reads any valid line and words every error.
Event event_from_json_checked(std::string_view json, const std::string& file, std::size_t line);

// Whether a JSONL line looks like an event rather than an article (it has "relation").
bool looks_like_event(std::string_view json);

// Reads an events JSONL stream, calling `sink` for each event.
void read_events(std::istream& in, const std::string& file, const std::function<void(Event)>& sink);

}  // namespace chronokg::io
