#pragma once
// One field of a CSV row (RFC 4180), as Gephi's spreadsheet importer and Neo4j's admin import
// read them with their default settings.
//
// A field holding a comma, a quote, or space at either end is quoted, quotes doubled. Line
// breaks and tabs become spaces (both importers split rows on line breaks unless told
// otherwise), other control characters are removed, invalid UTF-8 is replaced.
// Thread safety: pure functions.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace chronokg::io {

std::string csv_field(std::string_view text);

// The fields, each through csv_field(), joined by commas, then a line feed.
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace chronokg::io
