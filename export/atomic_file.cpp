#include "export/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <streambuf>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "core/error.hpp"

namespace chronokg::io {
namespace fs = std::filesystem;
namespace {

// A stream buffer writing to a file descriptor that remembers why a write failed: with
// std::ofstream the errno of a failed write (ENOSPC, EFBIG, EROFS…) is lost by the time the
// stream reports it, and the user would read "write failed" instead of "No space left on device".
class FileBuffer : public std::streambuf {
public:
    explicit FileBuffer(int fd) : fd_(fd), buffer_(1 << 16) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
    // errno of the first failed write, 0 when none failed.
    int error() const { return error_; }
    int sync() override { return drain() ? 0 : -1; }

protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

private:
    bool drain() {
        for (const char* p = pbase(); p < pptr() && error_ == 0;) {
            const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) error_ = n < 0 ? errno : EIO;
            else p += n;
        }
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return error_ == 0;
    }

    int fd_;
    std::vector<char> buffer_;
    int error_ = 0;
};

// Writes through `write` to `fd`, then closes it (fsync first when `durable`). Returns the errno
// of the first failure, 0 when none; an exception from `write` passes through, `fd` closed.
int write_to_fd(int fd, const std::function<void(std::ostream&)>& write, bool durable) {
    int error = 0;
    {
        FileBuffer buffer(fd);
        std::ostream out(&buffer);
        try {
            write(out);
        } catch (...) {
            ::close(fd);
            throw;
        }
        out.flush();
        error = buffer.error();
        if (durable && error == 0 && ::fsync(fd) != 0) error = errno;
    }
    if (::close(fd) != 0 && error == 0) error = errno;
    return error;
}

}  // namespace

std::string output_identity(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) p = fs::absolute(path, ec).lexically_normal();
    return p.string();
}

OutputSet::~OutputSet() {
    std::error_code ec;
    for (const auto& p : pending_)
        if (!p.temp.empty()) fs::remove(p.temp, ec);
}

void OutputSet::write(const std::string& path, const std::function<void(std::ostream&)>& write) {
    const std::string identity = output_identity(path);
    for (const auto& p : pending_)
        if (p.identity == identity) throw Error(path, 0, 0, "the same output is given twice");
    std::error_code ec;
    // A symbolic link is followed: the file it points to is replaced and the link kept.
    const fs::path target = fs::is_symlink(path, ec) && fs::exists(path, ec) ? fs::path(identity) : fs::path(path);
    const auto status = fs::status(target, ec);
    if (fs::is_directory(status)) throw Error(path, 0, 0, "cannot write output: it is a directory");
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        // A device or a pipe (/dev/stdout, /dev/null, a FIFO) cannot be replaced: renaming over it
        // would put a plain file where the device was. It is written as it is, straight away.
        const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
        const int error = fd < 0 ? errno : write_to_fd(fd, write, false);
        if (error != 0) throw Error(path, 0, 0, std::string("cannot write output: ") + std::strerror(error));
        pending_.push_back(Pending{target.string(), identity, ""});
        return;
    }
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) throw Error(path, 0, 0, "cannot write output: no directory " + dir.string());
    std::random_device seed;
    std::string name = ".";
    name.append(target.filename().string()).append(".tmp").append(std::to_string(::getpid()));
    name.append("-").append(std::to_string(seed() % 100000));
    const fs::path temp = dir / name;
    auto fail = [&](const std::string& why) {
        fs::remove(temp, ec);
        throw Error(path, 0, 0, "cannot write output: " + why);
    };
    // O_EXCL: never write into a file someone else made under that name.
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw Error(path, 0, 0, std::string("cannot write output: ") + std::strerror(errno));
    int error = 0;
    try {
        // Durable before it replaces the target: without fsync, a crash soon after the rename
        // may leave an empty file where the old one was.
        error = write_to_fd(fd, write, true);
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
    if (error != 0) fail(std::strerror(error));
    // A replaced file keeps its permissions (a private 0600 file stays private).
    if (const auto old = fs::status(target, ec); !ec && fs::is_regular_file(old))
        fs::permissions(temp, old.permissions(), ec);
    pending_.push_back(Pending{target.string(), identity, temp.string()});
}

void OutputSet::commit() {
    while (!pending_.empty()) {
        const Pending p = pending_.front();
        std::error_code ec;
        if (!p.temp.empty()) fs::rename(p.temp, p.path, ec);  // empty: a device, written already
        if (ec) throw Error(p.path, 0, 0, "cannot write output: " + ec.message());  // the destructor cleans up
        pending_.erase(pending_.begin());
    }
}

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    OutputSet set;
    set.write(path, write);
    set.commit();
}

}  // namespace chronokg::io
