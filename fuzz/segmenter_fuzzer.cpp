// Segmenter: sentences and clauses are ordered, disjoint ranges inside the text, on character
// boundaries, never longer than the bound that keeps extraction linear.
#include "extract/normalizer.hpp"
#include "extract/segmenter.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chronokg;
    static const Segmenter segmenter({"U.S.", "Corp.", "Dr.", "Inc.", "No."});
    const std::string text = Normalizer::shared().normalize(fuzz::text(data, size)).text;
    auto boundary = [&](std::size_t at) {
        return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    };
    std::size_t previous_end = 0;
    for (const Sentence& s : segmenter.split(text)) {
        CHRONOKG_FUZZ_CHECK(!s.range.empty() && s.range.end <= text.size());
        CHRONOKG_FUZZ_CHECK(s.range.begin >= previous_end);
        CHRONOKG_FUZZ_CHECK(s.range.size() <= Segmenter::kMaxSentenceBytes);
        CHRONOKG_FUZZ_CHECK(boundary(s.range.begin) && boundary(s.range.end));
        previous_end = s.range.end;
        std::size_t clause_end = s.range.begin;
        for (const TextRange& c : s.clauses) {
            CHRONOKG_FUZZ_CHECK(!c.empty() && s.range.contains(c) && c.begin >= clause_end);
            CHRONOKG_FUZZ_CHECK(boundary(c.begin) && boundary(c.end));
            clause_end = c.end;
        }
    }
    return 0;
}
