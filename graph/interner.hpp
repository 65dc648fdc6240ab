#pragma once
// chronokg::Interner — strings numbered in the order they first arrive, ranked in byte order at
// the end.
//
// Why: the graph builder and the Gephi view sort millions of edges on texts that repeat (ids,
// relations, documents, edge kinds); a text's number, replaced by its rank once every text is
// known, compares as the text does at the cost of an integer.
// Thread safety: one thread at a time.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chronokg {

class Interner {
public:
    // The text asked for last through one caller, and its number. Texts come in runs (events
    // come document by document): most often a caller asks for the text it asked for before, and
    // one comparison saves hashing it and a look-up that may miss the cache. A caller asking for
    // two kinds of text in turn keeps one for each (one shared would alternate and never hit).
    struct Recent {
        const std::string* text = nullptr;
        std::uint32_t number = 0;
    };

    std::uint32_t intern(std::string_view text) { return intern(text, recent_); }
    std::uint32_t intern(std::string_view text, Recent& recent) {
        if (recent.text != nullptr && *recent.text == text) return recent.number;
        auto it = numbers_.find(text);
        if (it == numbers_.end()) {
            it = numbers_.emplace(std::string(text), static_cast<std::uint32_t>(texts_.size())).first;
            texts_.push_back(&it->first);
        }
        recent = {&it->first, it->second};
        return it->second;
    }
    std::size_t size() const { return texts_.size(); }
    const std::string& text(std::uint32_t number) const { return *texts_[number]; }
    // rank[number]: the position of that text among all of them in byte order.
    std::vector<std::uint32_t> ranks() const {
        std::vector<std::uint32_t> by_text(texts_.size());
        for (std::uint32_t i = 0; i < by_text.size(); ++i) by_text[i] = i;
        std::sort(by_text.begin(), by_text.end(), [this](auto a, auto b) { return *texts_[a] < *texts_[b]; });
        std::vector<std::uint32_t> rank(texts_.size());
        for (std::uint32_t r = 0; r < by_text.size(); ++r) rank[by_text[r]] = r;
        return rank;
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> numbers_;
    std::vector<const std::string*> texts_;  // keys of numbers_, which never move
    Recent recent_;                           // for callers that keep none of their own
};

}  // namespace chronokg
