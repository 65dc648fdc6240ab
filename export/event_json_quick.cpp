#include "export/event_json_quick.hpp"

#include <simdjson.h>

#include <cstring>
#include <string>

namespace chronokg::io {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// Longer lines are rare (an event's evidence is one sentence) and would leave each thread's
// parser holding buffers their size.
constexpr std::size_t kLongestQuickLine = 64 * 1024;

// RapidJSON reads a number of at most 15 digits without an exponent exactly (one division of
// two doubles that hold their values exactly), as simdjson reads every number.
constexpr std::size_t kExactDigits = 15;

// A string field as the checked reader takes it: a string is its value, a missing or null
// field is "" unless `required`; false for anything the checked reader would refuse.
bool read_string(const object& o, std::string_view key, std::string& out, bool required = false) {
    element value;
    const auto error = o.at_key(key).get(value);
    if (error == simdjson::NO_SUCH_FIELD || (!error && value.is_null())) {
        out.clear();
        return !required;
    }
    std::string_view text;
    if (error || value.get_string().get(text)) return false;
    out.assign(text);
    return true;
}

bool read_entity(const object& o, std::string_view key, EntityRef& entity) {
    object inner;
    if (o.at_key(key).get_object().get(inner)) return false;
    return read_string(inner, "id", entity.id, true) && !entity.id.empty() &&
           read_string(inner, "label", entity.label, true) && read_string(inner, "type", entity.type);
}

// A field whose text names a value (date, date_source, polarity, modality): true with nullopt
// when absent, null or "", true with the value when `parse` knows the text, false otherwise.
template <typename T, typename Parse>
bool read_named(const object& o, std::string_view key, std::optional<T>& value, Parse parse) {
    std::string text;
    if (!read_string(o, key, text)) return false;
    value.reset();
    if (text.empty()) return true;
    value = parse(text);
    return value.has_value();
}

// The text of the number that closes the line's object (`…"confidence":0.85}` gives "0.85"),
// or "" when the object does not end with a number.
std::string_view closing_number(std::string_view json) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!json.empty() && blank(json.back())) json.remove_suffix(1);
    if (json.empty() || json.back() != '}') return {};
    json.remove_suffix(1);
    while (!json.empty() && blank(json.back())) json.remove_suffix(1);
    std::size_t begin = json.size();
    while (begin > 0 && std::string_view("0123456789.eE+-").find(json[begin - 1]) != std::string_view::npos) --begin;
    return json.substr(begin);
}

// The confidence as the checked reader reads it, when it is sure to be the same double.
bool read_confidence(const object& o, std::string_view json, double& confidence) {
    element value;
    const auto error = o.at_key("confidence").get(value);
    confidence = 0.0;
    if (error == simdjson::NO_SUCH_FIELD) return true;
    if (error || value.get_double().get(confidence) || !(confidence >= 0 && confidence <= 1)) return false;
    // The number read must be the line's last: the only member named so, and the last one.
    std::size_t named = 0;
    std::string_view last_key;
    for (const auto field : o) {
        named += field.key == "confidence";
        last_key = field.key;
    }
    if (named != 1 || last_key != "confidence") return false;
    const std::string_view number = closing_number(json);
    std::size_t digits = 0;
    for (const char c : number) {
        if (c < '0' || c > '9') {
            if (c != '.') return false;  // a sign or an exponent
        } else {
            ++digits;
        }
    }
    return !number.empty() && digits <= kExactDigits;
}

bool read_span(const object& o, std::pair<std::size_t, std::size_t>& span) {
    element value;
    const auto error = o.at_key("span").get(value);
    span = {0, 0};
    if (error == simdjson::NO_SUCH_FIELD) return true;
    simdjson::dom::array ends;
    if (error || value.get_array().get(ends) || ends.size() != 2) return false;
    std::uint64_t begin = 0, end = 0;
    if (ends.at(0).get_uint64().get(begin) || ends.at(1).get_uint64().get(end) || begin > end) return false;
    span = {begin, end};
    return true;
}

}  // namespace

std::optional<Event> quick_event_from_json(std::string_view json) {
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; each thread copies its lines
    // into a buffer of its own with that room.
    thread_local simdjson::dom::parser parser;
    thread_local std::string padded;
    if (json.size() > kLongestQuickLine || json.empty() || json.front() != '{') return std::nullopt;
    if (padded.size() < json.size() + simdjson::SIMDJSON_PADDING) padded.resize(kLongestQuickLine + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded.data(), json.data(), json.size());
    object o;
    if (parser.parse(padded.data(), json.size(), false).get_object().get(o)) return std::nullopt;

    Event e;
    if (!read_string(o, "doc", e.doc)) return std::nullopt;
    // Anything but an unsigned integer is no sentence number, and the checked reader leaves 0.
    std::uint64_t sentence = 0;
    if (!o.at_key("sentence").get_uint64().get(sentence)) e.sentence = sentence;
    if (!read_entity(o, "subject", e.subject) || !read_string(o, "relation", e.relation, true) ||
        !read_string(o, "relation_text", e.relation_text) || !read_entity(o, "object", e.object))
        return std::nullopt;
    std::optional<DateSource> source;
    std::optional<Polarity> polarity;
    std::optional<Modality> modality;
    if (!read_named(o, "date", e.date, Date::parse) ||
        !read_named(o, "date_source", source, parse_date_source) ||
        !read_named(o, "polarity", polarity, parse_polarity) || !read_named(o, "modality", modality, parse_modality))
        return std::nullopt;
    e.date_source = source ? *source : e.date ? DateSource::sentence : DateSource::none;
    if (polarity) e.polarity = *polarity;
    if (modality) e.modality = *modality;
    if (!read_string(o, "evidence", e.evidence) || !read_span(o, e.span) || !read_string(o, "rule", e.rule) ||
        !read_confidence(o, json, e.confidence))
        return std::nullopt;
    return e;
}

}  // namespace chronokg::io
