#pragma once
// chronokg::Extractor — the whole extraction pipeline: Document in, Events out.
//
// What it represents: a rule pack compiled once (alias automaton, verb patterns, time rules,
// word lists), then applied to documents: normalize → sentences and clauses → mentions →
// time expressions → relation rules → dated events. Sentences with garbled text are skipped.
// Each event's date is the clause's time expression before its verb, else one in an earlier
// clause of the sentence, else one after the verb that is not inside the object's modifiers,
// else the previous sentence's date when the sentence opens with a carry-over word (同日,
// `the same day`), else the publication date (date_source says which).
// Output is sorted and free of duplicates, so the same document gives the same bytes.
// Thread safety: extract() may be called from several threads at once.
#include <memory>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/event.hpp"

namespace chronokg {

class RulePack;

struct ExtractorOptions {
    std::string lang = "auto";  // "auto", "zh" or "en": the language of every sentence
    bool keep_negated = true;    // events with polarity negative
    bool keep_hypothetical = true;
    // English passives without an agent (`the rule was rescinded`) become events whose subject is
    // "unknown" (type UNKNOWN); by default they give no event.
    bool agentless_passives = false;
};

class Extractor {
public:
    explicit Extractor(const RulePack& pack, ExtractorOptions options = {});
    ~Extractor();
    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;

    std::vector<Event> extract(const Document& document) const;

    // The language rules would read `text` in ("zh" when it holds at least two Hanzi).
    static std::string detect_language(std::string_view folded_sentence);

private:
    struct Parts;
    class Reading;  // one document being read: extract()'s steps
    std::unique_ptr<Parts> parts_;
    ExtractorOptions options_;
};

}  // namespace chronokg
