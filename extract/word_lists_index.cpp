#include "extract/word_lists_index.hpp"

#include <algorithm>

namespace chronokg {
namespace {

// Whether `c` is a byte the word-edge rule looks at (PhraseMatcher::edges_fit): an ASCII letter
// or digit.
bool edge_byte(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

WordListsIndex::WordListsIndex(const PhraseMatcher& matcher) {
    // At most half the slots taken (there are no more keys than phrases): a probe ends at an
    // empty slot within a step or two.
    std::size_t slots = 16;
    while (slots < 2 * matcher.phrases()) slots *= 2;
    slots_.resize(slots);
    mask_ = slots - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots));
    // A phrase of capitals only, and the slot of its key: a key's such phrases must lie together
    // in exact_, and are put there once all are known.
    struct Pending {
        std::size_t slot;
        ExactPhrase exact;
    };
    std::vector<Pending> pending;
    matcher.for_each_phrase([&](std::string_view phrase, std::uint32_t list, PhraseMatcher::Match) {
        if (phrase.empty() || phrase.size() > kLongest) return;
        // The key is the phrase's bytes lower-cased, as the matcher's trie compares them.
        const PackedWord key = pack_lower(phrase, 0, phrase.size());
        std::size_t slot = slot_of(key, phrase.size());
        while (slots_[slot].length != 0 &&
               (slots_[slot].length != phrase.size() || slots_[slot].low != key.low || slots_[slot].high != key.high))
            slot = (slot + 1) & mask_;
        Slot& s = slots_[slot];
        if (s.length == 0) {
            s.low = key.low;
            s.high = key.high;
            s.length = static_cast<std::uint32_t>(phrase.size());
            s.word_start = edge_byte(phrase.front());
            s.word_end = edge_byte(phrase.back());
            shapes_.add(phrase);
        }
        // As PhraseMatcher::add decides it: a phrase with capitals and no small letter matches
        // only as written.
        const bool has_upper = std::any_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        const bool has_lower = std::any_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (has_upper && !has_lower) pending.push_back({slot, {std::string(phrase), list}});
        else s.lists.set(list);
    });
    std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) { return a.slot < b.slot; });
    for (const Pending& p : pending) {
        Slot& s = slots_[p.slot];
        if (s.exact_begin == s.exact_end) s.exact_begin = s.exact_end = static_cast<std::uint32_t>(exact_.size());
        exact_.push_back(p.exact);
        ++s.exact_end;
    }
}

PackedWord WordListsIndex::pack_lower_copied(std::string_view text, std::size_t begin, std::size_t length) {
    PackedWord p;
    unsigned char bytes[kLongest] = {};
    for (std::size_t i = 0; i < length; ++i)
        bytes[i] = static_cast<unsigned char>(text[begin + i]);
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    // In memory order whatever the machine's byte order: low holds bytes 0–7, byte 0 lowest.
    for (int i = 7; i >= 0; --i) low = (low << 8) | bytes[i];
    for (int i = 15; i >= 8; --i) high = (high << 8) | bytes[i];
    p.low = lower_eight(low);
    p.high = lower_eight(high);
    return p;
}

}  // namespace chronokg
