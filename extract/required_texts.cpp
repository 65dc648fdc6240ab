#include "extract/required_texts.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <limits>
#include <optional>

#include "core/utf8.hpp"

namespace chronokg {

namespace {

using Texts = std::vector<std::string>;

constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();
// The most strings a set of strings may hold: the strings a part matches when they are few
// (`\d{1,2}`: 110), and a list of required texts (`\d ?[日号]`: 40). More strings cost more
// at start-up, and more phrases in the scan that looks for them.
constexpr std::size_t kMostStrings = 128;
// The most characters a run keeps when it is cut back to go on (a few say enough: `年 `).
constexpr std::size_t kLongestTail = 4;

std::size_t plus(std::size_t a, std::size_t b) { return a == kUnbounded || b == kUnbounded ? kUnbounded : a + b; }
std::size_t times(std::size_t a, std::size_t n) {
    if (a == 0 || n == 0) return 0;
    return a == kUnbounded || n == kUnbounded || a > (1u << 20) / n ? kUnbounded : a * n;
}

std::size_t shortest(const Texts& texts) {
    std::size_t n = kUnbounded;
    for (const auto& t : texts) n = std::min(n, t.size());
    return n;
}

std::size_t longest(const Texts& texts) {
    std::size_t n = 0;
    for (const auto& t : texts) n = std::max(n, t.size());
    return n;
}

// Whether `a` comes before `b` as std::string orders them (bytes unsigned, then the shorter
// first). (Byte by byte: the strings are a few bytes, shorter than a call to memcmp.)
bool bytes_less(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
    return a.size() < b.size();
}

// (Views of the strings are sorted, which move cheaper than strings; then copied.)
Texts sorted_unique(const Texts& texts) {
    std::vector<std::string_view> views(texts.begin(), texts.end());
    if (!std::is_sorted(views.begin(), views.end(), bytes_less)) std::sort(views.begin(), views.end(), bytes_less);
    views.erase(std::unique(views.begin(), views.end()), views.end());
    return Texts(views.begin(), views.end());
}

// Whether `text` begins with `prefix`, compared byte by byte, the first apart: the strings are
// a few bytes, shorter than a call to memcmp, and most differ in the first.
bool begins_with(std::string_view text, std::string_view prefix) {
    if (prefix.size() > text.size()) return false;
    if (prefix.empty()) return true;
    if (text[0] != prefix[0]) return false;
    for (std::size_t i = 1; i < prefix.size(); ++i)
        if (text[i] != prefix[i]) return false;
    return true;
}

// Adds `s` to `texts` unless it is there already. (For the lists of a few characters met
// while many strings are cut back, a look along the list costs less than a sort; the order
// of a list never matters, as reduced() sorts the texts chosen.)
void add_once(Texts& texts, std::string_view s) {
    const auto same = [&](const std::string& t) { return t.size() == s.size() && begins_with(t, s); };
    if (std::none_of(texts.begin(), texts.end(), same)) texts.emplace_back(s);
}

bool one_length(const Texts& texts) {
    return std::all_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.size() == texts.front().size(); });
}

// Every string of `a` followed by one of `b`, each once; none when they would be too many.
// (When the strings of `a`, or those of `b`, are of one length, as a list of characters is,
// no two pairs join into one string: then the list needs no sort to drop repeats.)
std::optional<Texts> product(const Texts& a, const Texts& b) {
    if (a.size() * b.size() > kMostStrings) return std::nullopt;
    // (The empty string before or after each string leaves the list as it is, in its order:
    // the items before the first in a sequence are matched by it.)
    if (a.size() == 1 && a.front().empty()) return b;
    if (b.size() == 1 && b.front().empty()) return a;
    Texts out;
    out.reserve(a.size() * b.size());
    for (const auto& x : a)
        for (const auto& y : b) {  // (made in place: no string made and moved)
            std::string& xy = out.emplace_back();
            xy.reserve(x.size() + y.size());
            xy.append(x).append(y);
        }
    if (one_length(a) || one_length(b)) return out;
    return sorted_unique(out);
}

// The first character of each of `strings`, each once; none when one of them is empty.
std::optional<Texts> first_characters(const Texts& strings) {
    Texts out;
    for (const auto& s : strings) {
        const std::size_t length = s.empty() ? 0 : utf8::sequence_length(s, 0);
        if (length == 0) return std::nullopt;
        add_once(out, std::string_view(s).substr(0, length));
    }
    return out;
}

// The last `n` characters of each of `strings`, each once, and the most bytes cut off the
// front of one; none when one has fewer.
struct Tails {
    Texts texts;
    std::size_t cut = 0;
};
std::optional<Tails> last_characters(const Texts& strings, std::size_t n) {
    Tails tails;
    for (const auto& s : strings) {
        std::size_t at = s.size();
        for (std::size_t k = 0; k < n; ++k) {
            if (at == 0) return std::nullopt;
            do --at; while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80);
        }
        add_once(tails.texts, std::string_view(s).substr(at));
        tails.cut = std::max(tails.cut, at);
    }
    return tails;
}

// The strings of `a` and of `b`; none when they would be too many.
// (Each list holds each string once, and the order of a list's strings never matters:
// reduced() sorts the texts chosen. So when no string of `a` is as long as one of `b`, as with
// `\d{1,2}`'s one and two digits, the two lists only need putting end to end.)
// (`a` is taken, not copied: the callers grow a list by joining more to it.)
std::optional<Texts> joined(Texts a, const Texts& b) {
    if (a.size() + b.size() <= kMostStrings && (a.empty() || b.empty() || longest(a) < shortest(b) || longest(b) < shortest(a))) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    }
    Texts out = std::move(a);
    out.insert(out.end(), b.begin(), b.end());
    out = sorted_unique(out);
    if (out.size() > kMostStrings) return std::nullopt;
    return out;
}

// Texts of which every match of a part holds one, and the most bytes from the part's start to
// where the first of them begins (kUnbounded when a repeat has no limit).
struct Needed {
    Texts texts;
    std::size_t reach = 0;
};

// Drops the texts that hold another of the list (where they stand, so does the shorter one,
// a little further on: the reach grows by that offset) and the repeats. (Each text's pieces
// are looked up among those kept: a search for each kept text in each text cost most of the
// tagger's start-up.)
Needed reduced(Needed needed) {
    // Views of the texts, shortest first. (Whether a text is kept, and the offset, depend only
    // on the shorter texts kept: the texts are sorted by length alone, and only those kept by
    // their bytes too, where the repeats go.)
    std::vector<std::string_view> texts(needed.texts.begin(), needed.texts.end());
    const auto by_length = [](std::string_view a, std::string_view b) { return a.size() < b.size(); };
    if (!std::is_sorted(texts.begin(), texts.end(), by_length)) std::sort(texts.begin(), texts.end(), by_length);  // (most lists are of one length)
    const std::size_t longest = texts.empty() ? 0 : texts.back().size();
    std::vector<bool> keep(texts.size());
    std::vector<std::string_view> kept_short;  // the kept texts shorter than the longest, shortest first
    std::array<bool, 256> kept_first{};        // the first bytes of those
    std::size_t offset = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string_view t = texts[i];
        const bool empty_kept = !kept_short.empty() && kept_short.front().empty();  // stands everywhere
        bool held = false;
        // The first place in `t` where a kept text stands, if any. Only the kept texts shorter
        // than `t` are looked for: one as long would be `t` itself, or a repeat, which is kept
        // or dropped as `t` is. (So a list of texts of one length, as most are, needs no look
        // at all; and where no kept text begins with the byte at `at`, none stands there.)
        for (std::size_t at = 0; at < t.size() && !held; ++at) {
            if (!kept_first[static_cast<unsigned char>(t[at])] && !empty_kept) continue;
            const std::string_view rest = t.substr(at);
            for (const std::string_view k : kept_short) {
                if (k.size() >= t.size() || k.size() > rest.size()) break;
                if (begins_with(rest, k)) {
                    held = true;
                    offset = std::max(offset, at);
                    break;
                }
            }
        }
        if (!held) {
            keep[i] = true;
            if (t.size() < longest) {  // only a longer text can hold it
                kept_short.push_back(t);
                if (!t.empty()) kept_first[static_cast<unsigned char>(t[0])] = true;
            }
        }
    }
    std::vector<std::string_view> kept_views;
    for (std::size_t i = 0; i < texts.size(); ++i)
        if (keep[i]) kept_views.push_back(texts[i]);
    const auto by_length_and_bytes = [](std::string_view a, std::string_view b) {
        return a.size() != b.size() ? a.size() < b.size() : bytes_less(a, b);
    };
    if (!std::is_sorted(kept_views.begin(), kept_views.end(), by_length_and_bytes))  // (often they are)
        std::sort(kept_views.begin(), kept_views.end(), by_length_and_bytes);
    kept_views.erase(std::unique(kept_views.begin(), kept_views.end()), kept_views.end());
    Texts kept(kept_views.begin(), kept_views.end());
    return Needed{std::move(kept), plus(needed.reach, offset)};
}

// Whether `a` is the better list to look for: a bounded reach (the search for a match can
// begin near the text found), then its shortest text longer (met less often by chance), then
// a shorter reach (the search begins nearer, and reads less), then fewer texts. (Reach before
// the count: `(\d{4}) ?年 ?(\d{1,2}) ?月` looks for its 42 `4年` texts, 11 bytes of reach, not
// its 40 `5月`, 26 bytes: Chinese −2.80M instructions a MB, English 0.)
bool better(const Needed& a, const Needed& b) {
    if ((a.reach == kUnbounded) != (b.reach == kUnbounded)) return a.reach != kUnbounded;
    if (shortest(a.texts) != shortest(b.texts)) return shortest(a.texts) > shortest(b.texts);
    if (a.reach != b.reach) return a.reach < b.reach;
    return a.texts.size() < b.texts.size();
}

// The first two bytes a match can begin with, as bits (first << 8 | second). A one-byte string
// sets every second byte: whatever follows it may begin the next part.
using FirstPairs = std::bitset<65536>;

void set_first_pairs(FirstPairs& pairs, std::string_view s) {
    const std::size_t first = static_cast<unsigned char>(s[0]);
    if (s.size() >= 2) {
        pairs.set(first << 8 | static_cast<unsigned char>(s[1]));
        return;
    }
    for (std::size_t second = 0; second < 256; ++second) pairs.set(first << 8 | second);
}

// A reader of the pattern, by recursive descent over the grammar
//   alternation := sequence ('|' sequence)*
//   sequence    := (item repeat?)*
//   item        := '(' ('?:')? alternation ')' | '[' characters ']' | '\' escape | '.' | '^' | '$' | character
//   repeat      := ('?' | '*' | '+' | '{' n (',' m?)? '}') '?'?
// Each part answers what every match of it holds: the texts of which it holds one; the whole
// set of strings it can match, when they are few (`[日号]`, `\d{1,2}`, `(?:周|星期)`); else
// strings one of which begins it and one of which ends it (`\d{4}` begins and ends with a
// digit). A sequence joins the strings of neighbouring parts into longer texts (`\d{1,2} ?月`:
// `5月`, `5 月`, …), which stand in fewer places than their parts alone (`月`). Whatever the
// grammar does not cover fails the whole reading.
class PatternReader {
public:
    explicit PatternReader(std::string_view pattern) : p_(pattern) {}

    std::optional<Needed> read() {
        auto part = alternation(false);
        if (failed_ || pos_ != p_.size()) return std::nullopt;
        if (!part.needed) return std::nullopt;
        longest_ = part.longest;
        first_bytes_ = part.first_bytes;
        can_be_empty_ = part.can_be_empty;
        return reduced(std::move(*part.needed));
    }
    // After read(): the most bytes a match of the whole pattern can take, the pairs of first
    // two bytes one can begin with (FirstPairs), and whether one can be empty.
    std::size_t longest() const { return longest_; }
    const FirstPairs& first_bytes() const { return first_bytes_; }
    bool can_be_empty() const { return can_be_empty_; }

private:
    struct Part {
        // The texts, before reduced(): each use reduces them, so that a part matched whole,
        // whose texts its sequence does not use, costs no reduction.
        std::optional<Needed> needed;
        std::size_t longest = 0;         // bytes; kUnbounded without a limit
        std::optional<Texts> exact;      // every string a match can be ("" for an assertion)
        std::optional<Texts> first;      // when not exact: one of them begins every match
        std::optional<Texts> last;       // when not exact: one of them ends every match
        FirstPairs first_bytes;          // every pair of bytes a match that is not empty can begin with
        bool can_be_empty = false;       // whether a match can take no byte
    };
    struct Repeat {
        std::size_t min = 1;
        std::size_t max = 1;
    };

    static Part exactly(Texts strings, std::size_t longest) {
        Part part;
        for (const auto& s : strings) {
            if (s.empty()) part.can_be_empty = true;
            else set_first_pairs(part.first_bytes, s);
        }
        part.exact = std::move(strings);
        part.longest = longest;
        return part;
    }
    // A part of which nothing is known but that a match of it takes at most `longest` bytes.
    // (It takes at least one byte, and may begin with any.)
    static Part unknown(std::size_t longest) {
        Part part;
        part.longest = longest;
        part.first_bytes.set();
        return part;
    }
    // Strings one of which begins (ends) every match of `part`, none empty; or none.
    // (A pointer into `part`, or null: a copy of the list would cost more than its use.)
    static const Texts* starts(const Part& part) {
        const auto& s = part.exact ? part.exact : part.first;
        if (!s || shortest(*s) == 0) return nullptr;
        return &*s;
    }
    static const Texts* ends(const Part& part) {
        const auto& s = part.exact ? part.exact : part.last;
        if (!s || shortest(*s) == 0) return nullptr;
        return &*s;
    }

    bool at_end() const { return pos_ >= p_.size(); }
    char peek() const { return p_[pos_]; }
    void fail() {
        failed_ = true;
        pos_ = p_.size();
    }

    // Every match of an alternation matches one of its branches: it holds one of the union of
    // their texts, known only when every branch's are; and so for its strings.
    // `strings`: whether the strings of its matches are asked for too (only texts at the top).
    Part alternation(bool strings = true) {
        Needed all;
        bool known = true;
        Part out;
        std::vector<Part> branches;
        for (;;) {
            Part branch = sequence(strings);
            if (failed_) return {};
            if (branch.needed) {
                const Needed own = reduced(std::move(*branch.needed));
                all.texts.insert(all.texts.end(), own.texts.begin(), own.texts.end());
                all.reach = std::max(all.reach, own.reach);
            } else {
                known = false;
            }
            out.longest = std::max(out.longest, branch.longest);
            out.first_bytes |= branch.first_bytes;
            out.can_be_empty = out.can_be_empty || branch.can_be_empty;
            branches.push_back(std::move(branch));
            if (at_end() || peek() != '|') break;
            ++pos_;
        }
        if (known) out.needed = std::move(all);
        if (!strings) return out;
        // Its strings, else its first and last strings: those of every branch together.
        auto together = [&](auto strings_of) {
            std::optional<Texts> union_of = Texts{};
            for (const Part& branch : branches) {
                const Texts* own = strings_of(branch);
                union_of = union_of && own ? joined(std::move(*union_of), *own) : std::nullopt;
            }
            return union_of;
        };
        out.exact = together([](const Part& p) { return p.exact ? &*p.exact : nullptr; });
        if (!out.exact) {
            out.first = together(starts);
            out.last = together(ends);
        }
        return out;
    }

    // A match of a sequence holds each run of strings that must stand one after the other (the
    // strings of items matched whole, joined; the end of an item that is not and the beginning
    // of the next), and the texts of each item that must match at least once: the best of those
    // is the sequence's. `before` counts the most bytes the items before can take.
    Part sequence(bool strings) {
        std::optional<Needed> best;
        // (Lists are compared as they are, and reduced() once they are chosen: it keeps a
        // list's shortest texts, and reducing every list met was most of the reading's cost.)
        auto consider = [&](Needed needed) {
            if (needed.texts.empty() || shortest(needed.texts) == 0) return;
            if (!best || better(needed, *best)) best = std::move(needed);
        };
        std::optional<Texts> run;  // the strings that end where the items read so far end
        std::size_t run_reach = 0;  // the most bytes from the sequence's start to where they begin
        auto close_run = [&] {
            if (run) consider(Needed{std::move(*run), run_reach});
            run.reset();
        };
        std::size_t before = 0;
        std::optional<Texts> exact;  // every string the items so far can match
        if (strings) exact = Texts{""};
        Texts leading{""};           // strings that begin every match of them
        bool leading_done = !strings;
        FirstPairs first_bytes;        // of the items so far, up to the first that takes a byte
        bool can_be_empty = true;      // whether the items so far can all match empty
        while (!at_end() && peek() != '|' && peek() != ')') {
            Part it = item();
            if (failed_) return {};
            const std::optional<Repeat> repeat = this->repeat();
            if (failed_) return {};
            if (repeat) it = repeated(std::move(it), *repeat);
            if (can_be_empty) first_bytes |= it.first_bytes;
            can_be_empty = can_be_empty && it.can_be_empty;
            // (The strings of the whole and its first strings come first: the run below may
            // then take the item's strings rather than copy them.)
            // While the strings of the items so far are known, the first strings are the same
            // list, made the same way: they are taken from it only when it is lost.
            if (exact) {
                std::optional<Texts> longer = it.exact ? product(*exact, *it.exact) : std::nullopt;
                if (!longer) leading = std::move(*exact);
                exact = std::move(longer);
            }
            if (!leading_done && !exact) {
                const Texts* s = it.exact ? &*it.exact : starts(it);
                std::optional<Texts> longer = s ? product(leading, *s) : std::nullopt;
                if (longer) leading = std::move(*longer);
                leading_done = !longer || !it.exact;
            }
            if (it.exact) {
                std::optional<Texts> longer = run ? product(*run, *it.exact) : std::nullopt;
                if (run && !longer) {
                    // Too many. The run counts as it is, into the first characters of the item's
                    // strings where that keeps it few (`去年 ?\d{1,2}`: `去年5`); then it goes on
                    // from its own last characters, as many as keep it few (`\d{1,2} ?[日号]`:
                    // 110 strings end with one of 10 digits).
                    const auto heads = first_characters(*it.exact);
                    auto into = heads ? product(*run, *heads) : std::nullopt;
                    consider(into ? Needed{std::move(*into), run_reach} : Needed{*run, run_reach});
                    for (std::size_t n = kLongestTail; n > 0 && !longer; --n) {
                        const auto tails = last_characters(*run, n);
                        if (tails && (longer = product(tails->texts, *it.exact))) run_reach = plus(run_reach, tails->cut);
                    }
                    if (!longer) run.reset();
                }
                if (!longer) {
                    close_run();
                    run_reach = before;
                    longer = std::move(it.exact);
                }
                run = std::move(longer);
            } else {
                if (run) {
                    // The run goes on into the item's first strings ("xa+": "xa"), or when they
                    // are too many, their first characters; and ends.
                    if (const auto s = starts(it)) {
                        auto longer = product(*run, *s);
                        if (const auto heads = longer ? std::nullopt : first_characters(*s)) longer = product(*run, *heads);
                        if (longer) run = std::move(longer);
                    }
                }
                close_run();
                if (it.needed) {
                    Needed own = reduced(std::move(*it.needed));
                    consider(Needed{std::move(own.texts), plus(before, own.reach)});
                }
                if (const auto e = ends(it)) {
                    // A new run from the item's last strings, which begin at most their
                    // shortest's length before its end.
                    run_reach = plus(before, it.longest) == kUnbounded ? kUnbounded : before + it.longest - shortest(*e);
                    run = std::move(*it.last);  // not exact: its last strings are `e`
                }
            }
            before = plus(before, it.longest);
        }
        Part out;
        out.longest = before;
        out.first_bytes = first_bytes;
        out.can_be_empty = can_be_empty;
        if (exact) {
            out.exact = std::move(exact);
        } else if (strings) {
            if (shortest(leading) > 0) out.first = std::move(leading);
            if (run && shortest(*run) > 0) out.last = run;
        }
        close_run();
        if (best) out.needed = std::move(*best);
        return out;
    }

    // An item repeated: its texts, when it must match at least once; its strings, when its
    // repeats make few; else its first and last strings, when it must match.
    static Part repeated(Part it, const Repeat& r) {
        Part out;
        out.longest = times(it.longest, r.max);
        if (r.max > 0) out.first_bytes = it.first_bytes;
        out.can_be_empty = r.min == 0 || it.can_be_empty;
        const bool required = r.min >= 1;
        if (required) out.needed = std::move(it.needed);
        if (it.exact && r.max != kUnbounded) {
            Texts all;
            Texts power{""};
            bool few = true;
            for (std::size_t k = 0; k <= r.max && few; ++k) {
                if (k >= r.min) {
                    auto more = joined(std::move(all), power);
                    few = more.has_value();
                    if (few) all = std::move(*more);
                }
                if (k < r.max && few) {
                    auto next = product(power, *it.exact);
                    few = next.has_value();
                    if (few) power = std::move(*next);
                }
            }
            if (few) {
                out.exact = std::move(all);
                return out;
            }
        }
        if (required) {
            if (const Texts* s = starts(it)) out.first = *s;
            if (const Texts* e = ends(it)) out.last = *e;
        }
        return out;
    }

    Part item() {
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
            return inner;
        }
        if (c == '[') return bracket_list();
        if (c == '\\') {
            if (pos_ + 1 >= p_.size()) {
                fail();
                return {};
            }
            const char e = p_[pos_ + 1];
            pos_ += 2;
            if (e == 'b' || e == 'B') return exactly({""}, 0);  // an assertion: matches no byte
            if (e == 'd') return exactly({"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, 1);  // ASCII digits
            if (e == 's' || e == 'w') return unknown(1);  // ASCII classes
            if (e == 'D' || e == 'S' || e == 'W') return unknown(4);  // any other character
            // Escaped ASCII punctuation stands for itself (RE2 reads any escaped non-word byte so).
            if (static_cast<unsigned char>(e) < 0x80 && std::ispunct(static_cast<unsigned char>(e)) && e != '_')
                return exactly({std::string(1, e)}, 1);
            fail();
            return {};
        }
        if (c == '^' || c == '$') {
            ++pos_;
            return exactly({""}, 0);
        }
        if (c == '.') {
            ++pos_;
            return unknown(4);
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
        Part it = exactly({std::string(p_.substr(pos_, length))}, length);
        pos_ += length;
        return it;
    }

    // "[日号]": one of the characters. A list with a range or a negation is read only for its
    // end, and gives nothing (one character, of at most four bytes); one with a '[', a '\' or
    // a leading ']' is not read.
    Part bracket_list() {
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
        if (!plain) return unknown(4);
        Part list = exactly(sorted_unique(characters), longest);
        list.needed = Needed{std::move(characters), 0};
        return list;
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
    std::size_t longest_ = kUnbounded;
    FirstPairs first_bytes_;
    bool can_be_empty_ = true;
};

}  // namespace

RequiredTexts::RequiredTexts(std::string_view pattern) {
    may_begin_.fill(true);
    may_begin_pair_.set();
    PatternReader reader(pattern);
    auto needed = reader.read();
    if (!needed || needed->texts.empty()) return;
    for (const auto& t : needed->texts)
        if (t.size() < 2) return;
    texts_ = std::move(needed->texts);
    reach_ = needed->reach;
    longest_ = reader.longest();
    if (reader.can_be_empty()) return;
    may_begin_pair_ = reader.first_bytes();
    for (std::size_t byte = 0; byte < 256; ++byte) {
        may_begin_[byte] = false;
        for (std::size_t second = 0; second < 256 && !may_begin_[byte]; ++second) may_begin_[byte] = may_begin_pair_[byte << 8 | second];
    }
}

}  // namespace chronokg
