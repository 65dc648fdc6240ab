#include "extract/english_tokens.hpp"

#include <algorithm>
#include <array>

#include "core/text_search.hpp"
#include "extract/cue_words.hpp"

namespace chronokg {
namespace {

bool starts_with(std::string_view s, std::size_t pos, std::string_view what) { return s.substr(pos, what.size()) == what; }

// Byte length of an opening quote or bracket at text[pos], else 0.
std::size_t opener_at(std::string_view text, std::size_t pos) {
    const char c = text[pos];
    if (c == '(' || c == '[' || c == '"' || c == '\'') return 1;
    if (static_cast<unsigned char>(c) < 0x80) return 0;  // the quotes below are not ASCII: most words stop here
    for (std::string_view q : {"“", "‘", "«"})
        if (starts_with(text, pos, q)) return q.size();
    return 0;
}

// Byte length of a closing quote or bracket ending at text[end), else 0.
std::size_t closer_before(std::string_view text, std::size_t begin, std::size_t end) {
    if (end <= begin) return 0;
    const char c = text[end - 1];
    if (c == ')' || c == ']' || c == '"' || c == '\'') return 1;
    if (static_cast<unsigned char>(c) < 0x80) return 0;
    for (std::string_view q : {"”", "’", "»"})
        if (end - begin >= q.size() && text.substr(end - q.size(), q.size()) == q) return q.size();
    return 0;
}

// Byte length of a dash at text[pos] (`—`, `–`), else 0.
inline std::size_t long_dash_at(std::string_view text, std::size_t pos) {
    // Both begin with byte E2: most bytes are ruled out by it alone (this runs for every byte,
    // inlined: a call a byte cost more than the test).
    if (pos >= text.size() || static_cast<unsigned char>(text[pos]) != 0xE2) return 0;
    for (std::string_view d : {"—", "–"})
        if (starts_with(text, pos, d)) return d.size();
    return 0;
}

// The bytes the scan of a chunk stops at: the spaces that end it, and E2, the first byte of the
// long dashes that may cut it (`—`, `–`).
constexpr ByteSet kChunkStop(" \t\xE2");

// A chunk that is Latin letters, digits and hyphens, with at most one `,` `;` `:` `!` `?` or `.`
// after them: most chunks of English text, the last word of most sentences with them. The
// reading below takes nothing else from it (no quote, bracket, inner dot, apostrophe or dash to
// look at), so the word is all of it but that mark, unless the mark is a dot that belongs to the
// word (dot_belongs()).
struct PlainWord {
    std::size_t length = 0;     // of the word; 0 when the chunk is not plain
    std::size_t chunk_end = 0;  // where the chunk ends: the space or tab after it, or the range's end
    char after = 0;             // the mark after it, or 0
    bool lower = false;         // what is_lower_word() says of the word
};
// The classes of bytes plain chunks are read by, a bit each.
constexpr unsigned kPlain = 1;  // a Latin letter, a digit or a hyphen
constexpr unsigned kSmall = 2;  // a lower-case Latin letter or a hyphen
constexpr unsigned kMark = 4;   // `,` `;` `:` `!` `?` `.`, which may follow a plain word in its chunk
constexpr unsigned kSpace = 8;  // a space or a tab, which ends a chunk
constexpr std::array<unsigned char, 256> kPlainClass = [] {
    std::array<unsigned char, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const bool small = (c >= 'a' && c <= 'z') || c == '-';
        const bool plain = small || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        const bool mark = c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '.';
        const bool space = c == ' ' || c == '\t';
        table[static_cast<std::size_t>(c)] = static_cast<unsigned char>((plain ? kPlain : 0) | (small ? kSmall : 0) |
                                                                         (mark ? kMark : 0) | (space ? kSpace : 0));
    }
    return table;
}();
// The first byte from `p` on, before `end`, that is not of class `wanted` (kSmall or kPlain), or
// `end`. Four bytes a round while four remain: one test of the bound for four bytes, not one a
// byte (these loops read every byte of English text; the sentence's end, not the word's, is the
// bound, so nearly every word ends inside a round).
inline const char* skip_class(const char* p, const char* end, unsigned wanted) {
    const auto is_wanted = [wanted](char c) { return (kPlainClass[static_cast<unsigned char>(c)] & wanted) != 0; };
    while (end - p >= 4) {
        if (!is_wanted(p[0])) return p;
        if (!is_wanted(p[1])) return p + 1;
        if (!is_wanted(p[2])) return p + 2;
        if (!is_wanted(p[3])) return p + 3;
        p += 4;
    }
    while (p != end && is_wanted(*p)) ++p;
    return p;
}
// The plain chunk that starts at text[begin] (not a space), in text[begin, end). Read in one pass
// from its first byte, one table lookup a byte, up to the first that is not plain: the chunk's
// end is not looked for first (a plain chunk holds no long dash, so it ends at a space, a tab or
// `end`).
PlainWord plain_word_at(std::string_view text, std::size_t begin, std::size_t end) {
    // The class of the byte at `pos`; `end` ends a chunk as a space does.
    const auto class_at = [&](std::size_t pos) {
        return pos < end ? kPlainClass[static_cast<unsigned char>(text[pos])] : kSpace;
    };
    // The small bytes first, then any plain ones: the word is lower case when the first skip
    // reads it all (small bytes are plain). Neither skip gathers the classes of the bytes it
    // passes, and both step a pointer: a byte costs fewer instructions than in one loop that
    // kept an index and the classes together.
    // The byte the first skip stopped at is classed once: it ends most words (a lower-case word
    // before a space or a mark), and the second skip and the class of the byte after the word
    // then read it no second time.
    const char* const word_begin = text.data() + begin;
    const char* const range_end = text.data() + end;
    const char* const small_end = skip_class(word_begin, range_end, kSmall);
    const char* p = small_end;
    unsigned next = class_at(begin + static_cast<std::size_t>(small_end - word_begin));  // of the byte at `p`, after the word once `p` ends it
    if (next & kPlain) {
        p = skip_class(small_end + 1, range_end, kPlain);
        next = class_at(begin + static_cast<std::size_t>(p - word_begin));
    }
    if (p == word_begin) return {};
    const std::size_t word_end = begin + static_cast<std::size_t>(p - word_begin);
    PlainWord plain;
    plain.chunk_end = word_end;
    if (next & kMark) {
        plain.after = text[word_end];
        next = class_at(++plain.chunk_end);
    }
    if (!(next & kSpace)) return {};
    plain.length = word_end - begin;
    plain.lower = small_end == p && text[begin] != '-';
    return plain;
}

// Whether the `.` after the word text[begin, dot) belongs to it: an initial (`C.`) or, asked last,
// an abbreviation (`Corp.`), asked of the word's lists (a hash of the word with its dot: the
// list's own matcher walked its trie a byte at a time, for the last word of nearly every sentence;
// asked of the lists straight, with no token made for the question).
bool dot_belongs(std::string_view text, std::size_t begin, std::size_t dot, const CueWords& cues) {
    if (dot - begin == 1 && text[begin] >= 'A' && text[begin] <= 'Z') return true;
    CueSet lists;
    cues.add_lists_of_english_word(text, {begin, dot + 1}, lists);
    return lists[CueId("abbreviations").index()];
}

// Whether `word` is lower-case Latin letters only, hyphens allowed but not first.
bool is_lower_word(std::string_view word) {
    if (word.empty() || word.front() == '-') return false;
    for (char c : word)
        if (!(kPlainClass[static_cast<unsigned char>(c)] & kSmall)) return false;  // the bytes plain_word_at() calls small
    return true;
}

}  // namespace

void EnglishToken::look_up_lists() const {
    // lists_ is empty until now. A lower-case word holds no capital: its bytes need no lowering.
    const std::string_view text(word.data() - range.begin, text_size_);
    lists_from_->add_lists_of_english_word(text, range, lists_,
                                           lower_case ? CueWords::Capitals::none : CueWords::Capitals::maybe,
                                           inside_ ? CueWords::Edges::fit : CueWords::Edges::check);
    lists_from_ = nullptr;
}

bool EnglishToken::all_caps() const {
    int letters = 0;
    for (char c : word) {
        if (c >= 'A' && c <= 'Z') ++letters;
        else if (!((c >= '0' && c <= '9') || c == '&' || c == '-' || c == '.')) return false;
    }
    return letters >= 2;
}

bool EnglishToken::has_digit() const {
    for (char c : word)
        if (c >= '0' && c <= '9') return true;
    return false;
}

std::vector<EnglishToken> english_tokens(std::string_view text, TextRange range, const CueWords& cues) {
    std::vector<EnglishToken> tokens;
    // Room for a word in four bytes: English averages one in six, and with room for only that
    // many, many sentences' lists grew once (an allocation and a copy of every word).
    tokens.reserve(range.size() / 4 + 1);
    std::size_t pos = range.begin;
    while (pos < range.end) {
        while (pos < range.end && (kPlainClass[static_cast<unsigned char>(text[pos])] & kSpace)) ++pos;  // spaces, tabs
        if (pos >= range.end) break;
        const std::size_t chunk_begin = pos;
        // The space, tab or dash that ends the chunk is stepped over with it, so that the skip of
        // spaces that starts the next chunk does not read it again (one follows nearly every word).
        // (A plain word before a dot that belongs to it is read as the other chunks are, which
        // keep the dot in the word.)
        if (const PlainWord plain = plain_word_at(text, chunk_begin, range.end);
            plain.length > 0 && !(plain.after == '.' && dot_belongs(text, chunk_begin, chunk_begin + plain.length, cues))) {
            // (At the range's end, one past it: the loop ends all the same, with no test here.)
            pos = plain.chunk_end + 1;
            // A dash standing alone marks a break after the previous word; of the plain chunks,
            // only `-` and `--` are one (the first byte rules out nearly all the others).
            const std::string_view chunk(text.data() + chunk_begin, plain.chunk_end - chunk_begin);
            if (chunk.front() == '-' && (chunk == "-" || chunk == "--")) {
                if (!tokens.empty()) tokens.back().dash_after = true;
                continue;
            }
            // (Inside the range: the first and the last word are looked at once all are cut.)
            EnglishToken& t = tokens.emplace_back(TextRange{chunk_begin, chunk_begin + plain.length},
                                                  std::string_view(chunk.data(), plain.length), cues, text, true);
            t.after = plain.after;
            t.lower_case = plain.lower;
            continue;
        }
        std::size_t chunk_end = pos;
        bool dash_inside = false;
        std::size_t stop_length = 0;
        // Only a space, a tab or the first byte of a long dash stops it.
        while ((chunk_end = kChunkStop.find_in(text, chunk_end, range.end)) < range.end) {
            const char c = text[chunk_end];
            if (c == ' ' || c == '\t') {
                stop_length = 1;
                break;
            }
            if (chunk_end > chunk_begin) {
                if (const std::size_t dash = long_dash_at(text, chunk_end)) {
                    dash_inside = true;
                    stop_length = dash;
                    break;
                }
            }
            ++chunk_end;
        }
        pos = chunk_end + stop_length;
        // (Views are made from bounds known to lie inside the text, not by substr, whose range
        // check and throw, at every word, cost 1.8 M instructions in 1 MB of English.)
        const std::string_view chunk(text.data() + chunk_begin, chunk_end - chunk_begin);
        // A dash standing alone marks a break after the previous word (three bytes at most: most
        // chunks are longer, and are not compared).
        if (chunk.size() <= 3 && (chunk == "-" || chunk == "--" || long_dash_at(chunk, 0) == chunk.size())) {
            if (!tokens.empty()) tokens.back().dash_after = true;
            continue;
        }
        EnglishToken t;
        std::size_t b = chunk_begin;
        std::size_t e = chunk_end;
        while (b < e) {
            const std::size_t n = opener_at(text, b);
            if (n == 0) break;
            t.opens = true;
            b += n;
        }
        for (bool changed = true; changed && e > b;) {
            changed = false;
            const char c = text[e - 1];
            if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?') {
                if (!t.after) t.after = c;
                --e;
                changed = true;
            } else if (c == '.') {
                // Keep the dot of `U.S.`, `Corp.`, `C.`: the word with its dot is an abbreviation.
                const std::string_view w = text.substr(b, e - b);
                const bool inner_dot = w.substr(0, w.size() - 1).find('.') != std::string_view::npos;
                if (inner_dot || dot_belongs(text, b, e - 1, cues)) break;
                if (!t.after) t.after = '.';
                --e;
                changed = true;
            } else if (const std::size_t n = closer_before(text, b, e)) {
                // `’s` and `'s` are possessives, not closing quotes.
                const std::size_t before = e - n;
                if (before > b && n <= 3 && (text[before - 1] == 's' || text[before - 1] == 'S') &&
                    (text[e - 1] == '\'' || text.substr(before, n) == "’") && !t.opens) {
                    // `companies'`: a possessive plural when nothing opened a quote.
                    t.possessive = true;
                    e = before;
                    break;
                }
                t.closes = true;
                e = before;
                changed = true;
            }
        }
        // `China's`, `BIS’s` (only a word ending in s can: most are ruled out by their last byte).
        if (e > b && (text[e - 1] == 's' || text[e - 1] == 'S')) {
            for (std::string_view mark : {"'s", "’s", "'S", "’S"}) {
                if (e - b > mark.size() && text.substr(e - mark.size(), mark.size()) == mark) {
                    t.possessive = true;
                    e -= mark.size();
                    break;
                }
            }
        }
        if (dash_inside) t.dash_after = true;
        if (e <= b) {
            if (!tokens.empty() && t.after && !tokens.back().after) tokens.back().after = t.after;
            continue;
        }
        t.range = {b, e};
        t.word = text.substr(b, e - b);
        t.lower_case = is_lower_word(t.word);
        t.find_lists_in(cues, text, true);  // (as for a plain word above)
        tokens.push_back(t);
    }
    // Inside the range, a word has a space, a mark, a quote, a bracket or a dash on either side
    // (the bytes a chunk is cut at and its word stripped of): no letter or digit, which only the
    // bytes past the range's ends may be, next to a word at one of them. Those are told once all
    // are cut (a test at every word cost more than the look-ups save).
    if (!tokens.empty()) {
        if (tokens.front().range.begin == range.begin) tokens.front().find_lists_in(cues, text, false);
        if (tokens.back().range.end == range.end) tokens.back().find_lists_in(cues, text, false);
    }
    return tokens;
}

void KeptWords::keep(std::size_t sentence, std::vector<EnglishToken>&& words) {
    if (sentence >= by_sentence_.size() || words_ + words.size() > kMaxWords) return;
    words_ += words.size();
    by_sentence_[sentence] = std::move(words);
}

std::vector<EnglishToken> KeptWords::take(std::size_t sentence, std::string_view text, TextRange range,
                                          const CueWords& cues) {
    // A sentence of no words is cut again: that costs nothing.
    if (sentence >= by_sentence_.size() || by_sentence_[sentence].empty()) return english_tokens(text, range, cues);
    std::vector<EnglishToken> tokens = std::move(by_sentence_[sentence]);
    by_sentence_[sentence] = {};
    return tokens;
}

std::size_t token_at_or_after_searched(const std::vector<EnglishToken>& tokens, std::size_t pos) {
    const auto found = std::partition_point(tokens.begin(), tokens.end(),
                                            [pos](const EnglishToken& t) { return t.range.begin < pos; });
    return static_cast<std::size_t>(found - tokens.begin());
}

}  // namespace chronokg
