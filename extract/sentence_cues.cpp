#include "extract/sentence_cues.hpp"

#include <algorithm>
#include <iterator>

#include "extract/cue_words.hpp"

namespace chronokg {
namespace {

bool within(const PhraseHit& hit, TextRange range) { return hit.begin >= range.begin && hit.end <= range.end; }

}  // namespace

SentenceCues::SentenceCues(const CueWords& cues, std::string_view lang, std::string_view text, TextRange sentence)
    : SentenceCues(cues, lang, text, sentence, cues.find_all_lists(lang, text, sentence)) {}

SentenceCues::SentenceCues(const CueWords& cues, std::string_view lang, std::string_view text, TextRange sentence,
                           const std::vector<PhraseHit>& all)
    : cues_(&cues) {
    assign(cues, lang, text, sentence, all);
}

void SentenceCues::assign(const CueWords& cues, std::string_view lang, std::string_view text, TextRange sentence,
                          const std::vector<PhraseHit>& all) {
    cues_ = &cues;
    lang_ = lang;
    text_ = text;
    sentence_ = sentence;
    // Every list starts without hits, as in a new one (only lists with hits are set below).
    begin_.fill(0);
    end_.fill(0);
    // A stable counting sort by list keeps each list's hits in find_all's order. Each list with
    // hits gets its room when its first hit comes, so the loops run over the sentence's hits
    // (a few), not over every list (a sum over all of them cost more than the rest).
    std::array<std::uint32_t, CueWords::kWindowedLists.size()> count{};
    for (const auto& hit : all) ++count[hit.payload];
    hits_.resize(all.size());
    std::uint32_t next = 0;
    for (const auto& hit : all) {
        const std::uint32_t list = hit.payload;
        if (count[list] != 0) {  // the list's first hit
            begin_[list] = end_[list] = next;
            next += count[list];
            count[list] = 0;
        }
        hits_[end_[list]++] = hit;
    }
}

bool SentenceCues::hits_of(CueId id, TextRange range, const PhraseHit*& first,
                           const PhraseHit*& last) const {
    if (!sentence_.contains(range)) return false;
    const std::uint32_t n = cues_->windowed_number(id);
    if (n == CueWords::kNotWindowed) return false;
    first = hits_.data() + begin_[n];
    last = hits_.data() + end_[n];
    return true;
}

bool SentenceCues::disjoint_hits(CueId id, TextRange range, const PhraseHit*& first,
                                 const PhraseHit*& stop) const {
    const PhraseHit* last = nullptr;
    if (!hits_of(id, range, first, last)) return false;
    // The hits come by end offset: none after the first that ends past the window is inside it;
    // and when each one inside ends before the next begins, none overlaps another and
    // select_longest would keep them all, in this order.
    const PhraseHit* previous = nullptr;
    for (stop = first; stop != last && stop->end <= range.end; ++stop) {
        if (!within(*stop, range)) continue;
        if (previous && previous->end > stop->begin) return false;
        previous = stop;
    }
    return true;
}

std::vector<TextRange> SentenceCues::find(CueId id, TextRange range) const {
    const PhraseHit* first = nullptr;
    const PhraseHit* stop = nullptr;
    const auto inside = [&](const PhraseHit& h) { return within(h, range); };
    std::vector<TextRange> out;
    if (disjoint_hits(id, range, first, stop)) {
        const auto count = std::count_if(first, stop, inside);
        if (count == 0) return out;
        out.reserve(static_cast<std::size_t>(count));
        for (const PhraseHit* h = first; h != stop; ++h)
            if (inside(*h)) out.push_back({h->begin, h->end});
        return out;
    }
    const PhraseHit* last = nullptr;
    if (!hits_of(id, range, first, last)) return cues_->find(id, lang_, text_, range);
    stop = first;
    while (stop != last && stop->end <= range.end) ++stop;
    std::vector<PhraseHit> hits;
    std::copy_if(first, stop, std::back_inserter(hits), inside);
    for (const auto& hit : select_longest(std::move(hits))) out.push_back({hit.begin, hit.end});
    return out;
}

bool SentenceCues::any(CueId id, TextRange range) const {
    const PhraseHit* first = nullptr;
    const PhraseHit* last = nullptr;
    if (!hits_of(id, range, first, last)) return cues_->any(id, lang_, text_, range);
    // select_longest keeps at least one of any hits: whether there are some is the answer. (By
    // end offset: none after the first that ends past the window is inside it.)
    for (const PhraseHit* h = first; h != last && h->end <= range.end; ++h)
        if (within(*h, range)) return true;
    return false;
}

std::size_t SentenceCues::match_at(CueId id, std::size_t at, std::size_t limit) const {
    if (at >= limit) return 0;
    const PhraseHit* first = nullptr;
    const PhraseHit* last = nullptr;
    if (!hits_of(id, {at, limit}, first, last)) return cues_->match_at(id, lang_, text_, at, limit);
    // A hit found from `at` is the same hit in the sentence's scan (see the class comment). The
    // hits come by end offset: none past the first that ends beyond `limit` counts.
    std::size_t longest = 0;
    for (const PhraseHit* h = first; h != last && h->end <= limit; ++h)
        if (h->begin == at) longest = std::max<std::size_t>(longest, h->end - h->begin);
    return longest;
}

bool SentenceCues::starts_in(CueId id, TextRange range, std::vector<std::size_t>& starts) const {
    const PhraseHit* first = nullptr;
    const PhraseHit* last = nullptr;
    if (!hits_of(id, range, first, last)) return false;
    // The places where a hit begins and ends by range.end (by end offset: none past the first
    // that ends beyond it), as match_at reads them.
    for (const PhraseHit* h = first; h != last && h->end <= range.end; ++h)
        if (h->begin >= range.begin) starts.push_back(h->begin);
    return true;
}

}  // namespace chronokg
