#pragma once
// chronokg::EnglishClauses — the structure of an English sentence that the relation rules read.
//
// What it represents: for one sentence, over its words (the view's EnglishTokens), its relation
// verbs (predicates), its speech verbs, its segments and its noun groups:
//  - Predicates are the pack's English patterns in every inflection (RelationLexicon), plus
//    multi-word patterns read loosely: determiners and up to three modifiers may stand before
//    the pattern's noun (`sign an agreement with` finds `signed a preliminary agreement with`,
//    `finalize a grant to` finds `finalised a $1.5 billion grant to`; `-ise` spellings of `-ize`
//    verbs are found too), and `be …` patterns (`be equipped with`) need a form of be before.
//    Verb forms used as nouns or modifiers are dropped: after a determiner or a possessive (`the
//    ban`, `the recently announced PMT`), before `of` (`the use of`), a gerund after a
//    preposition other than `by`/`after`/`before` (`required for manufacturing`) or after a plain
//    noun (`chip manufacturing`), and an infinitive of purpose (`to develop`, unless a word such
//    as `plans to`, `agreed to`, `refused to` governs it).
//  - Segments: the sentence cut at commas, semicolons, colons, dashes and subordinators (`after`,
//    `while`, `if` …); a segment with no verb (`on April 9`, `including Hong Kong`) joins the
//    segment before it unless it opens the sentence. Dates belong to segments.
//  - Noun groups: mentions next to each other form a unit (`U.S. Commerce Department`; with a
//    role title between, the person is the head), units joined by `and`, `or`, `&` … form a
//    group, and so do lists joined by commas that end in such a word (`the Netherlands, the
//    United States and Japan`); a determiner may follow the joining word. A unit followed by a
//    possessive modifies the next noun.
// Thread safety: read_predicates() and read_structure() may be called concurrently.
#include <cstdint>
#include <algorithm>
#include <array>
#include <unordered_map>
#include <span>
#include <string>
#include <vector>

#include "extract/english_inflection.hpp"
#include "extract/english_tokens.hpp"
#include "extract/noun_groups.hpp"
#include "extract/sentence_view.hpp"
#include "extract/word_shapes.hpp"

namespace chronokg {

class CueWords;
class Normalizer;
class RelationLexicon;
class RulePack;

// A word after a pattern's object slot (`to the entity list`), folded and lower-cased, with
// whether it is a word of the `determiners` list (decided once, when the patterns are read: the
// relation rules ask it at every place they try the tail at).
struct TailWord {
    std::string text;
    bool determiner = false;
};

struct EnglishPredicate {
    TextRange verb;                 // the words of the pattern as found
    std::size_t first = 0;          // its tokens: [first, last)
    std::size_t last = 0;
    std::uint32_t relation = 0;     // index into RelationLexicon::relations()
    // Folded words after the object slot (`to the entity list`): the pattern's own, held by
    // EnglishClauses (a copy for each candidate verb was a vector of strings each time).
    std::span<const TailWord> tail;
    bool participle = false;        // the verb is a past participle (passive candidate)
    bool after_be = false;          // a `be …` pattern
    bool gerund = false;            // the verb ends in -ing
    bool base = false;              // the verb is its lemma (`supply`, not `supplies`)
    // The longest shorter pattern found at the same verb (`produce` under `produce chips for`),
    // for when the longer one finds no object: zero or one element.
    std::vector<EnglishPredicate> fallback;
};

// Token indices are into the words of the sentence's view (SentenceView::tokens), which are not
// copied here.
struct EnglishSentence {
    TextRange range;
    std::vector<EnglishPredicate> predicates;  // in text order, never overlapping
    std::vector<std::size_t> speech;           // first tokens of speech and report cues (`said`, `as reported by`)
    std::vector<std::size_t> segment_of;       // token → segment
    std::vector<std::pair<std::size_t, std::size_t>> segments;  // token ranges
    // The words right after a comma, in text order (the cut into segments reads every word's
    // mark: the relation rules, which look for `, which …`, take them from here).
    std::vector<std::size_t> after_comma;
    std::vector<NounGroup> groups;             // in text order
};

class EnglishClauses {
public:
    EnglishClauses(const RulePack& pack, const RelationLexicon& lexicon, const CueWords& cues,
                   const Normalizer& normalizer);

    // The structure of `view`'s sentence, read in two steps; `mentions` are its entity mentions
    // (role persons included). First its predicates, into `s` (what it held is replaced: its
    // lists are emptied, their room kept for a caller that reads sentence after sentence; speech
    // verbs and segments left empty, the groups left for read_structure to replace, so that it
    // takes them again with their members' room)…
    void read_predicates(const SentenceView& view, const std::vector<Mention>& mentions, EnglishSentence& s) const;
    // …then the rest of `s`, which read_predicates filled: its speech verbs, segments (with the
    // words after a comma) and noun groups; `joins`: where a role title joins an organization to
    // a person. A caller that relates nothing in a sentence without predicates skips this step
    // there (38 % of the English sentences of the bench corpus).
    void read_structure(const SentenceView& view, const std::vector<Mention>& mentions,
                        const std::vector<RoleJoin>& joins, EnglishSentence& s) const;

    // Word classes, from the pack's word lists.
    bool auxiliary(const EnglishToken& t) const { return t.in("auxiliaries"); }
    bool determiner(const EnglishToken& t) const { return t.in("determiners"); }
    // determiner(t), for a word the rules most often ask nothing else about (a word between two
    // names, after a pattern's object): a word without a determiner's first and last byte and
    // length is none, without a look-up of every list it is in (a word's first question).
    bool determiner_unasked(const EnglishToken& t) const {
        return (t.word.empty() || determiner_shapes_.may_have_ends_of(t.word)) && determiner(t);
    }
    bool preposition(const EnglishToken& t) const { return t.in("preposition"); }
    bool adverb(const EnglishToken& t) const;
    // Whether a cue of list `id` ends exactly where token `t` ends (`plans to` before a verb);
    // `cues` are those of `t`'s sentence.
    bool cue_ends_at(CueId id, const SentenceCues& cues, TextRange sentence, const EnglishToken& t) const;

private:
    // A word of a loose pattern after its verb, folded and lower-cased, with what it is read as
    // (decided once here: find_predicates asks for every candidate verb of every sentence).
    struct LooseWord {
        std::string text;
        bool determiner;  // a word of the `determiners` list: stands for any determiner or none
        bool particle;    // a preposition or adverb particle (`up`, `out`…): follows at once
    };
    struct LoosePattern {
        std::uint32_t relation;
        std::vector<LooseWord> words;  // after the verb
        std::vector<TailWord> tail;
        bool after_be;
        // The first word after the verb that must be there (the first that is not a determiner
        // word): its first byte & 31 (a letter and its capital alike) and the lengths of what it
        // stands for (bit min(length, 31) of each reading: `sanctions` is found as `sanction`
        // too). That word stands within the loose window after the verb, so a pattern whose
        // first byte and length no word of the window has together is passed over without a
        // walk. required_lengths is 0 when every word is a determiner word: no filter.
        std::uint8_t required_first = 0;
        std::uint32_t required_lengths = 0;
    };
    LooseWord loose_word(const std::string& w) const;
    std::vector<TailWord> tail_words(const std::string& tail) const;  // of the folded text after a slot
    // s.predicates (empty), from the view's verb hits and the loose patterns.
    void find_predicates(const SentenceView& view, EnglishSentence& s, const std::vector<Mention>& mentions) const;
    // Whether candidate `p` is a noun or a modifier here, not a verb: by the words before it (an
    // answer that depends only on its first word and its form: participle, gerund, base)…
    bool noun_use_before(const SentenceView& view, const EnglishSentence& s, const EnglishPredicate& p) const;
    // …or by an `of` after it.
    bool noun_before_of(const SentenceView& view, const EnglishPredicate& p) const;
    void cut_segments(const SentenceView& view, EnglishSentence& s, const std::vector<Mention>& mentions) const;
    // s.groups, from the mentions: the groups it held are taken again, with their members' room.
    void group(const SentenceView& view, EnglishSentence& s, const std::vector<Mention>& mentions,
               const std::vector<RoleJoin>& joins) const;

    const RelationLexicon& lexicon_;
    const CueWords& cues_;
    EnglishInflection inflection_;
    std::vector<LoosePattern> loose_;
    // How many words after a verb its loose pattern's first required word may stand at: a
    // determiner and three modifiers before it, and a word for each determiner word of the
    // pattern before it (the most any pattern has: one in the default pack, so 6).
    std::size_t loose_window_ = 5;
    struct LooseForm {
        std::size_t pattern;
        bool participle;
        bool base;
    };
    // Verb forms (lower case) looked up by a word as written: hashed and compared lower-cased in
    // place, without a lower-cased copy of every word of every sentence. A word known to hold no
    // capital (EnglishToken::lower_word(), most words) is compared as it is: one memcmp, where
    // lowering byte by byte cost some sixty instructions a found form.
    struct LooseKey {
        std::string_view word;
        bool lower;  // the word holds no capital
    };
    struct LowerHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view word) const;
        std::size_t operator()(const LooseKey& key) const { return (*this)(key.word); }
    };
    struct LowerEqual {
        using is_transparent = void;
        bool operator()(std::string_view word, std::string_view form) const { return lower_equals(word, form); }
        bool operator()(const LooseKey& key, std::string_view form) const {
            return key.lower ? key.word == form : lower_equals(key.word, form);
        }
    };
    std::unordered_map<std::string, std::vector<LooseForm>, LowerHash, LowerEqual> loose_index_;  // verb form → patterns
    // The patterns of the verb form word `t` is (ASCII case aside), or null.
    const std::vector<LooseForm>* loose_forms(const EnglishToken& t) const;
    // The shapes of the loose verb forms: most words of a sentence have none of them, and are
    // passed over without a hash.
    WordShapes loose_shapes_;
    // The shapes of the `auxiliaries` words, for cut_segments: it asks whether a word is one of
    // most words after a comma, before any other rule asks about them.
    WordShapes auxiliary_shapes_;
    // The shapes of the `determiners` words (determiner_unasked()). An empty word is in every
    // list: it is asked.
    WordShapes determiner_shapes_;
    bool may_be_loose_form(std::string_view word) const;
    // The words of each lexicon pattern (by pattern index), split once rather than per hit.
    struct PatternWords {
        std::vector<TailWord> tail;  // after the object slot
        std::string first;              // the first word as written, lower-cased; empty when none
    };
    std::vector<PatternWords> pattern_words_;
};

}  // namespace chronokg
