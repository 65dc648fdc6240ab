#include "extract/mention_finder.hpp"

#include <algorithm>
#include <span>

#include "core/error.hpp"
#include "extract/entity_catalog.hpp"
#include "extract/normalizer.hpp"
#include "extract/noun_groups.hpp"  // trim_spaces
#include "extract/rule_pack.hpp"

namespace chronokg {
namespace {

bool overlaps_any(std::span<const Mention> mentions, TextRange r) {
    for (const auto& m : mentions)
        if (m.range.begin < r.end && r.begin < m.range.end) return true;
    return false;
}

// `(ABC)` right after `pos`: the acronym's range, or an empty range.
TextRange acronym_after(std::string_view text, std::size_t pos) {
    std::size_t p = pos;
    if (p < text.size() && text[p] == ' ') ++p;
    if (p >= text.size() || text[p] != '(') return {};
    const std::size_t begin = p + 1;
    std::size_t end = begin;
    int capitals = 0;
    while (end < text.size() && end - begin <= 10) {
        const char c = text[end];
        if (c >= 'A' && c <= 'Z') ++capitals;
        else if (!((c >= '0' && c <= '9') || c == '&' || c == '-' || (c >= 'a' && c <= 'z'))) break;
        ++end;
    }
    if (end >= text.size() || text[end] != ')' || capitals < 2 || end - begin < 2) return {};
    return {begin, end};
}

bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

namespace {

// "华=china" → {"华", "china"}; throws on a malformed entry.
std::pair<std::string, std::string> split_entry(const std::string& entry, const char* lexicon) {
    const auto eq = entry.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == entry.size())
        throw Error(std::string(lexicon) + " lexicon entry \"" + entry + "\" is not of the form word=value");
    return {entry.substr(0, eq), entry.substr(eq + 1)};
}

}  // namespace

MentionFinder::MentionFinder(const EntityCatalog& catalog, const RulePack& pack, const Normalizer& normalizer)
    : catalog_(catalog) {
    for (const auto& entry : pack.lexicon("short_forms").zh) {
        const auto [form, id] = split_entry(entry, "short_forms");
        const auto entity = catalog.lookup(id);
        if (!entity || catalog.entities()[*entity].id != id)
            throw Error("short_forms lexicon entry \"" + entry + "\" names no entity of the pack");
        for (const auto& context : pack.lexicon("short_form_context").zh) {
            const std::string folded_context = normalizer.fold(context);
            short_form_words_.emplace_back(folded_context + normalizer.fold(form),
                                           static_cast<std::uint32_t>(short_forms_.size()));
            short_forms_.push_back({folded_context.size(), *entity});
        }
    }
    for (const auto& lang : {&pack.lexicon("anaphora").zh, &pack.lexicon("anaphora").en}) {
        for (const auto& entry : *lang) {
            auto [phrase, type] = split_entry(entry, "anaphora");
            // `^公司=ORG`: only at a clause's start, where a bare noun points back (公司将…);
            // elsewhere it is part of a compound (子公司, 芯片公司).
            const bool clause_start = !phrase.empty() && phrase.front() == '^';
            if (clause_start) phrase.erase(0, 1);
            if (phrase.empty()) throw Error("anaphora lexicon entry \"" + entry + "\" has no phrase");
            anaphora_words_.emplace_back(normalizer.fold(phrase), static_cast<std::uint32_t>(anaphora_types_.size()));
            anaphora_types_.push_back(type);
            anaphora_clause_start_.push_back(clause_start);
        }
    }
    for (const auto& kind : pack.lexicon("product_kind").zh)
        if (std::string folded = normalizer.fold(kind); !folded.empty()) product_kinds_.push_back(std::move(folded));
    // Longest first, so 笔记本电脑 is tried before 笔记本.
    std::sort(product_kinds_.begin(), product_kinds_.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const auto& kind : product_kinds_) {
        product_kind_first_bytes_.set(static_cast<unsigned char>(kind.front()));
        if (kind.size() == 1) product_kind_second_bytes_.set();
        else product_kind_second_bytes_.set(static_cast<unsigned char>(kind[1]));
    }
}

namespace {

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// End of a product model code at `pos` ("15S Pro", "Mate 60 Pro", "Watch S4", "7 Ultra"): tokens
// of letters and digits separated by single spaces, each after the first holding a digit or
// starting with a capital, with a digit somewhere; 0 when there is none.
std::size_t model_code_end(std::string_view text, std::size_t pos, std::size_t limit) {
    std::size_t end = 0;
    bool digit = false;
    for (int tokens = 0; tokens < 4 && pos < limit && ascii_alnum(text[pos]); ++tokens) {
        std::size_t e = pos;
        bool token_digit = false;
        for (; e < limit && (ascii_alnum(text[e]) || text[e] == '+'); ++e)
            if (text[e] >= '0' && text[e] <= '9') token_digit = true;
        const bool capital = text[pos] >= 'A' && text[pos] <= 'Z';
        if (tokens > 0 && !token_digit && !capital) break;
        digit |= token_digit;
        end = e;
        if (e + 1 < limit && text[e] == ' ' && ascii_alnum(text[e + 1])) pos = e + 1;
        else break;
    }
    return digit ? end : 0;
}

}  // namespace

// A maker's name followed by a model code names a product (小米15S Pro, 华为Mate 60 Pro, 小米平板7
// Ultra: a product_kind word may stand between).
void MentionFinder::add_products(std::string_view text, TextRange sentence, std::vector<Mention>& found,
                                 EntityStore& entities) const {
    for (auto& m : found) {
        // Compared as a view, by length first: most types are told from these without a memcmp.
        const std::string_view type = m.entity->type;
        // A product line followed by a model (昇腾910D, Kirin 9010) is that model of the line.
        if (type == "PRODUCT" && !m.entity->id.empty()) {
            std::size_t pos = m.range.end;
            if (pos < sentence.end && text[pos] == ' ') ++pos;
            const std::size_t end = model_code_end(text, pos, sentence.end);
            if (end == 0 || !(text[pos] >= '0' && text[pos] <= '9')) continue;
            const std::string code(text.substr(pos, end - pos));
            const bool year = code.size() == 4 && (code.rfind("19", 0) == 0 || code.rfind("20", 0) == 0) &&
                              std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (year) continue;  // `Ascend 2025 roadmap`
            const TextRange product{m.range.begin, end};
            const bool clash = std::any_of(found.begin(), found.end(), [&](const Mention& o) {
                return &o != &m && o.range.begin < product.end && product.begin < o.range.end;
            });
            if (clash) continue;
            m.range = product;
            m.entity = entities.keep(EntityRef{m.entity->id + "-" + derive_entity_id(code), m.entity->label + " " + code, "PRODUCT"});
            continue;
        }
        if (type != "ORG") continue;
        std::size_t pos = m.range.end;
        // An optional kind of product (平板, 手表) between the maker and the model.
        if (pos < text.size() && product_kind_first_bytes_[static_cast<unsigned char>(text[pos])] &&
            (pos + 1 == text.size() || product_kind_second_bytes_[static_cast<unsigned char>(text[pos + 1])])) {
            for (const auto& kind : product_kinds_) {
                // The last bytes first: in Chinese the first byte of a character is one byte in
                // three (this runs for every organization named).
                const std::size_t kind_end = pos + kind.size();
                if (kind_end <= text.size() && text[kind_end - 1] == kind.back() && text.substr(pos, kind.size()) == kind) {
                    pos += kind.size();
                    break;
                }
            }
        }
        // No model code starts without a Latin letter or digit (after most organizations): the
        // call that would find none is not made.
        if (pos >= sentence.end || !ascii_alnum(text[pos])) continue;
        const std::size_t end = model_code_end(text, pos, sentence.end);
        if (end == 0) continue;
        const TextRange product{m.range.begin, end};
        const bool clash = std::any_of(found.begin(), found.end(), [&](const Mention& o) {
            return &o != &m && o.range.begin < product.end && product.begin < o.range.end;
        });
        if (clash) continue;
        m.range = product;
        m.entity = entities.keep(EntityRef{"", "", "PRODUCT"});
        m.kind = Mention::Kind::name;
    }
}

void MentionFinder::add_short_forms(const std::vector<PhraseHit>& hits, std::vector<Mention>& found) const {
    for (const auto& hit : select_longest(hits)) {
        const ShortForm& form = short_forms_[hit.payload];
        const TextRange r{hit.begin + form.context_length, hit.end};
        if (!overlaps_any(found, r))
            found.push_back(Mention{r, &catalog_.entities()[form.entity], Mention::Kind::short_form});
    }
}

void MentionFinder::add_references(std::string_view text, const Sentence& sentence, const std::vector<PhraseHit>& hits,
                                   const std::vector<Mention>& earlier, std::vector<Mention>& found) const {
    for (const auto& hit : select_longest(hits)) {
        const TextRange r{hit.begin, hit.end};
        if (overlaps_any(found, r)) continue;
        if (anaphora_clause_start_[hit.payload] &&
            std::none_of(sentence.clauses.begin(), sentence.clauses.end(),
                         [&](const TextRange& c) { return trim_spaces(text, c).begin == r.begin; }))
            continue;
        const std::string& type = anaphora_types_[hit.payload];
        // The latest entity of that type named before the description, in this sentence or earlier.
        // `earlier` is in text order: it is read back from its end, so that a long document stays
        // linear (issue 8).
        const Mention* antecedent = nullptr;
        auto qualifies = [&](const Mention& m) {
            return m.range.end <= r.begin && m.entity->type == type && m.kind != Mention::Kind::reference;
        };
        for (const auto& m : found)
            if (qualifies(m) && (!antecedent || m.range.begin > antecedent->range.begin)) antecedent = &m;
        for (auto m = earlier.rbegin(); !antecedent && m != earlier.rend(); ++m)
            if (qualifies(*m)) antecedent = &*m;
        if (antecedent) found.push_back(Mention{r, antecedent->entity, Mention::Kind::reference});
    }
}

void MentionFinder::add_words(DictionarySet& set, std::size_t short_forms, std::size_t anaphora) const {
    for (const auto& [phrase, payload] : short_form_words_) set.add(short_forms, phrase, payload);
    for (const auto& [phrase, payload] : anaphora_words_) set.add(anaphora, phrase, payload);
}

MentionFinder::Reading::Reading(const MentionFinder& finder, std::string_view text, EntityStore& entities)
    : finder_(finder), text_(text), entities_(entities) {
    // Room from the start for an article's mentions and the entities they name (a news article
    // holds some tens of each): grown from nothing, both lists were allocated again and again
    // in every document, the mentions doubling their room and the map its buckets.
    earlier_.reserve(64);
    last_seen_.reserve(64);
    unrecorded_.reserve(64);
}

void MentionFinder::Reading::record_clear_mentions() {
    for (const auto& [entity, order] : unrecorded_) last_seen_[entity] = order;
    unrecorded_.clear();
}

void MentionFinder::Reading::next(const Sentence& sentence, SentenceHits hits, std::vector<Mention>& found) {
    const EntityCatalog& catalog = finder_.catalog_;
    found.clear();
    // Room for a mention from every hit (titles and bound acronyms may add a few more): grown
    // one mention at a time, the vector was allocated again and again in most sentences.
    found.reserve(hits.aliases.size() + hits.short_forms.size() + hits.anaphora.size() + 2);
    // Titles first: a title is one name, whatever aliases it contains.
    // Searched with find (memchr for the lead byte), not byte by byte: the loop over every
    // byte of the text cost 2% of Chinese extraction.
    const std::string_view upto_end = text_.substr(0, sentence.range.end);  // not past the sentence
    for (std::size_t pos = upto_end.find("《", sentence.range.begin); pos != std::string_view::npos;
         pos = upto_end.find("《", pos + 1)) {
        const std::size_t close = upto_end.find("》", pos);
        if (close == std::string_view::npos) break;
        const TextRange inner{pos + 3, close};
        if (!inner.empty() && inner.size() <= 90) {
            const std::string_view title = text_.substr(inner.begin, inner.size());
            if (auto known = catalog.lookup(title))
                found.push_back(Mention{inner, &catalog.entities()[*known], Mention::Kind::alias});
            else
                found.push_back(Mention{inner, entities_.keep(EntityRef{derive_entity_id(title), std::string(title), "POLICY"}),
                                        Mention::Kind::title});
        }
        pos = close;
    }
    // The aliases are checked against the titles alone: select_longest() keeps no two hits that
    // overlap, so no alias overlaps one put in before it (a sentence of Chinese news names some
    // tens, and each was checked against all those before it).
    const std::size_t titles = found.size();
    hits.aliases = select_longest(std::move(hits.aliases));  // the same list back, with its room
    for (const auto& hit : hits.aliases) {
        const TextRange range{hit.begin, hit.end};
        if (overlaps_any(std::span<const Mention>(found).first(titles), range)) continue;
        const auto& candidates = catalog.candidates(hit.payload);
        std::uint32_t chosen = candidates.front();
        if (candidates.size() > 1) {
            record_clear_mentions();
            std::size_t best = 0;
            for (std::uint32_t c : candidates) {
                auto it = last_seen_.find(c);
                if (it != last_seen_.end() && it->second > best) {
                    best = it->second;
                    chosen = c;
                }
            }
        } else {
            unrecorded_.emplace_back(chosen, ++order_);
        }
        found.push_back(Mention{range, &catalog.entities()[chosen], Mention::Kind::alias});
    }
    if (unrecorded_.size() >= kUnrecorded) record_clear_mentions();
    // Without titles (most sentences) the aliases are in text order already: select_longest()
    // gives its hits by begin.
    if (titles > 0)
        std::sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
    const std::size_t in_order = found.size();  // the mentions sorted here; those after are appended
    // Acronyms defined here: "工业和安全局(BIS)", "Semiconductor Manufacturing International Corp (SMIC)".
    for (const auto& m : found) {
        const TextRange acr = acronym_after(text_, m.range.end);
        if (acr.empty()) continue;
        acronyms_.emplace(std::string(text_.substr(acr.begin, acr.size())), m.entity);
    }
    // Bound acronyms used anywhere in this sentence, where no alias already stands.
    for (const auto& [acronym, entity] : acronyms_) {
        for (std::size_t at = upto_end.find(acronym, sentence.range.begin);
             at != std::string_view::npos && at + acronym.size() <= sentence.range.end;
             at = upto_end.find(acronym, at + 1)) {
            const TextRange r{at, at + acronym.size()};
            if ((at > 0 && is_word_byte(text_[at - 1])) || (r.end < text_.size() && is_word_byte(text_[r.end])))
                continue;
            if (!overlaps_any(found, r)) found.push_back(Mention{r, entity, Mention::Kind::acronym});
        }
    }
    finder_.add_products(text_, sentence.range, found, entities_);
    // Most sentences hold neither (English none of the first): a call for no hits still copied
    // the empty list for select_longest and went through it.
    if (!hits.short_forms.empty()) finder_.add_short_forms(hits.short_forms, found);
    if (!hits.anaphora.empty()) finder_.add_references(text_, sentence, hits.anaphora, earlier_, found);
    // Sorted again only when a mention was appended: add_products moves no mention's begin, and
    // the mentions do not overlap, so the order by begin stands otherwise.
    if (found.size() != in_order)
        std::sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
    earlier_.insert(earlier_.end(), found.begin(), found.end());  // pointers and ranges: a copy is cheap
}

}  // namespace chronokg
