#include "extract/noun_groups.hpp"

#include <algorithm>

#include "extract/cue_words.hpp"

namespace chronokg {

TextRange trim_spaces(std::string_view text, TextRange r) {
    while (r.begin < r.end && text[r.begin] == ' ') ++r.begin;
    while (r.end > r.begin && text[r.end - 1] == ' ') --r.end;
    return r;
}

namespace {

struct Unit {
    Argument head;
    TextRange range;
};

std::vector<Unit> units_in(std::string_view text, const std::vector<Mention>& mentions, TextRange clause,
                           const std::vector<RoleJoin>& roles) {
    std::vector<Unit> units;
    for (const auto& m : mentions) {
        if (!clause.contains(m.range)) continue;
        const Argument arg{m.entity, m.range};
        if (!units.empty()) {
            Unit& last = units.back();
            const bool adjacent = trim_spaces(text, {last.range.end, m.range.begin}).empty();
            const bool apposed = std::any_of(roles.begin(), roles.end(), [&](const RoleJoin& r) {
                return r.person.begin == m.range.begin && r.org.begin >= last.range.begin;
            });
            if (adjacent || apposed) {
                // The head comes last (韩国三星电子 is Samsung), except that a place right after a
                // non-place is where, not what (台积电美国当地时间… is still TSMC).
                const bool place_after = m.entity.type == "GPE" && last.head.entity.type != "GPE";
                if (!place_after || apposed) last.head = arg;
                last.range.end = m.range.end;
                continue;
            }
        }
        units.push_back(Unit{arg, m.range});
    }
    return units;
}

bool followed_by_modifier_mark(std::string_view text, std::size_t end, const std::string& lang) {
    if (lang == "zh") return text.substr(end, 3) == "的";
    return text.substr(end, 2) == "'s" || text.substr(end, 4) == "\xE2\x80\x99s" || text.substr(end, 2) == "s'";
}

}  // namespace

std::vector<NounGroup> noun_groups(std::string_view text, const std::vector<Mention>& mentions, TextRange clause,
                                   const std::string& lang, const CueWords& cues,
                                   const std::vector<RoleJoin>& roles, const std::vector<TextRange>& barriers) {
    std::vector<NounGroup> groups;
    for (const auto& unit : units_in(text, mentions, clause, roles)) {
        if (!groups.empty() && !groups.back().modifier) {
            NounGroup& last = groups.back();
            const TextRange gap = trim_spaces(text, {last.range.end, unit.range.begin});
            const bool barrier = std::any_of(barriers.begin(), barriers.end(),
                                             [&](const TextRange& b) { return !b.empty() && gap.contains(b); });
            bool joined = false;
            if (!barrier && !gap.empty()) {
                // One coordination word, or two in a row (", and").
                std::size_t n = cues.match_at("coordination", lang, text, gap.begin, gap.end);
                if (n > 0 && n < gap.size()) {
                    const std::size_t at = trim_spaces(text, {gap.begin + n, gap.end}).begin;
                    if (const std::size_t m = cues.match_at("coordination", lang, text, at, gap.end))
                        n = at + m - gap.begin;
                }
                joined = n == gap.size();
            }
            if (joined) {
                last.members.push_back(unit.head);
                last.range.end = unit.range.end;
                last.modifier = followed_by_modifier_mark(text, unit.range.end, lang);
                continue;
            }
        }
        groups.push_back(NounGroup{{unit.head}, unit.range, followed_by_modifier_mark(text, unit.range.end, lang)});
    }
    return groups;
}

bool governed_by_preposition(std::string_view text, std::size_t begin, TextRange clause, const std::string& lang,
                             const CueWords& cues) {
    const std::size_t reach = lang == "zh" ? 9 : 16;
    const std::size_t window = begin >= clause.begin + reach ? begin - reach : clause.begin;
    for (const auto& p : cues.find("preposition", lang, text, {window, begin})) {
        TextRange between = trim_spaces(text, {p.end, begin});
        // English: a determiner may stand between ("of the Department").
        if (lang == "en") {
            for (std::string_view det : {"the ", "The ", "its ", "their ", "a ", "an "})
                if (text.substr(between.begin, det.size()) == det) between.begin += det.size();
            between = trim_spaces(text, between);
        }
        if (between.empty()) return true;
    }
    return false;
}

}  // namespace chronokg
