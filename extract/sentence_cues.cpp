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

std::vector<TextRange> SentenceCues::find(CueId id, TextRange range) const {
    std::vector<TextRange> out;
    find(id, range, out);
    return out;
}

void SentenceCues::find(CueId id, TextRange range, std::vector<TextRange>& out) const {
    out.clear();
    const PhraseHit* first = nullptr;
    const PhraseHit* stop = nullptr;
    const auto inside = [&](const PhraseHit& h) { return within(h, range); };
    if (disjoint_hits(id, range, first, stop)) {
        // (The hits up to `stop` end inside the window: those that begin in it are the answers.
        // Room for all from the first answer on, not a count of them first, which was a second
        // walk over the hits.)
        const PhraseHit* h = first;
        while (h != stop && h->begin < range.begin) ++h;
        if (h == stop) return;
        out.reserve(static_cast<std::size_t>(stop - h));
        for (; h != stop; ++h)
            if (h->begin >= range.begin) out.push_back({h->begin, h->end});
        return;
    }
    const PhraseHit* last = nullptr;
    if (!hits_of(id, range, first, last)) {
        out = cues_->find(id, lang_, text_, range);
        return;
    }
    stop = first;
    while (stop != last && stop->end <= range.end) ++stop;
    std::vector<PhraseHit> hits;
    std::copy_if(first, stop, std::back_inserter(hits), inside);
    for (const auto& hit : select_longest(std::move(hits))) out.push_back({hit.begin, hit.end});
}

bool SentenceCues::any_elsewhere(CueId id, TextRange range) const { return cues_->any(id, lang_, text_, range); }

std::size_t SentenceCues::match_elsewhere(CueId id, std::size_t at, std::size_t limit) const {
    return cues_->match_at(id, lang_, text_, at, limit);
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
