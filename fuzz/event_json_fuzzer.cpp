// Event lines (what `build` reads back from `extract`): any bytes are an event or a
// chronokg::Error; an event that reads writes back to a line that reads to the same line; and
// the quick reader (simdjson) reads nothing, or exactly what the checked reader (RapidJSON) reads.
#include <cstring>
#include <optional>

#include "core/error.hpp"
#include "export/event_json.hpp"
#include "export/event_json_quick.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chronokg;
    const std::string input(fuzz::bytes(data, size));
    const std::optional<Event> quick = io::quick_event_from_json(input);
    try {
        const Event checked = io::event_from_json_checked(input, "e.jsonl", 1);
        if (quick) {
            CHRONOKG_FUZZ_CHECK(io::event_to_json(*quick) == io::event_to_json(checked));
            CHRONOKG_FUZZ_CHECK(std::memcmp(&quick->confidence, &checked.confidence, sizeof(double)) == 0);
        }
        const Event e = io::event_from_json(input, "e.jsonl", 1);
        const std::string line = io::event_to_json(e);
        CHRONOKG_FUZZ_CHECK(line == io::event_to_json(checked));
        CHRONOKG_FUZZ_CHECK(io::event_to_json(io::event_from_json(line, "e.jsonl", 1)) == line);
    } catch (const Error& e) {
        CHRONOKG_FUZZ_CHECK(!quick);
        CHRONOKG_FUZZ_CHECK(e.file() == "e.jsonl");
    }
    return 0;
}
