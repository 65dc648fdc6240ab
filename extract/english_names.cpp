#include "extract/english_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>

#include "core/ascii.hpp"
#include "core/error.hpp"
#include "extract/cue_words.hpp"
#include "extract/entity_catalog.hpp"
#include "extract/normalizer.hpp"
#include "extract/noun_groups.hpp"
#include "extract/sentence_cues.hpp"
#include "extract/relation_lexicon.hpp"
#include "extract/rule_pack.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chronokg {
namespace {

const std::string kEn = "en";

// ` word ` in lower case: a whole word looked for inside a label. (Appended piece by piece:
// GCC 12 warns, wrongly, of an overlapping copy in `" " + ascii_lower(w) + " "`.)
std::string spaced_lower(std::string_view words) {
    std::string out;
    out.reserve(words.size() + 2);
    out += ' ';
    out += ascii_lower(words);
    out += ' ';
    return out;
}

// "name=value" entries of a lexicon, both parts non-empty.
std::vector<std::pair<std::string, std::string>> read_pairs(const std::vector<std::string>& entries, const char* lexicon) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : entries) {
        const auto eq = e.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == e.size())
            throw Error(std::string(lexicon) + " lexicon entry \"" + e + "\" is not of the form word=value");
        out.emplace_back(e.substr(0, eq), e.substr(eq + 1));
    }
    return out;
}

bool has_inner_capital(std::string_view w) {
    for (std::size_t i = 1; i < w.size(); ++i)
        if (w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' && w[i - 1] <= 'z') return true;
    return false;
}

// Whether `w` holds a Latin letter. Sixteen bytes at a time where the processor has SSE2: the
// names pre-pass asks it of every sentence, and reads all of a Chinese one (most have none), and
// title_case() of every word, a whole Chinese clause being one (a byte a test was some four
// instructions a byte of Chinese).
bool has_letter(std::string_view w) {
    std::size_t i = 0;
#if defined(__SSE2__)
    // A capital with its 0x20 bit set is its small letter, and no other byte becomes one; added
    // 0x80 - 'a', the small letters are the 26 smallest signed bytes (SSE2 compares only signed).
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i shift = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
    const __m128i past_z = _mm_set1_epi8(static_cast<char>(-128 + 26));
    for (; i + 16 <= w.size(); i += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w.data() + i));
        const __m128i shifted = _mm_add_epi8(_mm_or_si128(block, case_bit), shift);
        if (_mm_movemask_epi8(_mm_cmplt_epi8(shifted, past_z)) != 0) return true;
    }
#endif
    for (; i < w.size(); ++i)
        if ((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z')) return true;
    return false;
}

// A given or family name: `Jensen`, `Jean-Pierre`, `O'Neil`, `McCaul` (no digits, not all capitals).
bool person_word(const EnglishToken& t) {
    if (!t.capitalized() || t.all_caps() || t.word.size() < 2) return false;
    return std::all_of(t.word.begin(), t.word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '\'';
    });
}

}  // namespace

void EnglishNames::Memory::WordSet::hash_listed() {
    hashed_.insert(listed_.begin(), listed_.end());
    listed_.clear();  // (its room kept for the next sentence's words)
}

bool EnglishNames::Memory::WordSet::contains(std::string_view word) const {
    if (!hashed_.empty()) return hashed_.contains(word);
    // The list holds up to kListed words, repeats included, and many have the word's length: the
    // first and last bytes rule most of those out before a call to memcmp (`==` alone calls it
    // for each, and `==` on views called string_view::compare out of line, then memcmp).
    if (word.empty()) return std::find(listed_.begin(), listed_.end(), word) != listed_.end();
    const std::size_t size = word.size();
    return std::any_of(listed_.begin(), listed_.end(), [word, size](std::string_view listed) {
        return listed.size() == size && listed.front() == word.front() && listed.back() == word.back() &&
               std::memcmp(listed.data(), word.data(), size) == 0;
    });
}

void EnglishNames::Memory::remember(const std::vector<EnglishToken>& words) {
    // The words through pointers held in registers, in a function of their own: inside start(),
    // with the sentences' loop around it, the words' count and data and the word being inserted
    // were kept in memory, and loaded and stored again at every word.
    const EnglishToken* const end = words.data() + words.size();
    // From the second word: the first opens the sentence. (Whether a capitalized word opens
    // one is asked only of a capitalized word.)
    for (const EnglishToken* t = words.data() + (words.empty() ? 0 : 1); t < end; ++t) {
        if (t->lower_word()) lower_case.insert(t->word);
        else if (t->capitalized() && !(t->opens || t[-1].after == ':' || t[-1].after == '.'))
            capitalized_inside.insert(t->word);
    }
    lower_case.settle();
    capitalized_inside.settle();
}

EnglishNames::EnglishNames(const RulePack& pack, const EntityCatalog& catalog, const RelationLexicon& lexicon,
                           const CueWords& cues, const Normalizer& normalizer)
    : catalog_(catalog), lexicon_(lexicon), cues_(cues), normalizer_(normalizer) {
    for (const char* id : {"month_names", "weekday_names"})
        for (const auto& [name, value] : read_pairs(pack.lexicon(id).en, id))
            month_day_and_demonym_words_.insert(ascii_lower(name));
    for (const auto& [word, id] : read_pairs(pack.lexicon("demonyms").en, "demonyms")) demonyms_[ascii_lower(word)] = id;
    for (const auto& [demonym, id] : demonyms_) month_day_and_demonym_words_.insert(demonym);
    for (const auto& word : month_day_and_demonym_words_)
        if (!word.empty()) month_day_and_demonym_shapes_.add(word);
    for (const auto& [demonym, id] : demonyms_) {
        const std::string start = demonym.substr(0, demonym.find(' '));
        if (start.size() < demonym.size() &&
            std::find(two_word_demonym_starts_.begin(), two_word_demonym_starts_.end(), start) == two_word_demonym_starts_.end())
            two_word_demonym_starts_.push_back(start);
    }
    portfolio_forms_ = read_pairs(pack.lexicon("portfolio_forms").en, "portfolio_forms");
    for (const auto& [role, form] : portfolio_forms_)
        if (form.find("{}") == std::string::npos)
            throw Error("portfolio_forms lexicon entry \"" + role + "=" + form + "\" has no {} for the portfolio");
}

const EntityRef* EnglishNames::entity_by_id(const std::string& id) const {
    const auto index = catalog_.lookup(id);
    if (!index || catalog_.entities()[*index].id != id) return nullptr;
    return &catalog_.entities()[*index];
}

void EnglishNames::Memory::record_mentions() {
    for (const Seen& mention : unrecorded) seen[mention.entity->id] = mention;
    unrecorded.clear();
}

// The department a portfolio names next to title `role` ("Commerce" → Department of Commerce):
// the first form the pack knows; of several candidates, the one the document named last.
const EntityRef* EnglishNames::resolve(const std::string& name, std::string_view role, Memory& memory) const {
    for (const auto& [key, form] : portfolio_forms_) {
        if (key != role) continue;
        // (Normalizer::fold copies ASCII runs whole: an English form costs little to fold.)
        std::string candidate = form;
        candidate.replace(candidate.find("{}"), 2, name);
        const std::string folded = normalizer_.fold(candidate);
        if (const std::optional<std::uint32_t> alias = catalog_.whole_alias(folded)) {
            const auto& candidates = catalog_.candidates(*alias);
            std::uint32_t chosen = candidates.front();
            // One candidate (most) is the answer whatever the document named: the mentions are
            // not put in the by-id map for it.
            if (candidates.size() == 1) return &catalog_.entities()[chosen];
            std::size_t best = 0;
            memory.record_mentions();
            for (std::uint32_t c : candidates) {
                auto it = memory.seen.find(catalog_.entities()[c].id);
                if (it != memory.seen.end() && it->second.order > best) {
                    best = it->second.order;
                    chosen = c;
                }
            }
            return &catalog_.entities()[chosen];
        }
    }
    return nullptr;
}

bool EnglishNames::mostly_capitalized(const std::vector<EnglishToken>& tokens, std::size_t first, std::size_t last) {
    // Compared in a loop, not looked up in a set: this runs for every word of every sentence.
    static constexpr std::array<std::string_view, 17> small = {"of", "and", "the", "to", "in", "on", "for", "a", "an",
                                                               "with", "at", "by", "from", "as", "or", "vs", "vs."};
    const auto is_small = [](std::string_view word) {
        return word.size() <= 4 && std::find(small.begin(), small.end(), word) != small.end();
    };
    int words = 0;
    int capitalized = 0;
    for (std::size_t i = first; i < last; ++i) {
        const auto& t = tokens[i];
        if (!has_letter(t.word) || is_small(t.word)) continue;
        ++words;
        if (t.capitalized() || t.all_caps()) ++capitalized;
    }
    return words >= 3 && capitalized * 5 >= words * 4;
}

// The names of one sentence.
class EnglishNames::SentenceNames {
public:
    SentenceNames(const EnglishNames& owner, std::string_view text, const Sentence& sentence,
                  const std::vector<EnglishToken>& tokens, const std::vector<TimeMention>& times,
                  const SentenceCues& cues, const std::vector<PhraseHit>& roles, std::vector<Mention>& mentions,
                  Memory& memory, EntityStore& entities)
        : o_(owner), text_(text), sentence_(sentence), times_(times), cues_(cues), roles_(roles), mentions_(mentions),
          memory_(memory), entities_(entities), tokens_(tokens) {}

    void run();

private:
    bool taken(std::size_t i) const { return covered_until(i) != 0; }
    // The end of a mention or time expression over word i (one of them), or 0 when none is.
    std::size_t covered_until(std::size_t i) const;
    bool initial(std::size_t i) const;
    bool excluded(std::size_t i) const;
    // Whether word i may be a word of a name. Most words are lower case (decided when the words
    // were cut: no capital in them), and are ruled out here, inline; the other tests, out of
    // line, look much further.
    bool name_word(std::size_t i) const { return !tokens_[i].lower_word() && capitalized_name_word(i); }
    bool capitalized_name_word(std::size_t i) const;  // name_word() of a word not lower case
    // Whether word i is spelled as a name word is: capitalized, all capitals or mixed case.
    // (Each of the three spellings holds a capital letter, so the word has a letter:
    // has_letter() need not be asked.) Inline: it is asked of every word not lower case.
    bool name_spelling(std::size_t i) const { return name_spelling(tokens_[i]); }
    static bool name_spelling(const EnglishToken& t) {
        return t.capitalized() || t.all_caps() || has_inner_capital(t.word);
    }
    bool initial_evidence(std::size_t i) const;
    std::size_t extend(std::size_t i) const;
    // (A view of a literal: most callers compare it, and only a new entity needs a string of it.)
    std::string_view guess_type(std::size_t first, std::size_t last) const;
    std::string span_text(std::size_t first, std::size_t last) const {
        return std::string(text_.substr(tokens_[first].range.begin, tokens_[last - 1].range.end - tokens_[first].range.begin));
    }
    // A new entity named by the words [first, last), kept for the document.
    const EntityRef* make_ref(std::size_t first, std::size_t last, const std::string& type) const {
        const std::string label = span_text(first, last);
        return entities_.keep(EntityRef{derive_entity_id(label), label, type});
    }
    void add(TextRange range, const EntityRef* ref, Mention::Kind kind) {
        mentions_.push_back(Mention{range, ref, kind});
        added_ = true;
    }
    void add(std::size_t first, std::size_t last, const EntityRef* ref) {
        add(TextRange{tokens_[first].range.begin, tokens_[last - 1].range.end}, ref, Mention::Kind::name);
    }
    void bind_acronym_after(std::size_t last, const EntityRef* ref);
    void titles();
    void defined_terms();
    void define_term(std::size_t i);
    void sequences();

    const EnglishNames& o_;
    std::string_view text_;
    const Sentence& sentence_;
    const std::vector<TimeMention>& times_;
    const SentenceCues& cues_;
    const std::vector<PhraseHit>& roles_;  // the sentence's role titles
    std::vector<Mention>& mentions_;
    Memory& memory_;
    EntityStore& entities_;
    const std::vector<EnglishToken>& tokens_;
    // Both empty in a sentence without titles (most): they are allocated only for one with some,
    // and read only then (a flag: a vector<bool>'s empty() compares two bit positions).
    std::vector<bool> title_;    // inside a role or person title
    std::vector<bool> claimed_;  // a portfolio the pack does not know: no name
    bool titled_ = false;        // title_ and claimed_ are filled in
    bool added_ = false;         // a mention added to mentions_
    bool in_title(std::size_t i) const { return titled_ && title_[i]; }
    bool claimed(std::size_t i) const { return titled_ && claimed_[i]; }
};

std::size_t EnglishNames::SentenceNames::covered_until(std::size_t i) const {
    const TextRange r = tokens_[i].range;
    auto overlaps = [&](TextRange m) { return m.begin < r.end && r.begin < m.end; };
    // (An overlapping range ends past the word's start, so its end is never 0.)
    for (const Mention& m : mentions_)
        if (overlaps(m.range)) return m.range.end;
    for (const TimeMention& t : times_)
        if (overlaps(t.range)) return t.range.end;
    return 0;
}

bool EnglishNames::SentenceNames::initial(std::size_t i) const {
    return i == 0 || tokens_[i].opens || tokens_[i - 1].after == ':' || tokens_[i - 1].after == '.' ||
           tokens_[i - 1].dash_after;
}

bool EnglishNames::SentenceNames::excluded(std::size_t i) const {
    const EnglishToken& t = tokens_[i];
    // The word's cue lists first: a `not_names` word (`The`, `This`, `In`: the capitalized words
    // that open sentences) is ruled out without the lower-case copy and the two hashes below.
    // (Each test alone excludes the word: their order changes no answer.)
    if (t.in("not_names")) return true;
    if (o_.month_day_and_demonym_shapes_.may_be(t.word) && o_.month_day_and_demonym_words_.count(ascii_lower(t.word)))
        return true;
    // Two-word demonyms (`South Korean`, `North Korean`) name no one either. Few words start one:
    // the pair is built and looked up only after such a word.
    const auto starts_demonym = [&](std::string_view word) {
        return std::any_of(o_.two_word_demonym_starts_.begin(), o_.two_word_demonym_starts_.end(),
                           [&](const std::string& start) { return lower_equals(word, start); });
    };
    if (i + 1 < tokens_.size() && !t.after && starts_demonym(t.word) &&
        o_.demonyms_.count(ascii_lower(t.word) + " " + ascii_lower(tokens_[i + 1].word)))
        return true;
    if (i > 0 && !tokens_[i - 1].after && starts_demonym(tokens_[i - 1].word) &&
        o_.demonyms_.count(ascii_lower(tokens_[i - 1].word) + " " + ascii_lower(t.word)))
        return true;
    return false;
}

bool EnglishNames::SentenceNames::capitalized_name_word(std::size_t i) const {
    // The spelling first: the other tests look much further.
    return name_spelling(i) && !in_title(i) && !claimed(i) && !taken(i) && !excluded(i);
}

// A capitalized word that opens a sentence names something only when it does not look like
// an ordinary word written with a capital because it comes first.
bool EnglishNames::SentenceNames::initial_evidence(std::size_t i) const {
    const EnglishToken& t = tokens_[i];
    if (t.all_caps() || has_inner_capital(t.word) || t.has_digit()) return true;
    const std::string lower = ascii_lower(t.word);
    // Written in lower case elsewhere: no; else capitalized inside a sentence elsewhere: yes;
    // else yes when a name word follows that is not (`…ly` words aside). When none follows
    // (most), the answer is the first two questions', and the shorter list of capitalized
    // words is searched first: most words are not in it, and the long list is not searched.
    const bool name_follows = !(lower.size() > 4 && lower.compare(lower.size() - 2, 2, "ly") == 0) &&
                              i + 1 < tokens_.size() && !t.breaks_after() && name_word(i + 1);
    if (!name_follows) return memory_.capitalized_inside.contains(t.word) && !memory_.lower_case.count(lower);
    if (memory_.lower_case.count(lower)) return false;
    if (memory_.capitalized_inside.contains(t.word)) return true;
    return !memory_.lower_case.count(ascii_lower(tokens_[i + 1].word));
}

// One past the last word of the name starting at `i`.
std::size_t EnglishNames::SentenceNames::extend(std::size_t i) const {
    std::size_t last = i;  // last word that may end the name
    bool inner_of = false;
    for (std::size_t j = i + 1; j < tokens_.size() && j - i < 8; ++j) {
        const EnglishToken& prev = tokens_[j - 1];
        if (prev.possessive || prev.after || prev.dash_after || prev.closes) break;
        const EnglishToken& t = tokens_[j];
        if (t.opens) break;
        if (name_word(j)) {
            last = j;
            continue;
        }
        // Model numbers: `Mate 60 Pro`, `Kirin 9000s`.
        if (t.has_digit() && !taken(j) && last == j - 1 && has_letter(tokens_[i].word) &&
            std::all_of(t.word.begin(), t.word.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
            last = j;
            continue;
        }
        // `of`, `and`, `&` … inside a name: `Bureau of Industry and Security`.
        if (j + 1 < tokens_.size() && !t.after && t.in("name_connectors") && name_word(j + 1)) {
            if (t.word == "and" && !inner_of) break;
            if (t.word == "of" || t.word == "for" || t.word == "on") inner_of = true;
            continue;
        }
        break;
    }
    return last + 1;
}

std::string_view EnglishNames::SentenceNames::guess_type(std::size_t first, std::size_t last) const {
    const std::size_t n = last - first;
    const EnglishToken& end = tokens_[last - 1];
    for (std::size_t i = first; i < last; ++i)
        if (tokens_[i].capitalized() && tokens_[i].in("gov_suffix")) return "GOV";
    if (end.in("policy_suffix")) return "POLICY";
    if (end.in("event_suffix")) return "EVENT";
    if (end.in("org_suffix")) return "ORG";
    for (std::size_t i = first; i < last; ++i)
        if (tokens_[i].capitalized() && tokens_[i].in("gpe_suffix")) return "GPE";
    for (std::size_t i = first + 1; i < last; ++i)
        if (tokens_[i].has_digit()) return "PRODUCT";
    // A person: two or three name words, and a speech verb after, `said` before, or a title
    // set off after a comma (`Liesje Schreinemacher, the minister,`).
    bool plain = n >= 2 && n <= 3;
    for (std::size_t i = first; i < last && plain; ++i) plain = person_word(tokens_[i]);
    if (plain) {
        if (last < tokens_.size() && !end.after &&
            cues_.match_at("reported", tokens_[last].range.begin, sentence_.range.end))
            return "PERSON";
        if (first > 0 && (tokens_[first - 1].word == "said" || tokens_[first - 1].word == "says")) return "PERSON";
        if (end.after == ',') {
            for (std::size_t k = last; k < tokens_.size() && k < last + 5; ++k) {
                if (in_title(k)) return "PERSON";
                if (tokens_[k].after && k > last) break;
            }
        }
    }
    // A place: `in Houston`, `Chitose, Hokkaido`.
    if (first > 0) {
        const TextRange before{tokens_[std::max<std::size_t>(first, 2) - 2].range.begin, tokens_[first].range.begin};
        if (cues_.any_of("place_preposition", before, [&](const TextRange& hit) {
                return trim_spaces(text_, {hit.end, tokens_[first].range.begin}).empty();
            }))
            return "GPE";
    }
    if (end.after == ',' && last < tokens_.size()) {
        const TextRange next = tokens_[last].range;
        for (const auto& m : mentions_)
            if (m.range.begin == next.begin && m.entity->type == "GPE") return "GPE";
    }
    return "ORG";
}

void EnglishNames::SentenceNames::bind_acronym_after(std::size_t last, const EntityRef* ref) {
    if (last >= tokens_.size()) return;
    const EnglishToken& t = tokens_[last];
    if (!(t.opens && t.closes && t.all_caps()) || taken(last)) return;
    memory_.acronyms[std::string(t.word)] = ref;
    add(t.range, ref, Mention::Kind::acronym);
}

// Titles: the person named after one, the department a portfolio names beside one.
void EnglishNames::SentenceNames::titles() {
    const TextRange range = sentence_.range;
    struct Title {
        std::size_t first, last;  // tokens
        std::string role;         // role id; empty for a person title (Mr., President)
    };
    // Most sentences hold no title: they are told so without a copy of the roles.
    if (roles_.empty() && !cues_.any("person_title", range)) return;
    std::vector<PhraseHit> hits = roles_;
    const std::uint32_t person_mark = 0xFFFFFFFF;
    cues_.for_each("person_title", range,
                   [&](TextRange r) { hits.push_back(PhraseHit{r.begin, r.end, person_mark}); });
    // Made anew, not assigned: both are empty here (a sentence's names are found once), and
    // assign() went through vector<bool>'s general insertion.
    title_ = std::vector<bool>(tokens_.size(), false);
    claimed_ = std::vector<bool>(tokens_.size(), false);
    titled_ = true;
    std::vector<Title> titles;
    for (const auto& h : select_longest(std::move(hits))) {
        const std::size_t first = token_at_or_after(tokens_, h.begin);
        std::size_t last = first;
        while (last < tokens_.size() && tokens_[last].range.end <= h.end) ++last;
        if (last == first || tokens_[first].range.begin != h.begin || taken(first)) continue;
        std::string role;
        if (h.payload != person_mark)
            role = o_.lexicon_.roles()[o_.lexicon_.role_pattern(h.payload).relation].id;
        // A lower-case title word names no one unless a capitalized name follows (`analyst Dan Ives`).
        titles.push_back(Title{first, last, role});
        for (std::size_t i = first; i < last; ++i) title_[i] = true;
    }
    for (const auto& title : titles) {
        std::size_t j = title.last;
        // `Secretary of Commerce`, `Minister of Economy, Trade and Industry`.
        if (j + 1 < tokens_.size() && tokens_[j].word == "of" && !tokens_[j - 1].after && !title.role.empty()) {
            const std::size_t k = j + 1;
            std::optional<std::pair<std::size_t, const EntityRef*>> best;
            for (std::size_t e = k; e < tokens_.size() && e < k + 6; ++e) {
                const EnglishToken& t = tokens_[e];
                const bool word = name_word(e) || (e > k && (t.word == "and" || t.word == "&" || t.word == "the"));
                if (!word) break;
                if (t.word != "and" && t.word != "&" && t.word != "the")
                    if (auto ref = o_.resolve(span_text(k, e + 1), title.role, memory_)) best = {{e + 1, ref}};
                if (t.after && t.after != ',') break;
            }
            if (best) {
                add(k, best->first, best->second);
                j = best->first;
            }
        }
        // The person after the title: `CEO Jensen Huang`, `President Trump`.
        if (j < tokens_.size() && !tokens_[j - 1].after && !tokens_[j - 1].possessive) {
            std::size_t m = j;
            while (m < tokens_.size() && m - j < 4 && person_word(tokens_[m]) && name_word(m)) {
                ++m;
                if (tokens_[m - 1].after || tokens_[m - 1].possessive || tokens_[m - 1].closes) break;
            }
            const std::size_t n = m - j;
            if (n == 1) {
                auto known = memory_.family_names.find(std::string(tokens_[j].word));
                if (known != memory_.family_names.end()) add(j, m, known->second);
                else if (tokens_[title.first].capitalized() || title.role.empty()) add(j, m, make_ref(j, m, "PERSON"));
            } else if (n >= 2) {
                const EntityRef* ref = make_ref(j, m, "PERSON");
                memory_.family_names[std::string(tokens_[m - 1].word)] = ref;
                add(j, m, ref);
            }
        }
        // Before the title: `Chinese Vice Premier`, `Commerce Secretary`.
        if (title.first == 0) continue;
        if (!taken(title.first - 1)) {
            auto d = o_.demonyms_.find(ascii_lower(tokens_[title.first - 1].word));
            if (d != o_.demonyms_.end()) {
                if (auto ref = o_.entity_by_id(d->second)) add(title.first - 1, title.first, ref);
                continue;
            }
        }
        if (title.role.empty()) continue;
        std::size_t p = title.first;
        while (p > 0 && title.first - p < 3 && name_word(p - 1) && !tokens_[p - 1].after && !tokens_[p - 1].possessive)
            --p;
        if (p == title.first) continue;
        bool found = false;
        for (std::size_t b = p; b < title.first && !found; ++b) {
            if (auto ref = o_.resolve(span_text(b, title.first), title.role, memory_)) {
                add(b, title.first, ref);
                found = true;
            }
        }
        if (found) continue;
        // A portfolio the pack does not know (`Foreign Trade Minister`) is no organization name,
        // unless a cue word says it is one (`Acme Corp CEO`).
        const std::string_view type = guess_type(p, title.first);
        if (type != "ORG" || !tokens_[title.first - 1].in("org_suffix"))
            for (std::size_t i = p; i < title.first; ++i) claimed_[i] = true;
    }
}

// `preliminary memorandum of terms (PMT)`: a lower-case term whose initials spell the acronym.
void EnglishNames::SentenceNames::defined_terms() {
    // Few words are in brackets: the loop over every word tells them by two flags and does
    // nothing else (with the search below inside it, it spilled its counters to memory).
    const std::size_t count = tokens_.size();  // read once (see sequences())
    const EnglishToken* const words = tokens_.data();  // (as in sequences())
    for (std::size_t i = 1; i < count; ++i)
        if (words[i].opens && words[i].closes) define_term(i);
}

// The lower-case term before word i, an acronym in brackets, whose initials spell the acronym.
void EnglishNames::SentenceNames::define_term(std::size_t i) {
    static const std::set<std::string_view> skip = {"of", "and", "the", "for", "on", "in", "to", "a", "an", "&"};
    const EnglishToken& acr = tokens_[i];
    if (!acr.all_caps() || taken(i) || tokens_[i - 1].after) return;
    std::string letters;
    for (char c : acr.word)
        if (c >= 'A' && c <= 'Z') letters += ascii_lower(c);
    for (std::size_t s = i; s-- > 0 && i - s <= 8;) {
        const EnglishToken& t = tokens_[s];
        if (!t.lower_word() || taken(s) || (s + 1 < i && t.after)) break;
        std::string initials;
        for (std::size_t k = s; k < i; ++k) {
            const std::string_view w = tokens_[k].word;
            if (skip.count(w)) continue;
            initials += w.front();
            for (std::size_t h = 1; h + 1 < w.size(); ++h)
                if (w[h] == '-') initials += w[h + 1];
        }
        if (initials.size() > letters.size()) break;
        if (initials == letters) {
            const std::string type = tokens_[i - 1].in("policy_suffix") ? "POLICY" : "CONCEPT";
            const EntityRef* ref = make_ref(s, i, type);
            add(s, i, ref);
            bind_acronym_after(i, ref);
            break;
        }
    }
}

void EnglishNames::SentenceNames::sequences() {
    // (The count is read once: the names' stores keep the compiler from assuming that it stays.)
    const std::size_t count = tokens_.size();
    // The words through a pointer held in a register: read through tokens_ (a reference to a
    // vector), the vector's data was loaded again at every word, the names' calls and stores
    // between.
    const EnglishToken* const words = tokens_.data();
    for (std::size_t i = 0; i < count; ++i) {
        // name_word(i), its tests apart (each rules the word out alone: their order changes no
        // answer), so that a word under a mention or time expression (most of them: the words of
        // the pack's multi-word aliases) skips the words after it under the same one. Those are
        // no name words either: each begins before that range's end and ends after its start,
        // so overlaps it, and the mentions only change when a name is added below.
        if (words[i].lower_word() || !name_spelling(words[i])) continue;
        if (const std::size_t covered_end = covered_until(i)) {
            while (i + 1 < count && words[i + 1].range.begin < covered_end) ++i;
            continue;
        }
        if (in_title(i) || claimed(i) || excluded(i) || (initial(i) && !initial_evidence(i))) continue;
        const std::size_t last = extend(i);
        const std::string word(tokens_[i].word);
        if (last == i + 1) {
            if (auto it = memory_.family_names.find(word); it != memory_.family_names.end()) {
                add(i, last, it->second);
                continue;
            }
            if (auto it = memory_.acronyms.find(word); it != memory_.acronyms.end()) {
                add(i, last, it->second);
                continue;
            }
        }
        // `the Department`: the entity last named with that word, or nothing.
        // (`the` compared in place: a lower-case copy of the word before was a string a name.)
        if (last == i + 1 && i > 0 && lower_equals(tokens_[i - 1].word, "the") &&
            (tokens_[i].in("gov_suffix") || tokens_[i].in("org_suffix"))) {
            const std::string key = spaced_lower(word);
            const EntityRef* best = nullptr;
            std::size_t order = 0;
            // Each id holds an order of its own (a mention's), so the latest is one entity
            // whatever order the ids come in.
            memory_.record_mentions();
            for (const auto& [id, seen] : memory_.seen) {
                if (spaced_lower(seen.entity->label).find(key) != std::string::npos && seen.order > order) {
                    best = seen.entity;
                    order = seen.order;
                }
            }
            if (best) add(i, last, best);
            continue;
        }
        std::size_t first = i;
        const std::string_view type = guess_type(first, last);
        TextRange range{tokens_[first].range.begin, tokens_[last - 1].range.end};
        // `the Huawei Protection Act`: a known name inside a policy or event name is part of it.
        if (type == "POLICY" || type == "EVENT") {
            for (auto m = mentions_.begin(); m != mentions_.end(); ++m) {
                const bool adjacent = m->range.end < range.begin &&
                                      trim_spaces(text_, {m->range.end, range.begin}).empty() &&
                                      text_[m->range.begin] >= 'A' && text_[m->range.begin] <= 'Z';
                if (!adjacent) continue;
                range.begin = m->range.begin;
                mentions_.erase(m);
                break;
            }
        }
        const std::string label(text_.substr(range.begin, range.size()));
        const EntityRef* ref = entities_.keep(EntityRef{derive_entity_id(label), label, std::string(type)});
        add(range, ref, Mention::Kind::name);
        if (type == "PERSON") memory_.family_names[std::string(tokens_[last - 1].word)] = ref;
        bind_acronym_after(last, ref);
        i = last - 1;
    }
}

void EnglishNames::SentenceNames::run() {
    if (tokens_.empty() || title_case(tokens_, 0, tokens_.size())) return;
    titles();
    defined_terms();
    sequences();
    // The mentions came in text order, and do not overlap: only names added after them (or in
    // place of one, which adds one too) can be out of it.
    if (added_)
        std::sort(mentions_.begin(), mentions_.end(),
                  [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
}

EnglishNames::Memory EnglishNames::start(std::string_view text, const std::vector<Sentence>& sentences,
                                         KeptWords& kept) const {
    Memory memory;
    // About a word in six bytes of English (its average): the lists are allocated
    // once, not grown as the words come (that was 2 M instructions in 1 MB of English).
    memory.lower_case.reserve(text.size() / 6);
    memory.capitalized_inside.reserve(text.size() / 6);
    memory.unrecorded.reserve(64);  // a news article's mentions (some tens), not grown from nothing
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const Sentence& sentence = sentences[s];
        // Only words with a Latin letter are remembered: a sentence without one (most Chinese
        // ones) adds nothing, and is not cut into words.
        const std::string_view words = text.substr(sentence.range.begin, sentence.range.size());
        if (!has_letter(words)) continue;
        auto tokens = english_tokens(text, sentence.range, cues_);  // shapes only: no list is looked up here
        if (!title_case(tokens, 0, tokens.size())) memory.remember(tokens);
        kept.keep(s, std::move(tokens));
    }
    return memory;
}

void EnglishNames::find(std::string_view text, const Sentence& sentence, const std::vector<EnglishToken>& tokens,
                        const std::vector<TimeMention>& times, const SentenceCues& cues,
                        const std::vector<PhraseHit>& roles, std::vector<Mention>& mentions, Memory& memory,
                        EntityStore& entities) const {
    // Names the pack knows teach the document's family names and what it mentioned last.
    for (const auto& m : mentions) {
        // (A view compares lengths first: most types are told from PERSON without a memcmp.)
        if (std::string_view(m.entity->type) != "PERSON") continue;
        const std::string_view written = text.substr(m.range.begin, m.range.size());
        const auto space = written.rfind(' ');
        if (space != std::string_view::npos && space + 1 < written.size())
            memory.family_names.emplace(std::string(written.substr(space + 1)), m.entity);
    }
    SentenceNames(*this, text, sentence, tokens, times, cues, roles, mentions, memory, entities).run();
    for (const auto& m : mentions) memory.unrecorded.push_back(Memory::Seen{++memory.order, m.entity});
    if (memory.unrecorded.size() >= Memory::kUnrecorded) memory.record_mentions();
}

}  // namespace chronokg
