#pragma once
// chronokg::LineReader — the lines of a stream, however they are ended, with their numbers.
//
// What it represents: a reading position in a stream of text split into lines. A line ends at
// "\n", "\r\n" or a lone "\r" (old Mac files, some web exports), so line numbers match what an
// editor shows whatever the convention; the ends are not part of the line. A line longer than
// the limit is not kept whole (a corpus can be one endless line: memory stays bounded): its
// first `max_line_bytes` bytes are returned and too_long() says so.
// Call order: construct, then next() until it returns false; bad() tells a read error apart
// from the end. Thread safety: one reader a thread.
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace chronokg {

class LineReader {
public:
    // `prefix`: bytes already taken from `in` (to sniff its encoding), read before the rest.
    explicit LineReader(std::istream& in, std::string prefix = {}, std::size_t max_line_bytes = kDefaultMaxLineBytes);

    // Reads the next line into `line` (replacing its content); false at the end of the stream.
    bool next(std::string& line);
    // 1-based number of the line next() returned last.
    std::size_t line_number() const { return line_number_; }
    // Whether that line was longer than the limit (and cut).
    bool too_long() const { return too_long_; }
    // Whether reading failed (rather than reaching the end).
    bool bad() const { return in_.bad(); }

    static constexpr std::size_t kDefaultMaxLineBytes = std::size_t{1} << 30;  // 1 GiB

private:
    bool fill();
    // Where the line at pos_ ends in the buffer: at its first '\n' or '\r', or at end_. Two
    // memchr calls, not a test of every byte for either (most of reading a corpus was that test);
    // the '\n' found is remembered for the next lines, so that a file of lone '\r' ends is not
    // searched to the end of the buffer for each of its lines.
    const char* line_end();
    static constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);

    std::istream& in_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    std::size_t newline_ = kUnknown;  // the buffer's first '\n' at or after pos_ (end_: none), when not kUnknown or < pos_
    std::size_t max_line_bytes_;
    std::size_t line_number_ = 0;
    bool too_long_ = false;
    bool after_cr_ = false;  // the last line ended with '\r': a '\n' right after belongs to it
};

}  // namespace chronokg
