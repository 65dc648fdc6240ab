#include "export/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <streambuf>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "core/error.hpp"
#include "export/temporary_files.hpp"

namespace chronokg::io {
namespace fs = std::filesystem;
namespace {

// A stream buffer writing to a file descriptor that remembers why a write failed: with
// std::ofstream the errno of a failed write (ENOSPC, EFBIG, EROFS…) is lost by the time the
// stream reports it, and the user would read "write failed" instead of "No space left on device".
//
// A large regular file (a graph of a million events is a gigabyte of GraphML) goes past the page
// cache with O_DIRECT once its first 4 MiB are full: copying it into fresh page-cache memory
// cost 2.1 s a gigabyte on the benchmark machine, direct writes from this one reused buffer
// 0.55 s (bench/HISTORY.md). Direct writes must be whole aligned blocks, so the tail waits in
// the buffer, goes out padded to a block at finish(), and the padding is cut off again. A file
// system that refuses O_DIRECT (tmpfs) is written the ordinary way.
class FileBuffer : public std::streambuf {
public:
    FileBuffer(int fd, bool may_bypass_cache) : fd_(fd), may_bypass_cache_(may_bypass_cache) {
        setp(buffer_.get(), buffer_.get() + kSize);
    }
    // errno of the first failed write, 0 when none failed.
    int error() const { return error_; }
    // Everything still buffered goes out (the call a stream's flush makes).
    int sync() override { return drain(false) ? 0 : -1; }
    // The last bytes out, the file cut to its length; after this nothing more may be written.
    bool finish() {
        if (!drain(true)) return false;
        if (direct_ && ::ftruncate(fd_, static_cast<off_t>(written_)) != 0) error_ = errno;
        return error_ == 0;
    }

protected:
    int_type overflow(int_type c) override {
        if (!drain(false)) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

private:
    static constexpr std::size_t kSize = std::size_t{4} << 20;
    static constexpr std::size_t kBlock = 4096;

    // Writes the buffered bytes; while direct, only whole blocks unless `last`, the rest kept
    // at the front of the buffer.
    bool drain(bool last) {
        const std::size_t pending = static_cast<std::size_t>(pptr() - pbase());
        if (!direct_ && may_bypass_cache_ && pending == kSize && written_ == 0)
            direct_ = ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_DIRECT) == 0;
        std::size_t count = direct_ && !last ? pending / kBlock * kBlock : pending;
        std::size_t padded = count;
        if (direct_ && last && count % kBlock != 0) {
            padded = (count / kBlock + 1) * kBlock;  // the buffer has the room: kSize is whole blocks
            std::memset(pbase() + count, 0, padded - count);
        }
        std::size_t done = 0;
        while (done < padded && error_ == 0) {
            const ssize_t n = ::write(fd_, pbase() + done, padded - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && errno == EINVAL && direct_ && done == 0 && written_ == 0) {
                // The file system takes no direct writes: the ordinary way after all.
                ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_DIRECT);
                direct_ = false;
                may_bypass_cache_ = false;
                padded = count = pending;
                continue;
            }
            if (n <= 0) error_ = n < 0 ? errno : EIO;
            else done += static_cast<std::size_t>(n);
        }
        if (error_ != 0) return false;
        written_ += count;
        std::memmove(pbase(), pbase() + count, pending - count);
        setp(buffer_.get(), buffer_.get() + kSize);
        pbump(static_cast<int>(pending - count));
        return true;
    }

    struct Free {
        void operator()(char* p) const { std::free(p); }
    };
    int fd_;
    bool may_bypass_cache_;
    bool direct_ = false;
    std::size_t written_ = 0;  // bytes of the file written, padding not counted
    std::unique_ptr<char[], Free> buffer_{static_cast<char*>(std::aligned_alloc(kBlock, kSize))};
    int error_ = 0;
};

// Writes through `write` to `fd`, then closes it (fsync first when `durable`). Returns the errno
// of the first failure, 0 when none; an exception from `write` passes through, `fd` closed.
int write_to_fd(int fd, const std::function<void(std::ostream&)>& write, bool durable) {
    int error = 0;
    {
        FileBuffer buffer(fd, durable);  // durable: a new regular file, which may bypass the cache
        std::ostream out(&buffer);
        try {
            write(out);
        } catch (...) {
            ::close(fd);
            throw;
        }
        buffer.finish();
        error = buffer.error();
        if (durable && error == 0 && ::fsync(fd) != 0) error = errno;
    }
    if (::close(fd) != 0 && error == 0) error = errno;
    return error;
}

// Removes a temporary file that will not be renamed, then stops tracking it for the signal
// handlers (in that order: a signal between finds it still listed and removes it).
void remove_temporary(const fs::path& temp, int tracked) {
    std::error_code ec;
    fs::remove(temp, ec);
    untrack_temporary_file(tracked);
}

}  // namespace

std::string output_identity(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) p = fs::absolute(path, ec).lexically_normal();
    return p.string();
}

OutputSet::~OutputSet() {
    for (const auto& p : pending_)
        if (!p.temp.empty()) remove_temporary(p.temp, p.tracked);
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
    // Tracked before it exists: a signal the moment after it is made still finds it (removing a
    // file not made yet only fails).
    const int tracked = track_temporary_file(fs::absolute(temp, ec).string());
    // O_EXCL: never write into a file someone else made under that name.
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int error = errno;
        untrack_temporary_file(tracked);
        throw Error(path, 0, 0, std::string("cannot write output: ") + std::strerror(error));
    }
    auto fail = [&](const std::string& why) {
        remove_temporary(temp, tracked);
        throw Error(path, 0, 0, "cannot write output: " + why);
    };
    int error = 0;
    try {
        // Durable before it replaces the target: without fsync, a crash soon after the rename
        // may leave an empty file where the old one was.
        error = write_to_fd(fd, write, true);
    } catch (...) {
        remove_temporary(temp, tracked);
        throw;
    }
    if (error != 0) fail(std::strerror(error));
    // A replaced file keeps its permissions (a private 0600 file stays private).
    if (const auto old = fs::status(target, ec); !ec && fs::is_regular_file(old))
        fs::permissions(temp, old.permissions(), ec);
    pending_.push_back(Pending{target.string(), identity, temp.string(), tracked});
}

void OutputSet::adopt(OutputSet&& other) {
    for (auto& p : other.pending_) {
        for (const auto& mine : pending_)
            if (mine.identity == p.identity) throw Error(p.path, 0, 0, "the same output is given twice");
        pending_.push_back(std::move(p));
    }
    other.pending_.clear();
}

void OutputSet::commit() {
    while (!pending_.empty()) {
        const Pending p = pending_.front();
        std::error_code ec;
        if (!p.temp.empty()) fs::rename(p.temp, p.path, ec);  // empty: a device, written already
        if (ec) throw Error(p.path, 0, 0, "cannot write output: " + ec.message());  // the destructor cleans up
        untrack_temporary_file(p.tracked);  // after the rename: a signal between finds no file
        pending_.erase(pending_.begin());
    }
}

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    OutputSet set;
    set.write(path, write);
    set.commit();
}

}  // namespace chronokg::io
