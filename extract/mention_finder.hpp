#pragma once
// chronokg::MentionFinder — the entity mentions of one document.
//
// What it represents: the step from folded text to "which entity is named where". It finds
// (1) rule-pack aliases, longest first then leftmost; (2) titles in 《》, which become POLICY
// entities unless an alias covers the whole title; (3) acronyms bound in the text: a mention
// followed by `(ABC)` makes `ABC` name the same entity for the rest of the document.
// Ambiguous aliases resolve to the candidate named most recently by an unambiguous alias, else
// to the first in pack order. Mentions never overlap and come in text order.
// Thread safety: find() may be called concurrently (no state between documents).
#include <string_view>
#include <vector>

#include "core/event.hpp"
#include "extract/segmenter.hpp"

namespace chronokg {

class EntityCatalog;
class Normalizer;

struct Mention {
    enum class Kind { alias, acronym, title, name };
    TextRange range;  // in the folded text
    EntityRef entity;
    Kind kind = Kind::alias;
};

class MentionFinder {
public:
    explicit MentionFinder(const EntityCatalog& catalog);

    // Mentions in `text` (folded), sentence by sentence.
    std::vector<Mention> find(std::string_view text, const std::vector<Sentence>& sentences) const;

private:
    const EntityCatalog& catalog_;
};

}  // namespace chronokg
