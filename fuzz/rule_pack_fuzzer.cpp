// Rule packs: any bytes load as a pack or give one chronokg::Error listing file:line: problems;
// a pack that loads compiles into an Extractor that reads a sentence without a crash.
#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "extract/rule_pack.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chronokg;
    RulePack pack;
    try {
        pack.add_text("p.jsonl", std::string(fuzz::bytes(data, size)));
    } catch (const Error& e) {
        CHRONOKG_FUZZ_CHECK(std::string(e.what()).rfind("p.jsonl:", 0) == 0);
        CHRONOKG_FUZZ_CHECK(pack.entities().empty() && pack.files().empty());
        return 0;
    }
    try {
        const Extractor extractor(pack);
        Document d;
        d.id = "d";
        d.text = "2025年5月13日,美商务部宣布撤销该规则。On May 19, Nvidia partnered with TSMC.";
        d.published = Date{2025, 5, 20};
        extractor.extract(d);
    } catch (const Error&) {
        // A word list the clause rules cannot use: reported, not a crash.
    }
    return 0;
}
