#include "extract/cue_words.hpp"

#include <algorithm>

#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg {
namespace {

// The lists the rules look for in windows of a sentence (find() and any()), which SentenceCues
// finds in one scan of the sentence. The others are consulted word by word (match_at(),
// lists_of_word()) and hold frequent words (determiners, auxiliaries, surnames) whose hits would
// make that scan slower: SentenceCues passes a question about one of them on to find().
const std::array<std::string_view, 25> kWindowed = {
    "negation",     "not_negation",    "planned",      "not_planned",      "hypothetical",
    "epistemic",    "reported",        "passive_agent", "preposition",     "coordination",
    "function_word", "org_suffix",     "noun_prefix",  "topic_preposition", "pivot_verb",
    "complement_verb", "prevent_verb", "ability",      "actor_noun",       "anaphora_determiner",
    "amount_words", "infinitive_verbs", "place_preposition", "person_title", "effective_date"};

}  // namespace

CueWords::CueWords(const RulePack& pack, const Normalizer& normalizer) : lists_(kLexiconIds.size()) {
    for (std::uint32_t number = 0; number < kLexiconIds.size(); ++number) {
        const std::string id(kLexiconIds[number]);
        const WordList& list = pack.lexicon(id);
        Lists& lists = lists_[number];
        const auto windowed = std::find(kWindowed.begin(), kWindowed.end(), id);
        if (windowed != kWindowed.end()) lists.windowed = static_cast<std::uint32_t>(windowed - kWindowed.begin());
        for (const auto& [index, words] : {std::pair{0, &list.zh}, std::pair{1, &list.en}}) {
            PhraseMatcher& matcher = lists.matchers[index];
            std::vector<std::string>& folded = lists.words[index];
            for (const auto& w : *words) {
                folded.push_back(normalizer.fold(w));
                matcher.add(folded.back(), 0);
                every_list_[index].add(folded.back(), number);
                if (lists.windowed != kNotWindowed) windowed_[index].add(folded.back(), lists.windowed);
            }
            matcher.compile();
        }
    }
    for (auto& matcher : windowed_) matcher.compile();
    for (auto& matcher : every_list_) matcher.compile();
}

std::vector<TextRange> CueWords::find(CueId id, std::string_view lang, std::string_view text, TextRange range) const {
    std::vector<TextRange> out;
    std::size_t index = 0;
    const Lists* l = lists(id, lang, index);
    if (!l || range.empty() || l->matchers[index].phrases() == 0) return out;
    for (const auto& hit : select_longest(l->matchers[index].find_all(text, range.begin, range.end)))
        out.push_back({hit.begin, hit.end});
    return out;
}

std::size_t CueWords::windowed_count() const { return kWindowed.size(); }

std::vector<PhraseHit> CueWords::find_all_lists(std::string_view lang, std::string_view text, TextRange range) const {
    if (lang == "zh") return windowed_[0].find_all(text, range.begin, range.end);
    if (lang == "en") return windowed_[1].find_all(text, range.begin, range.end);
    return {};
}

const std::vector<std::string>& CueWords::words(CueId id, std::string_view lang) const {
    static const std::vector<std::string> none;
    std::size_t index = 0;
    const Lists* l = lists(id, lang, index);
    return l ? l->words[index] : none;
}

bool CueWords::empty(CueId id, std::string_view lang) const {
    std::size_t index = 0;
    const Lists* l = lists(id, lang, index);
    return !l || l->matchers[index].phrases() == 0;
}

}  // namespace chronokg
