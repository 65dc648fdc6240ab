#pragma once
// The chronokg command line: `extract`, `build`, `eval` and the query commands.
//
// run() parses arguments (without the program name), runs one command and returns the exit
// code: 0 ok, 1 bad input or usage (one clear line a problem on `err`, naming file and line).
// Results go to `out`, or to files that are written whole or not at all.
// Thread safety: one call at a time per stream pair.
#include <ostream>
#include <string>
#include <vector>

namespace chronokg::cli {

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace chronokg::cli
