#pragma once
// Small text forms of graph values shared by every writer, so all formats say the same thing.
// Thread safety: pure functions.
#include <string>
#include <vector>

#include "core/date.hpp"
#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

// "revokes (2025-05-13)", "revokes (2025-05-13, 2025-06-01)", or "revokes" without a date.
std::string edge_label(const EdgeData& edge);

// "2025-05-13;2025-06-01".
std::string join_dates(const std::vector<Date>& dates);

// "BIS|工业和安全局".
std::string join_aliases(const std::vector<std::string>& aliases);

}  // namespace chronokg::io
