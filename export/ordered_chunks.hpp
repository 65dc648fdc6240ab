#pragma once
// chronokg::io::write_chunks_in_order — a large file's text made in pieces on several threads,
// written in order.
//
// Why: formatting a million GraphML edges takes seconds on one core while the other waits. The
// writer cuts its items into chunks; `format(begin, end, text)` appends the text of items
// [begin, end) to `text`. With threads > 1 each chunk is formatted on a thread of its own, up
// to `threads` at a time, while the calling thread writes finished chunks to `out` in chunk
// order; with threads <= 1 everything happens on the calling thread. Either way the bytes are
// those of formatting every chunk in turn, so output does not depend on the thread count.
// Memory: at most threads + 1 chunks are held at once.
// Errors: an exception from `format` reaches the caller, after every running thread finished.
// Thread safety: `format` is called concurrently for different chunks; it must only read
// shared data.
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace chronokg::io {

// Edges a chunk for the graph writers: about a kilobyte each, a few megabytes a chunk.
constexpr std::size_t kEdgesPerChunk = 4096;

using ChunkFormatter = std::function<void(std::size_t begin, std::size_t end, std::string& text)>;

void write_chunks_in_order(std::ostream& out, std::size_t items, std::size_t chunk_items, unsigned threads,
                           const ChunkFormatter& format);

}  // namespace chronokg::io
