#include "extract/cue_words.hpp"

#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg {

CueWords::CueWords(const RulePack& pack, const Normalizer& normalizer) {
    for (const auto& id : RulePack::known_lexicons()) {
        const WordList& list = pack.lexicon(id);
        for (const auto& [lang, words] : {std::pair{"zh", &list.zh}, std::pair{"en", &list.en}}) {
            PhraseMatcher matcher;
            std::vector<std::string>& folded = words_[id + "/" + lang];
            for (const auto& w : *words) {
                folded.push_back(normalizer.fold(w));
                matcher.add(folded.back(), 0);
            }
            matcher.compile();
            matchers_.emplace(id + "/" + lang, std::move(matcher));
        }
    }
}

std::vector<TextRange> CueWords::find(const std::string& id, std::string_view lang, std::string_view text,
                                      TextRange range) const {
    std::vector<TextRange> out;
    auto it = matchers_.find(id + "/" + std::string(lang));
    if (it == matchers_.end() || range.empty()) return out;
    for (const auto& hit : select_longest(it->second.find_all(text, range.begin, range.end)))
        out.push_back({hit.begin, hit.end});
    return out;
}

const std::vector<std::string>& CueWords::words(const std::string& id, std::string_view lang) const {
    static const std::vector<std::string> none;
    auto it = words_.find(id + "/" + std::string(lang));
    return it == words_.end() ? none : it->second;
}

bool CueWords::empty(const std::string& id, std::string_view lang) const {
    auto it = matchers_.find(id + "/" + std::string(lang));
    return it == matchers_.end() || it->second.phrases() == 0;
}

std::size_t CueWords::match_at(const std::string& id, std::string_view lang, std::string_view text, std::size_t at,
                               std::size_t limit) const {
    auto it = matchers_.find(id + "/" + std::string(lang));
    if (it == matchers_.end() || at >= limit) return 0;
    return it->second.longest_at(text, at, limit);
}

}  // namespace chronokg
