#include "export/ordered_chunks.hpp"

#include <algorithm>
#include <deque>
#include <future>
#include <vector>

namespace chronokg::io {

void write_chunks_in_order(std::ostream& out, std::size_t items, std::size_t chunk_items, unsigned threads,
                           const ChunkFormatter& format) {
    chunk_items = std::max<std::size_t>(chunk_items, 1);
    auto write = [&out](const std::string& text) { out.write(text.data(), static_cast<std::streamsize>(text.size())); };
    if (threads <= 1) {
        std::string text;
        for (std::size_t begin = 0; begin < items; begin += chunk_items) {
            text.clear();
            format(begin, std::min(items, begin + chunk_items), text);
            write(text);
        }
        return;
    }
    // Chunks in flight, oldest first. A std::async future waits for its thread when destroyed,
    // so leaving early (an exception) never leaves a thread reading the caller's data.
    std::deque<std::future<std::string>> pending;
    // Texts already written, kept for their memory: a chunk is megabytes, and formatting into
    // fresh memory costs a page fault every 4 KiB and a copy each time the text doubles.
    std::vector<std::string> spare;
    std::size_t next = 0;
    auto launch = [&] {
        const std::size_t begin = next, end = std::min(items, next + chunk_items);
        next = end;
        std::string text;
        if (!spare.empty()) {
            text = std::move(spare.back());
            spare.pop_back();
            text.clear();
        }
        pending.push_back(std::async(std::launch::async, [&format, begin, end, text = std::move(text)]() mutable {
            format(begin, end, text);
            return std::move(text);
        }));
    };
    while (next < items && pending.size() < threads) launch();
    while (!pending.empty()) {
        std::string text = pending.front().get();
        pending.pop_front();
        if (next < items) launch();
        write(text);
        spare.push_back(std::move(text));
    }
}

}  // namespace chronokg::io
