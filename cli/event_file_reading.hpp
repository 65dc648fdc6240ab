#pragma once
// Reading an events JSONL file (the output of `chronokg extract`) for `build` and the queries.
//
// One thread reads the file 8 MB at a time (whole lines; a longer line spans reads) and hands
// the events on; the others parse the lines of one block while it does, so reading, parsing and
// whatever the sink does (building the graph) overlap. Events and problems come out in file
// order, exactly as one thread gives them.
// Thread safety: `sink` and `log` are called from the calling thread only.
#include <functional>
#include <string>

#include "cli/common_options.hpp"
#include "core/event.hpp"

namespace chronokg::cli {

// Calls `sink` with each event of `path`, in order. A bad line is reported to `log` and skipped,
// or with `strict` thrown as chronokg::Error naming the file and line. After each block of the
// file, `on_block` (when given) hears how many events it held and its size in bytes.
void read_event_file(const std::string& path, unsigned threads, bool strict, ProblemLog& log,
                     const std::function<void(Event&&)>& sink,
                     const std::function<void(std::size_t events, std::size_t bytes)>& on_block = {});

}  // namespace chronokg::cli
