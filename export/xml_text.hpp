#pragma once
// Text that is safe inside XML 1.0 character data and attribute values.
//
// `&`, `<`, `>`, `"` and `'` are escaped; characters XML 1.0 forbids (C0 controls other than
// tab, line feed and carriage return; U+FFFE and U+FFFF) are removed, since no escape can
// carry them. Input must be valid UTF-8. Thread safety: a pure function.
#include <string>
#include <string_view>

namespace chronokg::io {

std::string xml_escape(std::string_view text);

}  // namespace chronokg::io
