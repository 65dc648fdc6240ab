#include "extract/cue_words.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg {
namespace {

// The lists the rules look for in windows of a sentence (find() and any()), which SentenceCues
// finds in one scan of the sentence. The others are consulted word by word (match_at(),
// whole_word()) and hold frequent words (determiners, auxiliaries, surnames) whose hits would
// make that scan slower: SentenceCues passes a question about one of them on to find().
const std::array<std::string_view, 25> kWindowed = {
    "negation",     "not_negation",    "planned",      "not_planned",      "hypothetical",
    "epistemic",    "reported",        "passive_agent", "preposition",     "coordination",
    "function_word", "org_suffix",     "noun_prefix",  "topic_preposition", "pivot_verb",
    "complement_verb", "prevent_verb", "ability",      "actor_noun",       "anaphora_determiner",
    "amount_words", "infinitive_verbs", "place_preposition", "person_title", "effective_date"};

}  // namespace

CueWords::CueWords(const RulePack& pack, const Normalizer& normalizer) {
    for (const auto& id : RulePack::known_lexicons()) {
        const WordList& list = pack.lexicon(id);
        Lists& lists = lists_[id];
        const auto windowed = std::find(kWindowed.begin(), kWindowed.end(), id);
        if (windowed != kWindowed.end()) lists.windowed = static_cast<std::uint32_t>(windowed - kWindowed.begin());
        for (const auto& [index, words] : {std::pair{0, &list.zh}, std::pair{1, &list.en}}) {
            PhraseMatcher& matcher = lists.matchers[index];
            std::vector<std::string>& folded = lists.words[index];
            for (const auto& w : *words) {
                folded.push_back(normalizer.fold(w));
                matcher.add(folded.back(), 0);
                if (lists.windowed != kNotWindowed) windowed_[index].add(folded.back(), lists.windowed);
            }
            matcher.compile();
        }
    }
    for (auto& matcher : windowed_) matcher.compile();
    slots_.assign(std::bit_ceil(lists_.size() * 2), {});
    for (const auto& [id, lists] : lists_) {
        std::size_t slot = slot_hash(id) & (slots_.size() - 1);
        while (!slots_[slot].first.empty()) slot = (slot + 1) & (slots_.size() - 1);
        slots_[slot] = {id, &lists};
    }
}

std::size_t CueWords::slot_hash(std::string_view id) {
    // The length and three letters tell the ids apart well enough; the table compares the ids.
    const auto at = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(id[i])); };
    const std::uint64_t h = (id.size() | at(0) << 8 | at(id.size() / 2) << 16 | at(id.size() - 1) << 24) *
                            0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(h >> 40);
}

const CueWords::Lists* CueWords::lists(std::string_view id, std::string_view lang, std::size_t& index) const {
    if (lang == "zh") index = 0;
    else if (lang == "en") index = 1;
    else return nullptr;
    if (id.empty()) return nullptr;
    for (std::size_t slot = slot_hash(id) & (slots_.size() - 1);; slot = (slot + 1) & (slots_.size() - 1)) {
        const auto& [key, lists] = slots_[slot];
        if (key.empty()) return nullptr;
        if (key == id) return lists;
    }
}

std::vector<TextRange> CueWords::find(std::string_view id, std::string_view lang, std::string_view text,
                                      TextRange range) const {
    std::vector<TextRange> out;
    std::size_t index = 0;
    const Lists* l = lists(id, lang, index);
    if (!l || range.empty() || l->matchers[index].phrases() == 0) return out;
    for (const auto& hit : select_longest(l->matchers[index].find_all(text, range.begin, range.end)))
        out.push_back({hit.begin, hit.end});
    return out;
}

std::uint32_t CueWords::windowed_number(std::string_view id) const {
    std::size_t index = 0;
    const Lists* l = lists(id, "zh", index);
    return l ? l->windowed : kNotWindowed;
}

std::size_t CueWords::windowed_count() const { return kWindowed.size(); }

std::vector<PhraseHit> CueWords::find_all_lists(std::string_view lang, std::string_view text, TextRange range) const {
    if (lang == "zh") return windowed_[0].find_all(text, range.begin, range.end);
    if (lang == "en") return windowed_[1].find_all(text, range.begin, range.end);
    return {};
}

const std::vector<std::string>& CueWords::words(std::string_view id, std::string_view lang) const {
    static const std::vector<std::string> none;
    std::size_t index = 0;
    const Lists* l = lists(id, lang, index);
    return l ? l->words[index] : none;
}

bool CueWords::empty(std::string_view id, std::string_view lang) const {
    std::size_t index = 0;
    const Lists* l = lists(id, lang, index);
    return !l || l->matchers[index].phrases() == 0;
}

std::size_t CueWords::match_at(std::string_view id, std::string_view lang, std::string_view text, std::size_t at,
                               std::size_t limit) const {
    std::size_t index = 0;
    const Lists* l = lists(id, lang, index);
    if (!l || at >= limit) return 0;
    return l->matchers[index].longest_at(text, at, limit);
}

}  // namespace chronokg
