#pragma once
// Small text forms of graph values shared by every writer and reader, so all formats say the
// same thing. Thread safety: pure functions.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

// "revokes (2025-05-13)", "revokes (2025-05-13, 2025-06-01)", or "revokes" without a date;
// "not revokes …" for a negated event. At most three dates, then "…".
std::string edge_label(const EdgeData& edge);
// The label appended to `out` (writers reuse one string for every edge's label).
void append_edge_label(std::string& out, const EdgeData& edge);
// The same from an edge's kind (edge_kind()) and dates.
std::string edge_label(std::string_view kind, std::span<const Date> dates);
void append_edge_label(std::string& out, std::string_view kind, std::span<const Date> dates);
inline std::string edge_label(std::string_view kind, const DateList& dates) {
    return edge_label(kind, {dates.data(), dates.size()});
}

// The relation as a kind of edge: "revokes", or "not revokes" when negated. Gephi merges
// parallel edges of one kind, and a denial must not merge into the statement it denies.
std::string edge_kind(const EdgeData& edge);

// "2025-05-13;2025-06-01", and back (nullopt when a part is not a date).
std::string join_dates(std::span<const Date> dates);
void append_joined_dates(std::string& out, std::span<const Date> dates);
inline std::string join_dates(const DateList& dates) { return join_dates({dates.data(), dates.size()}); }
std::optional<std::vector<Date>> split_dates(std::string_view text);

// "BIS|工业和安全局": `|` separates, and a `|` or `\` inside an alias is escaped with `\`,
// so split_aliases(join_aliases(a)) == a for any aliases.
std::string join_aliases(const std::vector<std::string>& aliases);
std::vector<std::string> split_aliases(std::string_view text);

// `value` in decimal, written into `buffer` (room for any 64-bit number): writers number a
// million edges without a string each.
using DecimalBuffer = std::array<char, 20>;
std::string_view decimal(std::uint64_t value, DecimalBuffer& buffer);

// Asks for an edge to be brought into the cache (a hint; it reads nothing but the edge itself).
// Writers call it for an edge some places ahead: the builder leaves each edge's data where its
// event arrived, and its texts where they were allocated, so edge order is a walk through
// memory at random, and reading them cold was most of a writer's time. prefetch_edge() asks
// for the edge's data, prefetch_texts() (which reads the data) for what its strings point to:
// the first for an edge further ahead, the second for a nearer one.
constexpr std::size_t kPrefetchAhead = 8;  // edges: enough to hide a miss, few enough to keep what came
inline void prefetch_edge(const EdgeData* edge) {
    for (std::size_t line = 0; line < sizeof(EdgeData); line += 64) __builtin_prefetch(reinterpret_cast<const char*>(edge) + line);
}
inline void prefetch_texts(const EdgeData& edge) {
    for (std::size_t line = 0; line < edge.evidence.size(); line += 64) __builtin_prefetch(edge.evidence.data() + line);
    __builtin_prefetch(edge.relation_text.data());
    __builtin_prefetch(edge.doc.data());
    __builtin_prefetch(edge.rule.data());
}

// "day", "month" or "year"; empty without a date.
std::string precision_name(const std::optional<Date>& date);

// `text` with invalid UTF-8 replaced by U+FFFD (returned as is when valid).
std::string valid_utf8(std::string_view text);

}  // namespace chronokg::io
