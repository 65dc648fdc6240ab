#include "extract/entity_catalog.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "core/ascii.hpp"
#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg {

namespace {

// Each ASCII byte as an id keeps it, letters lower-cased (`a`–`z`, digits and `.`), or 0 for a
// byte an id drops or a byte past ASCII (which it keeps, in runs: derive_entity_id()): one
// look-up a byte of a label.
constexpr std::array<unsigned char, 256> kIdBytes = [] {
    std::array<unsigned char, 256> table{};
    for (int byte = 0; byte < 0x80; ++byte) {
        const int c = byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte;
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
        table[static_cast<std::size_t>(byte)] = keep ? static_cast<unsigned char>(c) : 0;
    }
    return table;
}();

// Copies the bytes past ASCII from `at` on (one such byte), before `end`, to `out`: eight at a
// time while all eight are, then one at a time. Returns the end of those bytes.
const char* copy_past_ascii(const char* at, const char* end, char* out) {
    for (std::uint64_t word; end - at >= 8; at += 8, out += 8) {
        std::memcpy(&word, at, 8);
        if ((word & 0x8080808080808080ull) != 0x8080808080808080ull) break;
        std::memcpy(out, &word, 8);
    }
    while (at < end && static_cast<unsigned char>(*at) >= 0x80) *out++ = *at++;
    return at;
}

}  // namespace

std::string derive_entity_id(std::string_view folded) {
    // Written in place into room for every byte (at most one byte out for each byte in: a dash
    // stands for one or more bytes dropped), then cut to its length: appended byte by byte, the
    // id checked its room and moved its end at each.
    std::string id(folded.size(), '\0');
    // (Written through a pointer of its own: through the string, its data was loaded again at
    // every byte, as a byte stored might have changed it.)
    char* const out = id.data();
    std::size_t length = 0;
    bool pending_dash = false;
    const char* const end = folded.data() + folded.size();
    for (const char* at = folded.data(); at < end; ++at) {
        const char raw = *at;
        // Lower-cased here, byte by byte by the table: a lower-cased copy of the whole text first
        // cost an allocation.
        const unsigned char c = kIdBytes[static_cast<unsigned char>(raw)];
        if (c == 0) {
            if (static_cast<unsigned char>(raw) >= 0x80) {
                // Bytes past ASCII (most of a Chinese name) are kept as they are: copied as a
                // run, not looked up one by one. (Asked only where the table says 0: an English
                // name's kept bytes pay no test for it.)
                if (pending_dash) out[length++] = '-';
                pending_dash = false;
                const char* const run_end = copy_past_ascii(at, end, out + length);
                length += static_cast<std::size_t>(run_end - at);
                at = run_end - 1;
                continue;
            }
            pending_dash = length > 0;
            continue;
        }
        if (pending_dash) out[length++] = '-';
        pending_dash = false;
        out[length++] = static_cast<char>(c);
    }
    while (length > 0 && out[length - 1] == '.') --length;
    id.resize(length);
    return id;
}

EntityCatalog::EntityCatalog(const RulePack& pack, const Normalizer& normalizer) : normalizer_(normalizer) {
    for (const auto& rule : pack.entities()) {
        const auto entity = static_cast<std::uint32_t>(entities_.size());
        entities_.push_back(EntityRef{rule.id, rule.label, rule.type});
        id_index_.emplace(rule.id, entity);  // an id already there keeps its first entity
        std::vector<std::string> names = rule.aliases;
        names.push_back(rule.label);
        for (const auto& name : names) {
            const std::string folded = normalizer.fold(name);
            if (folded.find_first_not_of(' ') == std::string::npos) continue;
            // Exact-case aliases (all capitals) are kept apart from their lower-case twins.
            const bool has_lower = std::any_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            const std::string key = has_lower ? ascii_lower(folded) : folded;
            auto [it, inserted] = alias_index_.emplace(key, static_cast<std::uint32_t>(alias_candidates_.size()));
            if (inserted) {
                alias_candidates_.push_back({});
                matcher_.add(folded, it->second);
            }
            auto& list = alias_candidates_[it->second];
            if (std::find(list.begin(), list.end(), entity) == list.end()) list.push_back(entity);
        }
    }
    matcher_.compile(PhraseMatcher::Scan::hyperscan_if_available);
}

std::optional<std::uint32_t> EntityCatalog::lookup(std::string_view name) const {
    const std::string folded = normalizer_.fold(name);
    if (const auto it = alias_index_.find(folded); it != alias_index_.end()) return alias_candidates_[it->second].front();
    // Lower-cased, a name changes only where it holds an ASCII capital: without one (a Chinese
    // title, 372 a MB of Chinese) the same key is neither copied, lowered nor looked up again.
    // (Three copies and three hash look-ups were some 1,700 instructions a title.)
    const bool has_capital = std::any_of(folded.begin(), folded.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const std::string lowered = has_capital ? ascii_lower(folded) : std::string();
    const std::string& key = has_capital ? lowered : folded;
    if (has_capital)
        if (const auto it = alias_index_.find(key); it != alias_index_.end()) return alias_candidates_[it->second].front();
    const auto id = id_index_.find(key);
    if (id != id_index_.end()) return id->second;
    return std::nullopt;
}

}  // namespace chronokg
