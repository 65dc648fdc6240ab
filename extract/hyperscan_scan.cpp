#include "extract/hyperscan_scan.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <climits>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>

#include "core/ascii.hpp"

#ifdef CHRONOKG_HYPERSCAN
#include <hs/hs.h>
#endif

namespace chronokg {

#ifdef CHRONOKG_HYPERSCAN

namespace {

// Hyperscan's scratch space: one a thread, grown to fit every database the thread scans with.
// Growing checks the database each time (tens of microseconds: more than a sentence's scan), so
// the thread remembers the last few databases its scratch was grown for (it still fits any it
// was grown for; one forgotten is checked again); a database is known by a number no other has
// had, not by its address, which a later one may take.
std::atomic<std::uint64_t> next_database_number{1};

hs_scratch_t* thread_scratch(const hs_database_t* db, std::uint64_t number) {
    struct Scratch {
        hs_scratch_t* space = nullptr;
        std::array<std::uint64_t, 8> fits{};  // numbers of databases it was grown for
        std::size_t next = 0;                  // the place the next one takes
        ~Scratch() { hs_free_scratch(space); }
    };
    thread_local Scratch scratch;
    if (std::find(scratch.fits.begin(), scratch.fits.end(), number) == scratch.fits.end()) {
        if (hs_alloc_scratch(db, &scratch.space) != HS_SUCCESS) throw std::bad_alloc();
        scratch.fits[scratch.next] = number;
        scratch.next = (scratch.next + 1) % scratch.fits.size();
    }
    return scratch.space;
}

// Hits as Hyperscan reports them (payload: the id) put in PhraseMatcher's order: by end, then
// longest first, then in the order the phrases were added. Hyperscan does not promise an order;
// no two hits share end, begin and phrase, so the sort decides every place. Its reports come
// mostly in that order already (the list is then only read through), else by end, those that
// share an end in no set order: when the ends do not go back, each run of hits with one end is
// sorted alone, and the list is sorted whole only when they do.
void put_in_order(std::vector<PhraseHit>& found) {
    const auto before = [](const PhraseHit& a, const PhraseHit& b) {
        return std::tie(a.end, a.begin, a.payload) < std::tie(b.end, b.begin, b.payload);
    };
    const auto ends_before = [](const PhraseHit& a, const PhraseHit& b) { return a.end < b.end; };
    if (std::is_sorted(found.begin(), found.end(), before)) return;
    if (std::is_sorted(found.begin(), found.end(), ends_before)) {
        for (auto run = found.begin(); run != found.end();) {
            const auto run_end = std::find_if(run + 1, found.end(), [&](const PhraseHit& h) { return h.end != run->end; });
            if (run_end - run > 1) std::sort(run, run_end, before);
            run = run_end;
        }
    } else {
        std::sort(found.begin(), found.end(), before);
    }
}

}  // namespace

struct HyperscanScan::Database {
    hs_database_t* db = nullptr;
    std::uint64_t number = next_database_number++;
    // What a match of a phrase needs, by Hyperscan id (the order added): its length and word
    // edges in 8 bytes, read for every match, and its payload, read for the hits kept.
    struct Check {
        std::uint32_t length;
        bool word_start;
        bool word_end;
    };
    std::vector<Check> checks;
    std::vector<std::uint32_t> payloads;
    ~Database() { hs_free_database(db); }

    // The hit of a match of phrase `id` that ends `to` bytes past `begin` (its payload the id),
    // or none when the phrase's word edges do not fit the text there: what both match handlers
    // ask of every match.
    static std::optional<PhraseHit> fitting_hit(const Check* checks, std::string_view text, std::size_t begin, unsigned id,
                                                unsigned long long to) {
        const Check& check = checks[id];
        const std::size_t hit_end = begin + to;
        const std::size_t hit_begin = hit_end - check.length;
        if (!PhraseMatcher::edges_fit(text, hit_begin, hit_end, check.word_start, check.word_end)) return std::nullopt;
        return PhraseHit{hit_begin, hit_end, id};
    }
    // Scans text[begin, end), calling `on_match` with `context` for every match.
    void scan(std::string_view text, std::size_t begin, std::size_t end, match_event_handler on_match, void* context) const {
        if (end - begin > UINT_MAX) throw std::length_error("HyperscanScan: a range over 4 GB");
        if (hs_scan(db, text.data() + begin, static_cast<unsigned>(end - begin), 0, thread_scratch(db, number), on_match,
                    context) != HS_SUCCESS)
            throw std::runtime_error("Hyperscan scan failed");
    }
};

bool HyperscanScan::available() { return hs_valid_platform() == HS_SUCCESS; }

HyperscanScan::HyperscanScan(const std::vector<Phrase>& phrases) : db_(std::make_unique<Database>()) {
    if (!available()) throw std::runtime_error("Hyperscan does not run on this processor");
    std::vector<const char*> texts;
    std::vector<std::size_t> lengths;
    std::vector<unsigned> flags, ids;
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        texts.push_back(phrases[i].text.data());
        lengths.push_back(phrases[i].text.size());
        // Caseless only where case can differ: a phrase with no ASCII letter (most Chinese names)
        // matches the same bytes either way, and Hyperscan scans exact literals faster (some 6%
        // of the Chinese alias scan).
        const bool has_letter = std::any_of(phrases[i].text.begin(), phrases[i].text.end(),
                                            [](char c) { return ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z'; });
        flags.push_back(phrases[i].exact_case || !has_letter ? 0 : HS_FLAG_CASELESS);
        ids.push_back(static_cast<unsigned>(i));
        db_->checks.push_back({static_cast<std::uint32_t>(phrases[i].text.size()), phrases[i].word_start, phrases[i].word_end});
        db_->payloads.push_back(phrases[i].payload);
    }
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(texts.data(), flags.data(), ids.data(), lengths.data(), static_cast<unsigned>(texts.size()),
                             HS_MODE_BLOCK, nullptr, &db_->db, &error) != HS_SUCCESS) {
        const std::string message = error && error->message ? error->message : "unknown error";
        hs_free_compile_error(error);
        throw std::runtime_error("Hyperscan cannot compile the phrases: " + message);
    }
    thread_scratch(db_->db, db_->number);
}

HyperscanScan::~HyperscanScan() = default;

std::vector<PhraseHit> HyperscanScan::find_all(std::string_view text, std::size_t begin, std::size_t end) const {
    // The hits are gathered in a list a thread, cleared call by call but keeping its room, and
    // copied out once at their number: grown hit by hit, a window's list was allocated again
    // and again.
    thread_local std::vector<PhraseHit> found;
    find_all(text, begin, end, found);
    return std::vector<PhraseHit>(found.begin(), found.end());
}

void HyperscanScan::find_all(std::string_view text, std::size_t begin, std::size_t end, std::vector<PhraseHit>& found) const {
    // What the match handler reads, as plain pointers: it runs for every match (some 25,000 a
    // MB), and through the database's vectors and a view it loaded each again.
    struct Context {
        const Database::Check* checks;
        std::string_view text;
        std::size_t begin;
        std::vector<PhraseHit>& hits;  // payload: the Hyperscan id
    } context{db_->checks.data(), text, begin, found};
    found.clear();
    if (end <= begin) return;
    auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* data) -> int {
        auto& c = *static_cast<Context*>(data);
        if (const auto hit = Database::fitting_hit(c.checks, c.text, c.begin, id, to)) c.hits.push_back(*hit);
        return 0;
    };
    db_->scan(text, begin, end, on_match, &context);
    put_in_order(found);
    const std::uint32_t* const payloads = db_->payloads.data();
    for (PhraseHit& h : found) h.payload = payloads[h.payload];
}

void HyperscanScan::find_all_in(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                                std::vector<PhraseHit>* const* lists) const {
    // Each match is put in its range's list as it comes, not gathered for the window and then
    // shared out (a pass and a copy of every hit: 0.6M / 0.9M instructions a MB of English /
    // Chinese). A match goes to the first range that ends at or after its end, when it begins
    // in that range; Hyperscan reports by end, so that range is the last match's or one after,
    // but a report whose end goes back finds its range by stepping back. Each list is then put
    // in find_all()'s order on its own, which is the order of the window's hits sorted whole.
    struct Context {
        const Database::Check* checks;
        std::string_view text;
        std::size_t begin;
        const std::pair<std::size_t, std::size_t>* ranges;
        std::size_t count;
        std::vector<PhraseHit>* const* lists;
        std::size_t r = 0;  // the range of the last match (or past the last range)
    } context{db_->checks.data(), text, ranges.front().first, ranges.data(), ranges.size(), lists};
    for (std::size_t r = 0; r < ranges.size(); ++r) lists[r]->clear();
    const std::size_t begin = ranges.front().first;
    const std::size_t end = ranges.back().second;
    if (end <= begin) return;
    auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* data) -> int {
        auto& c = *static_cast<Context*>(data);
        const auto hit = Database::fitting_hit(c.checks, c.text, c.begin, id, to);
        if (!hit) return 0;
        while (c.r > 0 && c.ranges[c.r - 1].second >= hit->end) --c.r;
        while (c.r < c.count && c.ranges[c.r].second < hit->end) ++c.r;
        if (c.r < c.count && hit->begin >= c.ranges[c.r].first) c.lists[c.r]->push_back(*hit);
        return 0;
    };
    db_->scan(text, begin, end, on_match, &context);
    const std::uint32_t* const payloads = db_->payloads.data();
    for (std::size_t r = 0; r < ranges.size(); ++r) {
        std::vector<PhraseHit>& list = *lists[r];
        put_in_order(list);
        for (PhraseHit& h : list) h.payload = payloads[h.payload];
    }
}

#else  // no Hyperscan in this build

struct HyperscanScan::Database {};

bool HyperscanScan::available() { return false; }

HyperscanScan::HyperscanScan(const std::vector<Phrase>&) {
    throw std::runtime_error("this build of chronokg has no Hyperscan");
}

HyperscanScan::~HyperscanScan() = default;

std::vector<PhraseHit> HyperscanScan::find_all(std::string_view, std::size_t, std::size_t) const { return {}; }

void HyperscanScan::find_all(std::string_view, std::size_t, std::size_t, std::vector<PhraseHit>& hits) const { hits.clear(); }

void HyperscanScan::find_all_in(std::string_view, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                                std::vector<PhraseHit>* const* lists) const {
    for (std::size_t r = 0; r < ranges.size(); ++r) lists[r]->clear();
}

#endif

}  // namespace chronokg
