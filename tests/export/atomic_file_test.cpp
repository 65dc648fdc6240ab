#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include "core/error.hpp"
#include "export/atomic_file.hpp"
#include "../test_support.hpp"

using namespace chronokg;
namespace fs = std::filesystem;

namespace {
std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}
void write_text(io::OutputSet& set, const fs::path& path, const std::string& text) {
    set.write(path.string(), [&](std::ostream& out) { out << text; });
}
}  // namespace

TEST_CASE("a set of outputs is replaced together: one failure leaves every old file [issue8]", "[export][issue8]") {
    const auto dir = test::temp_dir("issue8-set");
    test::write_file(dir / "a.dot", "old a");
    test::write_file(dir / "b.graphml", "old b");
    {
        io::OutputSet set;
        write_text(set, dir / "a.dot", "new a");
        write_text(set, dir / "b.graphml", "new b");
        CHECK_THROWS_AS(set.write((dir / "c.json").string(), [](std::ostream& out) {
            out << "partial";
            throw Error("disk trouble");
        }), Error);
    }  // not committed
    CHECK(test::read_file((dir / "a.dot").string()) == "old a");
    CHECK(test::read_file((dir / "b.graphml").string()) == "old b");
    CHECK(entries(dir) == 2);  // no temporary file left
    io::OutputSet set;
    write_text(set, dir / "a.dot", "new a");
    write_text(set, dir / "b.graphml", "new b");
    CHECK(test::read_file((dir / "a.dot").string()) == "old a");  // nothing replaced before commit()
    set.commit();
    CHECK(test::read_file((dir / "a.dot").string()) == "new a");
    CHECK(test::read_file((dir / "b.graphml").string()) == "new b");
    CHECK(entries(dir) == 2);
}

TEST_CASE("the same output under two spellings is refused before anything is written [issue8]", "[export][issue8]") {
    const auto dir = test::temp_dir("issue8-twice");
    fs::create_directories(dir / "sub");
    fs::create_symlink(dir / "g.dot", dir / "link.dot");
    test::write_file(dir / "g.dot", "old");
    for (const auto& other : {dir / "g.dot", dir / "sub" / ".." / "g.dot", dir / "." / "g.dot", dir / "link.dot"}) {
        INFO(other);
        io::OutputSet set;
        write_text(set, dir / "g.dot", "new");
        CHECK_THROWS_WITH(write_text(set, other, "new"), Catch::Contains("the same output is given twice"));
    }
    CHECK(test::read_file((dir / "g.dot").string()) == "old");
    CHECK(io::output_identity("g.dot") == io::output_identity("./g.dot"));
}

TEST_CASE("a replaced file keeps its permissions, and a link keeps pointing to it [issue8]", "[export][issue8]") {
    const auto dir = test::temp_dir("issue8-perms");
    test::write_file(dir / "private.jsonl", "old");
    fs::permissions(dir / "private.jsonl", fs::perms::owner_read | fs::perms::owner_write);
    fs::create_symlink("private.jsonl", dir / "link.jsonl");
    io::write_atomically((dir / "link.jsonl").string(), [](std::ostream& out) { out << "new"; });
    CHECK(fs::is_symlink(dir / "link.jsonl"));
    CHECK(test::read_file((dir / "private.jsonl").string()) == "new");
    CHECK((fs::status(dir / "private.jsonl").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("past a file size limit the write fails cleanly: old file kept, no temporary [issue8]", "[export][issue8]") {
    const auto dir = test::temp_dir("issue8-fsize");
    const auto path = dir / "big.graphml";
    test::write_file(path, "old");
    // In a child process: the limit and the ignored SIGXFSZ (as chronokg's main() does) are its own.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{64 * 1024, 64 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        int code = 3;
        try {
            io::write_atomically(path.string(), [](std::ostream& out) {
                const std::string block(4096, 'x');
                for (int i = 0; i < 1000; ++i) out << block;
            });
            code = 1;  // no error: wrong
        } catch (const Error& e) {
            code = std::string(e.what()).find("big.graphml: cannot write output: File too large") != std::string::npos ? 0 : 2;
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(test::read_file(path.string()) == "old");
    CHECK(entries(dir) == 1);
}

TEST_CASE("large outputs, written past the page cache, come out byte for byte whatever their length", "[export][issue7]") {
    // Past its first 4 MiB a file is written with O_DIRECT, in whole blocks, the tail padded
    // and cut off again: every length around those edges must give the bytes written, no more.
    const auto dir = test::temp_dir("issue7-direct");
    const std::size_t mib = std::size_t{1} << 20;
    for (const std::size_t size : {4 * mib - 1, 4 * mib, 4 * mib + 1, 9 * mib + 4097}) {
        std::string text(size, '\0');
        std::uint32_t state = static_cast<std::uint32_t>(size);
        for (char& c : text) c = static_cast<char>((state = state * 1664525u + 1013904223u) >> 24);
        const auto path = dir / ("out-" + std::to_string(size) + ".graphml");
        io::write_atomically(path.string(), [&](std::ostream& out) {
            // Written in pieces of odd lengths, with a flush in the middle as a writer may do.
            for (std::size_t at = 0; at < size; at += 777777) {
                out.write(text.data() + at, static_cast<std::streamsize>(std::min<std::size_t>(777777, size - at)));
                if (at / 777777 == 7) out.flush();
            }
        });
        INFO(size);
        CHECK(fs::file_size(path) == size);
        CHECK(test::read_file(path.string()) == text);
    }
    CHECK(entries(dir) == 4);  // no temporary file left
}
