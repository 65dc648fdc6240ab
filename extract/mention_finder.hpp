#pragma once
// chronokg::MentionFinder — the entity mentions of one document.
//
// What it represents: the step from folded text to "which entity is named where". It finds
// (1) rule-pack aliases, longest first then leftmost; (2) titles in 《》, which become POLICY
// entities unless an alias covers the whole title; (3) acronyms bound in the text: a mention
// followed by `(ABC)` makes `ABC` name the same entity for the rest of the document.
// Ambiguous aliases resolve to the candidate named most recently by an unambiguous alias, else
// to the first in pack order. Mentions never overlap and come in text order.
// Thread safety: const after construction; a Reading belongs to the thread reading its document.
#include <bitset>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
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

    // Adds the words a sentence's mentions are found from besides the aliases to `set`, as its
    // dictionaries `short_forms` (a short form with its context word: 对华) and `anaphora`
    // (该公司): SentenceScan finds them in the scan that finds the rules' words.
    void add_words(DictionarySet& set, std::size_t short_forms, std::size_t anaphora) const;

    // What the mentions of a sentence are found from.
    struct SentenceHits {
        // EntityCatalog::find_in's hits for its range, where the caller keeps them: next() leaves
        // in it the hits it chose (select_longest), and the list keeps its room.
        std::vector<PhraseHit>& aliases;
        // add_words()'s dictionaries, as DictionarySet::find_all gives them: read where the
        // caller keeps them, which then keep their room for its next sentence's.
        const std::vector<PhraseHit>& short_forms;
        const std::vector<PhraseHit>& anaphora;
    };

    // The mentions of one document (`text`, folded), found a sentence at a time in text order:
    // an acronym bound in one sentence names its entity in the later ones, an ambiguous alias
    // means the entity named last, a description (该公司) points back to an earlier mention.
    // Entities the pack does not know (titles, product models) are kept in `entities`.
    class Reading {
    public:
        Reading(const MentionFinder& finder, std::string_view text, EntityStore& entities);
        // The mentions of `sentence`, the sentence after the previous call's, in text order,
        // into `found` (what it held is replaced; its room is kept: the caller's list for each
        // sentence is not allocated anew).
        void next(const Sentence& sentence, SentenceHits hits, std::vector<Mention>& found);

    private:
        const MentionFinder& finder_;
        std::string_view text_;
        EntityStore& entities_;
        std::vector<Mention> earlier_;  // the mentions of the sentences before, in text order
        std::unordered_map<std::uint32_t, std::size_t> last_seen_;  // entity → order of its last clear mention
        // The clear mentions since (entity, order), put in last_seen_ only when it is read (at an
        // ambiguous alias, which most sentences and many documents have none of), or when
        // kUnrecorded of them wait.
        std::vector<std::pair<std::uint32_t, std::size_t>> unrecorded_;
        static constexpr std::size_t kUnrecorded = 1024;
        void record_clear_mentions();
        std::size_t order_ = 0;
        std::map<std::string, const EntityRef*> acronyms_;  // bound in this document
    };

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
    // What add_words() adds: short forms (context word + short form, folded; payload: index into
    // short_forms_) and anaphora (folded; payload: index into anaphora_types_).
    std::vector<std::pair<std::string, std::uint32_t>> short_form_words_;
    std::vector<std::pair<std::string, std::uint32_t>> anaphora_words_;
    std::vector<ShortForm> short_forms_;
    std::vector<std::string> anaphora_types_;
    std::vector<bool> anaphora_clause_start_;  // the entry is `^…`: a clause's first words only
    std::vector<std::string> product_kinds_;  // folded, longest first
    // The bytes a product kind starts with, and those second in one (all bytes when a kind is
    // one byte long): after most organizations the two bytes are not those of a kind, and the
    // kinds are not tried one by one (English text never starts one; in Chinese nearly every
    // character's first byte starts some kind).
    std::bitset<256> product_kind_first_bytes_;
    std::bitset<256> product_kind_second_bytes_;
};

}  // namespace chronokg
