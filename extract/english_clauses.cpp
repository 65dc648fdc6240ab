#include "extract/english_clauses.hpp"

#include <algorithm>
#include <cstring>

#include "core/ascii.hpp"
#include "extract/cue_words.hpp"
#include "extract/normalizer.hpp"
#include "extract/relation_lexicon.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg {
namespace {

const std::string kEn = "en";

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::string word;
    for (char c : s) {
        if (c == ' ') {
            if (!word.empty()) out.push_back(ascii_lower(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(ascii_lower(word));
    return out;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// same_word() past its first byte.
bool same_word_readings(std::string_view word, std::string_view w) {
    return lower_equals(word, w, "") || lower_equals(word, w, "s") ||
           (!w.empty() && w.back() == 's' && lower_equals(word, w.substr(0, w.size() - 1), "")) ||
           lower_equals(word, w, "es");
}

// Text word `word` stands for pattern word `w` (plural or singular alike: `sanction(s)`).
inline bool same_word(std::string_view word, std::string_view w) {
    // A word that is one of the four readings begins, lower-cased, with w's first byte: most
    // words are told apart by that byte alone, without the four comparisons (and without a
    // call: this much is inlined where the loose patterns ask it).
    if (!word.empty() && !w.empty() && ascii_lower(word.front()) != w.front()) return false;
    return same_word_readings(word, w);
}

// Bit min(n, 31) of a 32-bit set of word lengths (the longest share the last bit).
std::uint32_t length_bit(std::size_t n) { return std::uint32_t{1} << std::min<std::size_t>(n, 31); }

}  // namespace

EnglishClauses::EnglishClauses(const RulePack& pack, const RelationLexicon& lexicon, const CueWords& cues,
                               const Normalizer& normalizer)
    : lexicon_(lexicon), cues_(cues), inflection_(pack.lexicon("irregular_verbs").en) {
    for (const std::string& w : cues.words("auxiliaries", kEn))
        if (!w.empty()) auxiliary_shapes_.add(w);
    for (const std::string& w : cues.words("determiners", kEn))
        if (!w.empty()) determiner_shapes_.add(w);
    for (std::uint32_t i = 0; i < lexicon.pattern_count(); ++i) {
        const VerbPattern& pattern = lexicon.pattern(i);
        const std::vector<std::string> written = split_words(pattern.written);
        pattern_words_.push_back({tail_words(pattern.after_object), written.empty() ? "" : written.front()});
    }
    const auto& relations = lexicon.relations();
    for (std::uint32_t r = 0; r < relations.size(); ++r) {
        for (const auto& written : relations[r].en) {
            const std::string folded = normalizer.fold(written);
            std::string head = folded;
            std::string tail;
            if (const auto slot = folded.find("{O}"); slot != std::string::npos) {
                head = folded.substr(0, slot);
                tail = folded.substr(slot + 3);
            }
            std::vector<std::string> words = split_words(head);
            if (words.empty()) continue;
            LoosePattern p{r, {}, tail_words(tail), false};
            auto loose_words = [&](std::size_t from) {
                for (std::size_t w = from; w < words.size(); ++w) p.words.push_back(loose_word(words[w]));
            };
            struct Form {
                std::string text;
                bool participle, base;
            };
            std::vector<Form> forms;
            if (words.front() == "be" && words.size() >= 2) {
                p.after_be = true;
                forms.push_back({words[1], false, false});
                loose_words(2);
            } else {
                std::vector<std::string> lemmas = {words.front()};
                // British spellings: `finalise` beside `finalize`.
                if (ends_with(words.front(), "ize")) lemmas.push_back(words.front().substr(0, words.front().size() - 3) + "ise");
                // Single words are found exactly by the relation lexicon; only their -ise spelling is added here.
                if (words.size() == 1 && lemmas.size() == 1) continue;
                for (std::size_t l = 0; l < lemmas.size(); ++l) {
                    if (words.size() == 1 && l == 0) continue;
                    const VerbForms f = inflection_.forms(lemmas[l]);
                    forms.push_back({f.lemma, false, true});
                    for (const auto& form : {f.third_person, f.past, f.gerund}) forms.push_back({form, false, false});
                    forms.push_back({f.past_participle, true, false});
                }
                loose_words(1);
            }
            std::size_t leading_determiners = 0;
            while (leading_determiners < p.words.size() && p.words[leading_determiners].determiner) ++leading_determiners;
            if (leading_determiners < p.words.size()) {
                const std::string& w = p.words[leading_determiners].text;  // lower case, not empty
                p.required_first = static_cast<std::uint8_t>(w.front() & 31);
                // The lengths of w, w + "s", w + "es" and, for a w in -s, w without it (same_word).
                for (const std::size_t n : {w.size(), w.size() + 1, w.size() + 2})
                    p.required_lengths |= length_bit(n);
                if (w.back() == 's') p.required_lengths |= length_bit(w.size() - 1);
                loose_window_ = std::max(loose_window_, 5 + leading_determiners);
            }
            const std::size_t index = loose_.size();
            loose_.push_back(std::move(p));
            for (const auto& form : forms) {
                // A form with a capital was never found (words are looked up lower-cased).
                if (ascii_lower(form.text) != form.text) continue;
                if (!form.text.empty()) loose_shapes_.add(form.text);
                auto& entries = loose_index_[form.text];
                auto same = std::find_if(entries.begin(), entries.end(), [&](const LooseForm& e) { return e.pattern == index; });
                if (same == entries.end()) {
                    entries.push_back({index, form.participle, form.base});
                } else {
                    same->participle = same->participle || form.participle;
                    same->base = same->base || form.base;
                }
            }
        }
    }
    // Four buckets a form: most words looked up that are no form (14,612 of the 25,783 of 1 MB of
    // English) then find their bucket empty, where a fuller table had them walk a chain.
    loose_index_.rehash(loose_index_.size() * 4);
}

std::vector<TailWord> EnglishClauses::tail_words(const std::string& tail) const {
    std::vector<TailWord> out;
    for (std::string& w : split_words(tail)) {
        const bool determiner = cues_.match_at("determiners", kEn, w, 0, w.size()) == w.size();
        out.push_back({std::move(w), determiner});
    }
    return out;
}

EnglishClauses::LooseWord EnglishClauses::loose_word(const std::string& w) const {
    const bool particle = cues_.match_at("preposition", kEn, w, 0, w.size()) == w.size() || w == "up" || w == "out" ||
                          w == "off" || w == "down" || w == "back" || w == "away" || w == "ahead" || w == "around";
    return {w, cues_.match_at("determiners", kEn, w, 0, w.size()) == w.size(), particle};
}

bool EnglishClauses::adverb(const EnglishToken& t) const {
    return (t.lower_word() && t.word.size() > 4 && ends_with(t.word, "ly")) || t.in("adverbs");
}

bool EnglishClauses::cue_ends_at(CueId id, const SentenceCues& cues, TextRange sentence,
                                 const EnglishToken& t) const {
    const std::size_t from = t.range.end > sentence.begin + 48 ? t.range.end - 48 : sentence.begin;
    // (Asked of the hits in place: a list of them was made for each question.)
    return cues.any_of(id, {from, t.range.end}, [&](const TextRange& hit) { return hit.end == t.range.end; });
}

void EnglishClauses::read_predicates(const SentenceView& view, const std::vector<Mention>& mentions,
                                     EnglishSentence& s) const {
    s.range = view.sentence->range;
    s.predicates.clear();
    s.speech.clear();
    s.segment_of.clear();
    s.segments.clear();
    s.after_comma.clear();
    find_predicates(view, s, mentions);
}

void EnglishClauses::read_structure(const SentenceView& view, const std::vector<Mention>& mentions,
                                    const std::vector<RoleJoin>& joins, EnglishSentence& s) const {
    for (const auto& hit : view.cues->find("reported", s.range)) {
        const std::size_t t = token_at_or_after(view.tokens, hit.begin);
        if (t < view.tokens.size()) s.speech.push_back(t);
    }
    cut_segments(view, s, mentions);
    group(view, s, mentions, joins);
}

bool EnglishClauses::may_be_loose_form(std::string_view word) const {
    if (word.empty()) return true;  // no shape: the index answers
    return loose_shapes_.may_be(word);
}

std::size_t EnglishClauses::LowerHash::operator()(std::string_view word) const {
    // The bytes with bit 0x20 set: that makes a capital its lower-case letter, so the words
    // LowerEqual calls equal hash alike, without a test of every byte for a capital (other bytes
    // may meet others too: that only shares a bucket now and then). Read eight or four at a time,
    // the first and the last eight or four, overlapping in a short word (the middle of a longer
    // word is left out: words that differ only there share a bucket), where a multiplication a
    // byte cost twice as much: the hash is asked of every word that has a verb form's shape.
    constexpr std::uint64_t kCaseBits = 0x2020202020202020ull;
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    if (word.size() >= 8) {
        std::memcpy(&head, word.data(), 8);
        std::memcpy(&tail, word.data() + word.size() - 8, 8);
    } else if (word.size() >= 4) {
        std::uint32_t h4 = 0;
        std::uint32_t t4 = 0;
        std::memcpy(&h4, word.data(), 4);
        std::memcpy(&t4, word.data() + word.size() - 4, 4);
        head = h4;
        tail = t4;
    } else {
        for (char c : word) head = (head << 8) | static_cast<unsigned char>(c);
    }
    std::uint64_t h = ((head | kCaseBits) * 0x9E3779B97F4A7C15ull) ^ ((tail | kCaseBits) * 0xC2B2AE3D27D4EB4Full) ^ word.size();
    h ^= h >> 29;
    return static_cast<std::size_t>(h);
}

const std::vector<EnglishClauses::LooseForm>* EnglishClauses::loose_forms(const EnglishToken& t) const {
    const auto entries = loose_index_.find(LooseKey{t.word, t.lower_word()});
    return entries == loose_index_.end() ? nullptr : &entries->second;
}

// (Inline: asked of every candidate verb not already dropped, most of which it is not about.)
inline bool EnglishClauses::noun_before_of(const SentenceView& view, const EnglishPredicate& p) const {
    const auto& tokens = view.tokens;
    // `the use of`, `supplies of`: a base or -s form before `of` is a noun.
    return !p.participle && !p.gerund && p.last < tokens.size() && tokens[p.last].word == "of" &&
           !tokens[p.last - 1].after && (p.tail.empty() || p.tail.front().text != "of");
}

void EnglishClauses::find_predicates(const SentenceView& view, EnglishSentence& s,
                                     const std::vector<Mention>& mentions) const {
    // The words as a span: its size is a count kept at hand, where the vector's is a difference
    // divided by a token's 80 bytes, read again after every store of a byte (fillers_known) in
    // the loops below, which ask it at every word they step over.
    const std::span<const EnglishToken> tokens = view.tokens;
    auto first_token = [&](std::size_t pos) -> std::size_t {
        const std::size_t t = token_at_or_after(view.tokens, pos);
        return t < tokens.size() && tokens[t].range.begin == pos ? t : tokens.size();
    };
    auto in_mention = [&](const EnglishToken& t) {
        return std::any_of(mentions.begin(), mentions.end(),
                           [&](const Mention& m) { return m.range.begin < t.range.end && t.range.begin < m.range.end; });
    };
    // The candidates, the marks of fillers and the hits below are one set of lists a thread,
    // cleared call by call but keeping their room: this runs for every sentence, and the lists
    // made and freed each time were most of its allocations.
    thread_local std::vector<EnglishPredicate> found;
    thread_local std::vector<std::uint8_t> fillers_known;
    thread_local std::vector<PhraseHit> hits;
    found.clear();
    fillers_known.clear();
    hits.clear();
    // Loose multi-word patterns.
    // Modifiers inside a loose pattern: no punctuation, no function word, and no name of an
    // actor or a place (`restrict more ASML exports to China` is about ASML, not China).
    // Decided once a token: the patterns of one verb form ask about the same words after it
    // (0: not yet asked, 1: no, 2: yes).
    auto filler = [&](std::size_t j) {
        if (fillers_known.empty()) fillers_known.assign(tokens.size(), 0);
        if (fillers_known[j] != 0) return fillers_known[j] == 2;
        const EnglishToken& t = tokens[j];
        // (The mentions last: a word is asked them only when its marks and lists let it be one.)
        const bool ok = !t.after && !t.dash_after && !t.opens && !t.closes && !t.possessive && !preposition(t) &&
                        !auxiliary(t) && !t.in("relative_pronouns") && !t.in("coordination") &&
                        std::none_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
                            return m.range.begin < t.range.end && t.range.begin < m.range.end &&
                                   (m.entity->type == "ORG" || m.entity->type == "GOV" || m.entity->type == "GPE" ||
                                    m.entity->type == "PERSON");
                        });
        fillers_known[j] = ok ? 2 : 1;
        return ok;
    };
    std::array<std::uint32_t, 32> lengths_by_first{};
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        // The words without a form's shape (most: 122,185 of 147,968 in 1 MB of English) in a
        // loop of their own, which keeps its counters in registers (24 → 22 instructions a word).
        while (i < tokens.size() && !may_be_loose_form(tokens[i].word)) ++i;
        if (i == tokens.size()) break;
        const std::vector<LooseForm>* entries = loose_forms(tokens[i]);
        if (!entries) continue;
        // The lengths of the words of the window after the verb, by first byte (& 31), for the
        // patterns' required words (emptied again after the patterns of this word). In 1 MB of
        // English the first byte alone let 30,413 of the 53,056 patterns asked walk, nine in ten
        // of them in vain; with the length 10,620 walk (−3.1M instructions).
        const std::size_t window_end = std::min(tokens.size(), i + 1 + loose_window_);
        for (std::size_t j = i + 1; j < window_end; ++j)
            lengths_by_first[tokens[j].word.front() & 31] |= length_bit(tokens[j].word.size());
        for (const auto& [index, participle, base] : *entries) {
            const LoosePattern& lp = loose_[index];
            if (lp.required_lengths != 0 && (lengths_by_first[lp.required_first] & lp.required_lengths) == 0) continue;
            std::size_t j = i + 1;
            bool ok = true;
            for (const auto& [w, determiner_word, particle] : lp.words) {
                if (j > tokens.size() || tokens[j - 1].after || tokens[j - 1].dash_after || tokens[j - 1].closes) {
                    ok = false;
                    break;
                }
                if (determiner_word) {
                    if (j < tokens.size() && determiner(tokens[j])) ++j;
                    continue;
                }
                if (!particle) {
                    if (j < tokens.size() && determiner(tokens[j]) && !same_word(tokens[j].word, w)) ++j;
                    for (int fillers = 0; fillers < 3 && j < tokens.size() && !same_word(tokens[j].word, w) && filler(j);
                         ++fillers)
                        ++j;
                }
                if (j >= tokens.size() || !same_word(tokens[j].word, w) || (j > i + 1 && tokens[j - 1].after)) {
                    ok = false;
                    break;
                }
                ++j;
            }
            if (!ok) continue;
            if (lp.after_be) {
                // A form of be before, adverbs allowed between (`is now equipped with`).
                bool be = false;
                for (std::size_t k = i; k-- > 0 && i - k <= 3;) {
                    if (tokens[k].in("be_forms")) {
                        be = true;
                        break;
                    }
                    if (!adverb(tokens[k])) break;
                }
                if (!be) continue;
            }
            // Made in place: a predicate moved in leaves one behind to destroy (a call for its
            // fallback vector).
            EnglishPredicate& p = found.emplace_back();
            p.first = i;
            p.last = j;
            p.verb = {tokens[i].range.begin, tokens[j - 1].range.end};
            p.relation = lp.relation;
            p.tail = lp.tail;
            p.participle = participle;
            p.base = base;
            p.after_be = lp.after_be;
        }
        lengths_by_first.fill(0);  // a few wide stores, where the window's words were read again (−0.29M)
    }
    // Exact patterns after the loose ones: on a tie the loose `be …` reading wins.
    // The words of the last hit's span: the hits of one phrase (one for each relation it has:
    // `ban`, `restrict`) come one after another, and ask the words' search alike.
    TextRange span_asked{1, 0};  // no hit's span
    std::size_t span_first = 0;
    std::size_t span_last = 0;
    for (const auto& hit : view.verbs) {
        const VerbPattern& pattern = lexicon_.pattern(hit.payload);
        if (pattern.written.rfind("be ", 0) == 0) continue;  // read loosely below
        if (hit.begin != span_asked.begin || hit.end != span_asked.end) {
            span_asked = {hit.begin, hit.end};
            span_first = first_token(hit.begin);
            span_last = span_first;
            while (span_last < tokens.size() && tokens[span_last].range.end <= hit.end) ++span_last;
        }
        const std::size_t first = span_first;
        const std::size_t last = span_last;
        if (first == tokens.size()) continue;
        if (last == first) continue;
        EnglishPredicate& p = found.emplace_back();  // in place, as above
        p.first = first;
        p.last = last;
        p.verb = {hit.begin, hit.end};
        p.relation = pattern.relation;
        const PatternWords& words = pattern_words_[hit.payload];
        p.tail = words.tail;
        p.participle = pattern.participle;
        // (A word that holds no capital, most, is compared as it is: one memcmp, where lowering
        // byte by byte cost some forty instructions a hit.)
        const EnglishToken& verb = tokens[p.first];
        p.base = !words.first.empty() &&
                 (verb.lower_word() ? verb.word == words.first : lower_equals(verb.word, words.first, ""));
    }
    // Longest first, then leftmost; verbs that are nouns or modifiers here are dropped first.
    const EnglishPredicate* asked_before = nullptr;  // the last candidate noun_use_before() was asked of
    bool noun_by_words_before = false;               // its answer
    auto same_form = [](const EnglishPredicate& a, const EnglishPredicate& b) {
        return a.first == b.first && a.participle == b.participle && a.gerund == b.gerund && a.base == b.base;
    };
    // Whether the verb's word ends in -ing and whether it stands in a mention: asked once for the
    // candidates at one word, which come one after another like the forms below.
    std::size_t word_asked = tokens.size();  // the word last asked about; none yet
    bool verb_gerund = false;                // its answers
    bool verb_in_mention = false;
    for (std::size_t k = 0; k < found.size(); ++k) {
        auto& p = found[k];
        if (p.first != word_asked) {
            const std::string_view verb_word = tokens[p.first].word;
            verb_gerund = verb_word.size() >= 3 && lower_equals(verb_word.substr(verb_word.size() - 3), "ing");
            verb_in_mention = in_mention(tokens[p.first]);
            word_asked = p.first;
        }
        p.gerund = verb_gerund;
        if (verb_in_mention) continue;
        // The patterns of one verb form at one word (the relations of `ban`, `produce` and
        // `produce chips for`) come one after another and ask the words before alike.
        if (!asked_before || !same_form(*asked_before, p)) {
            noun_by_words_before = noun_use_before(view, s, p);
            asked_before = &p;
        }
        if (noun_by_words_before || noun_before_of(view, p)) continue;
        hits.push_back(PhraseHit{p.verb.begin, p.verb.end, static_cast<std::uint32_t>(k)});
    }
    // The chosen hits in a list a thread, and the predicates into the sentence's list, both
    // keeping their room: two lists made and freed for every sentence were two allocations each.
    // (select_longest is given the list's copy of the hits and hands the same room back; the
    // hits themselves are read again below, for the fallbacks.)
    // None or one hit is its own choice (most sentences): no copy, no call to choose.
    thread_local std::vector<PhraseHit> longest;
    const std::vector<PhraseHit>* chosen = &hits;
    if (hits.size() > 1) {
        longest.assign(hits.begin(), hits.end());
        longest = select_longest(std::move(longest));
        chosen = &longest;
    }
    for (const auto& h : *chosen) {
        // Moved, not copied (a call, where a move is a few stores): the candidates' fallbacks are
        // all empty, and what the search below reads of a moved one (its first word and its
        // range) stays.
        EnglishPredicate& p = s.predicates.emplace_back(std::move(found[h.payload]));
        const EnglishPredicate* shorter = nullptr;
        for (const auto& other : hits) {
            const EnglishPredicate& q = found[other.payload];
            if (q.first == p.first && q.verb.end < p.verb.end && (!shorter || q.verb.end > shorter->verb.end)) shorter = &q;
        }
        if (shorter) p.fallback.push_back(*shorter);
    }
}

bool EnglishClauses::noun_use_before(const SentenceView& view, const EnglishSentence& s, const EnglishPredicate& p) const {
    const auto& tokens = view.tokens;
    std::size_t prev = p.first;
    while (prev > 0 && (p.participle || p.gerund) && adverb(tokens[prev - 1])) --prev;
    if (prev > 0) {
        const EnglishToken& b = tokens[prev - 1];
        if (!b.after && !b.dash_after) {
            // `the ban`, `the recently announced PMT`, `Nvidia's flagship` (but `that produces` is a clause).
            if ((determiner(b) && b.word != "that") || b.possessive) return true;
            // `new curbs`, `export limits`, `further restrictions`: after a word that only modifies nouns.
            if (!p.participle && !p.gerund && b.in("noun_modifiers")) return true;
            // `to develop`, `to procure and produce`: an act only when a word such as `plans to` governs it.
            const EnglishToken* to = b.word == "to" ? &b : nullptr;
            if (!to && prev >= 3 && (b.word == "and" || b.word == "or") && tokens[prev - 3].word == "to" &&
                tokens[prev - 2].lower_word() && !tokens[prev - 2].after)
                to = &tokens[prev - 3];
            if (to && !p.gerund) {
                const bool governed = cue_ends_at("planned", *view.cues, s.range, *to) ||
                                      cue_ends_at("infinitive_verbs", *view.cues, s.range, *to) ||
                                      cue_ends_at("negation", *view.cues, s.range, *to);
                if (!governed) return true;
            }
            // `while exports to China …`: a finite verb right after a subordinator or a preposition.
            if (!p.gerund && b.word != "to" && (preposition(b) || b.in("subordinators")) &&
                !b.in("relative_pronouns"))
                return true;
            // `tangled supply chains`: a lemma after a plain word, with no auxiliary, `to` or pronoun
            // before it that could make it a verb (`will in principle ban` is one).
            auto verb_context = [&] {
                for (std::size_t k = prev; k-- > 0 && prev - k <= 3;) {
                    const EnglishToken& t = tokens[k];
                    if (auxiliary(t) || t.word == "to" || t.in("pronouns") ||
                        t.in("negation") || t.in("planned"))
                        return true;
                    if (t.after) break;
                }
                return false;
            };
            if (p.base && b.lower_word() && !b.in("coordination") && !b.in("relative_pronouns") &&
                !verb_context())
                return true;
            // `restrictions on chip exports to China`: a verb form after a preposition and a plain
            // noun is a noun itself.
            if (!p.gerund && !p.participle && b.lower_word() && prev >= 2) {
                const EnglishToken& bb = tokens[prev - 2];
                if (!bb.after && preposition(bb) && !bb.in("subordinators") && !verb_context())
                    return true;
            }
            if (p.gerund) {
                static constexpr std::array<std::string_view, 15> clause_words = {
                    "by", "after", "before", "while", "when", "since", "to", "and",
                    "or", "but", "not", "upon", "through", "also", "then"};
                // Compared in place: no lower-cased copy of the word.
                const bool clause_word = std::any_of(clause_words.begin(), clause_words.end(),
                                                     [&](std::string_view w) { return lower_equals(b.word, w); });
                if (!clause_word && !auxiliary(b) && !adverb(b)) {
                    // After another preposition (`for manufacturing`) or a plain noun (`chip manufacturing`).
                    if (preposition(b) || b.lower_word()) return true;
                }
            }
        }
    }
    return false;
}

void EnglishClauses::cut_segments(const SentenceView& view, EnglishSentence& s, const std::vector<Mention>& mentions) const {
    // The words as a span: its size a count at hand, where the vector's is read again after
    // every store into the segments (this steps over every word of the sentence).
    const std::span<const EnglishToken> tokens = view.tokens;
    s.segment_of.clear();
    if (tokens.empty()) return;
    // Whether tokens [b, e) hold a verb: the first word of a predicate or of a speech verb, an
    // auxiliary, or a word in -s or -ed right after a name (`the Dutch government intends …`).
    // (The words are taken by value, a span: a local whose address no lambda holds stays in
    // registers in the cut's loop below, which reads every word.)
    auto has_verb = [this, &s, &mentions, tokens](std::size_t b, std::size_t e) {
        if (std::any_of(s.predicates.begin(), s.predicates.end(),
                        [&](const EnglishPredicate& p) { return p.first >= b && p.first < e; }) ||
            std::any_of(s.speech.begin(), s.speech.end(), [&](std::size_t t) { return t >= b && t < e; }))
            return true;
        for (std::size_t i = b; i < e; ++i) {
            // Only a word with an auxiliary's first and last byte and length is asked: the question
            // looks up every list of a word asked first, and the rules ask nothing more of most
            // words here (16,282 such look-ups in 1 MB of English, 798 left; the inner bytes too
            // left 585, for more than they saved). An empty word is in every list: it is asked.
            if ((tokens[i].word.empty() || auxiliary_shapes_.may_have_ends_of(tokens[i].word)) && auxiliary(tokens[i])) return true;
            const std::string_view w = tokens[i].word;
            if (i > 0 && tokens[i].lower_word() && w.size() > 3 && !tokens[i - 1].after && !tokens[i - 1].possessive &&
                ((w.back() == 's' && w[w.size() - 2] != 's') || ends_with(w, "ed")) &&
                std::any_of(mentions.begin(), mentions.end(),
                            [&](const Mention& m) { return m.range.end == tokens[i - 1].range.end; }))
                return true;
        }
        return false;
    };
    // Each piece as it is cut: one without a verb belongs to the one before (`…, on April 9.`).
    auto add = [&](std::size_t b, std::size_t e) {
        if (!s.segments.empty() && !has_verb(b, e)) s.segments.back().second = e;
        else s.segments.emplace_back(b, e);
    };
    // The words after the first that a subordinator begins at (none in most sentences, else one
    // or two), in text order: read off the sentence's scan, each start's word found by a binary
    // search, where the scan holds the list's hits; else asked word by word. The cut below then
    // compares a word's index with the next of them, not its offset with every start.
    thread_local std::vector<std::size_t> starts;
    thread_local std::vector<std::size_t> subordinate_words;
    starts.clear();
    subordinate_words.clear();
    if (view.cues->starts_in("subordinators", s.range, starts)) {
        for (const std::size_t start : starts) {
            const std::size_t t = token_at_or_after(view.tokens, start);
            if (t > 0 && t < tokens.size() && tokens[t].range.begin == start) subordinate_words.push_back(t);
        }
        std::sort(subordinate_words.begin(), subordinate_words.end());
    } else {
        for (std::size_t i = 1; i < tokens.size(); ++i)
            if (view.cues->match_at("subordinators", tokens[i].range.begin, s.range.end) > 0) subordinate_words.push_back(i);
    }
    std::size_t next_subordinate = 0;  // the first of subordinate_words not passed yet
    std::size_t subordinate_at = subordinate_words.empty() ? tokens.size() : subordinate_words.front();
    std::size_t begin = 0;
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        const bool subordinate = i == subordinate_at;
        // Most words have no mark after them and begin no subordinate clause: one test each.
        if (!subordinate && tokens[i - 1].after == 0 && !tokens[i - 1].dash_after) continue;
        if (tokens[i - 1].after == ',') s.after_comma.push_back(i);
        if (subordinate) {
            while (next_subordinate < subordinate_words.size() && subordinate_words[next_subordinate] <= i) ++next_subordinate;
            subordinate_at = next_subordinate < subordinate_words.size() ? subordinate_words[next_subordinate] : tokens.size();
        }
        if (tokens[i - 1].breaks_after() || subordinate) {
            add(begin, i);
            begin = i;
        }
    }
    add(begin, tokens.size());
    // The segments follow each other from the first word to the last: each word's is written once.
    for (std::size_t g = 0; g < s.segments.size(); ++g)
        s.segment_of.insert(s.segment_of.end(), s.segments[g].second - s.segments[g].first, g);
}

void EnglishClauses::group(const SentenceView& view, EnglishSentence& s, const std::vector<Mention>& mentions,
                           const std::vector<RoleJoin>& joins) const {
    const std::string_view text = view.text;
    struct Unit {
        Argument head;
        TextRange range;
    };
    // The units, and for each member of the groups below, in order, whether a comma alone joined
    // it to the member before (one list for the sentence: a group's members are added while it
    // is the last, so its flags stand together; a list for each group was an allocation each).
    // Both are lists a thread, cleared call by call but keeping their room: this runs for every
    // sentence, and made and freed each time they were two allocations of it.
    thread_local std::vector<Unit> units;
    thread_local std::vector<bool> comma_only;
    units.clear();
    comma_only.clear();
    for (const auto& m : mentions) {
        if (!s.range.contains(m.range)) continue;
        Argument arg{m.entity, m.range};
        if (!units.empty()) {
            Unit& last = units.back();
            const bool adjacent = m.range.begin >= last.range.end && trim_spaces(text, {last.range.end, m.range.begin}).empty();
            // (The joins asked only of a mention not next to the unit: the answer is the same.)
            if (adjacent || std::any_of(joins.begin(), joins.end(), [&](const RoleJoin& r) {
                    return r.person.begin == m.range.begin && r.org.begin >= last.range.begin;
                })) {
                last.head = std::move(arg);
                last.range.end = m.range.end;
                continue;
            }
        }
        units.push_back(Unit{std::move(arg), m.range});
    }
    // The words as a span: its size a count at hand, where the vector's is read again after
    // every store into the groups (the search below steps over most words of the sentence).
    const std::span<const EnglishToken> tokens = view.tokens;
    // The word ending at `end`, if any. The words are in text order, so their ends rise, and the
    // questions come with the units, in text order too: each search resumes where the one before
    // stopped (a scan from the first word each time was most of this function's own cost), and
    // starts over when a question goes back.
    std::size_t first_not_before_last_end = 0;
    auto token_ending = [&](std::size_t end) -> const EnglishToken* {
        std::size_t& i = first_not_before_last_end;
        if (i > 0 && tokens[i - 1].range.end >= end) i = 0;
        while (i < tokens.size() && tokens[i].range.end < end) ++i;
        return i < tokens.size() && tokens[i].range.end == end ? &tokens[i] : nullptr;
    };
    auto modifier = [&](std::size_t end) {
        const EnglishToken* t = token_ending(end);
        return t && t->possessive;
    };
    // Groups; `provisional`: members joined by a comma only, valid when a list word ends the list.
    // The first `count` of the sentence's list: the groups it held are taken again, with their
    // members' room (this runs for every sentence; a list of members was an allocation a group).
    std::vector<NounGroup>& groups = s.groups;
    groups.reserve(units.size());  // sized once: this runs for every sentence
    std::size_t count = 0;
    for (auto& unit : units) {
        if (count > 0 && !groups[count - 1].modifier) {
            NounGroup& last = groups[count - 1];
            const EnglishToken* end = token_ending(last.range.end);
            bool comma = end && end->after == ',';
            bool word = false;
            bool ok = end && (end->after == 0 || comma) && !end->closes;
            // Between them only list words (`and`, `as well as`), commas and one determiner.
            const TextRange between{last.range.end, unit.range.begin};
            int determiners = 0;
            // The words between start at the first to begin at or after the group's end: when `ok`,
            // that is the word after `end` (or `end` if empty), found without a binary search.
            std::size_t first_after = ok ? static_cast<std::size_t>(end - tokens.data()) : tokens.size();
            while (first_after < tokens.size() && tokens[first_after].range.begin < last.range.end) ++first_after;
            for (std::size_t i = first_after; ok && i < tokens.size() && tokens[i].range.end <= unit.range.begin; ++i) {
                const EnglishToken& t = tokens[i];
                // Asked in place, word by word: most walks stop at the first word between.
                const bool listed = view.cues->any_of("coordination", between, [&](const TextRange& c) {
                    return c.begin <= t.range.begin && t.range.end <= c.end;
                });
                if (listed) word = true;
                else if (!(determiner_unasked(t) && ++determiners == 1)) ok = false;
                if (t.after == ',') comma = true;
                else if (t.after || t.closes || t.dash_after) ok = false;
            }
            if (ok && (comma || word) && unit.range.begin > last.range.end) {
                last.members.push_back(std::move(unit.head));
                last.range.end = unit.range.end;
                last.modifier = modifier(unit.range.end);
                comma_only.push_back(!word);
                continue;
            }
        }
        start_group(groups, count, unit.head, unit.range).modifier = modifier(unit.range.end);
        comma_only.push_back(false);
    }
    groups.resize(count);
    // `In Japan, Sony said`: a comma alone joins a list only when a list word closes it.
    // Without such a join (most sentences) the groups stand as they are: no copy to split from.
    if (std::find(comma_only.begin(), comma_only.end(), true) == comma_only.end()) return;
    // The groups after the split: a list a thread, whose groups are taken again with their
    // members' room, and which takes the sentence's list in exchange at the end (a new list,
    // and a list of members for each group split off, were 3,100 of the 8,100 allocations of
    // this function in 1 MB of English, and as many frees).
    thread_local std::vector<NounGroup> out;
    std::size_t made = 0;
    std::size_t next_member = 0;  // the place in comma_only of the first member of group g
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::size_t first_member = next_member;
        const std::size_t members = groups[g].members.size();
        next_member += members;
        auto joined = [&](std::size_t m) -> bool { return comma_only[first_member + m]; };
        if (members < 2 || !joined(members - 1)) {
            if (made == out.size()) out.emplace_back();
            std::swap(out[made++], groups[g]);
            continue;
        }
        // Split before every comma-only join.
        const NounGroup& whole = groups[g];
        for (std::size_t m = 0; m < whole.members.size(); ++m) {
            const Argument& a = whole.members[m];
            if (m == 0 || joined(m)) {
                start_group(out, made, a, {m == 0 ? whole.range.begin : a.range.begin, a.range.end});
            } else {
                out[made - 1].members.push_back(a);
                out[made - 1].range.end = a.range.end;
            }
        }
        out[made - 1].modifier = whole.modifier;
    }
    out.resize(made);
    std::swap(groups, out);
}

}  // namespace chronokg
