#include "extract/entity_catalog.hpp"

#include <algorithm>
#include <array>

#include "core/ascii.hpp"
#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"

namespace chronokg {

namespace {

// Each byte as an id keeps it, ASCII letters lower-cased (`a`–`z`, digits, `.` and every byte
// of a UTF-8 sequence), or 0 for a byte an id drops: one look-up a byte of a label.
constexpr std::array<unsigned char, 256> kIdBytes = [] {
    std::array<unsigned char, 256> table{};
    for (int byte = 0; byte < 256; ++byte) {
        const int c = byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte;
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '.';
        table[static_cast<std::size_t>(byte)] = keep ? static_cast<unsigned char>(c) : 0;
    }
    return table;
}();

}  // namespace

std::string derive_entity_id(std::string_view folded) {
    // Written in place into room for every byte (at most one byte out for each byte in: a dash
    // stands for one or more bytes dropped), then cut to its length: appended byte by byte, the
    // id checked its room and moved its end at each.
    std::string id(folded.size(), '\0');
    std::size_t length = 0;
    bool pending_dash = false;
    for (const char raw : folded) {
        // Lower-cased here, byte by byte by the table: a lower-cased copy of the whole text first
        // cost an allocation.
        const unsigned char c = kIdBytes[static_cast<unsigned char>(raw)];
        if (c == 0) {
            pending_dash = length > 0;
            continue;
        }
        if (pending_dash) id[length++] = '-';
        pending_dash = false;
        id[length++] = static_cast<char>(c);
    }
    while (length > 0 && id[length - 1] == '.') --length;
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
    for (const std::string& key : {folded, ascii_lower(folded)}) {
        auto it = alias_index_.find(key);
        if (it != alias_index_.end()) return alias_candidates_[it->second].front();
    }
    const auto id = id_index_.find(ascii_lower(folded));
    if (id != id_index_.end()) return id->second;
    return std::nullopt;
}

}  // namespace chronokg
