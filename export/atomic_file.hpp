#pragma once
// Writing an output file all or nothing.
//
// The content goes to a temporary file beside the target, which is flushed, closed and then
// renamed over the target: a reader sees the old file or the new one, never half of one, and a
// failure (an unwritable directory, a full disk) leaves the old file untouched.
// Thread safety: independent calls may run concurrently on different paths.
#include <functional>
#include <ostream>
#include <string>

namespace chronokg::io {

// Calls `write` with a stream to a temporary file, then renames it to `path`.
// Throws chronokg::Error naming `path` when anything fails; no temporary file is left behind.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace chronokg::io
