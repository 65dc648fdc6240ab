#include "export/graphml_reader.hpp"

#include <boost/graph/graphml.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <charconv>
#include <iterator>
#include <map>
#include <sstream>
#include <vector>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "export/graph_fields.hpp"
#include "export/graph_text.hpp"

namespace chronokg::io {
namespace {

struct RawVertex {
    std::map<std::string, std::string> values;  // attr.name → text
};
struct RawEdge {
    std::size_t source, target;
    std::map<std::string, std::string> values;
};

// Collects what Boost's reader finds; the conversion to graph values comes afterwards, when
// the node ids (from entity_id) are known and errors can name them.
class Collector : public boost::mutate_graph {
public:
    std::vector<RawVertex> vertices;
    std::vector<RawEdge> edges;

    bool is_directed() const override { return true; }
    boost::any do_add_vertex() override {
        vertices.emplace_back();
        return vertices.size() - 1;
    }
    std::pair<boost::any, bool> do_add_edge(boost::any source, boost::any target) override {
        edges.push_back({boost::any_cast<std::size_t>(source), boost::any_cast<std::size_t>(target), {}});
        return {edges.size() - 1, true};
    }
    void set_graph_property(const std::string&, const std::string&, const std::string&) override {}
    void set_vertex_property(const std::string& name, boost::any vertex, const std::string& value,
                             const std::string&) override {
        vertices[boost::any_cast<std::size_t>(vertex)].values[name] = value;
    }
    void set_edge_property(const std::string& name, boost::any edge, const std::string& value,
                           const std::string&) override {
        edges[boost::any_cast<std::size_t>(edge)].values[name] = value;
    }
};

// A node's or edge's data, all text as GraphML holds it, found by attr.name. The node's id is
// its entity_id (Boost passes the XML id on to no one).
class GraphmlFields : public FieldSource {
public:
    GraphmlFields(const std::map<std::string, std::string>& values, const std::string& file, std::string what)
        : FieldSource(file, std::move(what)), values_(values) {}

    std::string text(const char* key) const override {
        auto it = values_.find(std::string_view(key) == "id" ? "entity_id" : key);
        return it == values_.end() ? "" : it->second;
    }
    std::vector<std::string> aliases(const char* key) const override { return split_aliases(text(key)); }
    std::vector<Date> dates(const char* key) const override {
        const std::string value = text(key);
        auto parsed = split_dates(value);
        if (!parsed) fail(std::string(key) + " \"" + value + "\" are not dates separated by ;");
        return *parsed;
    }
    std::size_t count(const char* key, std::size_t fallback) const override {
        const std::string value = text(key);
        if (value.empty()) return fallback;
        // Weights are doubles in GraphML ("2" or "2.0"); counts are whole numbers.
        const auto whole = whole_count(parse_number(key, value));
        if (!whole) fail(std::string(key) + " \"" + value + "\" is not a whole number");
        return *whole;
    }
    double real(const char* key) const override {
        const std::string value = text(key);
        return value.empty() ? 0.0 : parse_number(key, value);
    }

private:
    double parse_number(const char* key, const std::string& value) const {
        double number = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (ec != std::errc() || end != value.data() + value.size())
            fail(std::string(key) + " \"" + value + "\" is not a number");
        return number;
    }

    const std::map<std::string, std::string>& values_;
};

// Boost's XML parser (RapidXML) descends one call per element level, and so does the tree it
// builds when destroyed: a file nested a million deep would overflow the stack. GraphML needs
// four levels (graphml, graph, node, data); more than kMaxNesting is refused before Boost reads
// the file. Markup is skipped as RapidXML skips it, so the count is never too low: a '<' in a
// comment, CDATA section, processing instruction or quoted attribute value opens nothing, and
// one in a DOCTYPE counts (too high at worst).
constexpr std::size_t kMaxNesting = 100;

void check_nesting(std::string_view xml, const std::string& file) {
    constexpr auto npos = std::string_view::npos;
    std::size_t depth = 0;
    std::size_t at = xml.find('<');
    auto skip_past = [&](std::string_view end) {
        const std::size_t found = xml.find(end, at + 1);
        at = found == npos ? xml.size() : found + end.size();
    };
    while (at < xml.size()) {
        const std::string_view tag = xml.substr(at);
        if (tag.starts_with("<!--")) {
            skip_past("-->");
        } else if (tag.starts_with("<![CDATA[")) {
            skip_past("]]>");
        } else if (tag.starts_with("<?")) {
            skip_past("?>");
        } else if (tag.starts_with("<!")) {
            ++at;  // a DOCTYPE: what it declares is no element
        } else if (tag.starts_with("</")) {
            if (depth > 0) --depth;
            skip_past(">");
        } else {
            if (++depth > kMaxNesting) {
                const auto [line, column] = utf8::line_and_column(xml, at);
                throw Error(file, line, column,
                            "elements nested more than " + std::to_string(kMaxNesting) + " deep: not a graph chronokg wrote");
            }
            char quote = 0;
            std::size_t end = at + 1;
            for (; end < xml.size() && (quote || xml[end] != '>'); ++end) {
                if (quote && xml[end] == quote) quote = 0;
                else if (!quote && (xml[end] == '"' || xml[end] == '\'')) quote = xml[end];
            }
            if (end < xml.size() && xml[end - 1] == '/') --depth;  // <empty/>
            at = end;
        }
        at = xml.find('<', at);
    }
}

}  // namespace

KnowledgeGraph read_graphml(std::istream& in, const std::string& file) {
    const std::string xml{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error(file, 0, 0, "cannot read file");
    check_nesting(xml, file);
    std::istringstream checked(xml);
    Collector raw;
    try {
        boost::read_graphml(checked, raw, 0);
    } catch (const boost::property_tree::xml_parser_error& e) {
        throw Error(file, e.line(), 0, "bad XML: " + e.message());
    } catch (const boost::property_tree::ptree_error& e) {
        throw Error(file, 0, 0, std::string("not GraphML: ") + e.what());
    } catch (const boost::graph_exception& e) {
        throw Error(file, 0, 0, std::string("bad GraphML: ") + e.what());
    }

    KnowledgeGraph graph;
    for (std::size_t i = 0; i < raw.vertices.size(); ++i) {
        const GraphmlFields f(raw.vertices[i].values, file, "node " + std::to_string(i + 1));
        if (f.text("id").empty()) f.fail("no entity_id: not a graph chronokg wrote");
        VertexData v = read_vertex(f);
        if (graph.find_vertex(v.id)) f.fail("the entity_id is repeated: \"" + v.id + "\"");
        graph.add_vertex(std::move(v));
    }
    for (std::size_t i = 0; i < raw.edges.size(); ++i) {
        const RawEdge& e = raw.edges[i];
        const GraphmlFields f(e.values, file,
                              "edge " + std::to_string(i + 1) + " (" + graph.vertex(e.source).id + " -> " +
                                  graph.vertex(e.target).id + ")");
        graph.add_edge(e.source, e.target, read_edge(f));
    }
    return graph;
}

}  // namespace chronokg::io
