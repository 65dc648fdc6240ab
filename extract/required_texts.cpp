#include "extract/required_texts.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/text_search.hpp"
#include "core/utf8.hpp"

namespace chronokg {

namespace {

using Texts = std::vector<std::string>;

constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();
std::size_t plus(std::size_t a, std::size_t b) { return a == kUnbounded || b == kUnbounded ? kUnbounded : a + b; }
std::size_t times(std::size_t a, std::size_t n) {
    if (a == 0 || n == 0) return 0;
    return a == kUnbounded || n == kUnbounded || a > (1u << 20) / n ? kUnbounded : a * n;
}

// Texts of which every match of a part holds one, and the most bytes from the part's start to
// where the first of them begins (kUnbounded when a repeat has no limit).
struct Needed {
    Texts texts;
    std::size_t reach = 0;
};

// Drops the texts that hold another of the list (where they stand, so does the shorter one,
// a little further on: the reach grows by that offset) and the repeats.
Needed reduced(Needed needed) {
    Texts& texts = needed.texts;
    std::sort(texts.begin(), texts.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    Texts kept;
    std::size_t offset = 0;
    for (const auto& t : texts) {
        bool held = false;
        for (const auto& k : kept) {
            const std::size_t at = t.find(k);
            if (at == std::string::npos) continue;
            held = true;
            offset = std::max(offset, at);
            break;
        }
        if (!held) kept.push_back(t);
    }
    return Needed{std::move(kept), plus(needed.reach, offset)};
}

// Whether `a` is the better list to look for: its shortest text longer (met less often by
// chance), then fewer texts, then a shorter reach.
bool better(const Needed& a, const Needed& b) {
    auto shortest = [](const Texts& t) {
        std::size_t n = t.front().size();
        for (const auto& s : t) n = std::min(n, s.size());
        return n;
    };
    if (shortest(a.texts) != shortest(b.texts)) return shortest(a.texts) > shortest(b.texts);
    if (a.texts.size() != b.texts.size()) return a.texts.size() < b.texts.size();
    return a.reach < b.reach;
}

// A reader of the pattern, by recursive descent over the grammar
//   alternation := sequence ('|' sequence)*
//   sequence    := (item repeat?)*
//   item        := '(' ('?:')? alternation ')' | '[' characters ']' | '\' escape | '.' | '^' | '$' | character
//   repeat      := ('?' | '*' | '+' | '{' n (',' m?)? '}') '?'?
// Each part answers the texts of which every match of it holds one (nothing when it knows
// none), and the most bytes one match of it can take. Whatever the grammar does not cover
// fails the whole reading.
class PatternReader {
public:
    explicit PatternReader(std::string_view pattern) : p_(pattern) {}

    std::optional<Needed> read() {
        auto part = alternation();
        if (failed_ || pos_ != p_.size()) return std::nullopt;
        return part.needed;
    }

private:
    struct Part {
        std::optional<Needed> needed;
        std::size_t longest = 0;  // bytes; kUnbounded without a limit
    };
    // An item: one literal character (its bytes), or a group or bracket list (its texts, if
    // known), or anything else that matches (or asserts) without a text of its own.
    struct Item {
        std::string character;
        Part part;
    };
    struct Repeat {
        std::size_t min = 1;
        std::size_t max = 1;
    };

    bool at_end() const { return pos_ >= p_.size(); }
    char peek() const { return p_[pos_]; }
    void fail() {
        failed_ = true;
        pos_ = p_.size();
    }

    // Every match of an alternation matches one of its branches: it holds one of the union of
    // their texts, known only when every branch's are.
    Part alternation() {
        Needed all;
        bool known = true;
        std::size_t longest = 0;
        for (;;) {
            const Part branch = sequence();
            if (failed_) return {};
            if (branch.needed) {
                all.texts.insert(all.texts.end(), branch.needed->texts.begin(), branch.needed->texts.end());
                all.reach = std::max(all.reach, branch.needed->reach);
            } else {
                known = false;
            }
            longest = std::max(longest, branch.longest);
            if (at_end() || peek() != '|') break;
            ++pos_;
        }
        if (!known) return Part{std::nullopt, longest};
        return Part{reduced(std::move(all)), longest};
    }

    // A match of a sequence holds each run of literal characters that must appear one after the
    // other, and the texts of each group or list that must appear at least once: the best of
    // those is the sequence's. `before` counts the most bytes the items before can take.
    Part sequence() {
        std::optional<Needed> best;
        std::string run;
        std::size_t run_start = 0;
        std::size_t before = 0;
        auto consider = [&](Needed needed) {
            if (!best || better(needed, *best)) best = std::move(needed);
        };
        auto close_run = [&] {
            if (!run.empty()) consider(Needed{Texts{run}, run_start});
            run.clear();
        };
        auto extend_run = [&](const std::string& character) {
            if (run.empty()) run_start = before;
            run += character;
        };
        while (!at_end() && peek() != '|' && peek() != ')') {
            Item it = item();
            if (failed_) return {};
            const std::optional<Repeat> repeat = this->repeat();
            if (failed_) return {};
            const bool required = !repeat || repeat->min >= 1;
            const std::size_t span = repeat ? times(it.part.longest, repeat->max) : it.part.longest;
            if (!it.character.empty() && !repeat) {
                extend_run(it.character);  // a character once: the run goes on
            } else if (!it.character.empty() && required) {
                extend_run(it.character);  // "xa+": "xa" stands in every match, what follows may not
                close_run();
            } else {
                close_run();
                if (required && it.part.needed) consider(Needed{it.part.needed->texts, plus(before, it.part.needed->reach)});
            }
            before = plus(before, span);
        }
        close_run();
        return Part{best, before};
    }

    Item item() {
        const char c = peek();
        if (c == '(') {
            ++pos_;
            if (!at_end() && peek() == '?') {
                if (p_.substr(pos_, 2) != "?:") {  // flags or a named group: not read
                    fail();
                    return {};
                }
                pos_ += 2;
            }
            Part inner = alternation();
            if (failed_ || at_end() || peek() != ')') {
                fail();
                return {};
            }
            ++pos_;
            return Item{{}, std::move(inner)};
        }
        if (c == '[') return bracket_list();
        if (c == '\\') {
            if (pos_ + 1 >= p_.size()) {
                fail();
                return {};
            }
            const char e = p_[pos_ + 1];
            pos_ += 2;
            if (e == 'b' || e == 'B') return Item{{}, Part{std::nullopt, 0}};
            if (e == 'd' || e == 's' || e == 'w') return Item{{}, Part{std::nullopt, 1}};  // ASCII classes
            if (e == 'D' || e == 'S' || e == 'W') return Item{{}, Part{std::nullopt, 4}};  // any other character
            // Escaped ASCII punctuation stands for itself (RE2 reads any escaped non-word byte so).
            if (static_cast<unsigned char>(e) < 0x80 && std::ispunct(static_cast<unsigned char>(e)) && e != '_')
                return Item{std::string(1, e), Part{std::nullopt, 1}};
            fail();
            return {};
        }
        if (c == '^' || c == '$') {
            ++pos_;
            return Item{{}, Part{std::nullopt, 0}};
        }
        if (c == '.') {
            ++pos_;
            return Item{{}, Part{std::nullopt, 4}};
        }
        if (std::string_view("*+?{}]").find(c) != std::string_view::npos) {
            fail();
            return {};
        }
        const std::size_t length = utf8::sequence_length(p_, pos_);
        if (length == 0) {
            fail();
            return {};
        }
        Item it{std::string(p_.substr(pos_, length)), Part{std::nullopt, length}};
        pos_ += length;
        return it;
    }

    // "[日号]": one of the characters. A list with a range or a negation is read only for its
    // end, and gives no texts (one character, of at most four bytes); one with a '[', a '\' or
    // a leading ']' is not read.
    Item bracket_list() {
        ++pos_;
        const bool negated = !at_end() && peek() == '^';
        if (negated) ++pos_;
        if (!at_end() && peek() == ']') {
            fail();
            return {};
        }
        Texts characters;
        bool plain = !negated;
        std::size_t longest = 0;
        while (!at_end() && peek() != ']') {
            if (peek() == '[' || peek() == '\\') {
                fail();
                return {};
            }
            if (peek() == '-') plain = false;
            const std::size_t length = utf8::sequence_length(p_, pos_);
            if (length == 0) {
                fail();
                return {};
            }
            characters.emplace_back(p_.substr(pos_, length));
            longest = std::max(longest, length);
            pos_ += length;
        }
        if (at_end()) {
            fail();
            return {};
        }
        ++pos_;
        if (!plain) return Item{{}, Part{std::nullopt, 4}};
        return Item{{}, Part{reduced(Needed{std::move(characters), 0}), longest}};
    }

    std::size_t number() {
        std::size_t n = 0;
        const std::size_t first = pos_;
        while (!at_end() && std::isdigit(static_cast<unsigned char>(peek())) && pos_ - first < 4)
            n = n * 10 + static_cast<std::size_t>(peek() - '0'), ++pos_;
        if (pos_ == first || (!at_end() && std::isdigit(static_cast<unsigned char>(peek())))) fail();
        return n;
    }

    // The repeat after an item, if any: the least and most times it lets the item match.
    std::optional<Repeat> repeat() {
        if (at_end()) return std::nullopt;
        Repeat r;
        const char c = peek();
        if (c == '?') {
            r = {0, 1};
            ++pos_;
        } else if (c == '*' || c == '+') {
            r = {c == '+' ? 1u : 0u, kUnbounded};
            ++pos_;
        } else if (c == '{') {
            ++pos_;
            r.min = r.max = number();
            if (!at_end() && peek() == ',') {
                ++pos_;
                r.max = !at_end() && peek() == '}' ? kUnbounded : number();
            }
            if (failed_ || at_end() || peek() != '}') {
                fail();
                return std::nullopt;
            }
            ++pos_;
        } else {
            return std::nullopt;
        }
        if (!at_end() && peek() == '?') ++pos_;  // non-greedy: the same matches may hold
        if (!at_end() && std::string_view("?*+{").find(peek()) != std::string_view::npos) fail();
        return r;
    }

    std::string_view p_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

}  // namespace

RequiredTexts::RequiredTexts(std::string_view pattern) {
    auto needed = PatternReader(pattern).read();
    if (!needed || needed->texts.empty()) return;
    for (const auto& t : needed->texts)
        if (t.size() < 2) return;
    texts_ = std::move(needed->texts);
    reach_ = needed->reach;
    auto seldom = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    by_first_byte_ = texts_.size() > 1 && std::all_of(texts_.begin(), texts_.end(), [&](const std::string& t) { return seldom(t.front()); });
    for (const auto& t : texts_) first_bytes_[static_cast<unsigned char>(t.front())] = by_first_byte_;
}

std::size_t RequiredTexts::first_in(std::string_view part) const {
    if (by_first_byte_) {
        auto text_at = [&](std::size_t at) {
            const char b = part[at];
            if (!first_bytes_[static_cast<unsigned char>(b)]) return false;
            for (const auto& t : texts_)
                if (t.front() == b && part.size() - at >= t.size() && part.compare(at, t.size(), t) == 0) return true;
            return false;
        };
        std::size_t at = 0;
#if defined(__SSE2__)
        // Sixteen bytes at a time, for a capital letter or a digit (the first bytes' kinds), with
        // two unsigned range tests each: (byte - 'A') < 26, (byte - '0') < 10.
        const __m128i capital_base = _mm_set1_epi8(static_cast<char>(-128 - 'A'));
        const __m128i capital_limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
        const __m128i digit_base = _mm_set1_epi8(static_cast<char>(-128 - '0'));
        const __m128i digit_limit = _mm_set1_epi8(static_cast<char>(-128 + 10));
        for (; at + 16 <= part.size(); at += 16) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(part.data() + at));
            const __m128i capital = _mm_cmpgt_epi8(capital_limit, _mm_add_epi8(block, capital_base));
            const __m128i digit = _mm_cmpgt_epi8(digit_limit, _mm_add_epi8(block, digit_base));
            for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(capital, digit))); mask != 0; mask &= mask - 1)
                if (text_at(at + static_cast<std::size_t>(__builtin_ctz(mask)))) return at + static_cast<std::size_t>(__builtin_ctz(mask));
        }
#endif
        for (; at < part.size(); ++at)
            if (text_at(at)) return at;
        return std::string_view::npos;
    }
    std::size_t first = std::string_view::npos;
    for (const auto& t : texts_) {
        // Only an earlier place counts: the search stops where one would have to end.
        const std::string_view before = first == std::string_view::npos ? part : part.substr(0, first + t.size() - 1);
        const std::size_t at = find_first(before, t);
        if (at != std::string_view::npos) first = at;
    }
    return first;
}

std::size_t RequiredTexts::earliest_start(std::string_view text, std::size_t from, std::size_t to) const {
    if (texts_.empty()) return from;
    const std::size_t at = first_in(text.substr(from, to - from));
    if (at == std::string_view::npos) return std::string_view::npos;
    return at > reach_ ? from + (at - reach_) : from;
}

}  // namespace chronokg
