#pragma once
// The named fields of one node or edge in a saved graph, and the graph values made from them:
// what the GraphML and JSON readers share, so both read every field the same way.
//
// A reader implements the typed look-ups for its format (GraphML holds text only, JSON has
// numbers and arrays); a missing field is empty, or the fallback given. fail() throws
// chronokg::Error naming the file and the node or edge.
// Thread safety: a FieldSource is used by one thread; the functions are pure.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

class FieldSource {
public:
    // `file` and `what` ("node 3", "edge 2 (a -> b)") name the fields in errors.
    FieldSource(std::string file, std::string what) : file_(std::move(file)), what_(std::move(what)) {}
    virtual ~FieldSource() = default;
    virtual std::string text(const char* key) const = 0;
    virtual std::vector<std::string> aliases(const char* key) const = 0;
    virtual std::vector<Date> dates(const char* key) const = 0;
    virtual std::size_t count(const char* key, std::size_t fallback) const = 0;
    virtual double real(const char* key) const = 0;
    [[noreturn]] void fail(const std::string& message) const;

    // text() parsed as a date; nullopt when empty.
    std::optional<Date> date(const char* key) const;
    // A date inside a field's text, for readers that split lists.
    Date parse_date(const char* key, std::string_view text) const;

private:
    std::string file_;
    std::string what_;
};

// `number` as a count when it is a whole number a size_t holds (2.0 is 2); nullopt for negative,
// fractional, NaN or too large numbers, which must not reach a cast (undefined behaviour).
std::optional<std::size_t> whole_count(double number);

// The vertex the fields describe: `id` required, a missing label is the id.
VertexData read_vertex(const FieldSource& fields);
// The edge the fields describe: `relation` required; `date` and `dates` complete each other.
EdgeData read_edge(const FieldSource& fields);

}  // namespace chronokg::io
