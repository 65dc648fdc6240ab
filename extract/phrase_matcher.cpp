#include "extract/phrase_matcher.hpp"

#include "core/ascii.hpp"
#include "core/insertion_sort.hpp"
#include "extract/hyperscan_scan.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <type_traits>

namespace chronokg {
namespace {

// Whether `ranges` (at least one) follow each other in the text without overlapping.
bool ascending_and_disjoint(const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
    if (ranges.empty()) return false;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (ranges[i].first > ranges[i].second) return false;
        if (i > 0 && ranges[i - 1].second > ranges[i].first) return false;
    }
    return true;
}
}  // namespace

PhraseMatcher::PhraseMatcher() : trie_(1) {}
PhraseMatcher::~PhraseMatcher() = default;
PhraseMatcher::PhraseMatcher(PhraseMatcher&&) noexcept = default;
PhraseMatcher& PhraseMatcher::operator=(PhraseMatcher&&) noexcept = default;

void PhraseMatcher::add(std::string_view phrase, std::uint32_t payload, Match match) {
    if (compiled_) throw std::logic_error("PhraseMatcher::add() after compile()");
    if (phrase.empty()) return;
    // Its case (all capitals: exact case) is read on the way down the trie: one pass over it.
    bool has_upper = false;
    bool has_lower = false;
    std::uint32_t node = 0;
    for (unsigned char c : phrase) {
        has_upper = has_upper || (c >= 'A' && c <= 'Z');
        has_lower = has_lower || (c >= 'a' && c <= 'z');
        const auto b = static_cast<unsigned char>(ascii_lower(static_cast<char>(c)));
        auto& next = trie_[node].next;
        auto it = std::lower_bound(next.begin(), next.end(), b,
                                   [](const auto& e, unsigned char v) { return e.first < v; });
        if (it != next.end() && it->first == b) {
            node = it->second;
        } else {
            const auto created = static_cast<std::uint32_t>(trie_.size());
            next.insert(it, {b, created});
            trie_.emplace_back();
            node = created;
            used_bytes_[b] = true;
        }
    }
    const auto added = static_cast<std::uint32_t>(phrases_.size());
    TrieNode& end = trie_[node];
    if (end.first_phrase == kNoPhrase) end.first_phrase = added;
    else next_ending_[end.last_phrase] = added;
    end.last_phrase = added;
    next_ending_.push_back(kNoPhrase);
    const bool words = match == Match::words;
    byte_phrases_ = byte_phrases_ || !words;
    phrases_.push_back(Phrase{std::string(phrase), payload, !words || (has_upper && !has_lower),
                              words && edge_kind(phrase.front()) != 0, words && edge_kind(phrase.back()) != 0, match});
}

void PhraseMatcher::compile(Scan scan) {
    if (compiled_) return;
    if (scan == Scan::hyperscan_if_available && HyperscanScan::available() && !phrases_.empty()) {
        std::vector<HyperscanScan::Phrase> phrases;
        phrases.reserve(phrases_.size());
        for (const Phrase& p : phrases_) phrases.push_back({p.text, p.payload, p.exact_case, p.word_start, p.word_end});
        // A set Hyperscan refuses (a limit of its own) only costs speed: the automaton scans.
        try {
            hyperscan_ = std::make_unique<const HyperscanScan>(phrases);
        } catch (const std::runtime_error&) {
            hyperscan_.reset();
        }
    }
    // Byte classes: one for each (lower-cased) byte some phrase holds, 0 for all the others.
    classes_ = 1;
    for (int b = 0; b < 256; ++b)
        if (used_bytes_[b]) byte_class_[b] = static_cast<std::uint8_t>(classes_++);
    for (int b = 'A'; b <= 'Z'; ++b) byte_class_[b] = byte_class_[b - 'A' + 'a'];
    for (const Phrase& p : phrases_) {
        const auto class_at = [&](std::size_t i) { return byte_class_[static_cast<unsigned char>(p.text[i])]; };
        if (p.text.size() < 3) {
            short_starts_[class_at(0)] = true;
        } else {
            const std::size_t key = start_key(class_at(1), class_at(2));
            start_keys_[key] = true;
        }
    }
    // A row is a power of two wide (classes_ rounded up): a row offset becomes a state number by
    // a shift. longest_at() walks by state numbers, and a division a byte was most of its cost.
    row_shift_ = 0;
    while ((std::uint32_t{1} << row_shift_) < classes_) ++row_shift_;

    // States are numbered breadth-first, so the shallow states a scan spends most of its time
    // in share cache lines; a state's fail state (shallower) then has its row complete before
    // the state's own: a missing transition is the fail state's transition on the same class.
    const std::size_t n = trie_.size();
    if ((n << row_shift_) >= kOutputFlag) throw std::length_error("PhraseMatcher: too many phrases");
    std::vector<std::uint32_t> order{0};  // state → trie node
    std::vector<std::uint32_t> state_of(n, 0);
    std::vector<std::uint32_t> depth(n, 0);  // by state
    for (std::size_t i = 0; i < order.size(); ++i)
        for (const auto& [byte, target] : trie_[order[i]].next) {
            state_of[target] = static_cast<std::uint32_t>(order.size());
            depth[order.size()] = depth[i] + 1;
            order.push_back(target);
        }
    // Breadth-first, the states of one depth are a run: where each run starts, and n past the
    // deepest (a state at the greatest depth has no child).
    level_start_.assign(depth[n - 1] + 2, static_cast<std::uint32_t>(n));
    for (std::size_t state = n; state-- > 0;) level_start_[depth[state]] = static_cast<std::uint32_t>(state);
    ends_start_.assign(n + 1, 0);
    own_end_.assign(n, 0);
    byte_phrase_ends_.assign(byte_phrases_ ? n : 0, false);
    ends_.clear();
    ends_.reserve(phrases_.size());
    std::vector<std::uint32_t> fail(n, 0);
    std::vector<std::uint32_t> link(n, 0);  // the nearest state on the fail chain where phrases end; 0 = none
    // Fills `table` with moves of `Move` bits: the target state | `output` when the target has
    // phrases ending on its fail chain (`output` is the top bit, `state_mask` the others).
    auto fill = [&](auto& table, const auto output, const auto state_mask) {
        using Move = std::remove_reference_t<decltype(table[0])>;
        table.assign(n << row_shift_, 0);
        for (std::uint32_t state = 0; state < n; ++state) {
            const TrieNode& node = trie_[order[state]];
            ends_start_[state] = static_cast<std::uint32_t>(ends_.size());
            for (std::uint32_t i = node.first_phrase; i != kNoPhrase; i = next_ending_[i]) {
                const Phrase& p = phrases_[i];
                ends_.push_back({i, p.payload, static_cast<std::uint32_t>(p.text.size()), p.exact_case, p.word_start, p.word_end});
            }
            own_end_[state] = static_cast<std::uint32_t>(ends_.size());
            // Then those of the fail chain: the run of `link`, a shallower state, complete (the
            // next state's start is set: it is at most this one).
            // (By index: push_back of an element of ends_ is safe, an insert of its own range not.)
            if (const std::uint32_t chain = link[state]; chain != 0)
                for (std::uint32_t k = ends_start_[chain]; k < ends_start_[chain + 1]; ++k) ends_.push_back(ends_[k]);
            ends_start_[state + 1] = static_cast<std::uint32_t>(ends_.size());
            for (std::uint32_t k = ends_start_[state]; k < ends_start_[state + 1] && byte_phrases_; ++k)
                if (phrases_[ends_[k].phrase].match == Match::bytes) byte_phrase_ends_[state] = true;
            Move* row = &table[state << row_shift_];
            if (state != 0) {
                const Move* fail_row = &table[fail[state] << row_shift_];
                std::copy(fail_row, fail_row + classes_, row);
            }
            for (const auto& [byte, target_node] : node.next) {
                const std::uint8_t c = byte_class_[byte];
                const std::uint32_t target = state_of[target_node];
                const std::uint32_t f = state == 0 ? 0 : row[c] & state_mask;  // still the fail state's move
                fail[target] = f;
                link[target] = trie_[order[f]].first_phrase == kNoPhrase ? link[f] : f;
                const bool ends_phrases = trie_[target_node].first_phrase != kNoPhrase || link[target] != 0;
                row[c] = static_cast<Move>(target | (ends_phrases ? output : 0));
            }
        }
    };
    if (n <= kNarrowState + 1) {
        // Few enough states for 16-bit moves (a state number and the output flag): half the
        // table, and a scan is as fast as its table stays in cache (the alias automaton of the
        // default pack: 24k states of 128 classes, 12 MB as 32-bit offsets, 6 MB so). Built so
        // directly: a 32-bit table first would be twice the memory at start-up.
        fill(narrow_, kNarrowOutput, kNarrowState);
    } else {
        fill(delta_, kOutputFlag, ~kOutputFlag);
        // Transitions hold the target's row offset rather than its number: one multiplication
        // less in the loop-carried chain of a scan.
        // (The shift through a local: a member could alias the table's words, and the loop would
        // reload it every word instead of running vectorized.)
        const unsigned shift = row_shift_;
        for (auto& move : delta_) move = (move & ~kOutputFlag) << shift | (move & kOutputFlag);
    }
    trie_.clear();
    trie_.shrink_to_fit();
    next_ending_.clear();
    next_ending_.shrink_to_fit();
    compiled_ = true;
}

bool PhraseMatcher::accept(const Ending& phrase, std::string_view text, std::size_t begin, std::size_t end,
                           bool end_fits) const {
    if (phrase.exact_case && text.compare(begin, end - begin, phrases_[phrase.phrase].text) != 0) return false;
    return edges_fit(text, begin, end, phrase.word_start, phrase.word_end && !end_fits);
}

template <class Run>
void PhraseMatcher::with_row_shift(Run&& run) const {
    switch (row_shift_) {
        case 0: return run(std::integral_constant<unsigned, 0>());
        case 1: return run(std::integral_constant<unsigned, 1>());
        case 2: return run(std::integral_constant<unsigned, 2>());
        case 3: return run(std::integral_constant<unsigned, 3>());
        case 4: return run(std::integral_constant<unsigned, 4>());
        case 5: return run(std::integral_constant<unsigned, 5>());
        case 6: return run(std::integral_constant<unsigned, 6>());
        case 7: return run(std::integral_constant<unsigned, 7>());
        case 8: return run(std::integral_constant<unsigned, 8>());
        default: throw std::logic_error("PhraseMatcher: a row wider than 256 classes");
    }
}

template <unsigned shift>
inline void PhraseMatcher::narrow_step(NarrowScan& scan, const std::uint16_t* delta, const std::uint8_t* byte_class,
                                       const std::string_view& text) const {
    // The move is the next state as it is, but for a move with output: its flag is cleared only
    // then. (Widened as it is loaded: as a 16-bit value, the state was masked for each use; and
    // masked on every move, the state cost two instructions a byte more than the one comparison.)
    scan.state = delta[(scan.state << shift) + byte_class[static_cast<unsigned char>(text[scan.at])]];
    ++scan.at;
    if (scan.state >= kNarrowOutput) {
        scan.state &= kNarrowState;
        // (A copy to add_hits: given the scan's own, its address escaped, and the lanes of
        // scan_side_by_side were kept in memory rather than in registers.)
        const HitLists hits = scan.hits;
        if (!runs_on(text, scan.at)) add_hits(scan.state, scan.at, text, scan.begin, hits, true);
        else if (byte_phrases_ && byte_phrase_ends_[scan.state]) add_hits(scan.state, scan.at, text, scan.begin, hits, false);
    }
}

std::vector<PhraseHit> PhraseMatcher::find_all(std::string_view text, std::size_t begin,
                                               std::size_t end) const {
    if (!compiled_) throw std::logic_error("PhraseMatcher::find_all() before compile()");
    if (hyperscan_) return hyperscan_->find_all(text, begin, end);
    std::vector<PhraseHit> hits;
    std::vector<PhraseHit>* const list = &hits;
    scan(text, begin, end, HitLists{&list});
    return hits;
}

void PhraseMatcher::find_all_split(std::string_view text, std::size_t begin, std::size_t end, unsigned shift,
                                   std::vector<PhraseHit>* const* lists) const {
    if (!compiled_) throw std::logic_error("PhraseMatcher::find_all_split() before compile()");
    const HitLists split{lists, shift, (std::uint32_t{1} << shift) - 1};
    if (!hyperscan_) return scan(text, begin, end, split);
    for (const PhraseHit& hit : hyperscan_->find_all(text, begin, end)) put(split, hit);
}

void PhraseMatcher::scan(std::string_view text, std::size_t begin, std::size_t end, const HitLists& hits) const {
    // The scan reads the automaton through locals: nothing it reads changes while it runs, and
    // so the compiler keeps the loop in registers (through the members, every push_back made it
    // reload them). Most moves have no output: one comparison a byte tells.
    const std::uint8_t* const byte_class = byte_class_;
    const auto* const first = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char* const stop = first + std::max(begin, end);
    if (!narrow_.empty()) {
        const std::uint16_t* const delta = narrow_.data();
        NarrowScan scan{begin, std::max(begin, end), begin, hits};
        with_row_shift([&](auto shift) {
            while (scan.at < scan.stop) narrow_step<shift>(scan, delta, byte_class, text);
        });
        return;
    }
    const std::uint32_t* const delta = delta_.data();
    std::size_t row = 0;  // offset of the current state's row in delta_ (a size_t: no widening a byte)
    for (const unsigned char* at = first + begin; at < stop; ++at) {
        const std::uint32_t move = delta[row + byte_class[*at]];
        if (move < kOutputFlag) {
            row = move;
            continue;
        }
        row = move - kOutputFlag;
        const std::size_t hit_end = static_cast<std::size_t>(at - first) + 1;
        if (!runs_on(text, hit_end)) add_hits(row >> row_shift_, hit_end, text, begin, hits, true);
        else if (byte_phrases_ && byte_phrase_ends_[row >> row_shift_]) add_hits(row >> row_shift_, hit_end, text, begin, hits, false);
    }
}

std::vector<std::vector<PhraseHit>> PhraseMatcher::find_all_in(
    std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges) const {
    std::vector<std::vector<PhraseHit>> hits(ranges.size());
    std::vector<std::vector<PhraseHit>*> lists;
    for (auto& list : hits) lists.push_back(&list);
    find_all_in(text, ranges, lists.data());
    return hits;
}

template <class HitsOf>
void PhraseMatcher::scan_side_by_side(std::string_view text,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                                      HitsOf&& hits_of) const {
    // Lane k scans the ranges from cut[k] to cut[k + 1] one after another; the cuts share out
    // the bytes about evenly, so that the lanes run side by side most of the way.
    std::size_t total = 0;
    for (const auto& [begin, end] : ranges) total += end > begin ? end - begin : 0;
    std::array<std::size_t, kLanes + 1> cut{};
    std::size_t r = 0;
    std::size_t bytes = 0;
    for (std::size_t k = 1; k < kLanes; ++k) {
        while (r < ranges.size() && bytes * kLanes < total * k) {
            bytes += ranges[r].second > ranges[r].first ? ranges[r].second - ranges[r].first : 0;
            ++r;
        }
        cut[k] = r;
    }
    cut[kLanes] = ranges.size();
    struct Lane {
        NarrowScan scan;
        std::size_t next;  // the lane's next range
        std::size_t last;  // and the end of its ranges
    };
    // Moves `lane` to its next range that holds a byte; false when it has none left.
    const auto start_next = [&](Lane& lane) {
        for (; lane.next < lane.last; ++lane.next) {
            const auto [begin, end] = ranges[lane.next];
            if (begin >= end) continue;
            lane.scan = NarrowScan{begin, end, begin, hits_of(lane.next)};
            ++lane.next;
            return true;
        }
        return false;
    };
    std::array<Lane, kLanes> lanes;
    std::size_t live = 0;  // lanes[0, live) have bytes left
    for (std::size_t k = 0; k < kLanes; ++k) {
        lanes[live] = Lane{NarrowScan{0, 0, 0, {}}, cut[k], cut[k + 1]};
        if (start_next(lanes[live])) ++live;
    }
    const std::uint16_t* const delta = narrow_.data();
    const std::uint8_t* const byte_class = byte_class_;
    with_row_shift([&](auto shift) {
        while (live > 0) {
            // Every live lane steps as many bytes as the shortest has left: no lane's own stop is
            // asked inside the loop.
            std::size_t steps = lanes[0].scan.stop - lanes[0].scan.at;
            for (std::size_t k = 1; k < live; ++k) steps = std::min(steps, lanes[k].scan.stop - lanes[k].scan.at);
            if (live == kLanes) {
                std::array<NarrowScan, kLanes> run;  // (locals the loop can keep in registers)
                for (std::size_t k = 0; k < kLanes; ++k) run[k] = lanes[k].scan;
                for (std::size_t i = 0; i < steps; ++i)
                    for (std::size_t k = 0; k < kLanes; ++k) narrow_step<shift>(run[k], delta, byte_class, text);
                for (std::size_t k = 0; k < kLanes; ++k) lanes[k].scan = run[k];
            } else {
                for (std::size_t i = 0; i < steps; ++i)
                    for (std::size_t k = 0; k < live; ++k) narrow_step<shift>(lanes[k].scan, delta, byte_class, text);
            }
            for (std::size_t k = 0; k < live;) {
                if (lanes[k].scan.at < lanes[k].scan.stop || start_next(lanes[k])) ++k;
                else lanes[k] = lanes[--live];
            }
        }
    });
}

void PhraseMatcher::find_all_in(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                                std::vector<PhraseHit>* const* lists) const {
    if (!compiled_) throw std::logic_error("PhraseMatcher::find_all_in() before compile()");
    for (std::size_t r = 0; r < ranges.size(); ++r) lists[r]->clear();
    if (hyperscan_ && ascending_and_disjoint(ranges)) {
        // One Hyperscan scan over the whole span, its hits shared out to the ranges that hold
        // them whole: a scan call costs some thousand instructions of set-up, more than a
        // sentence's bytes. A hit's edges are checked against the text around it, wherever the
        // scan began, so each range gets exactly the hits a scan of its own finds, in its order.
        return hyperscan_->find_all_in(text, ranges, lists);
    }
    if (hyperscan_) {
        for (std::size_t r = 0; r < ranges.size(); ++r)
            hyperscan_->find_all(text, ranges[r].first, ranges[r].second, *lists[r]);
        return;
    }
    if (narrow_.empty()) {
        for (std::size_t r = 0; r < ranges.size(); ++r) scan(text, ranges[r].first, ranges[r].second, HitLists{lists + r});
        return;
    }
    scan_side_by_side(text, ranges, [&](std::size_t r) { return HitLists{lists + r}; });
}

void PhraseMatcher::find_all_split_in(std::string_view text,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& ranges, unsigned shift,
                                      const std::vector<std::vector<PhraseHit>* const*>& lists_of) const {
    if (!compiled_) throw std::logic_error("PhraseMatcher::find_all_split_in() before compile()");
    if (lists_of.size() != ranges.size()) throw std::invalid_argument("PhraseMatcher: one set of lists a range");
    if (hyperscan_ || narrow_.empty()) {
        for (std::size_t r = 0; r < ranges.size(); ++r)
            find_all_split(text, ranges[r].first, ranges[r].second, shift, lists_of[r]);
        return;
    }
    const std::uint32_t mask = (std::uint32_t{1} << shift) - 1;
    scan_side_by_side(text, ranges, [&](std::size_t r) { return HitLists{lists_of[r], shift, mask}; });
}

inline void PhraseMatcher::put(const HitLists& to, const PhraseHit& hit) {
    std::vector<PhraseHit>& list = *to.lists[std::uint64_t{hit.payload} >> to.shift];
    // Room for a sentence's worth at once rather than growing 1, 2, 4, 8…: as many hits as fit in
    // 1 KB, the largest block glibc's per-thread cache hands out. A Chinese sentence holds up to 64
    // cue-word or verb hits, and a quarter to a third of those lists more than 16: room for 16
    // grew to 32 and 64, a reallocation and a copy each time. (Room for 64 is a block from the
    // heap's bins, slower to get than the growth it saves.)
    constexpr std::size_t kFirstRoom = 1024 / sizeof(PhraseHit);
    if (list.capacity() == 0) list.reserve(kFirstRoom);
    list.push_back({hit.begin, hit.end, hit.payload & to.mask});
}

void PhraseMatcher::add_hits(std::size_t state, std::size_t end, const std::string_view& text, std::size_t begin,
                             const HitLists& hits, bool end_fits) const {
    // The run through pointers set before the loop: through the members, each put() made the
    // loop reload them.
    const Ending* const stop = ends_.data() + ends_start_[state + 1];
    for (const Ending* p = ends_.data() + ends_start_[state]; p != stop; ++p) {
        const std::size_t start = end - p->length;
        if (start >= begin && accept(*p, text, start, end, end_fits)) put(hits, {start, end, p->payload});
    }
}

std::size_t PhraseMatcher::longest_at(std::string_view text, std::size_t at, std::size_t limit) const {
    if (!compiled_) throw std::logic_error("PhraseMatcher::longest_at() before compile()");
    // Where no phrase shorter than three bytes starts with text[at], one that starts there has the
    // classes of the next two bytes as its second and third: no such pair, no phrase (see
    // start_keys_); and none fits before `limit` with fewer than three bytes left.
    if (at < limit && !short_starts_[byte_class_[static_cast<unsigned char>(text[at])]]) {
        if (at + 3 > limit) return 0;
        const std::size_t key = start_key(byte_class_[static_cast<unsigned char>(text[at + 1])],
                                          byte_class_[static_cast<unsigned char>(text[at + 2])]);
        if (!start_keys_[key]) return 0;
    }
    std::size_t longest = 0;
    walk(text, at, limit, [&](std::uint32_t state, std::size_t end) {
        for (std::uint32_t k = ends_start_[state]; k < own_end_[state]; ++k)
            if (accept(ends_[k], text, at, end)) longest = end - at;
    });
    return longest;
}

std::vector<PhraseHit> select_longest(std::vector<PhraseHit> hits) {
    // Hits that each start where the one before ended or later, none empty (a sentence's hits,
    // most often), overlap none other: all are kept, and their begins already rise.
    bool disjoint = true;
    for (std::size_t i = 0; i < hits.size() && disjoint; ++i)
        disjoint = hits[i].begin < hits[i].end && (i == 0 || hits[i - 1].end <= hits[i].begin);
    if (disjoint) return hits;
    // Hits that come by end offset, none empty, and overlap only by nesting (a hit inside a
    // longer one, 移动 inside 中国移动) form nests, each inside its outermost hit: that hit is the
    // longest of its nest (or the first of equal ones, which are the same span), overlaps no hit
    // of another nest, and every hit of its nest overlaps it, so the policy keeps it and drops
    // the rest. One pass finds the outermost hits, with no sort (most overlapping calls, for an
    // entity's aliases, are of this kind); a hit that overlaps one in part, or comes out of
    // order, leaves the choice to the sorts below. (Hits inside one outermost hit may overlap
    // one another in part: the policy drops them all alike, so the pass asks only how each hit
    // stands to the outermost ones.)
    constexpr std::size_t kNested = 64;  // hits a call at most for the pass
    if (hits.size() <= kNested) {
        std::array<std::uint32_t, kNested> outer;  // the nests' outermost hits so far, in order
        std::size_t nests = 0;
        bool nested = true;
        for (std::size_t i = 0; i < hits.size() && nested; ++i) {
            const PhraseHit& h = hits[i];
            if (h.begin >= h.end || (i > 0 && h.end < hits[i - 1].end)) {
                nested = false;
                break;
            }
            bool inside = false;  // in the last nest, under its outermost hit
            // (All hits so far end by h.end: a nest that ends after h begins overlaps it.)
            while (nests > 0 && hits[outer[nests - 1]].end > h.begin) {
                const PhraseHit& last = hits[outer[nests - 1]];
                if (h.begin > last.begin) {
                    // h begins inside it: inside it if it ends with it, else overlapping in part.
                    inside = h.end == last.end;
                    nested = inside;
                    break;
                }
                if (h.end - h.begin == last.end - last.begin) {  // the same span, given later
                    inside = true;
                    break;
                }
                --nests;  // the nest is inside h, which is longer
            }
            if (nested && !inside) outer[nests++] = static_cast<std::uint32_t>(i);
        }
        if (nested) {
            for (std::size_t k = 0; k < nests; ++k) hits[k] = hits[outer[k]];  // outer[k] >= k
            hits.resize(nests);
            return hits;
        }
    }
    const auto before = [](const PhraseHit& a, const PhraseHit& b) {
        const auto la = a.end - a.begin;
        const auto lb = b.end - b.begin;
        return la != lb ? la > lb : a.begin < b.begin;
    };
    // A stable sort: hits that tie keep their order. Most calls sort a sentence's few hits, where
    // an insertion sort does without the buffer std::stable_sort allocates.
    if (hits.size() <= 32) {
        insertion_sort(hits.begin(), hits.end(), before);
    } else {
        std::stable_sort(hits.begin(), hits.end(), before);
    }
    // The kept hits, in that order, become a prefix of `hits`.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        std::size_t k = 0;
        while (k < kept && !(hits[i].begin < hits[k].end && hits[k].begin < hits[i].end)) ++k;
        if (k == kept) hits[kept++] = hits[i];  // overlaps none kept
    }
    hits.resize(kept);
    const auto by_begin = [](const PhraseHit& a, const PhraseHit& b) { return a.begin < b.begin; };
    // Up to 16 hits, std::sort is this same insertion sort (libstdc++'s threshold), without the
    // call into its loop.
    if (kept <= 16) insertion_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(kept), by_begin);
    else std::sort(hits.begin(), hits.end(), by_begin);
    return hits;
}

}  // namespace chronokg
