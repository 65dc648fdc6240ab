#pragma once
// chronokg::HyperscanScan — PhraseMatcher's find_all() done by Hyperscan.
//
// What it represents: the phrases of one PhraseMatcher compiled into a Hyperscan literal
// database, for the scan of a big dictionary of rare phrases (the entity aliases; SentenceScan's
// dictionaries of frequent short words scan faster on the automaton). It finds exactly the hits PhraseMatcher::find_all() finds, in its order: the
// case rule goes to Hyperscan's flags (ASCII caseless; all-capital phrases, and phrases without
// a Latin letter, exact), the word-edge rule is PhraseMatcher::edges_fit() on each match, and the hits are sorted by end, then
// longest first, then in the order the phrases were added. Issue 7's benchmark measured it at
// 1.5–3 times PhraseMatcher's speed on the aliases (`chronokg_bench aliases`): Hyperscan's
// literal matcher reads the text through small tables that stay in cache, where the automaton
// waits on a 6 MB table a byte at a time.
// Hyperscan is in Debian for amd64 only: without it (CMake found no libhs) available() is false
// and PhraseMatcher scans with its own automaton, which finds the same hits.
// Thread safety: find_all() may be called concurrently (each thread has its own scratch space).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/phrase_matcher.hpp"

namespace chronokg {

class HyperscanScan {
public:
    struct Phrase {
        std::string_view text;  // as added to the PhraseMatcher (must outlive the constructor only)
        std::uint32_t payload;
        bool exact_case;
        bool word_start;
        bool word_end;
    };
    // Whether this build has Hyperscan (and the processor runs it).
    static bool available();
    // Compiles `phrases` (non-empty texts, in the order added); throws std::runtime_error if
    // Hyperscan refuses them or is not available.
    explicit HyperscanScan(const std::vector<Phrase>& phrases);
    ~HyperscanScan();
    HyperscanScan(const HyperscanScan&) = delete;
    HyperscanScan& operator=(const HyperscanScan&) = delete;

    // As PhraseMatcher::find_all(text, begin, end).
    std::vector<PhraseHit> find_all(std::string_view text, std::size_t begin, std::size_t end) const;
    // The same into `hits` (what it held is replaced, its room kept): a caller that keeps a list
    // from one scan to the next reads the hits where they were gathered, with no copy.
    void find_all(std::string_view text, std::size_t begin, std::size_t end, std::vector<PhraseHit>& hits) const;
    // find_all() of each range into *lists[r] (what it held is replaced), in one scan from the
    // first range's begin to the last one's end: `ranges` (at least one) must follow each other
    // without overlap. Each match goes straight to the list of the range that holds it whole.
    void find_all_in(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                     std::vector<PhraseHit>* const* lists) const;

private:
    struct Database;
    std::unique_ptr<Database> db_;
};

}  // namespace chronokg
