#include "extract/normalizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "extract/garble_detector.hpp"
#include "extract/pinyin_annotation.hpp"
#include "extract/script_fold.hpp"

namespace chronokg {
namespace {

const icu::Normalizer2& nfkc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || n == nullptr) throw Error("ICU cannot provide NFKC normalization");
    return *n;
}

// Whether `cp` alone is its own NFKC, told without normalizing a string: ICU answers from its
// tables. (Building and normalizing a UnicodeString for each of the BMP's 65,536 characters was
// four fifths of the cost of the table built at start-up; most characters are their own NFKC.)
bool is_own_nfkc(const icu::Normalizer2& normalizer, char32_t cp) {
    // Inert: it does not change, nor interact with its neighbours.
    if (cp < 0x80 || normalizer.isInert(static_cast<UChar32>(cp))) return true;
    // Without a decomposition mapping, a character alone has nothing to compose with (it may
    // compose with a neighbour in a text, so it is not inert: `e` before a combining accent).
    icu::UnicodeString mapping;
    return !normalizer.getDecomposition(static_cast<UChar32>(cp), mapping);
}

// NFKC of one code point, then Traditional → Simplified and the name-dot unification.
std::string fold_code_point(const icu::Normalizer2& normalizer, const ScriptFold& script_fold,
                            char32_t cp) {
    std::u32string decomposed;
    if (is_own_nfkc(normalizer, cp)) {
        decomposed.push_back(cp);
    } else {
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString nf =
            normalizer.normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
        if (U_FAILURE(status)) {
            decomposed.push_back(cp);
        } else {
            for (int32_t i = 0; i < nf.length(); i = nf.moveIndex32(i, 1))
                decomposed.push_back(static_cast<char32_t>(nf.char32At(i)));
        }
    }
    std::string out;
    for (char32_t c : decomposed) {
        if (c == 0xFEFF || c == 0x200B) continue;  // byte-order mark and zero-width space: nothing
        if (c == U'・' || c == U'‧' || c == U'•' || c == U'∙' || c == U'⋅') c = U'·';
        utf8::append(out, script_fold.fold(c));
    }
    return out;
}

}  // namespace

Normalizer::Normalizer(const ScriptFold& script_fold) : script_fold_(script_fold) {
    const icu::Normalizer2& normalizer = nfkc();
    bmp_index_.reserve(0x10001);
    bmp_fold_.assign(0x10000, Fold::other);
    const std::vector<std::uint8_t> may_be_garble_sign = GarbleDetector::may_be_sign_in_bmp();
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
        bmp_index_.push_back(static_cast<std::uint32_t>(bmp_pool_.size()));
        // Surrogates never occur in valid UTF-8; give them an empty fold.
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        const std::string folded = fold_code_point(normalizer, script_fold, cp);
        // Whether the fold is one character, and which: compared as code points, with no UTF-8
        // of `cp` made for each of the 65,536 (UTF-8 is one encoding a code point).
        std::size_t end = 0;
        const char32_t first = folded.empty() ? 0 : utf8::decode(folded, end);
        const bool one = !folded.empty() && end == folded.size();
        const std::size_t length = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;  // of cp's UTF-8
        if (one && first == cp) bmp_fold_[cp] = Fold::unchanged;
        else if (one && folded.size() == length) bmp_fold_[cp] = Fold::same_length;
        // Whether the fold holds a character that may be a sign of garbling (most folds are one
        // character of the BMP, looked up in the table).
        bool garble_sign = false;
        if (one && first < 0x10000)
            garble_sign = may_be_garble_sign[first];
        else
            for (std::size_t at = 0; !garble_sign && at < folded.size();)
                garble_sign = GarbleDetector::may_be_sign(utf8::decode(folded, at));
        if (garble_sign) bmp_fold_[cp] |= Fold::garble_sign;
        if (one && (bmp_fold_[cp] & Fold::kind) == Fold::other) bmp_fold_[cp] |= Fold::one_character;
        bmp_pool_ += folded;
    }
    bmp_index_.push_back(static_cast<std::uint32_t>(bmp_pool_.size()));
}

const Normalizer& Normalizer::shared() {
    static const Normalizer normalizer(ScriptFold::shared());
    return normalizer;
}

void Normalizer::append_folded(std::string& out, char32_t cp) const {
    if (cp < 0x10000) {
        out.append(bmp_pool_, bmp_index_[cp], bmp_index_[cp + 1] - bmp_index_[cp]);
    } else {
        out += fold_code_point(nfkc(), script_fold_, cp);
    }
}

// (Inline in normalize(), its only caller: out of line, a call for each run cost more than
// recording the Traditional characters here saved, +0.11M a MB of Chinese against -0.28M inline.)
[[gnu::always_inline]] inline std::size_t Normalizer::same_length_end(
    std::string_view text, std::size_t pos, std::size_t limit, RunChange* changes, std::size_t& count,
    std::size_t capacity) const {
    // (Only the tables, the position and the count in registers: no append in the loop to reload
    // them after.) A Traditional character is recorded here too, without leaving the loop to
    // decode it again in normalize(): some 60 instructions each before, 50,000 a MB of Chinese.
    const std::uint8_t* const folds = bmp_fold_.data();
    std::size_t n = count;  // (a local: the stores to `changes` might alias `count`)
    // One character of three bytes at `pos`: false when the run ends before it.
    const auto step = [&] {
        std::size_t next = pos;
        const char32_t c = utf8::decode_three(text, next);  // a three-byte one is in the BMP
        const std::uint8_t fold = folds[c];
        if (fold != Fold::unchanged) {
            // (A garble sign's flag makes it neither: normalize() notes it.)
            if (fold != Fold::same_length || n == capacity) return false;
            changes[n++] = RunChange{pos, bmp_pool_.data() + bmp_index_[c], 3};
        }
        pos = next;
        return true;
    };
    // Two characters at a time while both lead bytes, read in one word, are of three bytes: one
    // test of the bound and of the lead bytes for two characters of most Chinese text.
    if constexpr (std::endian::native == std::endian::little) {
        while (pos + 6 <= limit) {
            std::uint32_t word;
            std::memcpy(&word, text.data() + pos, 4);
            if ((word & 0xF00000F0u) != 0xE00000E0u) break;  // bytes 0 and 3, the lowest first
            if (!step() || !step()) {
                count = n;
                return pos;
            }
        }
    }
    // Then one at a time: the run's last character, or one before a character of another length.
    while (pos < limit && (static_cast<unsigned char>(text[pos]) & 0xF0) == 0xE0 && step()) {
    }
    count = n;
    return pos;
}

// (Inline in normalize(): it is called for each ASCII stretch inside a Chinese run, 22,000 a MB
// of Chinese; -0.16M.)
[[gnu::always_inline]] inline std::size_t Normalizer::ascii_run_end(std::string_view text, std::size_t pos,
                                                                    std::size_t limit) {
    // Eight bytes read at once here, without a call: in Chinese text most ASCII runs are short
    // and end within them; a longer one goes on in utf8::first_non_ascii.
    std::size_t end = pos + 1;
    if (std::endian::native != std::endian::little || end + 8 > limit) return utf8::first_non_ascii(text.substr(0, limit), end);
    std::uint64_t word;
    std::memcpy(&word, text.data() + end, 8);
    word &= 0x8080808080808080ull;  // the high bits: which bytes are past ASCII
    if (word == 0) return utf8::first_non_ascii(text.substr(0, limit), end + 8);
    return end + static_cast<std::size_t>(std::countr_zero(word)) / 8;  // the first byte is the lowest
}

NormalizedText Normalizer::normalize(std::string_view original) const {
    NormalizedText result;
    result.text.reserve(original.size());
    result.annotations = find_pinyin_annotations(original);
    const auto& annotations = result.annotations;
    std::size_t next_annotation = 0;
    std::size_t pos = 0;
    while (pos < original.size()) {
        if (next_annotation < annotations.size() && annotations[next_annotation].first == pos) {
            pos = annotations[next_annotation++].second;
            continue;
        }
        const std::size_t start = pos;
        const auto byte = static_cast<unsigned char>(original[pos]);
        if (byte < 0x80) {
            // ASCII folds to itself: copy the whole run at once.
            const std::size_t limit = next_annotation < annotations.size()
                                          ? annotations[next_annotation].first
                                          : original.size();
            // Eight bytes at a time (utf8::first_non_ascii): English text comes in long runs.
            const std::size_t end = utf8::first_non_ascii(original.substr(0, limit), pos + 1);
            const std::size_t norm_begin = result.text.size();
            // A Latin letter is a sign only alone between two Hanzi: in a run of its own. (A run
            // cut by an annotation may make one more candidate than needed, never one less.)
            // (The fold table's flag is GarbleDetector::may_be_sign, with no call.)
            if (end - pos == 1 && (bmp_fold_[byte] & Fold::garble_sign)) result.garble_sign_candidates.push_back(norm_begin);
            result.text.append(original.substr(pos, end - pos));
            result.offsets.add(norm_begin, end - pos, pos, end);
            pos = end;
            continue;
        }
        const std::size_t norm_begin = result.text.size();
        const std::size_t limit =
            next_annotation < annotations.size() ? annotations[next_annotation].first : original.size();
        std::size_t run_end = pos;  // a run of characters that fold to one of their own length
        std::size_t copied = pos;   // original[copied, run_end) is still to append
        // The characters of the run that change (a Traditional character's Simplified one) are
        // listed as they are met; the run is appended in one piece, and each then overwritten by
        // its fold, of its own length. (An append for each, of the bytes before it, was a call to
        // memcpy a character that changes; in a Traditional text one character in five or six.)
        // A full list is written out first.
        std::array<RunChange, 32> changes;
        std::size_t change_count = 0;
        const auto write_run = [&](std::size_t end) {
            const std::size_t out = result.text.size();
            result.text.append(original.data() + copied, end - copied);
            for (std::size_t i = 0; i < change_count; ++i) {
                // (Byte by byte: two or three bytes, too few for a call to memcpy.)
                const RunChange& change = changes[i];
                char* const to = result.text.data() + out + (change.at - copied);
                to[0] = change.fold[0];
                to[1] = change.fold[1];
                if (change.length == 3) to[2] = change.fold[2];
            }
            change_count = 0;
            copied = end;
        };
        while ((run_end = same_length_end(original, run_end, limit, changes.data(), change_count, changes.size())) <
               limit) {
            const auto lead = static_cast<unsigned char>(original[run_end]);
            if (lead < 0x80) {
                // ASCII between characters of the run (a date's digits, a line break, a Latin word
                // in Chinese text, some 3 bytes at a time) folds to itself and maps byte for byte:
                // it joins the run, with no append and offset piece of its own.
                const std::size_t ascii_end = ascii_run_end(original, run_end, limit);
                // The run starts past a character beyond ASCII (the outer loop takes ASCII first):
                // a lone letter here is one between two such characters, as in the ASCII path.
                if (ascii_end - run_end == 1 && (bmp_fold_[lead] & Fold::garble_sign))
                    result.garble_sign_candidates.push_back(norm_begin + (run_end - pos));
                run_end = ascii_end;
                continue;
            }
            std::size_t next = run_end;
            const char32_t c = utf8::decode(original, next);
            const std::uint8_t fold = c < 0x10000 ? bmp_fold_[c] : Fold::other;
            if ((fold & Fold::kind) == Fold::other) break;
            if (fold & Fold::garble_sign) result.garble_sign_candidates.push_back(norm_begin + (run_end - pos));
            if ((fold & Fold::kind) == Fold::same_length) {
                if (change_count == changes.size()) write_run(run_end);
                changes[change_count++] = RunChange{run_end, bmp_pool_.data() + bmp_index_[c], next - run_end};
            }
            run_end = next;
        }
        write_run(run_end);
        if (run_end > pos) {
            result.offsets.add(norm_begin, run_end - pos, pos, run_end);
            pos = run_end;
            continue;
        }
        const char32_t cp = utf8::decode(original, pos);
        if (cp < 0x10000) {
            // A BMP character that changes length (`，` → `,`, some 20,000 a MB of Chinese): its
            // fold from the pool in place, and whether it is one character from the table.
            const std::uint8_t fold = bmp_fold_[cp];
            result.text.append(bmp_pool_.data() + bmp_index_[cp], bmp_index_[cp + 1] - bmp_index_[cp]);
            if (fold & Fold::garble_sign) note_garble_signs(result, norm_begin);
            const bool one_to_one = (fold & Fold::kind) != Fold::other || (fold & Fold::one_character);
            result.offsets.add(norm_begin, result.text.size() - norm_begin, start, pos, one_to_one);
            continue;
        }
        append_folded(result.text, cp);
        // (A fold out of the BMP is made as it is met: its characters are looked at one by one.)
        if (cp >= 0x10000 || (bmp_fold_[cp] & Fold::garble_sign)) note_garble_signs(result, norm_begin);
        // One character in, one character out (the lead byte's length covers the whole output)?
        const std::size_t produced = result.text.size() - norm_begin;
        std::size_t first_end = norm_begin;
        if (produced > 0) utf8::decode(result.text, first_end);
        result.offsets.add(norm_begin, produced, start, pos, first_end == result.text.size());
    }
    return result;
}

void Normalizer::note_garble_signs(NormalizedText& result, std::size_t from) {
    for (std::size_t at = from; at < result.text.size();) {
        const std::size_t begin = at;
        if (GarbleDetector::may_be_sign(utf8::decode(result.text, at))) result.garble_sign_candidates.push_back(begin);
    }
}

std::string Normalizer::fold(std::string_view text) const {
    std::string out;
    out.reserve(text.size());  // most folds keep the length: no regrowing
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            // ASCII folds to itself (as in normalize()): a run at once, not a character at a time
            // (English names are folded as they are read).
            const std::size_t end = utf8::first_non_ascii(text, pos + 1);
            out.append(text.substr(pos, end - pos));
            pos = end;
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = utf8::decode(text, pos);
        if (cp < 0x10000 && (bmp_fold_[cp] & Fold::kind) == Fold::unchanged) {
            // Characters that fold to themselves (most of a Chinese title's) are appended as a
            // run, as ASCII is, not one by one from the pool.
            for (std::size_t next = pos; pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80; pos = next) {
                const char32_t c = utf8::decode(text, next);
                if (c >= 0x10000 || (bmp_fold_[c] & Fold::kind) != Fold::unchanged) break;
            }
            out.append(text.substr(start, pos - start));
            continue;
        }
        append_folded(out, cp);
    }
    return out;
}

}  // namespace chronokg
