// Normalizer: any valid UTF-8 folds to valid UTF-8, and every normalized offset maps back into
// the original, in order; a normalized character's start maps to an original character's start.
// The garble check told from the normalizer's sign candidates agrees with the one that decodes.
#include <algorithm>

#include "extract/garble_detector.hpp"
#include "extract/normalizer.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chronokg;
    const std::string original = fuzz::text(data, size);
    const Normalizer& normalizer = Normalizer::shared();
    const NormalizedText norm = normalizer.normalize(original);
    CHRONOKG_FUZZ_CHECK(!utf8::find_invalid(norm.text));
    std::size_t previous = 0;
    for (std::size_t at = 0; at <= norm.text.size(); ++at) {
        const auto [begin, end] = norm.offsets.to_original(at, std::min(at + 1, norm.text.size()));
        CHRONOKG_FUZZ_CHECK(begin <= end && end <= original.size());
        CHRONOKG_FUZZ_CHECK(begin >= previous);
        const bool char_start = at == norm.text.size() || (static_cast<unsigned char>(norm.text[at]) & 0xC0) != 0x80;
        if (char_start && begin < original.size())  // a span cut there must not split a character
            CHRONOKG_FUZZ_CHECK((static_cast<unsigned char>(original[begin]) & 0xC0) != 0x80);
        previous = begin;
    }
    const auto whole = norm.offsets.to_original(0, norm.text.size());
    CHRONOKG_FUZZ_CHECK(whole.second <= original.size());
    CHRONOKG_FUZZ_CHECK(!utf8::find_invalid(normalizer.fold(original)));
    static const GarbleDetector garble;
    const auto& candidates = norm.garble_sign_candidates;
    CHRONOKG_FUZZ_CHECK(std::is_sorted(candidates.begin(), candidates.end()));
    // The whole text, and the parts before and after each character start a third of the way in
    // (a sentence's range begins and ends at character starts).
    std::size_t cut = norm.text.size() / 3;
    while (cut < norm.text.size() && (static_cast<unsigned char>(norm.text[cut]) & 0xC0) == 0x80) ++cut;
    for (const TextRange range : {TextRange{0, norm.text.size()}, TextRange{0, cut}, TextRange{cut, norm.text.size()}})
        CHRONOKG_FUZZ_CHECK(garble.garbled(norm.text, range, candidates) == garble.garbled(norm.text, range));
    return 0;
}
