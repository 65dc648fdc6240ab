// A saved graph loads back into the graph it was written from: GraphML (through Boost's
// reader) and node-link JSON.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <vector>

#include "export_test_support.hpp"

#include "core/error.hpp"
#include "export/event_json.hpp"
#include "export/graphml_reader.hpp"
#include "export/node_link_reader.hpp"

using namespace chronokg;

namespace {

void check_same(const KnowledgeGraph& a, const KnowledgeGraph& b) {
    REQUIRE(a.vertex_count() == b.vertex_count());
    for (std::size_t i = 0; i < a.vertex_count(); ++i) {
        INFO("vertex " << a.vertex(i).id);
        CHECK(a.vertex(i) == b.vertex(i));
    }
    const auto ea = a.edges();
    const auto eb = b.edges();
    REQUIRE(ea.size() == eb.size());
    for (std::size_t i = 0; i < ea.size(); ++i) {
        INFO("edge " << i << ": " << ea[i].data->relation << ", evidence " << ea[i].data->evidence);
        CHECK(ea[i].source == eb[i].source);
        CHECK(ea[i].target == eb[i].target);
        CHECK(*ea[i].data == *eb[i].data);
    }
}

// What reading `content` as the graph file `path` throws, or "no error".
std::string read_error(const std::filesystem::path& path, const std::string& content) {
    test::write_file(path, content);
    try {
        io::read_graph_file(path.string());
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("GraphML and JSON read back into the same vertices, edges and attributes", "[export][reader]") {
    for (const bool collapse : {false, true}) {
        INFO("collapse " << collapse);
        // XML has no place for control characters: GraphML drops them, JSON keeps them.
        const auto hostile = test::hostile_graph(collapse);
        const auto hostile_xml = test::hostile_graph(collapse, false);
        const auto gold = test::gold_events();
        REQUIRE(gold.size() > 100);
        const auto examples = build_graph(gold, BuildOptions{collapse});
        for (const auto* graph : {&hostile_xml, &examples})
            check_same(*graph, io::read_graph_file(test::write_graph_to(*graph, io::GraphFormat::graphml, "rt.graphml")));
        for (const auto* graph : {&hostile, &examples})
            check_same(*graph, io::read_graph_file(test::write_graph_to(*graph, io::GraphFormat::json, "rt.json")));
    }
}

TEST_CASE("a hostile graph keeps its texts exactly through GraphML", "[export][reader]") {
    const auto read = io::read_graph_file(test::write_graph_to(test::hostile_graph(), io::GraphFormat::graphml, "t.graphml"));
    const auto q = read.find_vertex("id \"q\" <&>\\ 中");
    REQUIRE(q);
    CHECK(read.vertex(*q).aliases == std::vector<std::string>{"alias|x\\y"});
    CHECK(read.vertex(*read.find_vertex("node")).label == "node\nwith  newline\ttab");  // controls were never XML
    CHECK(read.edges().front().data->evidence == "line one\nline \"two\"  end\r\nthird <b>&amp;</b>");
}

TEST_CASE("unreadable graph files are refused with the file and what is wrong", "[export][reader][errors]") {
    const auto dir = test::temp_dir("readers-bad");
    auto attempt = [&](const std::string& name, const std::string& content) { return read_error(dir / name, content); };
    CHECK_THAT(attempt("broken.graphml", "<graphml><graph edgedefault=\"directed\">\n<node id=\"a\">\n</graph>"),
               Catch::StartsWith((dir / "broken.graphml").string() + ":") && Catch::Contains("bad XML"));
    CHECK_THAT(attempt("foreign.graphml",
                       "<graphml><graph edgedefault=\"directed\"><node id=\"a\"/></graph></graphml>"),
               Catch::Contains("no entity_id"));
    CHECK_THAT(attempt("undirected.graphml",
                       "<graphml><graph edgedefault=\"undirected\"><node id=\"a\"/><edge source=\"a\" target=\"a\"/></graph></graphml>"),
               Catch::Contains("bad GraphML"));
    CHECK_THAT(attempt("bad.json", "{\"nodes\": [\n{\"id\": \"a\",}]}"),
               Catch::StartsWith((dir / "bad.json").string() + ":2:") && Catch::Contains("bad JSON"));
    CHECK_THAT(attempt("dangling.json", R"({"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "b", "relation": "r"}]})"),
               Catch::Contains("link 0: unknown target \"b\""));
    CHECK_THAT(attempt("date.json", R"({"nodes": [{"id": "a", "first_seen": "May"}], "links": []})"),
               Catch::Contains("node 0: first_seen \"May\" is not a date"));
    // Found by fuzzing: a count past 2^64 was converted to an integer (undefined behaviour).
    CHECK_THAT(attempt("huge.json", R"({"nodes": [{"id": "a", "mentions": 8.9e95}], "links": []})"),
               Catch::Contains("\"mentions\" is not a whole number"));
    // The same in GraphML, found by fuzzing later: its counts are text, read as doubles.
    const std::string node_with_mentions =
        "<graphml><key id=\"d0\" for=\"node\" attr.name=\"entity_id\" attr.type=\"string\"/>"
        "<key id=\"d1\" for=\"node\" attr.name=\"mentions\" attr.type=\"double\"/>"
        "<graph edgedefault=\"directed\"><node id=\"n0\"><data key=\"d0\">a</data><data key=\"d1\">";
    for (const char* count : {"1.8e58", "-1", "2.5", "nan"})
        CHECK_THAT(attempt("huge.graphml", node_with_mentions + count + "</data></node></graph></graphml>"),
                   Catch::Contains(std::string("mentions \"") + count + "\" is not a whole number"));
    test::write_file(dir / "two.graphml", node_with_mentions + "2.0</data></node></graph></graphml>");
    CHECK(io::read_graph_file((dir / "two.graphml").string()).vertex(0).mentions == 2);
    // A confidence that is no number between 0 and 1 (the writers could not write NaN back).
    const std::string edge_with_confidence =
        "<graphml><key id=\"d0\" for=\"node\" attr.name=\"entity_id\" attr.type=\"string\"/>"
        "<key id=\"e0\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>"
        "<key id=\"e1\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>"
        "<graph edgedefault=\"directed\"><node id=\"n0\"><data key=\"d0\">a</data></node>"
        "<edge source=\"n0\" target=\"n0\"><data key=\"e0\">meets</data><data key=\"e1\">";
    for (const char* confidence : {"nan", "inf", "1.5", "-0.25"})
        CHECK_THAT(attempt("confidence.graphml", edge_with_confidence + confidence + "</data></edge></graph></graphml>"),
                   Catch::Contains("is not between 0 and 1"));
    CHECK_THAT(attempt("confidence.json", R"({"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "a", "relation": "r", "confidence": 2}]})"),
               Catch::Contains("link 0") && Catch::Contains("confidence 2 is not between 0 and 1"));
    CHECK_THAT(attempt("graph.gexf", "<gexf/>"), Catch::Contains("give a .graphml or .json"));
    CHECK_THAT(attempt("missing.json.nope", ""), Catch::Contains("give a .graphml or .json"));
}

TEST_CASE("graphs and event lines nested a million deep are refused, not a stack overflow [issue8]",
          "[export][reader][errors][issue8]") {
    const auto dir = test::temp_dir("readers-deep");
    auto attempt = [&](const std::string& name, const std::string& content) { return read_error(dir / name, content); };
    std::string opens;
    for (int i = 0; i < 1'000'000; ++i) opens += "<a>";
    CHECK_THAT(attempt("deep.graphml", "<graphml>\n" + opens),
               Catch::Contains("deep.graphml:2:298: elements nested more than 100 deep"));
    // Comments, CDATA and quoted values hold no closing tags: 121 levels are still too deep.
    std::string hidden = "<graphml>";
    for (int i = 0; i < 120; ++i) hidden += "<a><!-- </a> --><![CDATA[</a>]]><?pi </a>?><b x='/>' y=\"</a>\"/>";
    CHECK_THAT(attempt("hidden.graphml", hidden), Catch::Contains("nested more than 100 deep"));
    CHECK_THAT(attempt("deep.json", "{\"nodes\": " + std::string(1'000'000, '[')),
               Catch::Contains("deep.json:1:1000011: bad JSON"));
    const std::string deep_line(1'000'000, '{');
    CHECK_THROWS_WITH(io::event_from_json(deep_line, "e.jsonl", 3), Catch::StartsWith("e.jsonl:3:2: bad JSON"));
    CHECK_FALSE(io::looks_like_event(std::string(1'000'000, '[')));
}

TEST_CASE("an event line writes back as it was read; a confidence outside 0..1 or a reversed span is refused [issue8]",
          "[export][reader][errors][issue8]") {
    const std::string line =
        R"({"doc":"d","sentence":1,"subject":{"id":"a","label":"A","type":"ORG"},"relation":"buys","relation_text":"buys",)"
        R"("object":{"id":"b","label":"B","type":"ORG"},"date":"2024-03-08","date_source":"sentence","polarity":"positive",)"
        R"("modality":"asserted","evidence":"A buys B.","span":[3,63],"rule":"en.svo","confidence":0.85})";
    CHECK(io::event_to_json(io::event_from_json(line, "e.jsonl", 1)) == line);
    auto with = [&](const std::string& from, const std::string& to) {
        std::string changed = line;
        changed.replace(changed.find(from), from.size(), to);
        return changed;
    };
    // What fuzz_event_json found: 4.4e70 came back as another number after a write and a read.
    for (const char* confidence : {"4.4e70", "-0.5", "1.01", "\"high\"", "null"}) {
        INFO(confidence);
        CHECK_THROWS_WITH(io::event_from_json(with("0.85", confidence), "e.jsonl", 7),
                          Catch::StartsWith("e.jsonl:7") && Catch::Contains("\"confidence\" must be a number from 0 to 1"));
    }
    CHECK_THROWS_WITH(io::event_from_json(with("[3,63]", "[63,3]"), "e.jsonl", 7), Catch::Contains("begin <= end"));
}

TEST_CASE("events whose texts need escapes in JSON read back exactly", "[export][reader][issue7]") {
    // What fuzz_extractor found when event lines were parsed with RapidJSON's SSE2 code (since
    // removed): a text with escaped control characters after plain runs came back "Invalid escape".
    std::size_t checked = 0;
    for (int trial = 0; trial < 600; ++trial) {
        Event e;
        e.subject = {"a", "A \"quoted\"", "ORG"};
        e.object = {"b", "B\\C", "ORG"};
        e.relation = "buys";
        for (int i = 0; i < trial % 300; ++i) e.evidence += static_cast<char>((i * 37 + trial * 11) % 128);
        e.evidence += "\xE8\xBC\x9D\xE9\x81\x94 \u2028 end";  // 輝達 and a line separator
        const std::string line = io::event_to_json(e);
        INFO(line);
        const Event back = io::event_from_json(line, "e.jsonl", 1);
        CHECK(back.evidence == e.evidence);
        CHECK(back.subject.label == e.subject.label);
        CHECK(io::event_to_json(back) == line);
        checked += back.evidence == e.evidence;
    }
    CHECK(checked == 600);
}

namespace {

// The event as RapidJSON's Writer writes it, field by field in the contract's order: what
// event_to_json wrote through the Writer until it copied text that needs no escape itself.
std::string written_by_rapidjson(const Event& e) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    auto text = [&](const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); };
    auto entity = [&](const EntityRef& r) {
        w.StartObject();
        w.Key("id"), text(r.id), w.Key("label"), text(r.label), w.Key("type"), text(r.type);
        w.EndObject();
    };
    w.StartObject();
    w.Key("doc"), text(e.doc), w.Key("sentence"), w.Uint64(e.sentence);
    w.Key("subject"), entity(e.subject), w.Key("relation"), text(e.relation);
    w.Key("relation_text"), text(e.relation_text), w.Key("object"), entity(e.object);
    w.Key("date");
    if (e.date) text(e.date->iso());
    else w.Null();
    w.Key("date_source");
    if (e.date_source == DateSource::none) w.Null();
    else w.String(to_string(e.date_source));
    w.Key("polarity"), w.String(to_string(e.polarity)), w.Key("modality"), w.String(to_string(e.modality));
    w.Key("evidence"), text(e.evidence);
    w.Key("span"), w.StartArray(), w.Uint64(e.span.first), w.Uint64(e.span.second), w.EndArray();
    w.Key("rule"), text(e.rule), w.Key("confidence"), w.Double(std::round(e.confidence * 100.0) / 100.0);
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

TEST_CASE("an event line is byte for byte what RapidJSON's Writer writes for the event", "[export][issue7]") {
    // Every byte value in every text field, alone and inside plain text, each date and date
    // source kind, confidences that round, and numbers past 32 bits.
    std::vector<std::string> texts = {"", "plain", "輝達 (Nvidia)", "\xFF\xFE not UTF-8", std::string(300, 'x')};
    for (int b = 0; b < 256; ++b) {
        texts.push_back(std::string(1, static_cast<char>(b)));
        texts.push_back("a run of 32 plain bytes before " + std::string(1, static_cast<char>(b)) + " and after");
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Event e;
        const std::string& t = texts[i];
        const std::string& u = texts[(i * 7 + 3) % texts.size()];
        e.doc = t;
        e.sentence = i << 33;
        e.subject = {t, u, "ORG"};
        e.object = {u, t, i % 2 ? "" : t};
        e.relation = i % 3 ? "sanctions" : t;
        e.relation_text = u;
        if (i % 4) e.date = Date{2025, static_cast<int>(i % 13), static_cast<int>(i % 29)};
        e.date_source = static_cast<DateSource>(i % 5);
        e.polarity = i % 2 ? Polarity::negative : Polarity::positive;
        e.modality = i % 3 ? Modality::asserted : Modality::hypothetical;
        e.evidence = t + u;
        e.span = {i, (i << 34) + 7};
        e.rule = u;
        e.confidence = std::vector<double>{0.0, 1.0, 0.85, 1.0 / 3.0, 0.005, 0.999}[i % 6];
        INFO("text " << i);
        CHECK(io::event_to_json(e) == written_by_rapidjson(e));
    }
}

TEST_CASE("every confidence is written as RapidJSON writes it rounded to hundredths", "[export]") {
    // The 101 rounded confidences from 0 to 1 are written from texts made once: each of them, the
    // values either side of each rounding limit, and the confidences outside them (-0.0 writes
    // "-0.0", not "0.0").
    std::vector<double> confidences = {-0.0, -0.004, -0.006, -0.5, 1.004, 1.006, 1.5, 42.0, 1e300, 5e-324};
    for (int k = 0; k <= 100; ++k) {
        const double c = k / 100.0;
        confidences.insert(confidences.end(), {c, c + 0.004, c - 0.004, c + 0.0049999, c + 0.005, 1.0 - c});
    }
    for (const double c : confidences) {
        Event e;
        e.subject = {"a", "A", "ORG"};
        e.object = {"b", "B", "ORG"};
        e.relation = "buys";
        e.confidence = c;
        INFO("confidence " << c);
        REQUIRE(io::event_to_json(e) == written_by_rapidjson(e));
    }
}

TEST_CASE("each enum value of an event is written as its word", "[export]") {
    // The words are looked up in tables made once: every value of each enum, and values past the
    // last, which to_string words as it can.
    for (int source = 0; source <= 6; ++source) {
        for (int polarity = 0; polarity <= 3; ++polarity) {
            for (int modality = 0; modality <= 5; ++modality) {
                Event e;
                e.subject = {"a", "A", "ORG"};
                e.object = {"b", "B", "ORG"};
                e.relation = "buys";
                e.date = Date{2025, 3, 0};
                e.date_source = static_cast<DateSource>(source);
                e.polarity = static_cast<Polarity>(polarity);
                e.modality = static_cast<Modality>(modality);
                INFO("date source " << source << ", polarity " << polarity << ", modality " << modality);
                REQUIRE(io::event_to_json(e) == written_by_rapidjson(e));
            }
        }
    }
}

TEST_CASE("a byte that needs an escape is escaped wherever it stands, in text of any length", "[export][issue7]") {
    // The writer tests text for such bytes a block of 16, 8 or 4 at a time, the last block
    // overlapping the one before: every length from 1 to 40 and every position in it, for the
    // bytes on either side of each limit of the test.
    const std::string bytes = {'\0', '\x1F', ' ', '"', '#', '\\', ']', '\x7F', '\x80', '\xFF'};
    int checked = 0;
    for (std::size_t length = 1; length <= 40; ++length) {
        for (std::size_t at = 0; at < length; ++at) {
            for (const char b : bytes) {
                std::string text(length, 'x');
                text[at] = b;
                Event e;
                e.subject = {text, "A", "ORG"};
                e.object = {"b", text, "ORG"};
                e.relation = "buys";
                e.evidence = text;
                e.rule = text;
                INFO("length " << length << ", byte " << int(static_cast<unsigned char>(b)) << " at " << at);
                REQUIRE(io::event_to_json(e) == written_by_rapidjson(e));
                ++checked;
            }
        }
    }
    CHECK(checked == 8200);
}

TEST_CASE("networkx's own node-link output reads back (weights as floats, \"edges\" key)", "[export][reader]") {
    const auto json = test::write_graph_to(test::hostile_graph(true), io::GraphFormat::json, "nx.json");
    const auto out = (std::filesystem::path(json).parent_path() / "from-networkx.json").string();
    // networkx 3.4+ writes "edges" by default; older versions write "links". Either is read.
    const auto r = test::run_command(
        "python3 -c \"import json, sys, networkx as nx, inspect\n"
        "data = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "kw = {'edges': 'links'} if 'edges' in inspect.signature(nx.node_link_graph).parameters else {}\n"
        "g = nx.node_link_graph(data, **kw)\n"
        "for u, v, d in g.edges(data=True): d['weight'] = float(d['weight'])\n"
        "json.dump(nx.node_link_data(g), open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)\" '" +
        json + "' '" + out + "'");
    INFO(r.err);
    REQUIRE(r.code == 0);
    check_same(test::hostile_graph(true), io::read_graph_file(out));
}

TEST_CASE("events appended to a line buffer are the lines event_to_json writes", "[export][issue7]") {
    // extract appends each event to its output through a buffer the thread keeps: a long event
    // followed by a short one must not leave the long one's tail behind.
    Event long_one;
    long_one.subject = {"a", "A", "ORG"};
    long_one.object = {"b", "B", "ORG"};
    long_one.relation = "buys";
    long_one.evidence = std::string(5000, 'x') + " \"quoted\" \\ end";
    Event short_one = long_one;
    short_one.evidence = "short";
    std::string out = "before\n";
    io::append_event_json(long_one, out);
    out += '\n';
    io::append_event_json(short_one, out);
    CHECK(out == "before\n" + io::event_to_json(long_one) + "\n" + io::event_to_json(short_one));
    CHECK(io::event_from_json(io::event_to_json(short_one), "e.jsonl", 1).evidence == "short");
}
