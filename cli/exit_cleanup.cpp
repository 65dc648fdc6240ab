#include "cli/exit_cleanup.hpp"

#include <vector>

namespace chronokg::cli {
namespace {

bool skip = false;
// Never destroyed: what it holds lives until the process ends.
std::vector<std::shared_ptr<const void>>* const kept = new std::vector<std::shared_ptr<const void>>;

}  // namespace

void skip_freeing_at_exit() { skip = true; }
bool freeing_skipped_at_exit() { return skip; }
void keep_until_exit(std::shared_ptr<const void> value) { kept->push_back(std::move(value)); }

}  // namespace chronokg::cli
