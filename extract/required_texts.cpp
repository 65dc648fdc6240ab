#include "extract/required_texts.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/text_search.hpp"
#include "core/utf8.hpp"

namespace chronokg {

namespace {

using Texts = std::vector<std::string>;

// Drops the texts that hold another of the list (where they stand, so does the shorter one)
// and the repeats.
Texts reduced(Texts texts) {
    std::sort(texts.begin(), texts.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    Texts kept;
    for (const auto& t : texts)
        if (std::none_of(kept.begin(), kept.end(), [&](const std::string& k) { return t.find(k) != std::string::npos; }))
            kept.push_back(t);
    return kept;
}

// Whether list `a` is the better one to look for: its shortest text longer (met less often by
// chance), then fewer texts.
bool better(const Texts& a, const Texts& b) {
    auto shortest = [](const Texts& t) {
        std::size_t n = t.front().size();
        for (const auto& s : t) n = std::min(n, s.size());
        return n;
    };
    if (shortest(a) != shortest(b)) return shortest(a) > shortest(b);
    return a.size() < b.size();
}

// A reader of the pattern, by recursive descent over the grammar
//   alternation := sequence ('|' sequence)*
//   sequence    := (item repeat?)*
//   item        := '(' ('?:')? alternation ')' | '[' characters ']' | '\' escape | '.' | '^' | '$' | character
//   repeat      := ('?' | '*' | '+' | '{' n (',' m?)? '}') '?'?
// Each part answers the texts of which every match of it holds one, or nothing when it knows
// none. Whatever the grammar does not cover fails the whole reading.
class PatternReader {
public:
    explicit PatternReader(std::string_view pattern) : p_(pattern) {}

    std::optional<Texts> read() {
        auto texts = alternation();
        if (failed_ || pos_ != p_.size()) return std::nullopt;
        return texts;
    }

private:
    // An item: a character (its bytes), a group or bracket list (its texts, if known), or
    // anything else that matches (or asserts) without a text of its own.
    struct Item {
        std::string character;      // one literal character; empty when the item is none
        std::optional<Texts> texts;  // a group's or bracket list's texts
    };

    bool at_end() const { return pos_ >= p_.size(); }
    char peek() const { return p_[pos_]; }
    void fail() {
        failed_ = true;
        pos_ = p_.size();
    }

    // Every match of an alternation matches one of its branches: it holds one of the union of
    // their texts, known only when every branch's are.
    std::optional<Texts> alternation() {
        Texts all;
        bool known = true;
        for (;;) {
            const auto branch = sequence();
            if (failed_) return std::nullopt;
            if (branch) all.insert(all.end(), branch->begin(), branch->end());
            else known = false;
            if (at_end() || peek() != '|') break;
            ++pos_;
        }
        if (!known) return std::nullopt;
        return reduced(std::move(all));
    }

    // A match of a sequence holds each run of literal characters that must appear one after the
    // other, and the texts of each group or list that must appear at least once: the best of
    // those is the sequence's.
    std::optional<Texts> sequence() {
        std::optional<Texts> best;
        std::string run;
        auto consider = [&](Texts texts) {
            if (!best || better(texts, *best)) best = std::move(texts);
        };
        auto close_run = [&] {
            if (!run.empty()) consider(Texts{run});
            run.clear();
        };
        while (!at_end() && peek() != '|' && peek() != ')') {
            Item it = item();
            if (failed_) return std::nullopt;
            const std::optional<std::size_t> min = repeat_minimum();
            if (failed_) return std::nullopt;
            const bool required = !min || *min >= 1;
            if (!it.character.empty() && !min) {
                run += it.character;  // a character once: the run goes on
                continue;
            }
            if (!it.character.empty() && required) {
                run += it.character;  // "xa+": "xa" stands in every match, what follows may not
                close_run();
                continue;
            }
            close_run();
            if (required && it.texts) consider(*it.texts);
        }
        close_run();
        return best;
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
            auto texts = alternation();
            if (failed_ || at_end() || peek() != ')') {
                fail();
                return {};
            }
            ++pos_;
            return Item{{}, std::move(texts)};
        }
        if (c == '[') return bracket_list();
        if (c == '\\') {
            if (pos_ + 1 >= p_.size()) {
                fail();
                return {};
            }
            const char e = p_[pos_ + 1];
            pos_ += 2;
            if (std::string_view("dDsSwWbB").find(e) != std::string_view::npos) return {};
            // Escaped ASCII punctuation stands for itself (RE2 reads any escaped non-word byte so).
            if (static_cast<unsigned char>(e) < 0x80 && std::ispunct(static_cast<unsigned char>(e)) && e != '_')
                return Item{std::string(1, e), std::nullopt};
            fail();
            return {};
        }
        if (c == '.' || c == '^' || c == '$') {
            ++pos_;
            return {};
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
        Item it{std::string(p_.substr(pos_, length)), std::nullopt};
        pos_ += length;
        return it;
    }

    // "[日号]": one of the characters. A list with a range, a negation or an escape is read only
    // for its end, and gives no texts; one with a '[' or a leading ']' is not read.
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
            pos_ += length;
        }
        if (at_end()) {
            fail();
            return {};
        }
        ++pos_;
        if (!plain) return {};
        return Item{{}, reduced(std::move(characters))};
    }

    // The least number of times a repeat lets its item match; nothing when no repeat follows.
    std::optional<std::size_t> repeat_minimum() {
        if (at_end()) return std::nullopt;
        std::size_t min = 0;
        const char c = peek();
        if (c == '?' || c == '*') {
            ++pos_;
        } else if (c == '+') {
            min = 1;
            ++pos_;
        } else if (c == '{') {
            ++pos_;
            const std::size_t digits = pos_;
            while (!at_end() && std::isdigit(static_cast<unsigned char>(peek()))) min = min * 10 + static_cast<std::size_t>(peek() - '0'), ++pos_;
            if (pos_ == digits || pos_ - digits > 4) {
                fail();
                return std::nullopt;
            }
            if (!at_end() && peek() == ',') {
                ++pos_;
                while (!at_end() && std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
            }
            if (at_end() || peek() != '}') {
                fail();
                return std::nullopt;
            }
            ++pos_;
        } else {
            return std::nullopt;
        }
        if (!at_end() && peek() == '?') ++pos_;  // non-greedy: the same matches may hold
        if (!at_end() && std::string_view("?*+{").find(peek()) != std::string_view::npos) fail();
        return min;
    }

    std::string_view p_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

}  // namespace

RequiredTexts::RequiredTexts(std::string_view pattern) {
    auto texts = PatternReader(pattern).read();
    if (!texts || texts->empty()) return;
    for (const auto& t : *texts)
        if (t.size() < 2) return;
    texts_ = std::move(*texts);
    auto seldom = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    by_first_byte_ = texts_.size() > 1 && std::all_of(texts_.begin(), texts_.end(), [&](const std::string& t) { return seldom(t.front()); });
    for (const auto& t : texts_) first_bytes_[static_cast<unsigned char>(t.front())] = by_first_byte_;
}

bool RequiredTexts::any_in(std::string_view text, std::size_t from, std::size_t to) const {
    if (texts_.empty()) return true;
    const std::string_view part = text.substr(from, to - from);
    if (by_first_byte_) {
        for (std::size_t at = 0; at < part.size(); ++at) {
            if (!first_bytes_[static_cast<unsigned char>(part[at])]) continue;
            for (const auto& t : texts_)
                if (part.substr(at, t.size()) == t) return true;
        }
        return false;
    }
    for (const auto& t : texts_)
        if (find_first(part, t) != std::string_view::npos) return true;
    return false;
}

}  // namespace chronokg
