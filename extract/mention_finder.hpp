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
#include <string>
#include <string_view>
#include <vector>

#include "core/event.hpp"
#include "extract/entity_store.hpp"
#include "extract/dictionary_set.hpp"
#include "extract/phrase_matcher.hpp"
#include "extract/segmenter.hpp"

namespace chronokg {

class EntityCatalog;
class Normalizer;
class RulePack;

struct Mention {
    enum class Kind { alias, acronym, title, name, short_form, reference };
    TextRange range;  // in the folded text
    const EntityRef* entity = nullptr;  // the catalog's, or kept in the document's EntityStore
    Kind kind = Kind::alias;
};

class MentionFinder {
public:
    // Reads the `short_forms`, `short_form_context` and `anaphora` lexicons of `pack`.
    MentionFinder(const EntityCatalog& catalog, const RulePack& pack, const Normalizer& normalizer);

    // Mentions in `text` (folded), sentence by sentence; entities the pack does not know (titles,
    // product models) are kept in `entities`.
    std::vector<Mention> find(std::string_view text, const std::vector<Sentence>& sentences,
                              EntityStore& entities) const;

private:
    struct ShortForm {
        std::size_t context_length;  // bytes of the context word before the short form
        std::uint32_t entity;
    };
    void add_products(std::string_view text, TextRange sentence, std::vector<Mention>& found,
                      EntityStore& entities) const;
    // `hits`: the short-form hits of the sentence, as PhraseMatcher::find_all gives them.
    void add_short_forms(const std::vector<PhraseHit>& hits, std::vector<Mention>& found) const;
    // `hits`: the anaphora hits of the sentence, likewise.
    void add_references(std::string_view text, const Sentence& sentence, const std::vector<PhraseHit>& hits,
                        const std::vector<Mention>& earlier, std::vector<Mention>& found) const;

    const EntityCatalog& catalog_;
    // Short forms (context word + short form; payload: index into short_forms_) and anaphora
    // (payload: index into anaphora_types_), scanned for at once.
    enum Words : std::size_t { kShortForms, kAnaphora };
    DictionarySet sentence_words_{2};
    std::vector<ShortForm> short_forms_;
    std::vector<std::string> anaphora_types_;
    std::vector<bool> anaphora_clause_start_;  // the entry is `^…`: a clause's first words only
    std::vector<std::string> product_kinds_;  // folded, longest first
};

}  // namespace chronokg
