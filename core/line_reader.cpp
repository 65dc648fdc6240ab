#include "core/line_reader.hpp"

#include <algorithm>
#include <cstring>

namespace chronokg {
namespace {
constexpr std::size_t kChunk = std::size_t{1} << 16;
}  // namespace

LineReader::LineReader(std::istream& in, std::string prefix, std::size_t max_line_bytes)
    : in_(in), buffer_(prefix.begin(), prefix.end()), end_(buffer_.size()), max_line_bytes_(max_line_bytes) {}

bool LineReader::fill() {
    buffer_.resize(kChunk);
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    pos_ = 0;
    end_ = static_cast<std::size_t>(in_.gcount());
    newline_ = kUnknown;
    return end_ > 0;
}

const char* LineReader::line_end() {
    if (newline_ == kUnknown || newline_ < pos_) {
        const void* newline = std::memchr(buffer_.data() + pos_, '\n', end_ - pos_);
        newline_ = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - buffer_.data()) : end_;
    }
    const void* cr = std::memchr(buffer_.data() + pos_, '\r', newline_ - pos_);
    return cr ? static_cast<const char*>(cr) : buffer_.data() + newline_;
}

bool LineReader::next(std::string& line) {
    line.clear();
    too_long_ = false;
    bool started = false;  // a byte of this line (or its end) was read
    for (;;) {
        if (pos_ == end_ && !fill()) {
            if (started) ++line_number_;
            return started;
        }
        if (after_cr_) {
            after_cr_ = false;
            if (buffer_[pos_] == '\n') {
                ++pos_;
                continue;
            }
        }
        const char* begin = buffer_.data() + pos_;
        const char* end = buffer_.data() + end_;
        const char* stop = line_end();
        const std::size_t room = max_line_bytes_ - std::min(line.size(), max_line_bytes_);
        const std::size_t take = std::min(static_cast<std::size_t>(stop - begin), room);
        if (take < static_cast<std::size_t>(stop - begin)) too_long_ = true;
        line.append(begin, take);
        started = true;
        pos_ = static_cast<std::size_t>(stop - buffer_.data());
        if (stop != end) {
            after_cr_ = *stop == '\r';
            ++pos_;
            ++line_number_;
            return true;
        }
    }
}

}  // namespace chronokg
