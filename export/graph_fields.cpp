#include "export/graph_fields.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace chronokg::io {
namespace {

template <class Enum>
Enum choice(const FieldSource& f, const char* key, Enum fallback, std::optional<Enum> (*parse)(std::string_view)) {
    const std::string value = f.text(key);
    if (value.empty()) return fallback;
    auto parsed = parse(value);
    if (!parsed) f.fail(std::string("unknown ") + key + " \"" + value + "\"");
    return *parsed;
}

std::string required(const FieldSource& f, const char* key) {
    std::string value = f.text(key);
    if (value.empty()) f.fail(std::string("has no ") + key);
    return value;
}

}  // namespace

std::optional<std::size_t> whole_count(double number) {
    // 2^64 is exact as a double; every double below it and not negative converts.
    if (!(number >= 0 && number < 18446744073709551616.0)) return std::nullopt;
    const auto count = static_cast<std::size_t>(number);
    if (static_cast<double>(count) != number) return std::nullopt;
    return count;
}

void FieldSource::fail(const std::string& message) const { throw Error(file_, 0, 0, what_ + ": " + message); }

Date FieldSource::parse_date(const char* key, std::string_view text) const {
    const auto d = Date::parse(text);
    if (!d) fail(std::string(key) + " \"" + std::string(text) + "\" is not a date");
    return *d;
}

std::optional<Date> FieldSource::date(const char* key) const {
    const std::string value = text(key);
    if (value.empty()) return std::nullopt;
    return parse_date(key, value);
}

VertexData read_vertex(const FieldSource& f) {
    VertexData v;
    v.id = required(f, "id");
    v.label = f.text("label");
    if (v.label.empty()) v.label = v.id;
    v.type = f.text("type");
    v.aliases = f.aliases("aliases");
    v.mentions = f.count("mentions", 0);
    v.first_seen = f.date("first_seen");
    v.last_seen = f.date("last_seen");
    return v;
}

EdgeData read_edge(const FieldSource& f) {
    EdgeData d;
    d.relation = required(f, "relation");
    d.relation_text = f.text("relation_text");
    d.date = f.date("date");
    const std::vector<Date> dates = f.dates("dates");
    d.dates.assign(dates.begin(), dates.end());
    if (d.dates.empty() && d.date) d.dates.push_back(*d.date);
    if (!d.date && !d.dates.empty()) d.date = d.dates.front();
    d.polarity = choice(f, "polarity", Polarity::positive, &parse_polarity);
    d.modality = choice(f, "modality", Modality::asserted, &parse_modality);
    d.confidence = f.real("confidence");
    // An edge's confidence is its events' (each in [0, 1]); NaN or infinity would reach the
    // writers, and the JSON one cannot write them.
    if (!(d.confidence >= 0 && d.confidence <= 1))
        f.fail(fmt::format("confidence {} is not between 0 and 1", d.confidence));
    d.weight = f.count("weight", 1);
    d.doc = f.text("doc");
    d.sentence = f.count("sentence", 0);
    d.evidence = f.text("evidence");
    d.rule = f.text("rule");
    return d;
}

}  // namespace chronokg::io
