#pragma once
// What the export tests share: graphs whose texts break careless writers, writing a graph in a
// format to a temporary file, and running the consumer scripts in tests/consumers/.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "export/graph_format.hpp"
#include "graph/graph_builder.hpp"
#include "../consumer_support.hpp"

namespace chronokg::test {

// Events whose labels carry quotes, backslashes, <&>, line breaks, tabs, runs of spaces, `|`,
// Chinese, an emoji and control characters, an id that needs quoting everywhere, a negated
// event, an undated one, and three events of one relation between two entities (one dated to
// a month only) that Gephi must see as one edge. Without `controls`, the texts hold no control
// characters (XML formats remove them, so only such a graph comes back whole from GraphML).
inline std::vector<Event> hostile_events(bool controls = true) {
    Event e;
    e.doc = "doc \"1\"";
    e.sentence = 4;
    e.subject = {"bis", "BIS \"quoted\" \\ back <&> 工業和安全局 \xF0\x9F\x98\x80", "GOV"};
    e.relation = "revokes";
    e.relation_text = "撤銷";
    e.object = {"node", controls ? "node\nwith  newline\x01\x7F\ttab" : "node\nwith  newline\ttab", "POLICY"};
    e.date = Date{2025, 5, 13};
    e.date_source = DateSource::sentence;
    e.evidence = controls ? "line one\nline \"two\" \x02 end\r\nthird <b>&amp;</b>"
                          : "line one\nline \"two\"  end\r\nthird <b>&amp;</b>";
    e.rule = "zh.svo";
    e.confidence = 0.8;
    Event n = e;
    n.object = {"edge", "edge", "ORG"};
    n.polarity = Polarity::negative;
    n.date.reset();
    n.date_source = DateSource::none;
    n.sentence = 5;
    n.confidence = 0.55;
    Event p = e;
    p.subject = {"id \"q\" <&>\\ 中", "Label | with pipe", "ORG"};
    p.relation = "partners with";
    p.relation_text = "partners with";
    p.object = e.subject;
    p.date = Date{2025, 5, 0};
    p.sentence = 6;
    p.evidence = "plain";
    Event p2 = p;
    p2.subject.label = "alias|x\\y";
    p2.date = Date{2025, 6, 2};
    p2.sentence = 7;
    Event p3 = p;
    p3.date = Date{2025, 5, 19};
    p3.sentence = 8;
    p3.modality = Modality::planned;
    return {e, n, p, p2, p3};
}

inline KnowledgeGraph hostile_graph(bool collapse = false, bool controls = true) {
    return build_graph(hostile_events(controls), BuildOptions{collapse});
}

// The gold events of our examples as events (first name of each `|` list as the label, an id
// made from it): a real-sized graph with real texts that does not move with the extractor.
inline std::vector<Event> gold_events() {
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(source_dir() + "/examples/gold")) files.push_back(f.path());
    std::sort(files.begin(), files.end());
    auto entity = [](const rapidjson::Value& v) {
        std::string label = v.GetString();
        label = label.substr(0, label.find('|'));
        std::string id;
        for (const char c : label) id += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
        return EntityRef{id, label, "CONCEPT"};
    };
    std::vector<Event> events;
    for (const auto& file : files) {
        std::ifstream in(file);
        std::size_t line_no = 0;
        for (std::string line; std::getline(in, line); ++line_no) {
            rapidjson::Document doc;
            doc.Parse(line.c_str());
            REQUIRE(doc.IsObject());
            Event e;
            e.doc = file.stem().string();
            e.sentence = line_no;
            e.subject = entity(doc["subject"]);
            e.relation = doc["relation"].GetString();
            e.object = entity(doc["object"]);
            if (doc["date"].IsString()) e.date = Date::parse(doc["date"].GetString());
            e.evidence = doc["evidence"].GetString();
            e.confidence = 1.0;
            events.push_back(std::move(e));
        }
    }
    return events;
}

// Writes `graph` in `format` under a fresh temporary directory; returns the path given to the
// writer (for csv formats, the stem of its two files).
inline std::string write_graph_to(const KnowledgeGraph& graph, io::GraphFormat format, const std::string& name) {
    const auto path = (temp_dir("export-" + name) / name).string();
    io::write_graph_files(path, graph, format);
    return path;
}

// Output lines, sorted (consumers list nodes and edges in their own orders).
inline std::vector<std::string> sorted_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
}

inline std::string consumers_dir() { return source_dir() + "/tests/consumers"; }

// The Python interpreters with networkx to check with: `python3` (required), and Debian's own
// /usr/bin/python3 when it is another one (a fresh Debian 12 has networkx 2.8 there).
inline std::vector<std::string> networkx_pythons() {
    std::vector<std::string> pythons = {"python3"};
    const auto which = run_command("python3 -c 'import sys; print(sys.executable)'");
    if (std::filesystem::exists("/usr/bin/python3") && which.out != "/usr/bin/python3\n" &&
        run_command("/usr/bin/python3 -c 'import networkx'").code == 0)
        pythons.push_back("/usr/bin/python3");
    return pythons;
}

inline CommandResult read_with_networkx(const std::string& python, const std::string& format, const std::string& path) {
    return run_command(python + " " + consumers_dir() + "/read_with_networkx.py " + format + " '" + path + "'");
}

// graphology, as Gephi Lite loads files. Its packages come from `npm ci` in tests/consumers,
// which scripts/setup.sh runs: without them the test fails rather than passing unchecked.
// False, with a warning, only when scripts/setup.sh could not install graphology from the npm
// registry (it left the reason in tests/consumers/npm-unavailable.txt): graphology is not a
// Debian package. Packages merely never installed are a failure: run scripts/setup.sh.
inline bool graphology_available() {
    const std::string reason_file = consumers_dir() + "/npm-unavailable.txt";
    if (std::filesystem::is_directory(consumers_dir() + "/node_modules/graphology-gexf") ||
        !std::filesystem::exists(reason_file))
        return true;
    WARN("SKIPPED: graphology could not be installed from the npm registry: " << read_file(reason_file));
    return false;
}

inline CommandResult read_with_graphology(const std::string& format, const std::string& path) {
    REQUIRE(run_command("node --version").code == 0);
    INFO("run scripts/setup.sh, or `npm ci` in tests/consumers");
    REQUIRE(std::filesystem::is_directory(consumers_dir() + "/node_modules/graphology-gexf"));
    return run_command("node " + consumers_dir() + "/read_with_graphology.js " + format + " '" + path + "'");
}

}  // namespace chronokg::test
