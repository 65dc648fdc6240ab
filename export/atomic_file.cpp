#include "export/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include <unistd.h>

#include "core/error.hpp"

namespace chronokg::io {
namespace fs = std::filesystem;

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    const fs::path target(path);
    std::error_code ec;
    if (fs::is_directory(target, ec)) throw Error(path, 0, 0, "cannot write output: it is a directory");
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) throw Error(path, 0, 0, "cannot write output: no directory " + dir.string());
    std::random_device seed;
    const fs::path temp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()) + "-" +
                                 std::to_string(seed() % 100000));
    auto fail = [&](const std::string& why) {
        fs::remove(temp, ec);
        throw Error(path, 0, 0, "cannot write output: " + why);
    };
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) fail(std::strerror(errno));
        try {
            write(out);
        } catch (...) {
            out.close();
            fs::remove(temp, ec);
            throw;
        }
        out.flush();
        if (!out) fail(errno ? std::strerror(errno) : "write failed (disk full?)");
        out.close();
        if (!out) fail(errno ? std::strerror(errno) : "close failed (disk full?)");
    }
    fs::rename(temp, target, ec);
    if (ec) fail(ec.message());
}

}  // namespace chronokg::io
