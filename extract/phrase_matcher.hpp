#pragma once
// chronokg::PhraseMatcher — finds many fixed phrases at once in folded text (Aho-Corasick).
//
// What it represents: a compiled set of phrases (entity aliases, relation verbs, role titles),
// each with a payload the caller defines. Matching is on bytes of folded text, ASCII letters
// compared case-insensitively, except phrases written all in capitals (`BIS`, `AI`), which
// match capitals only (and phrases added as bytes, Match::bytes, which match their own case). A phrase that starts or ends with a Latin letter or digit matches whole
// words only: no letter may touch a letter, and no digit a digit, across its edges
// (`AI` never matches in `said`; `Computex` matches in `Computex2025`), and a phrase ending in a
// digit is not followed by a letter (`昇腾910` does not match in `昇腾910D`).
// compile() turns the trie into a full automaton: one table lookup a byte (transitions over
// byte classes, failure links folded in), so scanning costs the same whatever the phrase count.
// Lifecycle (as RE2's): construct → add()… → compile() → const find_all(). Movable, not copyable.
// Thread safety: find_all(), longest_at() and for_each_exact() may be called concurrently after compile().
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace chronokg {

struct PhraseHit {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::uint32_t payload = 0;
};

class HyperscanScan;

class PhraseMatcher {
public:
    PhraseMatcher();
    ~PhraseMatcher();
    PhraseMatcher(PhraseMatcher&&) noexcept;
    PhraseMatcher& operator=(PhraseMatcher&&) noexcept;
    PhraseMatcher(const PhraseMatcher&) = delete;
    PhraseMatcher& operator=(const PhraseMatcher&) = delete;

    // How a phrase is found: as words (the word-edge and case rules above), or as exactly its
    // bytes, in its own case and anywhere, inside words too (the texts a time pattern's matches
    // hold: `May ` in `May 5` but not in `may be`, `20` in `2025`).
    enum class Match { words, bytes };
    // Adds `phrase` (already folded, non-empty). Must not be called after compile().
    void add(std::string_view phrase, std::uint32_t payload, Match match = Match::words);
    // How find_all() and find_all_in() scan: with the automaton, or with Hyperscan where this
    // build has it (HyperscanScan: the same hits, faster on big dictionaries, but a database to
    // build; the automaton is built in any case, for longest_at() and for_each_exact()).
    enum class Scan { automaton, hyperscan_if_available };
    void compile(Scan scan = Scan::automaton);

    // Every occurrence of every phrase within text[begin, end), overlapping ones included,
    // ordered by end offset, then by length (longest first).
    std::vector<PhraseHit> find_all(std::string_view text, std::size_t begin, std::size_t end) const;
    std::vector<PhraseHit> find_all(std::string_view text) const { return find_all(text, 0, text.size()); }
    // find_all() of each range of text (a document's sentences). The automaton scans them two
    // at a time: a scan waits on its table a byte at a time, and two independent scans wait
    // together. Hyperscan scans ranges that follow each other without overlap in one call.
    std::vector<std::vector<PhraseHit>> find_all_in(std::string_view text,
                                                    const std::vector<std::pair<std::size_t, std::size_t>>& ranges) const;
    // The same into the caller's lists: *lists[r] becomes the hits of ranges[r] (what it held is
    // replaced, its room kept). `lists` points to a list for every range. A window's lists made
    // anew were an allocation a sentence with hits, and one a window.
    void find_all_in(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                     std::vector<PhraseHit>* const* lists) const;
    // find_all() sorted by the payloads' top bits, for several dictionaries in one matcher: a hit
    // of payload p goes to *lists[p >> shift] as payload p's low `shift` bits, each list in
    // find_all()'s order. `lists` points to a list for every p >> shift; 0 < shift < 32. Straight
    // into the lists: no vector of all hits to count and copy from. (Pointers to the lists: the
    // caller's lists need not stand side by side, and a caller with its own named lists fills
    // them in place, with no moves after.)
    void find_all_split(std::string_view text, std::size_t begin, std::size_t end, unsigned shift,
                        std::vector<PhraseHit>* const* lists) const;
    // find_all_split() of each range of text: the hits of ranges[r] go to lists_of[r] as
    // find_all_split() puts them into its `lists` (appended). The automaton scans the ranges side
    // by side, as find_all_in() does: a scan a range at a time waited on the table for every byte,
    // and its table (the sentence dictionaries': 28k states, 7 MB) is mostly out of cache.
    void find_all_split_in(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                           unsigned shift, const std::vector<std::vector<PhraseHit>* const*>& lists_of) const;

    // Length of the longest phrase that starts at `at` and ends by `limit` (0 when none): the
    // longest hit of find_all(text, at, limit) that begins at `at`, found without scanning on.
    std::size_t longest_at(std::string_view text, std::size_t at, std::size_t limit) const;

    // Calls take(payload) for each phrase that is exactly text[at, limit) and is accepted there
    // as find_all() accepts it, in the order added: one walk down the trie, however many phrases.
    template <class Take>
    void for_each_exact(std::string_view text, std::size_t at, std::size_t limit, Take&& take) const;

    std::size_t phrases() const { return phrases_.size(); }
    // Whether this matcher's scans run on Hyperscan (compile() was asked to and could).
    bool scans_with_hyperscan() const { return hyperscan_ != nullptr; }

    // The word-edge rule of a phrase found at text[begin, end): one that starts (`word_start`)
    // or ends (`word_end`) with a Latin letter or digit must not run on into one of its kind, and
    // one ending in a digit not into a letter. (Inline, the bytes' kinds from a table: every
    // hit of every scan asks it, and the call and the comparisons were most of its cost.)
    static bool edges_fit(std::string_view text, std::size_t begin, std::size_t end, bool word_start, bool word_end) {
        if (word_start && begin > 0 && (edge_kind(text[begin - 1]) & edge_kind(text[begin])) != 0) return false;
        return !(word_end && runs_on(text, end));
    }
    // Calls take(phrase, payload, match) for every phrase, as added and in the order added.
    template <class Take>
    void for_each_phrase(Take&& take) const {
        for (const Phrase& p : phrases_) take(std::string_view(p.text), p.payload, p.match);
    }

private:
    // The kinds of bytes the word-edge rule tells apart, a bit each (0: neither).
    static constexpr std::uint8_t kEdgeLetter = 1;  // A–Z, a–z
    static constexpr std::uint8_t kEdgeDigit = 2;   // 0–9
    static constexpr std::array<std::uint8_t, 256> kEdgeKinds = [] {
        std::array<std::uint8_t, 256> kinds{};
        for (int c = 0; c < 256; ++c) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) kinds[static_cast<std::size_t>(c)] = kEdgeLetter;
            if (c >= '0' && c <= '9') kinds[static_cast<std::size_t>(c)] = kEdgeDigit;
        }
        return kinds;
    }();
    static std::uint8_t edge_kind(char c) { return kEdgeKinds[static_cast<unsigned char>(c)]; }
    // Whether the text runs on at `end` (0 < end) past a phrase ending there that ends with a
    // letter or digit: a letter into a letter, a digit into a digit, or a model number into a
    // letter (`910` is not `910D`; a word may run into digits).
    static bool runs_on(std::string_view text, std::size_t end) {
        if (end >= text.size()) return false;
        const std::uint8_t last = edge_kind(text[end - 1]);
        if (last == 0) return false;  // (most bytes of Chinese text: the next is not read)
        const std::uint8_t next = edge_kind(text[end]);
        return (last & next) != 0 || (last == kEdgeDigit && next == kEdgeLetter);
    }

    struct Phrase {
        std::string text;  // as added (case kept, for exact-case phrases)
        std::uint32_t payload;
        bool exact_case;
        bool word_start;  // starts with a Latin letter or digit: check the left edge
        bool word_end;    // ends with one: check the right edge
        Match match;      // as added
    };
    // The trie while phrases are added: children sorted by (lower-cased) byte.
    static constexpr std::uint32_t kNoPhrase = ~std::uint32_t{0};
    struct TrieNode {
        std::vector<std::pair<unsigned char, std::uint32_t>> next;
        // The phrases that end here, in order added: the first and last, the others chained
        // through next_ending_ (a list a node, kept in one vector: a vector of its own for each
        // node that ends a phrase was an allocation a phrase at start-up).
        std::uint32_t first_phrase = kNoPhrase;
        std::uint32_t last_phrase = kNoPhrase;
    };
    // A phrase as the scan checks it where it ends: what accept() reads, in 16 bytes next to its
    // state's other endings, so that a hit costs no visit to the phrase's own string (a cache
    // miss a hit in a big automaton) unless the phrase must match its case exactly.
    struct Ending {
        std::uint32_t phrase;  // index into phrases_
        std::uint32_t payload;
        std::uint32_t length;
        bool exact_case;
        bool word_start;
        bool word_end;
    };
    // Whether the phrase of `ending` is found at text[begin, end): its case, when exact, and its
    // edges. `end_fits`: the right edge is known to fit (add_hits' callers asked runs_on).
    bool accept(const Ending& ending, std::string_view text, std::size_t begin, std::size_t end,
                bool end_fits = false) const;
    // Follows trie edges from the root over text[at, limit), calling visit(state, end) in each
    // state reached (text[at, end) read), until a byte that no phrase starting at `at` goes on with.
    // Returns the state after all of text[at, limit), or 0 when the walk stopped before.
    template <class Visit>
    std::uint32_t walk(std::string_view text, std::size_t at, std::size_t limit, Visit&& visit) const;
    // Where a scan puts its hits: a hit of payload p in *lists[p >> shift] as p & mask. One list
    // (shift 32, a 64-bit shift: every payload to *lists[0], whole) but for find_all_split().
    struct HitLists {
        std::vector<PhraseHit>* const* lists;
        unsigned shift = 32;
        std::uint32_t mask = ~std::uint32_t{0};
    };
    // Appends the accepted phrases that end at `end` in state `state` and start at `begin` or
    // later. (`text` by reference: with six arguments in registers, find_all's loop keeps its own.)
    // The scans call it only where the text does not run on at `end` (runs_on): every phrase
    // that ends there ends with the byte before it (up to ASCII case), and where that byte is a
    // letter or digit the text runs on from, the word-end rule rejects them all (in English text,
    // most phrases found inside words: `in` in `China`). Asked before the call, such an end costs
    // no call, unless a phrase of the state's run was added as bytes (byte_phrase_ends_): then the
    // call comes with `end_fits` false, and each phrase's own word-end rule decides.
    void add_hits(std::size_t state, std::size_t end, const std::string_view& text, std::size_t begin,
                  const HitLists& hits, bool end_fits) const;
    // Appends `hit` to its list of `to`.
    static void put(const HitLists& to, const PhraseHit& hit);
    // find_all() into `hits`, by the automaton.
    void scan(std::string_view text, std::size_t begin, std::size_t end, const HitLists& hits) const;
    // A scan of text[at, stop) through the 16-bit table: find_all() runs one, find_all_in() two
    // side by side, a byte of each in turn.
    struct NarrowScan {
        std::size_t at;
        std::size_t stop;
        std::size_t begin;  // hits start here or later
        HitLists hits;
        std::size_t state = 0;
    };
    // One byte of `scan`. The table comes in as arguments, the callers' locals: read through the
    // members, it would be reloaded after every call that may write memory (add_hits). `shift` is
    // row_shift_ as a constant (with_row_shift).
    template <unsigned shift>
    void narrow_step(NarrowScan& scan, const std::uint16_t* delta, const std::uint8_t* byte_class,
                     const std::string_view& text) const;
    // Scans each of `ranges` into hits_of(r) (a HitLists) through the 16-bit table, kLanes scans
    // side by side: a byte's step waits on the table, and independent steps wait together.
    static constexpr std::size_t kLanes = 4;
    template <class HitsOf>
    void scan_side_by_side(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                           HitsOf&& hits_of) const;
    // Calls run(std::integral_constant<unsigned, row_shift_>()). The narrow scans shift the state
    // by it every byte, and x86 shifts by a register only through CL: by a constant, one
    // instruction a byte less. (A row is at most 256 classes wide: row_shift_ is at most 8.)
    template <class Run>
    void with_row_shift(Run&& run) const;
    // Set in a transition whose target state has phrases ending on its fail chain.
    static constexpr std::uint32_t kOutputFlag = 0x80000000u;
    // The same in a 16-bit move, and the largest state number one holds.
    static constexpr std::uint16_t kNarrowOutput = 0x8000u;
    static constexpr std::uint16_t kNarrowState = 0x7FFFu;

    std::vector<TrieNode> trie_;    // emptied by compile()
    std::vector<std::uint32_t> next_ending_;  // by phrase: the next phrase ending at its node, or kNoPhrase; emptied by compile()
    std::vector<Phrase> phrases_;
    // The (lower-cased) bytes of the trie's edges, marked as add() makes them: a pass over the
    // whole trie in compile() cost more.
    std::array<bool, 256> used_bytes_{};
    bool byte_phrases_ = false;  // some phrase was added with Match::bytes
    // The automaton compile() builds. States are trie nodes, 0 the root.
    std::uint8_t byte_class_[256] = {};  // byte → class; 0 for bytes no phrase holds, A-Z as a-z
    std::uint32_t classes_ = 1;
    // What longest_at() asks before it walks: most places it is asked about start no phrase, and
    // a walk there read a character or more before it knew (three bytes in Chinese). A phrase of
    // three bytes or more starting at `at` puts the byte classes of text[at + 1] and text[at + 2]
    // in a pair of start_keys_ (start_key()); a shorter one marks its first byte's class in
    // short_starts_, and there the walk decides. (A set of classes, not bytes: a phrase matches
    // in either ASCII case. A filter that passes more than it must costs only the walk.)
    static std::size_t start_key(std::uint8_t second, std::uint8_t third) {
        return static_cast<std::size_t>(second & 63) << 6 | (third & 63);
    }
    std::bitset<4096> start_keys_;  // a bit a start_key()
    std::array<bool, 256> short_starts_{};        // by class
    unsigned row_shift_ = 0;                   // log2 of a row's width: classes_ rounded up to a power of two
    std::vector<std::uint32_t> delta_;         // (state << row_shift_) + class → (next state << row_shift_) | kOutputFlag
    std::vector<std::uint16_t> narrow_;        // instead of delta_, up to 32,768 states: … → next state | kNarrowOutput
    std::vector<std::uint32_t> level_start_;   // by depth (bytes from the root): its first state; then n
    // Where a state's phrases are in ends_: those that end at the state itself (the phrase read
    // to reach it, in the order added), then those of the states on its fail chain, longest first
    // (its suffixes that are phrases): every phrase a scan finds ending where it reaches the
    // state, in find_all's order, in one run. (Walked state by state down the fail chain, a hit
    // cost a third more; the copies are the chains' phrases once more.)
    // State s's run is ends_[ends_start_[s] .. ends_start_[s + 1]), its own phrases the first
    // ones, up to own_end_[s]. (Two arrays of 4 bytes a state: add_hits reads the starts alone,
    // a state's and the next one's side by side, where three numbers a state made 333 KB for the
    // English sentence dictionaries, read out of cache at every place phrases end.)
    std::vector<std::uint32_t> ends_start_;   // by state, and ends_.size() past the last
    std::vector<std::uint32_t> own_end_;      // by state
    // By state: a phrase of its run was added as bytes (none without such phrases). A byte a
    // state, not a vector<bool>: testing a bit shifts by the state's low bits, through CL, and the
    // scans then copied the state into CL on every byte (one instruction of eleven).
    std::vector<std::uint8_t> byte_phrase_ends_;
    std::vector<Ending> ends_;                 // by state, as ends_start_ says
    std::unique_ptr<const HyperscanScan> hyperscan_;  // the scans' engine when compile() built one
    bool compiled_ = false;
};

template <class Take>
void PhraseMatcher::for_each_exact(std::string_view text, std::size_t at, std::size_t limit, Take&& take) const {
    if (!compiled_) throw std::logic_error("PhraseMatcher::for_each_exact() before compile()");
    // The state after all of text[at, limit); 0 when no phrase goes that far. (From walk's return:
    // a visit asking at every byte whether it was the last cost more than the step itself.)
    const std::uint32_t exact = walk(text, at, limit, [](std::uint32_t, std::size_t) {});
    if (exact == 0) return;
    const std::uint32_t own_begin = ends_start_[exact];
    const std::uint32_t own_end = own_end_[exact];
    if (own_begin == own_end) return;
    // The phrases ending here are the same bytes but for ASCII case, so they start and end with
    // the same kind of byte: one check of the edges answers for them all (accept() phrase by
    // phrase cost a third of CueWords::lists_of_word, whose words are in several lists).
    const Ending& first = ends_[own_begin];
    if (!edges_fit(text, at, limit, first.word_start, first.word_end)) return;
    for (std::uint32_t k = own_begin; k < own_end; ++k) {
        const Ending& ending = ends_[k];
        if (!ending.exact_case || text.compare(at, limit - at, phrases_[ending.phrase].text) == 0)
            take(ending.payload);
    }
}

template <class Visit>
std::uint32_t PhraseMatcher::walk(std::string_view text, std::size_t at, std::size_t limit, Visit&& visit) const {
    // Through locals, as in find_all: the loop then keeps them in registers.
    const std::uint32_t* const delta = delta_.data();
    const std::uint16_t* const narrow = narrow_.empty() ? nullptr : narrow_.data();
    const std::uint32_t* const level_start = level_start_.data();
    const unsigned shift = row_shift_;
    std::size_t state = 0;
    // Trie edges only: a move that is not one byte deeper left the phrases starting at `at`.
    // On that path the state after text[at, i] is i + 1 - at bytes deep. A move goes at most one
    // byte deeper, so it went down a trie edge when its state is numbered among the states of
    // the next depth or later (breadth-first numbering; a small table instead of a depth a state).
    for (std::size_t i = at; i < limit; ++i) {
        const std::size_t cell = (state << shift) + byte_class_[static_cast<unsigned char>(text[i])];
        const std::size_t next = narrow ? narrow[cell] & kNarrowState : (delta[cell] & ~kOutputFlag) >> shift;
        if (next < level_start[i + 1 - at]) return 0;
        state = next;
        visit(static_cast<std::uint32_t>(state), i + 1);
    }
    return static_cast<std::uint32_t>(state);
}

// Keeps the longest hits, then the leftmost, dropping any hit that overlaps one kept; the
// result is ordered by begin offset. This is the overlap policy of every dictionary match.
std::vector<PhraseHit> select_longest(std::vector<PhraseHit> hits);

}  // namespace chronokg
