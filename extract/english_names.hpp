#pragma once
// chronokg::EnglishNames — names in English sentences that the rule pack does not know.
//
// What it represents: the step that adds pattern-found entity mentions to an English sentence
// after the pack's aliases are found:
//  - capitalized sequences (`Goods Availability Act`, `Bureau of Industry and Security`, with
//    `of`, `and`, `&` inside when a name needs them), all-capital acronyms, and mixed-case or
//    numbered names (`TechInsights`, `Mate 60 Pro`); a possessive ends a name (`Wingtech's`);
//  - persons after a title (`CEO Jensen Huang`, `President Trump`) or before a speech verb;
//  - a portfolio next to a title names its department when the pack knows one (`Commerce
//    Secretary`, `Secretary of Economic Affairs`), a nationality its country (`Chinese Vice
//    Premier`), both through the `portfolio_forms` and `demonyms` lexicons;
//  - a lower-case term defined by an acronym (`preliminary memorandum of terms (PMT)`), and any
//    name followed by `(ABC)`, bind the acronym for the rest of the document; a person's family
//    name alone (`Schreinemacher said`) names the person met before; `the Department`, `the
//    Bureau` (a lone government or company word) names the last entity named with that word.
// Sentence-initial words, months, weekdays, nationality adjectives and the words of the
// `not_names` lexicon start no name; nor does a capitalized word that opens a sentence unless
// the document also writes it capitalized elsewhere (or it is an acronym or mixed-case). Lines in
// title case (headlines) get no guessed names. A guessed name gets a stable id
// (derive_entity_id) and a type from cue words: `gov_suffix`, `policy_suffix`, `event_suffix`,
// `gpe_suffix`, `org_suffix` lexicons, a digit (PRODUCT), titles and speech verbs (PERSON),
// `in NAME` or `NAME, <place>` (GPE); ORG otherwise.
// Lifecycle: one EnglishNames per rule pack; per document, start() then find() for each English
// sentence in order (the Memory carries names and acronyms from sentence to sentence).
// Thread safety: find() and start() may be called concurrently with distinct Memory objects.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.hpp"
#include "extract/english_tokens.hpp"
#include "extract/mention_finder.hpp"
#include "extract/time_tagger.hpp"
#include "extract/word_shapes.hpp"

namespace chronokg {

class CueId;
class CueWords;
class SentenceCues;
class EntityCatalog;
class Normalizer;
class RelationLexicon;
class RulePack;

class EnglishNames {
public:
    // What one document has shown so far.
    struct Memory {
        // Words of the document's text, as views into the text start() was given (which must
        // outlive the memory): no word is copied. start() puts nearly every word of a document
        // in one of the two sets, and find() asks about a few of them (sentence-initial words):
        // a set is a list of the words as they come, searched through, until it holds more than
        // kListed; then its words move into a hash set, which takes the rest (in a
        // std::unordered_set from the first word, the insertions were a third of start()'s
        // instructions; a list of every word, repeats and all, grew a long text's memory).
        class WordSet {
        public:
            // Listed at once, inline (one insertion a word of the text); settle() moves the list
            // into the hash set when it is due, once a sentence rather than at every word.
            void insert(std::string_view word) { listed_.push_back(word); }
            // Moves the listed words into the hash set once they are more than kListed, or the
            // hash set is in use: called after each sentence's insertions, and before contains().
            // (The test inline: most sentences leave a short list listed, and the call was most
            // of the cost.)
            void settle() {
                if (!hashed_.empty() || listed_.size() > kListed) hash_listed();
            }
            bool contains(std::string_view word) const;  // after settle()
            // Room for `words` insertions (as many as are listed before the move to the hash set).
            void reserve(std::size_t words) { listed_.reserve(std::min(words, kListed + 1)); }
            std::size_t count(std::string_view word) const { return contains(word) ? 1 : 0; }

        private:
            void hash_listed();  // settle()'s move
            static constexpr std::size_t kListed = 2048;
            std::vector<std::string_view> listed_;         // the words as inserted, until hashed
            std::unordered_set<std::string_view> hashed_;  // all the words, once past kListed
        };
        WordSet capitalized_inside;  // words written capitalized after a sentence's first word
        WordSet lower_case;          // words written in lower case
        // Puts the words of a sentence (english_tokens(), not in title case) in the two sets.
        // Out of line: inlined into start(), its loop lost the registers it needs to the loop
        // over the sentences around it.
        [[gnu::noinline]] void remember(const std::vector<EnglishToken>& words);
        // The entities are the catalog's or kept in the document's EntityStore.
        std::map<std::string, const EntityRef*> family_names;  // "Schreinemacher" → the person
        std::map<std::string, const EntityRef*> acronyms;      // bound by "(ABC)"
        // What the document named, by entity id: every mention of every sentence updates it, so
        // it is one hash map (two ordered maps of the id cost 3 % of English extraction, most of
        // it comparing ids). The key views the id of the entity first mentioned with it, as the
        // mentions' entities outlive the memory (the catalog's, or the document's EntityStore's):
        // a copy of the id was an allocation a new entity.
        struct Seen {
            std::size_t order = 0;             // order of the entity's last mention
            const EntityRef* entity = nullptr;  // the entity of that mention
        };
        std::unordered_map<std::string_view, Seen> seen;  // read only after record_mentions()
        // The mentions since, in order, put in `seen` only when it is read (most documents never
        // read it: the ids were hashed for nothing), or when kUnrecorded of them wait.
        std::vector<Seen> unrecorded;
        static constexpr std::size_t kUnrecorded = 1024;
        std::size_t order = 0;
        // Brings `seen` up to date with the mentions recorded so far.
        void record_mentions();
    };

    EnglishNames(const RulePack& pack, const EntityCatalog& catalog, const RelationLexicon& lexicon,
                 const CueWords& cues, const Normalizer& normalizer);

    // The memory for a document, from the spelling of every word of its sentences; the words
    // cut for it are left in `kept` for the sentence-by-sentence pass.
    Memory start(std::string_view text, const std::vector<Sentence>& sentences, KeptWords& kept) const;

    // Adds the names the pack does not know to `mentions` (those of `sentence`, in text order,
    // kept in text order), their entities to `entities`; `tokens` are its english_tokens(),
    // `times` its time expressions (never names), `cues` its cue words, `roles` its role titles
    // (SentenceView::roles). The entities of `mentions`, and `entities`, must outlive `memory`.
    void find(std::string_view text, const Sentence& sentence, const std::vector<EnglishToken>& tokens,
              const std::vector<TimeMention>& times, const SentenceCues& cues, const std::vector<PhraseHit>& roles,
              std::vector<Mention>& mentions, Memory& memory, EntityStore& entities) const;

    // Whether the words of text[range] are in title case (a headline): most words capitalized.
    // A run that ends in a full stop is prose: most sentences are told by their last word alone,
    // inline, without the call that counts the words.
    static bool title_case(const std::vector<EnglishToken>& tokens, std::size_t first, std::size_t last) {
        return !(last > first && tokens[last - 1].after == '.') && mostly_capitalized(tokens, first, last);
    }

private:
    class SentenceNames;

    // Whether most words of tokens[first, last) are capitalized (title_case() past the full stop).
    static bool mostly_capitalized(const std::vector<EnglishToken>& tokens, std::size_t first, std::size_t last);

    // The catalog's entity, or nullptr.
    const EntityRef* resolve(const std::string& name, std::string_view role, Memory& memory) const;
    const EntityRef* entity_by_id(const std::string& id) const;

    const EntityCatalog& catalog_;
    const RelationLexicon& lexicon_;
    const CueWords& cues_;
    const Normalizer& normalizer_;
    // Months, weekdays and demonyms, lower case: the words that start no name, in one set so
    // that a word is ruled out by one look-up.
    std::unordered_set<std::string> month_day_and_demonym_words_;
    // Their shapes: most capitalized words (names) have none of them, and are ruled out without
    // a lower-case copy and a look-up.
    WordShapes month_day_and_demonym_shapes_;
    std::unordered_map<std::string, std::string> demonyms_;  // "chinese" → "china"
    std::vector<std::string> two_word_demonym_starts_;        // "south" of "south korean"
    std::vector<std::pair<std::string, std::string>> portfolio_forms_;  // role id, form with {}
};

}  // namespace chronokg
