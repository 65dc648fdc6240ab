#include "extract/segmenter.hpp"

#include <algorithm>
#include <array>

#include "core/ascii.hpp"
#include "core/text_search.hpp"
#include "core/utf8.hpp"

namespace chronokg {
namespace {

// White space, and what ends the word before a dot on its left (white space, `(` and `"`): one
// look-up a byte, not a compare for each of the bytes (the segmenter asks about every byte it
// trims or walks back over).
constexpr ByteSet kSpaces{" \t\r\n\f\v"};
constexpr ByteSet kWordStarts{" \t\r\n\f\v(\""};

bool is_space(char c) { return kSpaces.contains(c); }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool starts_with(std::string_view text, std::size_t pos, std::string_view what) {
    return text.substr(pos, what.size()) == what;
}

// The first bytes of the closers below: a place that starts with none holds none.
constexpr ByteSet kCloserStarts{"\"')]\xE2\xE3"};

// The closer at `pos`, which starts with a byte of kCloserStarts (out of line: asked only at a byte that may start one).
[[gnu::noinline]] std::size_t closer_at(std::string_view text, std::size_t pos) {
    for (std::string_view closer : {"\"", "'", ")", "]", "”", "’", "」", "』", "》", "】"})
        if (starts_with(text, pos, closer)) return closer.size();
    return 0;
}

// Closing quotes and brackets that stay with the sentence they close.
// (The first byte tested inline: split() and ends_sentence_at_dot() ask after every terminator,
// and a call each, for a byte that starts no closer at most of them, cost more than the test.)
inline std::size_t closing_length(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || !kCloserStarts.contains(text[pos])) return 0;
    return closer_at(text, pos);
}

TextRange trimmed(std::string_view text, std::size_t begin, std::size_t end) {
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    return {begin, end};
}

// Where to cut a run text[begin, limit) that has grown too long without a terminator: after the
// last clause mark or space in its second half, else at the character boundary nearest `limit`.
std::size_t forced_break(std::string_view text, std::size_t begin, std::size_t limit) {
    for (std::size_t at = limit; at > begin + (limit - begin) / 2; --at) {
        const char c = text[at - 1];
        if (c == ',' || c == ';' || c == ':' || is_space(c)) return at;
    }
    std::size_t at = limit;
    while (at > begin + 1 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

// Bytes at which split() or split_clauses() may act: every other byte is stepped over, sixteen at
// a time (in valid UTF-8 no byte of a multi-byte character is ASCII, E2 or E3 but its first).
constexpr ByteSet kSentenceBytes{"\n\r!?.\xE3"};
constexpr ByteSet kClauseBytes{"()[]\",;:\xE2\xE3"};

}  // namespace

Segmenter::Segmenter(const std::vector<std::string>& abbreviations) {
    for (const auto& a : abbreviations) {
        std::string key;
        for (char c : a) key += ascii_lower(c);
        longest_abbreviation_ = std::max(longest_abbreviation_, key.size());
        if (!key.empty()) abbreviation_shapes_.add(key);
        abbreviations_.insert(key);
    }
}

bool Segmenter::ends_sentence_at_dot(std::string_view text, std::size_t dot) const {
    // A dot ends a sentence only before white space or the end of the text (skipping closers).
    std::size_t after = dot + 1;
    while (std::size_t n = closing_length(text, after)) after += n;
    if (after < text.size() && !is_space(text[after])) return false;
    // The word the dot ends, dot included: "U.S.", "Corp.", "C.".
    const char* word_start = text.data() + dot;  // (a pointer: one register, no index to add)
    while (word_start > text.data() && !kWordStarts.contains(word_start[-1])) --word_start;
    const auto start = static_cast<std::size_t>(word_start - text.data());
    // (A word longer than every abbreviation is none: most words before a full stop.)
    if (dot - start < longest_abbreviation_ && abbreviation_shapes_.may_be(text.substr(start, dot - start + 1))) {
        // (Copied at once and lowered in place: an append a byte cost more than the look-up.)
        std::string word(text.substr(start, dot - start + 1));
        for (char& c : word) c = ascii_lower(c);
        if (abbreviations_.count(word)) return false;
    }
    // A single capital initial ("C. C. Wei") does not end a sentence.
    if (dot - start == 1 && is_ascii_alpha(text[start]) && text[start] >= 'A' && text[start] <= 'Z')
        return false;
    // The next sentence starts with a capital, a digit, a quote or a non-Latin character.
    std::size_t next = after;
    while (next < text.size() && is_space(text[next])) ++next;
    if (next >= text.size()) return true;
    const char c = text[next];
    return !(c >= 'a' && c <= 'z');
}

std::vector<Sentence> Segmenter::split(std::string_view text) const {
    // Sized once for news, a sentence in some 128 bytes (growing moved them up to a dozen times a
    // document), and bounded: one huge text must not reserve room it may never fill.
    std::vector<Sentence> sentences;
    sentences.reserve(std::min<std::size_t>(text.size() / 128 + 1, 1024));
    std::size_t begin = 0;
    auto close = [&](std::size_t end) {
        const TextRange range = trimmed(text, begin, end);
        if (!range.empty()) sentences.push_back(Sentence{range, split_clauses(text, range)});
        begin = end;
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        std::size_t end = 0;  // one past the terminator, 0 when `pos` ends nothing
        if (c == '\n' || c == '\r') {
            end = pos + 1;
        } else if (c == '!' || c == '?') {
            end = pos + 1;
        } else if (static_cast<unsigned char>(c) == 0xE3 && starts_with(text, pos, "。")) {  // 。 is E3 80 82
            end = pos + 3;
        } else if (c == '.' && ends_sentence_at_dot(text, pos)) {
            end = pos + 1;
        }
        if (end == 0) {
            if (pos - begin >= kMaxSentenceBytes) {
                close(forced_break(text, begin, pos));
                continue;
            }
            ++pos;
            pos = kSentenceBytes.find_in(text, pos, std::min(text.size(), begin + kMaxSentenceBytes));
            continue;
        }
        if (end - begin > kMaxSentenceBytes) {  // the terminator would pass the bound: cut before it
            close(forced_break(text, begin, pos));
            continue;
        }
        // Repeated terminators ("?!", "。。") and closing quotes stay with this sentence, within
        // the bound (a run of thousands of "?" becomes several sentences).
        for (;;) {
            std::size_t n = 0;
            if (end < text.size() && (text[end] == '!' || text[end] == '?')) n = 1;
            else if (starts_with(text, end, "。")) n = 3;
            else n = closing_length(text, end);
            if (n == 0 || end + n - begin > kMaxSentenceBytes) break;
            end += n;
        }
        close(end);
        pos = end;
    }
    close(text.size());
    return sentences;
}

std::vector<TextRange> Segmenter::split_clauses(std::string_view text, TextRange sentence) const {
    // Room for the clauses of most sentences at once (growing took up to four allocations).
    std::vector<TextRange> clauses;
    clauses.reserve(8);
    int depth = 0;           // brackets and paired quotes currently open
    bool in_ascii_quote = false;
    std::size_t begin = sentence.begin;
    std::size_t pos = sentence.begin;
    // A bracket opening the sentence holds a dateline (`【新唐人…讯】`, `(法新社北京9日电)`): the
    // bracket is a clause of its own.
    // (Asked once before the loop, not at each byte it stops at.)
    bool dateline = sentence.begin < sentence.end &&
                    (text[pos] == '(' || text[pos] == '[' || text.substr(pos).starts_with("【"));
    // A `。` ending the sentence (most Chinese sentences) is no clause mark, bracket nor quote, and
    // cannot close a dateline (only its closing bracket does): the walk stops before it, not at it.
    // (Its last byte, 82, asked first: English sentences end otherwise.)
    std::size_t scan_end = sentence.end;
    if (sentence.end - sentence.begin >= 3 && static_cast<unsigned char>(text[scan_end - 1]) == 0x82 &&
        text[scan_end - 2] == '\x80' && text[scan_end - 3] == '\xE3')
        scan_end -= 3;
    // Without a dateline, the bytes before the first clause byte are stepped over as the loop
    // steps over those after each (the first byte of most sentences is none, and went through
    // every test of the loop for nothing).
    if (!dateline) pos = kClauseBytes.find_in(text, pos, scan_end);
    while (pos < scan_end) {
        const char c = text[pos];
        std::size_t len = 1;
        if (c == '(' || c == '[') ++depth;
        else if ((c == ')' || c == ']') && depth > 0) --depth;
        else if (c == '"') in_ascii_quote = !in_ascii_quote;
        else if (static_cast<unsigned char>(c) == 0xE2 || static_cast<unsigned char>(c) == 0xE3) {
            // The quotes and brackets below are U+2018…U+201D and U+300A…U+3011: only these lead
            // bytes need decoding, the other characters are only stepped over.
            std::size_t next = pos;
            const char32_t cp = utf8::decode(text, next);
            len = next - pos;
            if (cp == U'“' || cp == U'「' || cp == U'『' || cp == U'《' || cp == U'【' || cp == U'‘') ++depth;
            else if ((cp == U'”' || cp == U'」' || cp == U'』' || cp == U'》' || cp == U'】' || cp == U'’') && depth > 0)
                --depth;
        } else {
            len = utf8::lead_length(static_cast<unsigned char>(c));
        }
        if (dateline && depth == 0 && pos > sentence.begin) {
            dateline = false;
            clauses.push_back(trimmed(text, begin, pos + len));
            begin = pos + len;
        } else if ((c == ',' || c == ';' || c == ':') && depth == 0 && !in_ascii_quote) {
            // A comma between digits is a thousands separator, not a clause break.
            const bool in_number = c == ',' && pos > sentence.begin && pos + 1 < sentence.end &&
                                   text[pos - 1] >= '0' && text[pos - 1] <= '9' && text[pos + 1] >= '0' &&
                                   text[pos + 1] <= '9';
            if (!in_number) {
                const TextRange clause = trimmed(text, begin, pos);
                if (!clause.empty()) clauses.push_back(clause);
                begin = pos + 1;
            }
        }
        pos += len;
        if (!dateline)
            pos = kClauseBytes.find_in(text, pos, scan_end);
    }
    // The sentence's terminator belongs to no clause, nor does a closing quote right after it.
    std::size_t end = trimmed(text, begin, sentence.end).end;
    auto ends_with_terminator = [&](std::size_t at) -> std::size_t {
        if (at > begin && (text[at - 1] == '.' || text[at - 1] == '!' || text[at - 1] == '?')) return 1;
        if (at >= begin + 3 && text.substr(at - 3, 3) == "。") return 3;
        return 0;
    };
    // The closing quote that ends text[begin, at): `"`, `”`, `」`, `』` or `’` (the last four are
    // E2 80 9D, E3 80 8D, E3 80 8F, E2 80 99), told from the last bytes instead of comparing each
    // quote in turn at every sentence's end.
    auto ends_with_quote = [&](std::size_t at) -> std::size_t {
        if (at > begin && text[at - 1] == '"') return 1;
        if (at < begin + 3) return 0;
        const std::string_view last = text.substr(at - 3, 3);
        return last == "”" || last == "」" || last == "』" || last == "’" ? 3 : 0;
    };
    for (;;) {
        if (const std::size_t n = ends_with_terminator(end)) {
            end -= n;
        } else if (const std::size_t q = ends_with_quote(end); q != 0 && ends_with_terminator(end - q)) {
            end -= q;
        } else {
            break;
        }
    }
    const TextRange clause = trimmed(text, begin, end);
    if (!clause.empty()) clauses.push_back(clause);
    return clauses;
}

}  // namespace chronokg
