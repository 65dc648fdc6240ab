#pragma once
// Writing output files all or nothing.
//
// Each file's content goes to a temporary file beside its target, which is flushed, synced to
// disk, closed and then renamed over the target: a reader sees the old file or the new one,
// never half of one, and a failure (an unwritable directory, a full disk, a file size limit)
// leaves the old file untouched and no temporary file behind. An OutputSet does this for
// several files at once: every file is written before any is renamed, so a run that fails on its
// third output leaves the first two old as well. A replaced file keeps its permissions; a
// symbolic link is followed (the file it points to is replaced, the link kept). A target that
// is a device or a pipe (`/dev/stdout`, `/dev/null`, a FIFO) cannot be replaced: it is written
// to directly, at write() rather than at commit(). A temporary file is also removed when SIGINT,
// SIGTERM or SIGHUP ends the program (temporary_files.hpp).
// Thread safety: an OutputSet is used by one thread; independent sets and calls may run
// concurrently on different paths.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace chronokg::io {

class OutputSet {
public:
    OutputSet() = default;
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;
    // Removes the temporary files of a set that was not committed.
    ~OutputSet();

    // Calls `write` with a stream to a temporary file for `path`. Throws chronokg::Error naming
    // `path` when it cannot be written or is already in the set (under any spelling).
    void write(const std::string& path, const std::function<void(std::ostream&)>& write);
    // Takes over the files `other` has written (it is left empty), after this set's own: sets
    // written on several threads, one each, are committed as one.
    void adopt(OutputSet&& other);
    // Renames every temporary file over its target, in the order written. Throws
    // chronokg::Error naming the file when a rename fails (files before it are then new).
    void commit();

private:
    struct Pending {
        std::string path;
        std::string identity;
        std::string temp;  // empty for a device or pipe, written already
        int tracked = -1;  // its slot in temporary_files.hpp (removed on SIGINT, SIGTERM, SIGHUP)
    };
    std::vector<Pending> pending_;
};

// One file through an OutputSet of its own.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

// What `path` names, the same for every spelling of one file ("g.dot", "./g.dot", "out/../g.dot",
// a symbolic link to it): for telling that two outputs are one file before writing either.
std::string output_identity(const std::string& path);

}  // namespace chronokg::io
