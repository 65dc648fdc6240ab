#pragma once
// chronokg::io — the temporary output files being written, removed when a signal ends the run.
//
// Why: outputs are written to a temporary file beside the target and renamed over it at the end
// (atomic_file.hpp), so an interrupted run never leaves a half-written target; but Ctrl-C
// (SIGINT), `kill` (SIGTERM) or a closed terminal (SIGHUP) ended the process with the temporary
// file still there: a hidden `.NAME.tmpPID-N` of hundreds of megabytes after a long extraction.
// remove_temporary_files_on_signals() installs handlers for those signals that remove every
// tracked file, then end the process by the same signal (the shell sees the usual status, 130
// for Ctrl-C). A signal ignored when the program starts (`nohup`, a background job of a
// non-interactive shell) stays ignored.
// The handler only calls async-signal-safe functions (unlink, sigaction, raise), so the paths
// live in a fixed table: up to kMaxTracked files at once, each path up to kMaxPath bytes; a file
// beyond those is not tracked (the run's own error paths still remove it).
// Thread safety: track and untrack from any thread.
#include <cstddef>
#include <string>

namespace chronokg::io {

constexpr std::size_t kMaxTracked = 64;
constexpr std::size_t kMaxPath = 4096;

// Tracks `path` (best absolute: the handler runs wherever the process is); returns the slot to
// untrack, or -1 when the file could not be tracked.
int track_temporary_file(const std::string& path);
// Stops tracking slot `slot` (nothing for -1). Call it once the file is renamed or removed.
void untrack_temporary_file(int slot);

// Installs the handlers (see above); for the program's main(), before any output is written.
void remove_temporary_files_on_signals();

}  // namespace chronokg::io
