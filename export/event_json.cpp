#include "export/event_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

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

void write_string(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void write_entity(Writer& w, const EntityRef& e) {
    w.StartObject();
    w.Key("id");
    write_string(w, e.id);
    w.Key("label");
    write_string(w, e.label);
    w.Key("type");
    write_string(w, e.type);
    w.EndObject();
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
    thread_local rapidjson::StringBuffer buffer;
    buffer.Clear();  // keeps its memory
    Writer w(buffer);
    w.StartObject();
    w.Key("doc");
    write_string(w, e.doc);
    w.Key("sentence");
    w.Uint64(e.sentence);
    w.Key("subject");
    write_entity(w, e.subject);
    w.Key("relation");
    write_string(w, e.relation);
    w.Key("relation_text");
    write_string(w, e.relation_text);
    w.Key("object");
    write_entity(w, e.object);
    w.Key("date");
    if (e.date) write_string(w, e.date->iso());
    else w.Null();
    w.Key("date_source");
    if (e.date_source == DateSource::none) w.Null();
    else w.String(to_string(e.date_source));
    w.Key("polarity");
    w.String(to_string(e.polarity));
    w.Key("modality");
    w.String(to_string(e.modality));
    w.Key("evidence");
    write_string(w, e.evidence);
    w.Key("span");
    w.StartArray();
    w.Uint64(e.span.first);
    w.Uint64(e.span.second);
    w.EndArray();
    w.Key("rule");
    write_string(w, e.rule);
    w.Key("confidence");
    w.Double(std::round(e.confidence * 100.0) / 100.0);
    w.EndObject();
    out.append(buffer.GetString(), buffer.GetSize());
}

std::string event_to_json(const Event& e) {
    std::string line;
    append_event_json(e, line);
    return line;
}

Event event_from_json(std::string_view json, const std::string& file, std::size_t line) {
    if (auto event = quick_event_from_json(json)) return std::move(*event);
    return event_from_json_checked(json, file, line);
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
