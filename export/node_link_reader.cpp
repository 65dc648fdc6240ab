#include "export/node_link_reader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <iterator>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "export/graph_fields.hpp"

namespace chronokg::io {
namespace {

// The fields of one node or link, checked for type; `what` names it in errors.
class JsonFields : public FieldSource {
public:
    JsonFields(const rapidjson::Value& object, const std::string& file, std::string what)
        : FieldSource(file, std::move(what)), object_(object) {
        if (!object.IsObject()) fail("not an object");
    }

    std::string text(const char* key) const override {
        const rapidjson::Value* v = find(key);
        if (!v) return "";
        if (!v->IsString()) fail(std::string("\"") + key + "\" is not a string");
        return std::string(v->GetString(), v->GetStringLength());
    }
    std::vector<std::string> aliases(const char* key) const override { return texts(key); }
    std::vector<Date> dates(const char* key) const override {
        std::vector<Date> out;
        for (const auto& text : texts(key)) out.push_back(parse_date(key, text));
        return out;
    }
    std::size_t count(const char* key, std::size_t fallback) const override {
        const rapidjson::Value* v = find(key);
        if (!v) return fallback;
        if (v->IsUint64()) return v->GetUint64();
        // networkx may have turned counts into floats (weight 2.0).
        if (v->IsDouble())
            if (const auto whole = whole_count(v->GetDouble())) return *whole;
        fail(std::string("\"") + key + "\" is not a whole number");
    }
    double real(const char* key) const override {
        const rapidjson::Value* v = find(key);
        if (!v) return 0.0;
        if (!v->IsNumber()) fail(std::string("\"") + key + "\" is not a number");
        return v->GetDouble();
    }

private:
    const rapidjson::Value* find(const char* key) const {
        auto it = object_.FindMember(key);
        if (it == object_.MemberEnd() || it->value.IsNull()) return nullptr;
        return &it->value;
    }
    std::vector<std::string> texts(const char* key) const {
        std::vector<std::string> out;
        const rapidjson::Value* v = find(key);
        if (!v) return out;
        if (!v->IsArray()) fail(std::string("\"") + key + "\" is not an array");
        for (const auto& item : v->GetArray()) {
            if (!item.IsString()) fail(std::string("\"") + key + "\" holds a value that is not a string");
            out.emplace_back(item.GetString(), item.GetStringLength());
        }
        return out;
    }

    const rapidjson::Value& object_;
};

const rapidjson::Value& array_member(const rapidjson::Document& doc, std::initializer_list<const char*> keys,
                                     const std::string& file) {
    for (const char* key : keys) {
        auto it = doc.FindMember(key);
        if (it == doc.MemberEnd()) continue;
        if (!it->value.IsArray()) throw Error(file, 0, 0, std::string("\"") + key + "\" is not an array");
        return it->value;
    }
    throw Error(file, 0, 0, std::string("not a node-link graph: no \"") + *keys.begin() + "\" array");
}

}  // namespace

KnowledgeGraph read_node_link(std::istream& in, const std::string& file) {
    const std::string json{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error(file, 0, 0, "cannot read file");
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(json.data(), json.size());
    if (doc.HasParseError()) {
        const auto [line, column] = utf8::line_and_column(utf8::repair(json), doc.GetErrorOffset());
        throw Error(file, line, column, std::string("bad JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
    }
    if (!doc.IsObject()) throw Error(file, 1, 1, "not a node-link graph: the top level is not an object");

    KnowledgeGraph graph;
    const auto& nodes = array_member(doc, {"nodes"}, file);
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
        const JsonFields f(nodes[i], file, "node " + std::to_string(i));
        VertexData v = read_vertex(f);
        if (graph.find_vertex(v.id)) f.fail("the id is repeated: \"" + v.id + "\"");
        graph.add_vertex(std::move(v));
    }
    const auto& links = array_member(doc, {"links", "edges"}, file);
    for (rapidjson::SizeType i = 0; i < links.Size(); ++i) {
        const JsonFields f(links[i], file, "link " + std::to_string(i));
        const std::string source = f.text("source");
        const std::string target = f.text("target");
        const auto s = graph.find_vertex(source);
        const auto t = graph.find_vertex(target);
        if (!s) f.fail("unknown source \"" + source + "\"");
        if (!t) f.fail("unknown target \"" + target + "\"");
        graph.add_edge(*s, *t, read_edge(f));
    }
    return graph;
}

}  // namespace chronokg::io
