#include "export/ordered_chunks.hpp"

#include <algorithm>
#include <deque>
#include <future>

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
    std::size_t next = 0;
    auto launch = [&] {
        const std::size_t begin = next, end = std::min(items, next + chunk_items);
        next = end;
        pending.push_back(std::async(std::launch::async, [&format, begin, end] {
            std::string text;
            format(begin, end, text);
            return text;
        }));
    };
    while (next < items && pending.size() < threads) launch();
    while (!pending.empty()) {
        const std::string text = pending.front().get();
        pending.pop_front();
        if (next < items) launch();
        write(text);
    }
}

}  // namespace chronokg::io
