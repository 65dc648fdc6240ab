#pragma once
// chronokg::CueWords — the word lists the clause rules consult (negation, modality, passive
// markers, coordination…), compiled from the pack's `lexicon` records.
//
// What it represents: one PhraseMatcher per (list, language), over folded words; English words
// match whole words, case-insensitively. Thread safety: immutable after construction.
#include <array>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "extract/phrase_matcher.hpp"
#include "extract/rule_pack.hpp"
#include "extract/segmenter.hpp"
#include "extract/word_lists_index.hpp"

namespace chronokg {

class Normalizer;

// The name of a cue list, as its place in kLexiconIds. A name written in the code ("negation")
// is looked up at compile time, and an unknown one does not compile: the rules ask about a list
// over a million times per megabyte of text, and a lookup by name per question cost 5% of
// extraction's instructions. A name known only at run time goes through the explicit
// constructor; an unknown one names no list (every question about it has no answer).
class CueId {
public:
    template <std::size_t N>
    consteval CueId(const char (&name)[N]) : index_(index_of(std::string_view(name, N - 1))) {
        if (index_ == kUnknown) throw "not a known lexicon id: add it to kLexiconIds";
    }
    explicit constexpr CueId(std::string_view name) : index_(index_of(name)) {}

    static constexpr std::uint32_t kUnknown = ~0u;
    constexpr std::uint32_t index() const { return index_; }
    std::string_view name() const { return index_ == kUnknown ? std::string_view() : kLexiconIds[index_]; }

private:
    static constexpr std::uint32_t index_of(std::string_view name) {
        for (std::uint32_t i = 0; i < kLexiconIds.size(); ++i)
            if (kLexiconIds[i] == name) return i;
        return kUnknown;
    }
    std::uint32_t index_;
};

// A set of cue lists, by CueId index.
using CueSet = std::bitset<kLexiconIds.size()>;

// Several lists, for a loop over them: `for (const CueId list : CueIds{"negation", "planned"})`.
using CueIds = std::initializer_list<CueId>;

class CueWords {
public:
    CueWords(const RulePack& pack, const Normalizer& normalizer);

    // Occurrences of list `id` ("negation", …) for `lang` ("zh" or "en") in text[range],
    // longest first then leftmost, in text order.
    std::vector<TextRange> find(CueId id, std::string_view lang, std::string_view text, TextRange range) const;
    bool any(CueId id, std::string_view lang, std::string_view text, TextRange range) const {
        return !find(id, lang, text, range).empty();
    }
    // The folded words of list `id` for `lang`, in pack order (empty when none).
    const std::vector<std::string>& words(CueId id, std::string_view lang) const;
    // Whether list `id` has no words for `lang`.
    bool empty(CueId id, std::string_view lang) const;
    // Every list of which text[range] is, whole, a word for `lang` (match_at(list, lang, text,
    // range.begin, range.end) == range.size(); so an empty range is in every list): all the lists
    // at once, one look-up for a word the rules then ask about a dozen times (EnglishToken keeps
    // it): by a hash of the word (WordListsIndex), or for a word too long for that, one walk down
    // the trie of every list's words. (In the header: its one caller, an English word's first
    // question, then looks it up without two calls' worth of passing the text and the range along.)
    CueSet lists_of_word(std::string_view lang, std::string_view text, TextRange range) const {
        CueSet in;
        std::size_t index = 0;
        if (language_index(lang, index)) add_lists_of_word(index, text, range, in);
        return in;
    }
    // lists_of_word("en", text, range) added to `lists` (empty): an English word's question, with
    // no language name to read and no set to copy out (EnglishToken fills its own). `capitals`:
    // whether the word may hold capitals (Capitals::none for a word known to hold none, which
    // the look-up then need not lower). `edges`: Edges::fit for a word known to have no letter or
    // digit on either side (the word-edge rule then need not look).
    using Capitals = WordListsIndex::Capitals;
    using Edges = WordListsIndex::Edges;
    void add_lists_of_english_word(std::string_view text, TextRange range, CueSet& lists,
                                   Capitals capitals = Capitals::maybe, Edges edges = Edges::check) const {
        add_lists_of_word(1, text, range, lists, capitals, edges);
    }
    // Whether text[at, …) starts with a word of the list. (In the header: the rules ask this
    // for most words, and the call through lists() cost more than the question.)
    std::size_t match_at(CueId id, std::string_view lang, std::string_view text, std::size_t at,
                         std::size_t limit) const {
        std::size_t index = 0;
        const Lists* l = lists(id, lang, index);
        if (!l || at >= limit) return 0;
        return l->matchers[index].longest_at(text, at, limit);
    }

    // The lists the rules look for in windows of a sentence (find() and any()), which
    // SentenceCues finds in one scan of the sentence. The others are consulted word by word
    // (match_at(), lists_of_word()) and hold frequent words (determiners, auxiliaries, surnames)
    // whose hits would make that scan slower: SentenceCues passes a question about one of them
    // on to find(). (In the header: SentenceCues sizes its table by their count at compile
    // time, not with an allocation a sentence.)
    static constexpr std::array<std::string_view, 26> kWindowedLists = {
        "negation",     "not_negation",    "planned",      "not_planned",      "hypothetical",
        "epistemic",    "reported",        "passive_agent", "preposition",     "coordination",
        "function_word", "org_suffix",     "noun_prefix",  "topic_preposition", "pivot_verb",
        "complement_verb", "prevent_verb", "ability",      "actor_noun",       "anaphora_determiner",
        "amount_words", "infinitive_verbs", "place_preposition", "person_title", "effective_date",
        "subordinators"};
    // The number of windowed list `id` (its place in kWindowedLists), or kNotWindowed for
    // another list or an unknown id.
    static constexpr std::uint32_t kNotWindowed = ~0u;
    // (In the header: SentenceCues asks it for every question, some 350,000 a MB of text.)
    std::uint32_t windowed_number(CueId id) const {
        return id.index() < kLexiconIds.size() ? lists_[id.index()].windowed : kNotWindowed;
    }
    // Every occurrence in text[range] of every word of every windowed list for `lang` (none for
    // another language), each hit's payload its list's windowed number. Filtered to one list,
    // the hits are exactly those PhraseMatcher::find_all of that list alone gives, in its order.
    std::vector<PhraseHit> find_all_lists(std::string_view lang, std::string_view text, TextRange range) const;
    // The matcher find_all_lists scans for `lang`; nullptr for another language than "zh" or "en".
    const PhraseMatcher* windowed_matcher(std::string_view lang) const {
        std::size_t index = 0;
        return language_index(lang, index) ? &windowed_[index] : nullptr;
    }

private:
    // The lists of one id: [0] for "zh", [1] for "en".
    struct Lists {
        std::uint32_t windowed = kNotWindowed;  // the list's windowed number
        std::array<PhraseMatcher, 2> matchers;
        std::array<std::vector<std::string>, 2> words;  // the folded words, in pack order
    };
    // The lists of `id` and the index of `lang` in them, or nullptr for an unknown id or language.
    const Lists* lists(CueId id, std::string_view lang, std::size_t& index) const {
        if (!language_index(lang, index)) return nullptr;
        return id.index() < kLexiconIds.size() ? &lists_[id.index()] : nullptr;
    }
    // lists_of_word() of the language of `index` (language_index), added to `in` (empty).
    void add_lists_of_word(std::size_t index, std::string_view text, TextRange range, CueSet& in,
                           Capitals capitals = Capitals::maybe, Edges edges = Edges::check) const {
        if (every_list_index_[index].lists_of(text, range, in, capitals, edges)) return;
        if (range.empty()) {
            in.set();
            return;
        }
        every_list_[index].for_each_exact(text, range.begin, range.end, [&in](std::uint32_t list) { in.set(list); });
    }
    // 0 for "zh", 1 for "en"; false for another language.
    static bool language_index(std::string_view lang, std::size_t& index) {
        if (lang.size() != 2) return false;
        if (lang[0] == 'z' && lang[1] == 'h') index = 0;
        else if (lang[0] == 'e' && lang[1] == 'n') index = 1;
        else return false;
        return true;
    }

    // By CueId index: one for each of kLexiconIds, which the questions compare an index with (a
    // constant, where the vector's size is a difference divided by a Lists' size).
    std::vector<Lists> lists_;
    // The windowed lists' words in one matcher per language ([0] "zh", [1] "en"), each payload
    // the list's windowed number.
    std::array<PhraseMatcher, 2> windowed_;
    // Every list's words in one matcher per language, each payload the list's CueId index.
    std::array<PhraseMatcher, 2> every_list_;
    // The same words by a hash of each, per language: lists_of_word's answer for a short word.
    std::array<WordListsIndex, 2> every_list_index_;
};

}  // namespace chronokg
