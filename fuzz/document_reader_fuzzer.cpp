// Reading articles: any bytes, as a JSONL corpus and as a plain article, give documents of
// valid UTF-8 or chronokg::Error with a place, never a crash. The first byte picks --lenient.
#include "core/error.hpp"
#include "extract/document_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chronokg;
    ReadOptions options;
    options.lenient = size > 0 && (data[0] & 1);
    std::size_t problems = 0;
    options.on_error = [&](const Error& e) {
        CHRONOKG_FUZZ_CHECK(e.file() == "c.jsonl" && e.line() > 0);
        ++problems;
    };
    auto check = [](Document d) {
        CHRONOKG_FUZZ_CHECK(!utf8::find_invalid(d.text));
        CHRONOKG_FUZZ_CHECK(d.text.find('\0') == std::string::npos);
        CHRONOKG_FUZZ_CHECK(!d.id.empty());
    };
    for (const char* name : {"c.jsonl", "a.txt"}) {
        try {
            read_documents_from_bytes(name, fuzz::bytes(data, size), options, check);
        } catch (const Error& e) {
            CHRONOKG_FUZZ_CHECK(e.file() == name);
        }
    }
    return 0;
}
