#include "export/event_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "export/event_json_quick.hpp"

namespace chronokg::io {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
// RapidJSON's iterative parser needs no stack however deep a hostile line nests. Lines are
// checked for valid UTF-8 first, eight ASCII bytes at a time, which is several times faster than
// RapidJSON's check of each character; only a line that fails is parsed again with that check,
// for the position of the error.
constexpr unsigned kJsonFlags = rapidjson::kParseIterativeFlag;
constexpr unsigned kJsonValidatingFlags = kJsonFlags | rapidjson::kParseValidateEncodingFlag;

// Whether RapidJSON would change any byte of `s` in a JSON string: control characters, `"` and
// `\`. No early exit, so that the compiler checks many bytes an instruction.
bool needs_escape(std::string_view s) {
    unsigned char escape = 0;  // not a bool: GCC vectorizes the loop only for a byte
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        escape |= static_cast<unsigned char>((c < 0x20) | (c == '"') | (c == '\\'));
    }
    return escape != 0;
}

// What `write` writes with a RapidJSON Writer, appended to `out`.
template <class Write>
void append_written(std::string& out, Write&& write) {
    thread_local rapidjson::StringBuffer buffer;
    buffer.Clear();  // keeps its memory
    Writer w(buffer);
    write(w);
    out.append(buffer.GetString(), buffer.GetSize());
}

// `s` as a JSON string. RapidJSON's Writer copies text a byte at a time through its escape table
// (Debian's RapidJSON 1.1.0 has no usable block copy: its SSE2 one leaves bytes 0x1A-0x1F
// unescaped), which cost 7-11 % of extraction's instructions, each event carrying its sentence;
// text that needs no escape, nearly all, is copied whole, and RapidJSON writes the rest.
void append_string(std::string& out, std::string_view s) {
    if (!needs_escape(s)) {
        out += '"';
        out.append(s);
        out += '"';
        return;
    }
    append_written(out, [s](Writer& w) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); });
}

void append_uint(std::string& out, std::uint64_t n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
}

// As RapidJSON writes a double (`1.0`, `0.85`): the number format stays the library's.
void append_double(std::string& out, double x) {
    append_written(out, [x](Writer& w) { w.Double(x); });
}

// `key` (the punctuation before the member and its name: `,"label":`), then `text` as a string.
void append_text_member(std::string& out, std::string_view key, std::string_view text) {
    out.append(key);
    append_string(out, text);
}

void append_entity(std::string& out, const EntityRef& e) {
    append_text_member(out, "{\"id\":", e.id);
    append_text_member(out, ",\"label\":", e.label);
    append_text_member(out, ",\"type\":", e.type);
    out += '}';
}

class FieldReader {
public:
    FieldReader(const rapidjson::Value& obj, const std::string& file, std::size_t line)
        : obj_(obj), file_(file), line_(line) {}

    std::string string(const char* key, bool required = true) const {
        auto it = obj_.FindMember(key);
        if (it == obj_.MemberEnd() || it->value.IsNull()) {
            if (required) fail(std::string("missing field \"") + key + "\"");
            return "";
        }
        if (!it->value.IsString()) fail(std::string("field \"") + key + "\" must be a string");
        return std::string(it->value.GetString(), it->value.GetStringLength());
    }
    EntityRef entity(const char* key) const {
        auto it = obj_.FindMember(key);
        if (it == obj_.MemberEnd() || !it->value.IsObject()) fail(std::string("field \"") + key + "\" must be an object");
        const FieldReader inner(it->value, file_, line_);
        EntityRef e{inner.string("id"), inner.string("label"), inner.string("type", false)};
        if (e.id.empty()) fail(std::string("\"") + key + ".id\" is empty");
        return e;
    }
    [[noreturn]] void fail(const std::string& message) const { throw Error(file_, line_, 0, message); }
    const rapidjson::Value& obj() const { return obj_; }

private:
    const rapidjson::Value& obj_;
    const std::string& file_;
    std::size_t line_;
};

}  // namespace

void append_event_json(const Event& e, std::string& out) {
    // The fields in the contract's order, byte for byte as RapidJSON's Writer writes them (a test
    // compares the two on every byte value in every text field).
    append_text_member(out, "{\"doc\":", e.doc);
    out += ",\"sentence\":";
    append_uint(out, e.sentence);
    out += ",\"subject\":";
    append_entity(out, e.subject);
    append_text_member(out, ",\"relation\":", e.relation);
    append_text_member(out, ",\"relation_text\":", e.relation_text);
    out += ",\"object\":";
    append_entity(out, e.object);
    out += ",\"date\":";
    if (e.date) append_string(out, e.date->iso());
    else out += "null";
    out += ",\"date_source\":";
    if (e.date_source == DateSource::none) out += "null";
    else append_string(out, to_string(e.date_source));
    append_text_member(out, ",\"polarity\":", to_string(e.polarity));
    append_text_member(out, ",\"modality\":", to_string(e.modality));
    append_text_member(out, ",\"evidence\":", e.evidence);
    out += ",\"span\":[";
    append_uint(out, e.span.first);
    out += ',';
    append_uint(out, e.span.second);
    out += ']';
    append_text_member(out, ",\"rule\":", e.rule);
    out += ",\"confidence\":";
    append_double(out, std::round(e.confidence * 100.0) / 100.0);
    out += '}';
}

std::string event_to_json(const Event& e) {
    std::string line;
    append_event_json(e, line);
    return line;
}

Event event_from_json(std::string_view json, const std::string& file, std::size_t line) {
    Event event;  // returned in place: filled by the quick reader, or replaced by the checked one
    if (!quick_event_from_json(json, event)) event = event_from_json_checked(json, file, line);
    return event;
}

Event event_from_json_checked(std::string_view json, const std::string& file, std::size_t line) {
    // Parsed in place in a copy kept by the thread, with a pool that is kept too: a build reads
    // millions of lines, and this is most of its reading (in place, strings are not copied twice;
    // a reused pool asks malloc for nothing).
    thread_local std::string text;
    thread_local char pool_buffer[1 << 14];
    thread_local rapidjson::MemoryPoolAllocator<> pool(pool_buffer, sizeof pool_buffer);
    text.assign(json);
    // RapidJSON's UTF-8 decoder takes a character's whole length before it checks the bytes: a
    // line cut inside a four-byte character would make it read past the terminating NUL. Three
    // more NULs keep it inside (the fuzzer found it).
    text.append(3, '\0');
    pool.Clear();
    rapidjson::Document doc(&pool);
    if (utf8::find_invalid(json)) doc.ParseInsitu<kJsonValidatingFlags>(text.data());
    else doc.ParseInsitu<kJsonFlags>(text.data());
    if (doc.HasParseError()) {
        const auto column = utf8::line_and_column(utf8::repair(json), doc.GetErrorOffset()).second;
        throw Error(file, line, column, std::string("bad JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
    }
    if (!doc.IsObject()) throw Error(file, line, 1, "an event line must be a JSON object");
    const FieldReader f(doc, file, line);
    Event e;
    e.doc = f.string("doc", false);
    if (auto it = doc.FindMember("sentence"); it != doc.MemberEnd() && it->value.IsUint64()) e.sentence = it->value.GetUint64();
    e.subject = f.entity("subject");
    e.relation = f.string("relation");
    e.relation_text = f.string("relation_text", false);
    e.object = f.entity("object");
    if (const std::string date = f.string("date", false); !date.empty()) {
        e.date = Date::parse(date);
        if (!e.date) f.fail("\"date\" must be YYYY, YYYY-MM or YYYY-MM-DD, not \"" + date + "\"");
    }
    if (const std::string source = f.string("date_source", false); !source.empty()) {
        auto s = parse_date_source(source);
        if (!s) f.fail("unknown date_source \"" + source + "\"");
        e.date_source = *s;
    } else if (e.date) {
        e.date_source = DateSource::sentence;
    }
    if (const std::string polarity = f.string("polarity", false); !polarity.empty()) {
        auto p = parse_polarity(polarity);
        if (!p) f.fail("unknown polarity \"" + polarity + "\"");
        e.polarity = *p;
    }
    if (const std::string modality = f.string("modality", false); !modality.empty()) {
        auto m = parse_modality(modality);
        if (!m) f.fail("unknown modality \"" + modality + "\"");
        e.modality = *m;
    }
    e.evidence = f.string("evidence", false);
    if (auto it = doc.FindMember("span"); it != doc.MemberEnd()) {
        const auto& span = it->value;
        if (!span.IsArray() || span.Size() != 2 || !span[0].IsUint64() || !span[1].IsUint64() ||
            span[0].GetUint64() > span[1].GetUint64())
            f.fail("\"span\" must be [begin, end], begin <= end");
        e.span = {span[0].GetUint64(), span[1].GetUint64()};
    }
    e.rule = f.string("rule", false);
    if (auto it = doc.FindMember("confidence"); it != doc.MemberEnd()) {
        // Outside 0..1 it would not even write back as it was read (found by fuzzing).
        if (!it->value.IsNumber() || !(it->value.GetDouble() >= 0 && it->value.GetDouble() <= 1))
            f.fail("\"confidence\" must be a number from 0 to 1");
        e.confidence = it->value.GetDouble();
    }
    return e;
}

bool looks_like_event(std::string_view json) {
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
    return !doc.HasParseError() && doc.IsObject() && doc.HasMember("relation") && doc.HasMember("subject");
}

void read_events(std::istream& in, const std::string& file, const std::function<void(Event)>& sink) {
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        sink(event_from_json(line, file, line_no));
    }
    if (in.bad()) throw Error(file, 0, 0, "cannot read file");
}

}  // namespace chronokg::io
