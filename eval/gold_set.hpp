#pragma once
// Gold annotations: the hand-written events an article should yield.
//
// The format is the development set's (`../shared/dev/README.md`): one JSON object a line with
// `subject` and `object` ("Canonical name|alias|…"), `relation`, `date` (ISO at any precision,
// or null) and `evidence`. Articles and gold pair by file name: `articles/NAME.txt` with
// `gold/NAME.jsonl`. Thread safety: plain values.
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace chronokg {

struct GoldEvent {
    std::vector<std::string> subject;  // names, canonical first
    std::string relation;
    std::vector<std::string> object;
    std::optional<Date> date;
    std::string evidence;
};

struct GoldArticle {
    std::string name;          // file stem
    std::string article_path;  // the raw text
    std::vector<GoldEvent> events;
};

// Reads one gold file; throws chronokg::Error with file:line on a malformed line.
std::vector<GoldEvent> read_gold_file(const std::string& path);

// Pairs `gold_dir`/NAME.jsonl with `articles_dir`/NAME.txt (or .md), sorted by name.
// Throws when a gold file has no article.
std::vector<GoldArticle> read_gold_set(const std::string& gold_dir, const std::string& articles_dir);

}  // namespace chronokg
