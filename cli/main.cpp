// chronokg's command-line entry point: forwards to chronokg::cli::run, which tests call directly.
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/exit_cleanup.hpp"
#include "cli/huge_page_heap.hpp"
#include "export/temporary_files.hpp"

int main(int argc, char** argv) {
    chronokg::cli::use_huge_pages_for_heap();  // first: before the heap grows
    // Past a file size limit (ulimit -f) a write then fails with EFBIG and is reported like a full
    // disk, rather than the signal killing chronokg with a temporary file left behind.
    std::signal(SIGXFSZ, SIG_IGN);
    // Ctrl-C, kill or a closed terminal during a long run: no temporary output file left behind.
    chronokg::io::remove_temporary_files_on_signals();
    // The process ends after one command: its large results need not be freed (exit_cleanup.hpp).
    chronokg::cli::skip_freeing_at_exit();
    std::vector<std::string> args(argv + 1, argv + argc);
    return chronokg::cli::run(args, std::cout, std::cerr);
}
