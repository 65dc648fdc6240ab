#include "core/error.hpp"

#include <utility>

namespace chronokg {

std::string format_position(const std::string& file, std::size_t line, std::size_t column) {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    return out;
}

Error::Error(std::string message) : std::runtime_error(message), message_(std::move(message)) {}

Error::Error(std::string file, std::size_t line, std::size_t column, std::string message)
    : std::runtime_error(format_position(file, line, column) + ": " + message),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(std::move(message)) {}

}  // namespace chronokg
