#pragma once
// chronokg::PhraseMatcher — finds many fixed phrases at once in folded text (Aho-Corasick).
//
// What it represents: a compiled set of phrases (entity aliases, relation verbs, role titles),
// each with a payload the caller defines. Matching is on bytes of folded text, ASCII letters
// compared case-insensitively, except phrases written all in capitals (`BIS`, `AI`), which
// match capitals only. A phrase that starts or ends with a Latin letter or digit matches whole
// words only: no letter may touch a letter, and no digit a digit, across its edges
// (`AI` never matches in `said`; `Computex` matches in `Computex2025`).
// Lifecycle (as RE2's): construct → add()… → compile() → const find_all(). Movable, not copyable.
// Thread safety: find_all() may be called concurrently after compile().
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chronokg {

struct PhraseHit {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::uint32_t payload = 0;
};

class PhraseMatcher {
public:
    PhraseMatcher();
    PhraseMatcher(PhraseMatcher&&) = default;
    PhraseMatcher& operator=(PhraseMatcher&&) = default;
    PhraseMatcher(const PhraseMatcher&) = delete;
    PhraseMatcher& operator=(const PhraseMatcher&) = delete;

    // Adds `phrase` (already folded, non-empty). Must not be called after compile().
    void add(std::string_view phrase, std::uint32_t payload);
    void compile();

    // Every occurrence of every phrase within text[begin, end), overlapping ones included,
    // ordered by end offset, then by length (longest first).
    std::vector<PhraseHit> find_all(std::string_view text, std::size_t begin, std::size_t end) const;
    std::vector<PhraseHit> find_all(std::string_view text) const { return find_all(text, 0, text.size()); }

    std::size_t phrases() const { return phrases_.size(); }

private:
    struct Phrase {
        std::string text;  // as added (case kept, for exact-case phrases)
        std::uint32_t payload;
        bool exact_case;
        bool word_start;  // starts with a Latin letter or digit: check the left edge
        bool word_end;    // ends with one: check the right edge
    };
    struct Node {
        std::vector<std::pair<unsigned char, std::uint32_t>> next;  // sorted by byte
        std::uint32_t fail = 0;
        std::uint32_t output_link = 0;  // nearest node on the fail chain with phrases, 0 = none
        std::vector<std::uint32_t> phrases;  // indexes into phrases_ that end here
    };
    std::uint32_t child(std::uint32_t node, unsigned char byte) const;
    bool accept(const Phrase& phrase, std::string_view text, std::size_t begin, std::size_t end) const;

    std::vector<Node> nodes_;
    std::vector<std::uint32_t> root_next_;  // dense transitions out of the root
    std::vector<Phrase> phrases_;
    bool compiled_ = false;
};

// Keeps the longest hits, then the leftmost, dropping any hit that overlaps one kept; the
// result is ordered by begin offset. This is the overlap policy of every dictionary match.
std::vector<PhraseHit> select_longest(std::vector<PhraseHit> hits);

}  // namespace chronokg
