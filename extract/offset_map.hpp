#pragma once
// chronokg::OffsetMap — maps byte offsets in normalized text back to the original text.
//
// What it represents: a list of segments, each a run of normalized bytes produced by a run of
// original bytes. Runs whose bytes correspond one to one (ASCII, a CJK character folded to
// another of the same length) are merged, so typical text needs few segments. Offsets inside a
// segment that changed length (`，` → `,`) map to the segment's edges.
// Call order: add() for consecutive pieces, in order; then to_original_*().
// Thread safety: const methods may be called concurrently.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace chronokg {

class OffsetMap {
public:
    // Records that original bytes [orig_begin, orig_end) produced normalized bytes
    // [norm_begin, norm_begin + norm_length). Pieces must come in increasing order.
    // `one_to_one`: the piece is one character that became one character; only then may equal
    // lengths map byte for byte (NFKC turns ‾ into a space and a combining mark: 3 bytes to 3
    // bytes, but its second character does not start at the original's second byte).
    // (In the header: the normalizer adds a piece for each run of text, tens of thousands a MB.)
    void add(std::size_t norm_begin, std::size_t norm_length, std::size_t orig_begin,
             std::size_t orig_end, bool one_to_one = true) {
        if (norm_length == 0) return;  // deleted text (an annotation) leaves no segment
        const bool same = one_to_one && norm_length == orig_end - orig_begin;
        if (!segments_.empty()) {
            Segment& last = segments_.back();
            if (same && last.same_length && last.orig_end == orig_begin && norm_end_ == norm_begin) {
                last.orig_end = orig_end;
                norm_end_ = norm_begin + norm_length;
                return;
            }
        }
        segments_.push_back(Segment{norm_begin, orig_begin, orig_end, same});
        norm_end_ = norm_begin + norm_length;
    }

    // Original offset of the character that produced normalized byte `norm`
    // (or the original end when norm is the normalized length).
    std::size_t to_original_begin(std::size_t norm) const;
    // Original end offset for a normalized half-open range ending at `norm_end`.
    std::size_t to_original_end(std::size_t norm_end) const;
    // Both, for a half-open normalized range.
    std::pair<std::size_t, std::size_t> to_original(std::size_t norm_begin, std::size_t norm_end) const;

    std::size_t segments() const { return segments_.size(); }

private:
    struct Segment {
        std::uint64_t norm_begin;
        std::uint64_t orig_begin;
        std::uint64_t orig_end;
        bool same_length;  // byte i of the segment comes from original byte orig_begin + i
    };
    // Index of the segment holding normalized byte `norm`.
    std::size_t find(std::size_t norm) const;

    std::vector<Segment> segments_;
    std::uint64_t norm_end_ = 0;
};

}  // namespace chronokg
