// Event lines (what `build` reads back from `extract`): any bytes are an event or a
// chronokg::Error; an event that reads writes back to a line that reads to the same line.
#include "core/error.hpp"
#include "export/event_json.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chronokg;
    try {
        const Event e = io::event_from_json(fuzz::bytes(data, size), "e.jsonl", 1);
        const std::string line = io::event_to_json(e);
        CHRONOKG_FUZZ_CHECK(io::event_to_json(io::event_from_json(line, "e.jsonl", 1)) == line);
    } catch (const Error& e) {
        CHRONOKG_FUZZ_CHECK(e.file() == "e.jsonl");
    }
    return 0;
}
