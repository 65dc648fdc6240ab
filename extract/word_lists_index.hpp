#pragma once
// chronokg::WordListsIndex — the cue lists each word of one language's lists belongs to, found
// by a hash of the word's lower-cased bytes.
//
// What it represents: every phrase of a PhraseMatcher whose payloads are cue list numbers (one
// per list and language, CueWords' `every_list_`), keyed by its bytes with ASCII letters lower-
// cased, as the matcher's trie compares them. lists_of() answers what the matcher's
// for_each_exact() answers for a word: the lists of every phrase that is, whole, the word (ASCII
// case aside, but for a phrase of capitals only, which must match its case), when the word's
// edges fit the phrases' word-edge rule. A word of up to 16 bytes (nearly every English word)
// is packed into two 64-bit integers, lower-cased eight bytes at a time, and found by one
// multiply and a probe or two; the trie walk it replaces cost some ten instructions a byte and
// some forty more a word (EnglishToken asks it for about 70,000 words in 1 MB of English).
// Longer words are left to the caller (lists_of() returns false).
// Thread safety: immutable after construction.
#include <array>
#include <bit>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "extract/phrase_matcher.hpp"
#include "extract/rule_pack.hpp"
#include "extract/segmenter.hpp"
#include "extract/word_shapes.hpp"

namespace chronokg {

// A word of up to 16 bytes in two integers (the first eight bytes in `low`, byte 0 lowest; the
// bytes past the word zero), as WordListsIndex keys it.
struct PackedWord {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
};

class WordListsIndex {
public:
    // A set of lists by number (the type CueWords calls CueSet).
    using Lists = std::bitset<kLexiconIds.size()>;
    static constexpr std::size_t kLongest = 16;  // the longest word (in bytes) looked up here

    // An index of no words (every slot empty: a look-up needs no test for a table of none).
    WordListsIndex() : slots_(2) {}
    // Every phrase of `matcher`, its payload a list number below kLexiconIds.size().
    explicit WordListsIndex(const PhraseMatcher& matcher);

    // Whether a word's bytes may hold the capitals A–Z. A word known to hold none (an English
    // word of small letters and hyphens, which EnglishToken tells apart as it cuts it: most of
    // the words the rules ask about) is its own lower-cased key, and its bytes are not lowered
    // (a score of instructions a word).
    enum class Capitals { maybe, none };
    // Whether the bytes around a word may be letters or digits that the word-edge rule must look
    // at. A word EnglishToken cut from inside its sentence has a space, a mark, a quote or a dash
    // on either side (Edges::fit), and is spared the test.
    enum class Edges { check, fit };

    // Adds to `lists` (empty) the lists text[range] (not empty) is a word of, as
    // matcher.for_each_exact(text, range.begin, range.end, …) gives them, and returns true; or
    // returns false, `lists` untouched, when the word is longer than kLongest bytes or empty.
    bool lists_of(std::string_view text, TextRange range, Lists& lists, Capitals capitals = Capitals::maybe,
                  Edges edges = Edges::check) const {
        const std::size_t length = range.size();
        // (Unsigned: an empty word, less one, is longer than kLongest too, and is left to the
        // caller, which answers it without this test on every other word.)
        if (length - 1 >= kLongest) return false;
        // Most of the words asked about that are in no list have a first and last byte and a
        // length no phrase has: they are ruled out in a few instructions, not packed and hashed.
        if (!shapes_.may_have_ends_of(std::string_view(text.data() + range.begin, length))) return true;
        const PackedWord key = pack_lower(text, range.begin, length, capitals);
        for (std::size_t slot = slot_of(key, length);; slot = (slot + 1) & mask_) {
            const Slot& s = slots_[slot];
            if (s.length == 0) return true;  // an empty slot ends the probe: no phrase is the word
            if (s.length != length || s.low != key.low || s.high != key.high) continue;
            // The phrases of one key are the same bytes but for ASCII case: one edge test answers
            // for them all, as in for_each_exact.
            if (edges == Edges::check &&
                !PhraseMatcher::edges_fit(text, range.begin, range.end, s.word_start, s.word_end))
                return true;
            lists = s.lists;
            for (std::uint32_t k = s.exact_begin; k < s.exact_end; ++k)
                if (text.compare(range.begin, length, exact_[k].phrase) == 0) lists[exact_[k].list] = true;
            return true;
        }
    }

private:
    // text[begin, begin + length) packed, length <= kLongest. Sixteen bytes are read at once
    // where the text has them (the bytes past the word masked off, and lowered unless the word
    // has no capital), else copied byte by byte.
    static PackedWord pack_lower(std::string_view text, std::size_t begin, std::size_t length,
                                 Capitals capitals = Capitals::maybe) {
        PackedWord p;
        if constexpr (std::endian::native == std::endian::little) {
            if (text.size() - begin >= kLongest) {
                std::memcpy(&p.low, text.data() + begin, 8);
                std::memcpy(&p.high, text.data() + begin + 8, 8);
                p.low &= kKeepMasks[length].low;
                if (capitals == Capitals::maybe) p.low = lower_eight(p.low);
                // (Most words end within the first eight bytes: their second eight stay zero.)
                if (length > 8) {
                    p.high &= kKeepMasks[length].high;
                    if (capitals == Capitals::maybe) p.high = lower_eight(p.high);
                } else {
                    p.high = 0;
                }
                return p;
            }
        }
        return pack_lower_copied(text, begin, length);
    }
    // pack_lower() where sixteen bytes cannot be read at once (a word less than kLongest bytes
    // from the text's end, or any word on a big-endian machine), copied byte by byte. (Out of
    // line: few words are, and inlined, its copy made every look-up save and restore more
    // registers, some 0.17 M instructions in 1 MB of English.)
    static PackedWord pack_lower_copied(std::string_view text, std::size_t begin, std::size_t length);
    // By a word's length (0 to kLongest): the masks that keep its bytes of the sixteen read (a
    // table: a shift by 64 is undefined, and the tests around it cost more than the load).
    static constexpr std::array<PackedWord, kLongest + 1> kKeepMasks = [] {
        std::array<PackedWord, kLongest + 1> masks{};
        for (std::size_t length = 0; length <= kLongest; ++length)
            for (std::size_t i = 0; i < length; ++i)
                (i < 8 ? masks[length].low : masks[length].high) |= std::uint64_t{0xFF} << (8 * (i % 8));
        return masks;
    }();
    // The eight bytes of `v` with A–Z made a–z, every other byte as it is (ascii_lower a byte).
    static constexpr std::uint64_t lower_eight(std::uint64_t v) {
        constexpr std::uint64_t kHigh = 0x8080808080808080ull;
        const std::uint64_t seven = v & ~kHigh;                      // each byte's low seven bits
        const std::uint64_t from_a = seven + 0x3F3F3F3F3F3F3F3Full;  // top bit: at least 'A' (0x41)
        const std::uint64_t past_z = seven + 0x2525252525252525ull;  // top bit: past 'Z' (0x5A)
        const std::uint64_t upper = from_a & ~past_z & ~v & kHigh;   // and the byte itself below 0x80
        return v | (upper >> 2);                                     // 0x80 >> 2 is 0x20, a → A's distance
    }
    std::size_t slot_of(const PackedWord& key, std::size_t length) const {
        const std::uint64_t mixed = (key.low ^ (key.high * 0x9E3779B97F4A7C15ull) ^ length) * 0xD6E8FEB86659FD93ull;
        return static_cast<std::size_t>(mixed >> shift_);
    }

    struct Slot {
        std::uint64_t low = 0;
        std::uint64_t high = 0;
        Lists lists;                      // the lists of the key's phrases that match any case
        std::uint32_t length = 0;         // of the key; 0 for an empty slot
        std::uint32_t exact_begin = 0;    // its phrases of capitals only: exact_[exact_begin, exact_end)
        std::uint32_t exact_end = 0;
        bool word_start = false;          // the key starts with an ASCII letter or digit
        bool word_end = false;            // it ends with one
    };
    // A phrase of capitals only, which matches only as written.
    struct ExactPhrase {
        std::string phrase;
        std::uint32_t list = 0;
    };
    std::vector<Slot> slots_;
    std::vector<ExactPhrase> exact_;
    WordShapes shapes_;      // of every key: a word whose ends no key has is none of them
    std::size_t mask_ = 1;   // slots_.size() - 1
    unsigned shift_ = 63;    // 64 - log2(slots_.size())
};

}  // namespace chronokg
