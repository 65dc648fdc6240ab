#pragma once
// chronokg::io::quick_event_from_json — the fast path of reading an event line.
//
// Why: `chronokg build` over extracted events spends most of its reading in the JSON scan, and
// RapidJSON scans about 300 MB/s on a core here; simdjson (Debian's libsimdjson, which picks
// AVX-512, AVX2 or SSE code when the program starts) parses and validates the same lines three
// times as fast. RapidJSON stays the reader of record: it reports the errors, with their
// column, and reads anything unusual.
//
// The contract: quick_event_from_json either returns nullopt, or the very Event that
// event_from_json_checked() returns for the same line. It returns an event only for a line
// simdjson fully parses and validates (UTF-8 included) whose fields all have the types and
// values the checked reader accepts, and whose confidence, when there is one, is the line's
// last member and at most 15 digits without an exponent: RapidJSON rounds such a number
// exactly as simdjson does, and may not round longer ones so. Anything else (errors, odd
// numbers, a line over 64 KiB) gets nullopt and goes to the checked reader.
// Thread safety: each thread keeps its own parser and buffer.
#include <optional>
#include <string_view>

#include "core/event.hpp"

namespace chronokg::io {

std::optional<Event> quick_event_from_json(std::string_view json);
// The same into `out`, which is filled in place (a build reads millions of lines, and moving an
// event's texts costs as much as reading some of them): true when `out` holds the event; false
// for nullopt, with `out` holding whatever was read so far.
bool quick_event_from_json(std::string_view json, Event& out);

}  // namespace chronokg::io
