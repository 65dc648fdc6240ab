// `chronokg_bench graph EVENTS.jsonl --events N --out DIR`: the cost of each step after
// extraction on N events (the events of EVENTS.jsonl, repeated under other document ids until
// there are N): reading event JSONL, building the graph, and each writer. Prints one JSON
// object with seconds (wall and CPU), events/s, MB/s of output, and the peak memory.
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "core/event.hpp"
#include "export/event_json.hpp"
#include "export/graph_format.hpp"
#include "graph/graph_builder.hpp"

namespace chronokg::bench {
namespace {

std::uintmax_t bytes_of(const std::vector<std::string>& files) {
    std::uintmax_t total = 0;
    for (const auto& f : files) total += std::filesystem::file_size(f);
    return total;
}

void print_step(const char* name, const Stopwatch& clock, std::size_t events, std::uintmax_t bytes, bool last = false) {
    const double wall = clock.wall();
    std::printf("\"%s\":{\"wall_s\":%.3f,\"cpu_s\":%.3f,\"events_per_s\":%.0f,\"mb\":%.1f,\"mb_per_s\":%.1f}%s", name, wall,
                clock.cpu(), static_cast<double>(events) / wall, static_cast<double>(bytes) / 1e6,
                static_cast<double>(bytes) / 1e6 / wall, last ? "" : ",");
}

}  // namespace

int graph_command(const std::string& events_path, std::size_t count, const std::string& out_dir) {
    std::filesystem::create_directories(out_dir);
    std::vector<Event> events;
    {
        std::ifstream in(events_path, std::ios::binary);
        io::read_events(in, events_path, [&](Event e) { events.push_back(std::move(e)); });
    }
    if (events.empty()) {
        std::fprintf(stderr, "chronokg_bench: %s holds no events\n", events_path.c_str());
        return 1;
    }
    // More events: copies of the ones read, from documents of other ids ("doc~2", "doc~3"…).
    const std::size_t read = events.size();
    events.reserve(std::max(count, read));
    for (std::size_t copy = 2; events.size() < count; ++copy)
        for (std::size_t i = 0; i < read && events.size() < count; ++i) {
            Event e = events[i];
            e.doc += "~" + std::to_string(copy);
            events.push_back(std::move(e));
        }
    events.resize(std::min(events.size(), count));
    const std::size_t n = events.size();

    std::printf("{\"events\":%zu,", n);
    // The events JSONL writer first: its file is what the read step (and `chronokg build`) reads.
    const std::string jsonl = out_dir + "/events.jsonl";
    Stopwatch clock;
    {
        std::ofstream out(jsonl, std::ios::binary);
        for (const auto& e : events) out << io::event_to_json(e) << '\n';
    }
    print_step("write_events_jsonl", clock, n, bytes_of({jsonl}));
    events.clear();
    events.shrink_to_fit();

    clock.restart();
    {
        std::ifstream in(jsonl, std::ios::binary);
        io::read_events(in, jsonl, [&](Event e) { events.push_back(std::move(e)); });
    }
    print_step("read_events_jsonl", clock, n, bytes_of({jsonl}));

    clock.restart();
    const KnowledgeGraph graph = build_graph(std::move(events));  // sorts them itself, as `chronokg build` does
    print_step("build_graph", clock, n, 0);
    std::printf("\"vertices\":%zu,\"edges\":%zu,", graph.vertex_count(), graph.edge_count());

    std::printf("\"writers\":{");
    const auto names = io::format_names();
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto format = io::format_from_name(names[i]);
        const std::string path = out_dir + "/graph." + names[i];
        clock.restart();
        io::write_graph_files(path, graph, *format);
        print_step(names[i].c_str(), clock, n, bytes_of(io::output_files(path, *format)), i + 1 == names.size());
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("},\"peak_rss_mb\":%.1f}\n", static_cast<double>(usage.ru_maxrss) * 1024.0 / 1e6);  // MB, not MiB
    return 0;
}

}  // namespace chronokg::bench
