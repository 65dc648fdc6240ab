#pragma once
// chronokg::Segmenter — splits normalized text into sentences and sentences into clauses.
//
// What it represents: the sentence and clause boundaries of one document, as half-open byte
// ranges into the normalized text (NormalizedText::text), trimmed of white space.
// Sentences end at `。`, `!`, `?`, line breaks, and at `.` when it ends a word that is not an
// abbreviation (`U.S.`, `Corp.`, an initial such as `C.`) and is followed by white space.
// Closing quotes and brackets after the end stay with the sentence. Clauses are the pieces of
// a sentence between `,`, `;` and `:` outside quotes and brackets; empty clauses (`,,`) are
// dropped. Text is expected after NFKC, so full-width punctuation is already ASCII.
// A run of more than kMaxSentenceBytes without a terminator (a table, a list, text without
// punctuation) is cut at its last `,`, `;`, `:` or space before that length, else at a
// character boundary: the clause rules' work grows with the square of a sentence's length, so
// a bound keeps a document of any size linear (issue 8). Real sentences stay far below it.
// Thread safety: immutable after construction.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/word_shapes.hpp"

namespace chronokg {

struct TextRange {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t size() const { return end - begin; }
    bool empty() const { return end <= begin; }
    bool contains(const TextRange& other) const { return begin <= other.begin && other.end <= end; }
    bool operator==(const TextRange&) const = default;
};

struct Sentence {
    TextRange range;
    std::vector<TextRange> clauses;
};

class Segmenter {
public:
    static constexpr std::size_t kMaxSentenceBytes = 2048;

    // `abbreviations`: words that do not end a sentence although a `.` follows them, written
    // with their dot ("U.S.", "Corp."); compared case-insensitively.
    explicit Segmenter(const std::vector<std::string>& abbreviations);

    std::vector<Sentence> split(std::string_view text) const;

private:
    bool ends_sentence_at_dot(std::string_view text, std::size_t dot) const;
    std::vector<TextRange> split_clauses(std::string_view text, TextRange sentence) const;

    std::unordered_set<std::string> abbreviations_;  // lower case, with the dot
    std::size_t longest_abbreviation_ = 0;            // in bytes
    // Their shapes: most words before a full stop (`said.`) have none of them, and are passed
    // over without a lower-cased copy and a hash.
    WordShapes abbreviation_shapes_;
};

}  // namespace chronokg
