#include "extract/noun_groups.hpp"

#include <algorithm>
#include <cctype>

#include "core/utf8.hpp"
#include "extract/cue_words.hpp"
#include "extract/sentence_cues.hpp"

namespace chronokg {

namespace {

struct Unit {
    Argument head;
    TextRange range;
    bool short_form = false;  // its last name is a one-character short form (华 in 对华)
};

// Whether the words between two names make the second a part of the first (华为的昇腾910B,
// 美国商务部下属的工业和安全局): a few characters ending in 的, holding no verb and no break.
bool possessive_link(std::string_view text, TextRange gap, const PredicateStarts& verb_starts) {
    if (gap.size() < 3 || gap.size() > 12 || text.substr(gap.end - 3, 3) != "的") return false;
    if (text.substr(gap.begin, gap.size()).find_first_of(",;:()\"") != std::string_view::npos) return false;
    const std::vector<std::size_t>& starts = verb_starts.get();
    return std::none_of(starts.begin(), starts.end(), [&](std::size_t v) { return v >= gap.begin && v < gap.end; });
}

// The units of `clause` into `units` (what it held is dropped).
void units_in(std::string_view text, const std::vector<Mention>& mentions, TextRange clause,
              const std::vector<RoleJoin>& roles, std::string_view lang, const PredicateStarts& verb_starts,
              std::vector<Unit>& units) {
    units.clear();
    // Room for a unit a mention of the sentence, not counted for the clause: the list is kept
    // from call to call, and is soon as long as it gets (a count of the clause's mentions was a
    // second pass over the sentence's at every call).
    units.reserve(mentions.size());
    for (const auto& m : mentions) {
        if (!clause.contains(m.range)) continue;
        Argument arg{m.entity, m.range};
        // A short form stands alone (对华半导体设备出口: China, then the goods).
        if (!units.empty() && !units.back().short_form) {
            Unit& last = units.back();
            const TextRange gap = trim_spaces(text, {last.range.end, m.range.begin});
            const bool adjacent = gap.empty() || (lang == "zh" && possessive_link(text, gap, verb_starts));
            const bool apposed = std::any_of(roles.begin(), roles.end(), [&](const RoleJoin& r) {
                return r.person.begin == m.range.begin && r.org.begin >= last.range.begin;
            });
            if (adjacent || apposed) {
                // The head comes last (韩国三星电子 is Samsung), except that a place right after a
                // non-place is where, not what (台积电美国当地时间… is still TSMC).
                const bool place_after = m.entity->type == "GPE" && last.head.entity->type != "GPE";
                if (!place_after || apposed) last.head = std::move(arg);
                last.range.end = m.range.end;
                last.short_form = m.kind == Mention::Kind::short_form;
                continue;
            }
        }
        units.push_back(Unit{std::move(arg), m.range, m.kind == Mention::Kind::short_form});
    }
}

bool is_hanzi_at(std::string_view text, std::size_t at) {
    if (at >= text.size() || static_cast<unsigned char>(text[at]) < 0xE3) return false;
    std::size_t pos = at;
    const char32_t cp = utf8::decode(text, pos);
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

// The language and the entity type come as string_views: compared with a literal, a std::string
// called compare() out of line (a strlen and a memcmp) for every group of every clause, where a
// string_view compares its length and its bytes inline.

// Whether a unit ending at `end` is possessive: before 的 (Chinese) or 's (English).
bool possessive_after(std::string_view text, std::size_t end, std::string_view lang) {
    if (lang == "zh") return text.substr(end, 3) == "的";
    return text.substr(end, 2) == "'s" || text.substr(end, 4) == "\xE2\x80\x99s" || text.substr(end, 2) == "s'";
}

// Whether a Chinese place name ending at `end` qualifies the plain noun after it (美国技术,
// 中国企业) rather than standing before a verb, a time or a function word.
// (A place name in Chinese: flag_modifier() asks only of one.)
bool nationality_after(std::string_view text, std::size_t end, const SentenceCues& cues,
                       const PredicateStarts& verb_starts) {
    // A Latin word may stand between (台湾AI超级电脑): it qualifies the noun after it, too.
    std::size_t noun = end;
    while (noun < text.size() && noun - end < 16 && std::isalnum(static_cast<unsigned char>(text[noun]))) ++noun;
    if (!is_hanzi_at(text, noun)) return false;
    // 中国的… is a possessor, and 美方 / 中方 (the side of) never qualifies a noun.
    if (text.substr(end, 3) == "的" || (end >= 3 && text.substr(end - 3, 3) == "方")) return false;
    // Adverbs may stand between the name and its verb (中国持续放宽…).
    std::size_t at = end;
    while (const std::size_t n = cues.match_at("adverbs", at, std::min(at + 9, text.size()))) at += n;
    const std::vector<std::size_t>& starts = verb_starts.get();
    if (std::find(starts.begin(), starts.end(), at) != starts.end()) return false;
    const std::size_t look = std::min(end + 12, text.size());
    for (const CueId list : CueIds{"coordination", "preposition", "passive_agent", "planned", "negation", "reported",
                             "function_word"})
        if (cues.match_at(list, end, look)) return false;
    return true;
}

// Sets the modifier flags of a group whose last unit ends at `end` with head `type`. A short
// form names the place itself, never a nationality: 对华芯片出口 is chip exports to China.
void flag_modifier(NounGroup& g, std::string_view text, std::string_view lang, std::string_view type,
                   const SentenceCues& cues, const PredicateStarts& verb_starts, bool short_form) {
    // (Only a Chinese place name may be one: asked here, the other groups make no call.)
    g.nationality = !short_form && lang == "zh" && type == "GPE" && nationality_after(text, g.range.end, cues, verb_starts);
    g.modifier = g.nationality || possessive_after(text, g.range.end, lang);
}

}  // namespace

std::size_t noun_groups(std::string_view text, const std::vector<Mention>& mentions, TextRange clause, std::string_view lang,
                 const SentenceCues& cues, const std::vector<RoleJoin>& roles, std::span<const TextRange> barriers,
                 const PredicateStarts& verb_starts, std::vector<NounGroup>& groups) {
    // One list of units a thread, kept from call to call: this runs for every clause.
    thread_local std::vector<Unit> units;
    units_in(text, mentions, clause, roles, lang, verb_starts, units);
    groups.reserve(units.size());  // sized once: this runs for every clause
    // The groups `groups` held are taken again, with their members' room, and those left over
    // are kept, not shrunk away (freeing their members' room cost some 7,600 heap blocks a MB
    // of Chinese): a caller that asks clause after clause allocates little.
    std::size_t count = 0;
    for (auto& unit : units) {
        if (count > 0 && !groups[count - 1].modifier) {
            NounGroup& last = groups[count - 1];
            const TextRange gap = trim_spaces(text, {last.range.end, unit.range.begin});
            const bool barrier = std::any_of(barriers.begin(), barriers.end(),
                                             [&](const TextRange& b) { return !b.empty() && gap.contains(b); });
            bool joined = false;
            if (!barrier && !gap.empty()) {
                // One coordination word, or two in a row (", and").
                std::size_t n = cues.match_at("coordination", gap.begin, gap.end);
                if (n > 0 && n < gap.size()) {
                    const std::size_t at = trim_spaces(text, {gap.begin + n, gap.end}).begin;
                    if (const std::size_t m = cues.match_at("coordination", at, gap.end))
                        n = at + m - gap.begin;
                }
                joined = n == gap.size();
            }
            if (joined) {
                last.members.push_back(std::move(unit.head));
                last.range.end = unit.range.end;
                flag_modifier(last, text, lang, last.members.back().entity->type, cues, verb_starts, unit.short_form);
                continue;
            }
        }
        NounGroup& group = start_group(groups, count, unit.head, unit.range);
        flag_modifier(group, text, lang, group.members.back().entity->type, cues, verb_starts, unit.short_form);
    }
    return count;
}

bool governed_by_preposition(std::string_view text, std::size_t begin, TextRange clause, std::string_view lang,
                             const SentenceCues& cues) {
    const std::size_t reach = lang == "zh" ? 9 : 16;
    const std::size_t window = begin >= clause.begin + reach ? begin - reach : clause.begin;
    return cues.any_of("preposition", {window, begin}, [&](const TextRange& p) {
        TextRange between = trim_spaces(text, {p.end, begin});
        // English: a determiner may stand between ("of the Department").
        if (lang == "en") {
            for (std::string_view det : {"the ", "The ", "its ", "their ", "a ", "an "})
                if (text.substr(between.begin, det.size()) == det) between.begin += det.size();
            between = trim_spaces(text, between);
        }
        return between.empty();
    });
}

}  // namespace chronokg
