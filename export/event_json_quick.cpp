#include "export/event_json_quick.hpp"

#include <simdjson.h>

#include <cstring>
#include <string>
#include <vector>

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

// The members of an event line the checked reader looks at, each the first of its name (as
// RapidJSON's FindMember finds it), found in one pass over the line's members instead of a
// search of them for each name; empty when the line has none of that name.
struct Members {
    using Member = std::optional<element>;
    Member doc;
    Member sentence;
    Member subject;
    Member relation;
    Member relation_text;
    Member object;
    Member date;
    Member date_source;
    Member polarity;
    Member modality;
    Member evidence;
    Member span;
    Member rule;
    Member confidence;
    bool confidence_last = false;  // the only member so named, and the line's last member
    bool unread_fraction = false;  // a member the reader skips holds a fraction (holds_fraction)
};

// Whether `value` is, or holds, a number simdjson read as a double. Its text is gone, and
// RapidJSON refuses some texts simdjson reads (`0e400`: "number too big"; simdjson reads 0), so
// a line with a fraction where the reader does not read it is left to the checked reader. Both
// read integers alike, and the only fraction chronokg writes is the confidence, which
// read_confidence checks by its text. Arrays and objects are walked with a list of the values
// still to see, not by recursion: simdjson lets them nest 1,024 deep.
bool holds_fraction(const element& value) {
    using simdjson::dom::element_type;
    const auto container = [](element_type type) { return type == element_type::ARRAY || type == element_type::OBJECT; };
    if (!container(value.type())) return value.type() == element_type::DOUBLE;
    std::vector<element> to_see{value};
    while (!to_see.empty()) {
        const element next = to_see.back();
        to_see.pop_back();
        switch (next.type()) {
            case element_type::DOUBLE: return true;
            case element_type::ARRAY:
                for (const element item : simdjson::dom::array(next)) to_see.push_back(item);
                break;
            case element_type::OBJECT:
                for (const auto field : object(next)) to_see.push_back(field.value);
                break;
            default: break;
        }
    }
    return false;
}

// The slot of the member named `key`, or nullptr for a name the reader does not know. The
// length and first letter tell the names apart; the whole name is then compared.
Members::Member* slot_of(Members& m, std::string_view key) {
    const auto named = [&key](Members::Member& slot, std::string_view name) { return key == name ? &slot : nullptr; };
    if (key.empty()) return nullptr;
    switch (key.size()) {
        case 3: return named(m.doc, "doc");
        case 4: return key[0] == 'd' ? named(m.date, "date") : key[0] == 's' ? named(m.span, "span") : named(m.rule, "rule");
        case 6: return named(m.object, "object");
        case 7: return named(m.subject, "subject");
        case 8:
            switch (key[0]) {
                case 's': return named(m.sentence, "sentence");
                case 'r': return named(m.relation, "relation");
                case 'p': return named(m.polarity, "polarity");
                case 'm': return named(m.modality, "modality");
                default: return named(m.evidence, "evidence");
            }
        case 10: return named(m.confidence, "confidence");
        case 11: return named(m.date_source, "date_source");
        case 13: return named(m.relation_text, "relation_text");
        default: return nullptr;
    }
}

Members members_of(const object& o) {
    Members m;
    std::size_t confidences = 0;
    std::string_view last_key;
    for (const auto field : o) {
        Members::Member* slot = slot_of(m, field.key);
        if (slot != nullptr && !*slot)
            *slot = field.value;
        else if (holds_fraction(field.value))
            m.unread_fraction = true;
        confidences += field.key == "confidence";
        last_key = field.key;
    }
    m.confidence_last = confidences == 1 && last_key == "confidence";
    return m;
}

// A string member as the checked reader takes it: a string is its value, a missing or null
// member is "" unless `required`; false for anything the checked reader would refuse.
bool read_string(const Members::Member& value, std::string& out, bool required = false) {
    if (!value || value->is_null()) {
        out.clear();
        return !required;
    }
    std::string_view text;
    if (value->get_string().get(text)) return false;
    out.assign(text);
    return true;
}

bool read_entity(const Members::Member& value, EntityRef& entity) {
    object inner;
    if (!value || value->get_object().get(inner)) return false;
    // Three members, each the first so named; any other is skipped, unless it holds a fraction.
    Members::Member id, label, type;
    for (const auto field : inner) {
        Members::Member* slot = field.key == "id" ? &id : field.key == "label" ? &label : field.key == "type" ? &type : nullptr;
        if (slot != nullptr && !*slot)
            *slot = field.value;
        else if (holds_fraction(field.value))
            return false;
    }
    return read_string(id, entity.id, true) && !entity.id.empty() && read_string(label, entity.label, true) &&
           read_string(type, entity.type);
}

// A member whose text names a value (date, date_source, polarity, modality): true with nullopt
// when absent, null or "", true with the value when `parse` knows the text, false otherwise.
template <typename T, typename Parse>
bool read_named(const Members::Member& member, std::optional<T>& value, Parse parse) {
    std::string text;
    if (!read_string(member, text)) return false;
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

// The confidence as the checked reader reads it, when it is sure to be the same double: the
// number must be the line's last member, so that its text is the one closing the line.
bool read_confidence(const Members& m, std::string_view json, double& confidence) {
    confidence = 0.0;
    if (!m.confidence) return true;
    if (m.confidence->get_double().get(confidence) || !(confidence >= 0 && confidence <= 1) || !m.confidence_last)
        return false;
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

bool read_span(const Members::Member& value, std::pair<std::size_t, std::size_t>& span) {
    span = {0, 0};
    if (!value) return true;
    simdjson::dom::array ends;
    if (value->get_array().get(ends) || ends.size() != 2) return false;
    std::uint64_t begin = 0, end = 0;
    if (ends.at(0).get_uint64().get(begin) || ends.at(1).get_uint64().get(end) || begin > end) return false;
    span = {begin, end};
    return true;
}

}  // namespace

bool quick_event_from_json(std::string_view json, Event& e) {
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; each thread copies its lines
    // into a buffer of its own with that room.
    thread_local simdjson::dom::parser parser;
    thread_local std::string padded;
    if (json.size() > kLongestQuickLine || json.empty() || json.front() != '{') return false;
    if (padded.size() < json.size() + simdjson::SIMDJSON_PADDING) padded.resize(kLongestQuickLine + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded.data(), json.data(), json.size());
    object o;
    if (parser.parse(padded.data(), json.size(), false).get_object().get(o)) return false;

    const Members m = members_of(o);
    if (m.unread_fraction) return false;
    e = Event{};
    if (!read_string(m.doc, e.doc)) return false;
    // Anything but an unsigned integer is no sentence number, and the checked reader leaves 0;
    // a fraction is left to the checked reader, which refuses some (see holds_fraction).
    std::uint64_t sentence = 0;
    if (m.sentence && holds_fraction(*m.sentence)) return false;
    if (m.sentence && !m.sentence->get_uint64().get(sentence)) e.sentence = sentence;
    if (!read_entity(m.subject, e.subject) || !read_string(m.relation, e.relation, true) ||
        !read_string(m.relation_text, e.relation_text) || !read_entity(m.object, e.object))
        return false;
    std::optional<DateSource> source;
    std::optional<Polarity> polarity;
    std::optional<Modality> modality;
    if (!read_named(m.date, e.date, Date::parse) || !read_named(m.date_source, source, parse_date_source) ||
        !read_named(m.polarity, polarity, parse_polarity) || !read_named(m.modality, modality, parse_modality))
        return false;
    e.date_source = source ? *source : e.date ? DateSource::sentence : DateSource::none;
    if (polarity) e.polarity = *polarity;
    if (modality) e.modality = *modality;
    if (!read_string(m.evidence, e.evidence) || !read_span(m.span, e.span) || !read_string(m.rule, e.rule) ||
        !read_confidence(m, json, e.confidence))
        return false;
    return true;
}

std::optional<Event> quick_event_from_json(std::string_view json) {
    Event e;
    if (!quick_event_from_json(json, e)) return std::nullopt;
    return e;
}

}  // namespace chronokg::io
