// chronokg's command-line entry point: forwards to chronokg::cli::run, which tests call directly.
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return chronokg::cli::run(args, std::cout, std::cerr);
}
