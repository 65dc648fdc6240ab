#include "export/event_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>

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

// GCC's vector types of 16, 8 and 4 bytes (plain SSE2 on amd64). (Declared one by one: GCC
// drops the attribute from an alias whose size depends on a template parameter.)
typedef unsigned char Bytes16 __attribute__((vector_size(16)));
typedef unsigned char Bytes8 __attribute__((vector_size(8)));
typedef unsigned char Bytes4 __attribute__((vector_size(4)));

// Whether text[0, n) (n >= the step) has a byte RapidJSON escapes in a JSON string: a control
// character, `"` or `\`. A vector of bytes at a time, the last step overlapping the one before
// instead of ending in a loop over single bytes.
template <class Bytes>
bool has_escaped_byte(const char* text, std::size_t n) {
    constexpr std::size_t kStep = sizeof(Bytes);
    auto special = [](const char* at) {
        Bytes b;
        std::memcpy(&b, at, kStep);
        return (b < 0x20) | (b == '"') | (b == '\\');  // each byte 0xFF where true, else 0
    };
    Bytes found{};
    for (std::size_t i = 0; i + kStep <= n; i += kStep) found |= special(text + i);
    found |= special(text + n - kStep);
    const Bytes none{};
    return std::memcmp(&found, &none, kStep) != 0;
}

// Whether RapidJSON would change any byte of `s` in a JSON string. Most strings of an event are
// ids, labels and rule names of 3 to 30 bytes: a loop over single bytes, even one the compiler
// vectorized, spent most of its time on them and on the tails of the long ones.
bool needs_escape(std::string_view s) {
    const std::size_t n = s.size();
    if (n >= 16) return has_escaped_byte<Bytes16>(s.data(), n);
    if (n >= 8) return has_escaped_byte<Bytes8>(s.data(), n);
    if (n >= 4) return has_escaped_byte<Bytes4>(s.data(), n);
    bool escape = false;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        escape |= c < 0x20 || c == '"' || c == '\\';
    }
    return escape;
}

// The word to_string gives for an enum value, measured once per process instead of twice per
// line (to_string gives a C string: a call and a strlen each time). `Count` is the number of the
// enum's values, 0 to Count - 1; to_string is asked for any other.
template <class Enum, std::size_t Count>
std::string_view enum_word(Enum value) {
    static const std::array<std::string_view, Count> words = [] {
        std::array<std::string_view, Count> w;
        for (std::size_t i = 0; i < Count; ++i) w[i] = to_string(static_cast<Enum>(i));
        return w;
    }();
    const auto i = static_cast<std::size_t>(value);
    return i < Count ? words[i] : std::string_view(to_string(value));
}

// The numbers of an event line (and its date, a string made of digits) formatted once, and the
// words of its enums looked up once, for the two passes of append_event_json.
struct EventNumbers {
    explicit EventNumbers(const Event& e) {
        sentence = format_uint(sentence_digits, e.sentence);
        date_source = enum_word<DateSource, 5>(e.date_source);
        polarity = enum_word<Polarity, 2>(e.polarity);
        modality = enum_word<Modality, 4>(e.modality);
        span_first = format_uint(span_first_digits, e.span.first);
        span_second = format_uint(span_second_digits, e.span.second);
        if (e.date) {
            thread_local std::string iso;
            iso.clear();
            e.date->append_iso(iso);
            date = iso;
        }
        confidence = confidence_text(e.confidence);
    }
    static std::string_view format_uint(char (&digits)[24], std::uint64_t n) {
        return std::string_view(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, n).ptr - digits));
    }
    // The confidence rounded to hundredths, as RapidJSON writes a double (`1.0`, `0.85`): the
    // number format stays the library's. Rounded, a confidence from 0 to 1 is one of 101 doubles,
    // k / 100.0: RapidJSON writes each of them once, and its Grisu2 (about 170 instructions an
    // event) runs again only for a confidence outside them. -0.0 is left out: it writes "-0.0".
    static std::string_view confidence_text(double confidence) {
        static const std::array<std::string, 101> hundredths_texts = [] {
            std::array<std::string, 101> texts;
            for (std::size_t k = 0; k < texts.size(); ++k) texts[k] = written_double(static_cast<double>(k) / 100.0);
            return texts;
        }();
        const double hundredths = std::round(confidence * 100.0);
        if (hundredths >= 0 && hundredths <= 100 && !std::signbit(hundredths))
            return hundredths_texts[static_cast<std::size_t>(hundredths)];
        return written_double(hundredths / 100.0);
    }
    // Views a thread's buffer: valid until the next call.
    static std::string_view written_double(double value) {
        thread_local rapidjson::StringBuffer buffer;
        buffer.Clear();  // keeps its memory
        Writer w(buffer);
        w.Double(value);
        return std::string_view(buffer.GetString(), buffer.GetSize());
    }

    char sentence_digits[24], span_first_digits[24], span_second_digits[24];
    std::string_view sentence, span_first, span_second;
    std::optional<std::string_view> date;  // views a thread's buffer: valid until the next event
    std::string_view confidence;           // likewise
    std::string_view date_source, polarity, modality;
};

// The pieces of an event line in the contract's order, byte for byte as RapidJSON's Writer
// writes them (a test compares the two on every byte value in every text field), handed to
// `sink`: `raw` for punctuation, member names, numbers and null, `text` for a string value, and
// `plain_text` for one the format itself spells (a date, `clause`, `positive`): never escaped.
template <class Sink>
void visit_event(const Event& e, const EventNumbers& n, Sink& sink) {
    auto entity = [&](const EntityRef& r) {
        sink.raw("{\"id\":"), sink.text(r.id);
        sink.raw(",\"label\":"), sink.text(r.label);
        sink.raw(",\"type\":"), sink.text(r.type), sink.raw("}");
    };
    sink.raw("{\"doc\":"), sink.text(e.doc);
    sink.raw(",\"sentence\":"), sink.raw(n.sentence);
    sink.raw(",\"subject\":"), entity(e.subject);
    sink.raw(",\"relation\":"), sink.text(e.relation);
    sink.raw(",\"relation_text\":"), sink.text(e.relation_text);
    sink.raw(",\"object\":"), entity(e.object);
    sink.raw(",\"date\":");
    if (n.date) sink.plain_text(*n.date);
    else sink.raw("null");
    sink.raw(",\"date_source\":");
    if (e.date_source == DateSource::none) sink.raw("null");
    else sink.plain_text(n.date_source);
    sink.raw(",\"polarity\":"), sink.plain_text(n.polarity);
    sink.raw(",\"modality\":"), sink.plain_text(n.modality);
    sink.raw(",\"evidence\":"), sink.text(e.evidence);
    sink.raw(",\"span\":["), sink.raw(n.span_first), sink.raw(","), sink.raw(n.span_second), sink.raw("]");
    sink.raw(",\"rule\":"), sink.text(e.rule);
    sink.raw(",\"confidence\":"), sink.raw(n.confidence), sink.raw("}");
}

// The first pass: whether some text needs an escape, and the line's length if none does.
struct MeasureLine {
    void raw(std::string_view s) { size += s.size(); }
    void text(std::string_view s) {
        plain_text(s);
        escape = escape || needs_escape(s);
    }
    void plain_text(std::string_view s) { size += s.size() + 2; }
    std::size_t size = 0;
    bool escape = false;
};

// The second pass: the line copied into room made for it (each piece a copy of known length:
// appending piece by piece cost a call into the library and a test of the room for each of the
// line's thirty-odd pieces).
struct CopyLine {
    void raw(std::string_view s) {
        std::memcpy(at, s.data(), s.size());
        at += s.size();
    }
    void text(std::string_view s) {
        *at++ = '"';
        raw(s);
        *at++ = '"';
    }
    void plain_text(std::string_view s) { text(s); }
    char* at;
};

// A line with text that needs escapes (rare): appended piece by piece, RapidJSON writing the text.
struct AppendLine {
    void raw(std::string_view s) { out.append(s); }
    void text(std::string_view s) {
        thread_local rapidjson::StringBuffer buffer;
        buffer.Clear();  // keeps its memory
        Writer w(buffer);
        w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
        out.append(buffer.GetString(), buffer.GetSize());
    }
    void plain_text(std::string_view s) { text(s); }
    std::string& out;
};

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
    // RapidJSON's Writer copies text a byte at a time through its escape table (Debian's RapidJSON
    // 1.1.0 has no usable block copy: its SSE2 one leaves bytes 0x1A-0x1F unescaped), which cost
    // 7-11 % of extraction's instructions, each event carrying its sentence. A line whose text
    // needs no escape, nearly all, is measured and then copied whole; RapidJSON writes the rest.
    const EventNumbers numbers(e);
    MeasureLine measure;
    visit_event(e, numbers, measure);
    if (measure.escape) {
        AppendLine append{out};
        visit_event(e, numbers, append);
        return;
    }
    const std::size_t start = out.size();
    out.resize(start + measure.size);
    CopyLine copy{out.data() + start};
    visit_event(e, numbers, copy);
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
