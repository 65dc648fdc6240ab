#include "graph/entity_index.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "extract/entity_catalog.hpp"
#include "extract/normalizer.hpp"

namespace chronokg {
namespace {

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) out.push_back(utf8::decode(text, pos));
    return out;
}

// Levenshtein distance: one row of the table at a time.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            diagonal = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
        }
    }
    return row[b.size()];
}

}  // namespace

EntityIndex::EntityIndex(const KnowledgeGraph& graph, const EntityCatalog* catalog)
    : EntityIndex(graph, catalog, Normalizer::shared()) {}

EntityIndex::EntityIndex(const KnowledgeGraph& graph, const EntityCatalog* catalog, const Normalizer& normalizer)
    : graph_(graph), catalog_(catalog), normalizer_(normalizer) {
    for (std::size_t v = 0; v < graph.vertex_count(); ++v) {
        const VertexData& data = graph.vertex(v);
        by_id_.emplace(key(data.id), v);
        auto add_name = [&](const std::string& name) {
            auto& list = by_name_[key(name)];
            if (list.empty() || list.back() != v) list.push_back(v);
        };
        add_name(data.label);
        for (const auto& alias : data.aliases) add_name(alias);
    }
}

std::string EntityIndex::key(std::string_view name) const {
    std::string folded = ascii_lower(normalizer_.fold(name));
    const auto first = folded.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return folded.substr(first, folded.find_last_not_of(' ') - first + 1);
}

std::vector<std::size_t> EntityIndex::resolve(std::string_view name) const {
    const std::string k = key(name);
    if (k.empty()) return {};
    if (auto it = by_id_.find(k); it != by_id_.end()) return {it->second};
    if (auto it = by_name_.find(k); it != by_name_.end()) return it->second;
    if (auto entity = catalog_entity(name)) {
        if (auto v = graph_.find_vertex(entity->id)) return {*v};
    }
    return {};
}

std::optional<EntityRef> EntityIndex::catalog_entity(std::string_view name) const {
    if (!catalog_) return std::nullopt;
    auto entity = catalog_->lookup(name);
    if (!entity) return std::nullopt;
    return catalog_->entities()[*entity];
}

std::vector<NameSuggestion> EntityIndex::closest(std::string_view name, std::size_t limit) const {
    const std::u32string wanted = code_points(key(name));
    // The best (distance, name) of each entity.
    std::map<std::size_t, std::tuple<std::size_t, std::string>> best;
    for (std::size_t v = 0; v < graph_.vertex_count(); ++v) {
        const VertexData& data = graph_.vertex(v);
        std::vector<const std::string*> names = {&data.label, &data.id};
        for (const auto& alias : data.aliases) names.push_back(&alias);
        for (const std::string* n : names) {
            auto candidate = std::make_tuple(edit_distance(wanted, code_points(key(*n))), *n);
            auto [it, inserted] = best.emplace(v, candidate);
            if (!inserted && candidate < it->second) it->second = candidate;
        }
    }
    std::vector<std::tuple<std::size_t, std::string, std::string>> ranked;
    for (const auto& [v, found] : best) ranked.emplace_back(std::get<0>(found), std::get<1>(found), graph_.vertex(v).id);
    std::sort(ranked.begin(), ranked.end());
    // Names a typo away (up to half the name wrong, at least two edits); when none is, the
    // nearest three, so the user still sees what kind of names the graph holds.
    const std::size_t close = std::max<std::size_t>(2, wanted.size() / 2);
    std::size_t count = 0;
    while (count < ranked.size() && count < limit && std::get<0>(ranked[count]) <= close) ++count;
    if (count == 0) count = std::min<std::size_t>({ranked.size(), limit, 3});
    std::vector<NameSuggestion> out;
    for (std::size_t i = 0; i < count; ++i) out.push_back(NameSuggestion{std::get<1>(ranked[i]), std::get<2>(ranked[i])});
    return out;
}

}  // namespace chronokg
