#pragma once
// Extraction with the unit-test pack, events as "subject | relation | object | date" lines.
#include <string>
#include <vector>

#include "extract/extractor.hpp"
#include "../test_support.hpp"

namespace chronokg::test {

inline const Extractor& test_extractor() {
    static const Extractor extractor(test_pack());
    return extractor;
}

inline std::vector<std::string> triples(const std::string& text, const std::string& published = "2025-05-20",
                                        bool with_flags = false, const Extractor& extractor = test_extractor()) {
    std::vector<std::string> out;
    for (const auto& e : extractor.extract(article(text, published))) {
        std::string line = e.subject.label + " | " + e.relation + " | " + e.object.label + " | " +
                           (e.date && e.date_source != DateSource::document ? e.date->iso() : "-");
        if (with_flags) line += std::string(" | ") + to_string(e.polarity) + " " + to_string(e.modality);
        out.push_back(line);
    }
    return out;
}

}  // namespace chronokg::test
