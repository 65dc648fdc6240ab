#pragma once
// chronokg::Error — the one exception type of the library.
//
// What it represents: a failure tied to a place in an input (a file, a line, a column) or to
// no place at all. `what()` is the full one-line message a user sees:
// "file:line:column: message" (line and column omitted when unknown).
// Library code throws it and never prints or exits; the CLI turns it into exit code 1.
// Thread safety: immutable once constructed.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace chronokg {

class Error : public std::runtime_error {
public:
    // A failure with no position (line 0 means unknown, column 0 means unknown).
    explicit Error(std::string message);
    Error(std::string file, std::size_t line, std::size_t column, std::string message);

    const std::string& file() const { return file_; }
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }
    // The message without the position prefix.
    const std::string& message() const { return message_; }

private:
    std::string file_;
    std::size_t line_ = 0;
    std::size_t column_ = 0;
    std::string message_;
};

// "file:line:column: message", leaving out the parts that are unknown.
std::string format_position(const std::string& file, std::size_t line, std::size_t column);

}  // namespace chronokg
