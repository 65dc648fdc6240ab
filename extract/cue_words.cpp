#include "extract/cue_words.hpp"

#include <algorithm>

#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg {
CueWords::CueWords(const RulePack& pack, const Normalizer& normalizer) : lists_(kLexiconIds.size()) {
    for (std::uint32_t number = 0; number < kLexiconIds.size(); ++number) {
        const std::string id(kLexiconIds[number]);
        const WordList& list = pack.lexicon(id);
        Lists& lists = lists_[number];
        const auto windowed = std::find(kWindowedLists.begin(), kWindowedLists.end(), id);
        if (windowed != kWindowedLists.end())
            lists.windowed = static_cast<std::uint32_t>(windowed - kWindowedLists.begin());
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
    for (std::size_t index = 0; index < every_list_.size(); ++index)
        every_list_index_[index] = WordListsIndex(every_list_[index]);
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
