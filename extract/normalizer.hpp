#pragma once
// chronokg::Normalizer — the one canonical form every matcher works on.
//
// What it represents: a per-character fold, built once, that takes original text to
// "folded" text: inline pinyin annotations removed, NFKC applied character by character
// (full-width letters, digits and punctuation become ASCII, ideographic spaces become spaces),
// Traditional Chinese folded to Simplified through ScriptFold, and the middle dots of names
// (`・`, `‧`, `•`) unified to `·`. ASCII case is kept: matchers compare case-insensitively
// where they mean to. Rule-pack aliases go through `fold()`, text through `normalize()`, so
// both meet in the same form. Every normalized byte maps back to the original through the
// OffsetMap.
// Thread safety: immutable after construction; `shared()` may be used from any thread.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/offset_map.hpp"

namespace chronokg {

class ScriptFold;

struct NormalizedText {
    std::string text;     // folded text, valid UTF-8
    OffsetMap offsets;    // normalized byte offsets → original byte offsets
    // The inline pinyin annotations dropped from the original (find_pinyin_annotations), in
    // order: what a piece of the original holds of them is known without searching it again.
    std::vector<std::pair<std::size_t, std::size_t>> annotations;
    // Where the characters of `text` that may be signs of garbling stand (GarbleDetector::
    // may_be_sign, a Latin letter only where it stands alone between two characters past ASCII),
    // in order: the normalizer reads every character anyway, and the garble check of a sentence
    // then counts these instead of decoding it again.
    std::vector<std::size_t> garble_sign_candidates;
};

class Normalizer {
public:
    explicit Normalizer(const ScriptFold& script_fold);

    // The normalizer over ScriptFold::shared(), built on first use.
    static const Normalizer& shared();

    // Precondition: `original` is valid UTF-8.
    NormalizedText normalize(std::string_view original) const;

    // The folded form of a short string (an alias), without annotation removal or offsets.
    std::string fold(std::string_view text) const;

private:
    // Appends the folded form of one code point.
    void append_folded(std::string& out, char32_t cp) const;

    // A character of a run that folds to another of its own length (a Traditional character's
    // Simplified one): the run is appended in one piece, then this is written over it.
    struct RunChange {
        std::size_t at;    // in the original
        const char* fold;  // its bytes, as many as the original character's
        std::size_t length;
    };

    // End of the three-byte characters from `pos` (before `limit`) that fold to themselves or to
    // another three-byte character with no sign of garbling (most of a Chinese text, Traditional
    // or Simplified): normalize() steps over them in this tighter loop, then goes on with the
    // character after them as before. Those that change are added to changes[count, capacity);
    // the loop stops before one that would not fit.
    std::size_t same_length_end(std::string_view text, std::size_t pos, std::size_t limit,
                                RunChange* changes, std::size_t& count, std::size_t capacity) const;

    // End of the ASCII bytes from `pos` (an ASCII byte) on, before `limit`.
    static std::size_t ascii_run_end(std::string_view text, std::size_t pos, std::size_t limit);

    const ScriptFold& script_fold_;
    // Folded UTF-8 of every BMP code point: bytes [bmp_index_[cp], bmp_index_[cp + 1]) of bmp_pool_.
    std::vector<std::uint32_t> bmp_index_;
    std::string bmp_pool_;
    // What the fold of a BMP code point is like, one byte each: a run of Chinese text asks it of
    // every character, and one load answers where two bit tests did. A kind, and a flag.
    struct Fold {
        static constexpr std::uint8_t other = 0;
        // Another character of the same UTF-8 length (a Traditional character's Simplified one):
        // a run of these and unchanged ones maps to the original byte for byte, one offset
        // segment for the whole run.
        static constexpr std::uint8_t same_length = 1;
        // The code point itself (most of a Simplified Chinese text): a run of them is copied whole.
        static constexpr std::uint8_t unchanged = 2;
        static constexpr std::uint8_t kind = 3;  // the bits of the three above
        // The fold holds a character that may be a sign of garbling (GarbleDetector::may_be_sign):
        // an unchanged or same-length one with it stops the tight loop of same_length_end() with no
        // test added.
        static constexpr std::uint8_t garble_sign = 4;
        // Of an `other` one only: its fold is one character (`，` → `,`), so that the offset
        // piece maps one character to one without decoding the fold again.
        static constexpr std::uint8_t one_character = 8;
    };
    std::vector<std::uint8_t> bmp_fold_;
    // Notes the characters of result.text from `from` on that may be signs of garbling.
    static void note_garble_signs(NormalizedText& result, std::size_t from);
};

}  // namespace chronokg
