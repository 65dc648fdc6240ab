#include "extract/phrase_matcher.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace chronokg {
namespace {

unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }
bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_word(unsigned char c) { return is_letter(c) || is_digit(c); }
bool same_class(unsigned char a, unsigned char b) {
    return (is_letter(a) && is_letter(b)) || (is_digit(a) && is_digit(b));
}

}  // namespace

PhraseMatcher::PhraseMatcher() : nodes_(1), root_next_(256, 0) {}

void PhraseMatcher::add(std::string_view phrase, std::uint32_t payload) {
    if (compiled_) throw std::logic_error("PhraseMatcher::add() after compile()");
    if (phrase.empty()) return;
    bool has_upper = false;
    bool has_lower = false;
    for (unsigned char c : phrase) {
        has_upper = has_upper || (c >= 'A' && c <= 'Z');
        has_lower = has_lower || (c >= 'a' && c <= 'z');
    }
    Phrase p{std::string(phrase), payload, has_upper && !has_lower,
             is_word(static_cast<unsigned char>(phrase.front())),
             is_word(static_cast<unsigned char>(phrase.back()))};
    std::uint32_t node = 0;
    for (unsigned char c : phrase) {
        const unsigned char b = lower(c);
        auto& next = nodes_[node].next;
        auto it = std::lower_bound(next.begin(), next.end(), b,
                                   [](const auto& e, unsigned char v) { return e.first < v; });
        if (it != next.end() && it->first == b) {
            node = it->second;
        } else {
            const auto created = static_cast<std::uint32_t>(nodes_.size());
            next.insert(it, {b, created});
            nodes_.emplace_back();
            node = created;
        }
    }
    nodes_[node].phrases.push_back(static_cast<std::uint32_t>(phrases_.size()));
    phrases_.push_back(std::move(p));
}

std::uint32_t PhraseMatcher::child(std::uint32_t node, unsigned char byte) const {
    const auto& next = nodes_[node].next;
    if (next.size() < 8) {
        for (const auto& [b, target] : next)
            if (b == byte) return target;
        return 0;
    }
    auto it = std::lower_bound(next.begin(), next.end(), byte,
                               [](const auto& e, unsigned char v) { return e.first < v; });
    return (it != next.end() && it->first == byte) ? it->second : 0;
}

void PhraseMatcher::compile() {
    // Breadth-first: fail links point to the longest proper suffix that is a trie path.
    std::deque<std::uint32_t> queue;
    for (const auto& [byte, target] : nodes_[0].next) {
        root_next_[byte] = target;
        nodes_[target].fail = 0;
        queue.push_back(target);
    }
    while (!queue.empty()) {
        const std::uint32_t node = queue.front();
        queue.pop_front();
        for (const auto& [byte, target] : nodes_[node].next) {
            std::uint32_t f = nodes_[node].fail;
            std::uint32_t link = 0;
            for (;;) {
                link = f == 0 ? root_next_[byte] : child(f, byte);
                if (link != 0 || f == 0) break;
                f = nodes_[f].fail;
            }
            nodes_[target].fail = (link == target) ? 0 : link;
            const std::uint32_t fl = nodes_[target].fail;
            nodes_[target].output_link = nodes_[fl].phrases.empty() ? nodes_[fl].output_link : fl;
            queue.push_back(target);
        }
    }
    compiled_ = true;
}

bool PhraseMatcher::accept(const Phrase& phrase, std::string_view text, std::size_t begin,
                           std::size_t end) const {
    if (phrase.exact_case && text.compare(begin, end - begin, phrase.text) != 0) return false;
    if (phrase.word_start && begin > 0 &&
        same_class(static_cast<unsigned char>(text[begin - 1]), static_cast<unsigned char>(text[begin])))
        return false;
    if (phrase.word_end && end < text.size() &&
        same_class(static_cast<unsigned char>(text[end - 1]), static_cast<unsigned char>(text[end])))
        return false;
    return true;
}

std::vector<PhraseHit> PhraseMatcher::find_all(std::string_view text, std::size_t begin,
                                               std::size_t end) const {
    if (!compiled_) throw std::logic_error("PhraseMatcher::find_all() before compile()");
    std::vector<PhraseHit> hits;
    std::uint32_t node = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const unsigned char b = lower(static_cast<unsigned char>(text[i]));
        for (;;) {
            const std::uint32_t next = node == 0 ? root_next_[b] : child(node, b);
            if (next != 0 || node == 0) {
                node = next;
                break;
            }
            node = nodes_[node].fail;
        }
        for (std::uint32_t out = nodes_[node].phrases.empty() ? nodes_[node].output_link : node; out != 0;
             out = nodes_[out].output_link) {
            for (std::uint32_t index : nodes_[out].phrases) {
                const Phrase& p = phrases_[index];
                const std::size_t start = i + 1 - p.text.size();
                if (start >= begin && accept(p, text, start, i + 1)) hits.push_back({start, i + 1, p.payload});
            }
        }
    }
    return hits;
}

std::vector<PhraseHit> select_longest(std::vector<PhraseHit> hits) {
    std::stable_sort(hits.begin(), hits.end(), [](const PhraseHit& a, const PhraseHit& b) {
        const auto la = a.end - a.begin;
        const auto lb = b.end - b.begin;
        return la != lb ? la > lb : a.begin < b.begin;
    });
    std::vector<PhraseHit> kept;
    for (const auto& h : hits) {
        bool overlaps = false;
        for (const auto& k : kept) overlaps = overlaps || (h.begin < k.end && k.begin < h.end);
        if (!overlaps) kept.push_back(h);
    }
    std::sort(kept.begin(), kept.end(), [](const PhraseHit& a, const PhraseHit& b) { return a.begin < b.begin; });
    return kept;
}

}  // namespace chronokg
