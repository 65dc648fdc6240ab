// The whole extraction on any text with the default rule pack: every event's spans lie in the
// text, its strings are valid UTF-8, and it writes as one line of JSON that reads back.
#include "core/error.hpp"
#include "export/event_json.hpp"
#include "extract/extractor.hpp"
#include "extract/rule_pack.hpp"
#include "fuzz_support.hpp"

namespace {
const chronokg::Extractor& extractor() {
    static const chronokg::Extractor instance = [] {
        chronokg::RulePack pack;
        pack.add(chronokg::default_rules_path());
        return chronokg::Extractor(pack);
    }();
    return instance;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chronokg;
    Document d;
    d.id = "fuzz";
    d.text = fuzz::text(data, size);
    d.published = Date{2025, 5, 20};
    for (const Event& e : extractor().extract(d)) {
        CHRONOKG_FUZZ_CHECK(e.span.first <= e.span.second && e.span.second <= d.text.size());
        for (const std::string* s : {&e.evidence, &e.subject.label, &e.object.label, &e.relation_text})
            CHRONOKG_FUZZ_CHECK(!utf8::find_invalid(*s));
        const std::string line = io::event_to_json(e);
        CHRONOKG_FUZZ_CHECK(line.find('\n') == std::string::npos);
        CHRONOKG_FUZZ_CHECK(io::event_to_json(io::event_from_json(line, "fuzz", 1)) == line);
    }
    return 0;
}
