#pragma once
// Text that is safe inside XML 1.0 character data and attribute values, and that comes back
// unchanged from every XML reader our users have, Boost's included.
//
// `&`, `<`, `>`, `"` and `'` are escaped. Tab, line feed and carriage return are written as
// character references (`&#9;`, `&#10;`, `&#13;`): in an attribute a conforming parser would
// turn them into spaces, and Boost's GraphML reader (RapidXML with whitespace normalization)
// would fold them into one space even in element text. For the same reason a space is written
// `&#32;` when it begins or ends the text or follows another space. Characters XML 1.0 forbids
// (C0 controls other than tab, line feed and carriage return; DEL; U+FFFE and U+FFFF) are
// removed, since no escape can carry them; invalid UTF-8 is replaced by U+FFFD first.
// Known limit: Boost's reader still drops one trailing space (`&#32;` included), which is why
// the graph holds texts without outer whitespace.
// Thread safety: a pure function.
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace chronokg::io {

std::string xml_escape(std::string_view text);
// The same text appended to `out` (no temporary string: the writers' inner loops use this).
void append_xml_escaped(std::string& out, std::string_view text);
// Every vertex's id escaped, by vertex index: edges name their ends by id, and a writer of a
// million edges then escapes each id once, not twice an edge.
std::vector<std::string> xml_escaped_ids(const KnowledgeGraph& graph);

}  // namespace chronokg::io
