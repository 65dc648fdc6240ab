#pragma once
// chronokg::GarbleDetector — finds mojibake (text decoded with the wrong encoding or out of step).
//
// What it represents: a scan over folded text for windows of six characters holding three or
// more signs of garbling: a Hanzi outside GB2312's 3,755 common characters, a `?` or U+FFFD
// touching a Hanzi, kana, or a Latin letter wedged between two Hanzi. Real news text almost
// never packs three such signs so close; GBK bytes decoded one byte out of step (the seed
// article's last paragraphs) do all the time. Sentences with a garbled span yield no events.
// Thread safety: immutable after construction.
#include <bitset>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/segmenter.hpp"

namespace chronokg {

class GarbleDetector {
public:
    GarbleDetector();  // the first builds the common-character table with ICU's GB2312 converter

    // Garbled spans of text[range] (folded text), merged where they touch.
    std::vector<TextRange> find(std::string_view text, TextRange range) const;
    // Whether find() would find a span: stops at the first.
    bool garbled(std::string_view text, TextRange range) const;
    // The same answer for normalized text, told from where the normalizer saw the characters
    // that may be signs (NormalizedText::garble_sign_candidates): a sentence with fewer than
    // kSigns of them and of `?` needs no character decoded again.
    bool garbled(std::string_view text, TextRange range, const std::vector<std::size_t>& sign_candidates) const;

    // Whether a character may be a sign somewhere: a sign by itself (a rare Hanzi, kana, U+FFFD)
    // or a Latin letter (one between two Hanzi). `?` is not one: garbled() counts those itself.
    static bool may_be_sign(char32_t cp);
    // may_be_sign() of every code point of the BMP, 1 or 0, at once: for a table over all of
    // them (a call for each cost more than a copy of the detector's table).
    static std::vector<std::uint8_t> may_be_sign_in_bmp();

private:
    // Calls take(window) for each window of kWindow characters (fewer at the start) holding
    // kSigns signs, in order, until take returns false.
    template <class Take>
    void scan(std::string_view text, TextRange range, Take&& take) const;
    // At least the number of signs in text[range], counted without the window and with no
    // neighbour decoded (a `?` counts whatever touches it), stopping at kSigns: fewer than
    // kSigns, and no window can hold kSigns (most sentences hold none at all).
    int possible_signs(std::string_view text, TextRange range) const;
    // Whether scan() finds a window, after a count said one may hold kSigns signs.
    bool any_window(std::string_view text, TextRange range) const;
    static constexpr char32_t kFirst = 0x4E00;
    static constexpr char32_t kLast = 0x9FFF;
    using CommonHanzi = std::bitset<kLast - kFirst + 1>;
    // Static, so that tables() can ask it of the set it is building, before any detector exists.
    static bool in_common(const CommonHanzi& set, char32_t cp) {
        return cp >= kFirst && cp <= kLast && set[static_cast<std::size_t>(cp - kFirst)];
    }
    bool common(char32_t cp) const { return in_common(common_, cp); }
    // The tables below, built once for every detector and for may_be_sign().
    struct Tables {
        CommonHanzi common;
        // Whether a code point of the BMP is a sign by itself (a rare Hanzi, kana, U+FFFD), 1 or
        // 0: one load a character for possible_signs(), with no test of its range (a three-byte
        // sequence decodes to one below 0x10000). A byte each, not a bit: the count adds it as
        // it is, where a bit took a shift, a mask and a test.
        std::vector<std::uint8_t> sign_by_itself;
    };
    static const Tables& tables();
    const CommonHanzi& common_;
    const std::vector<std::uint8_t>& sign_by_itself_;
};

}  // namespace chronokg
