// What did BIS do in May 2025? A small program on the installed chronokg library: it reads the
// articles given on the command line, extracts their events with the default rule pack, builds
// the graph, and asks it. Any alias names the entity: "BIS", "工業和安全局" or "Bureau of
// Industry and Security" give the same answer.
//
// Usage: what_did_bis_do ARTICLES... [--who NAME]
// Prints one line an event: date, subject, relation, object, and the article it was read in.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "extract/document_reader.hpp"
#include "extract/entity_catalog.hpp"
#include "extract/extractor.hpp"
#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"
#include "graph/graph_builder.hpp"
#include "graph/graph_query.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> inputs;
    std::string who = "BIS";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--who" && i + 1 < argc)
            who = argv[++i];
        else
            inputs.push_back(arg);
    }
    if (inputs.empty()) {
        std::cerr << "usage: what_did_bis_do ARTICLES... [--who NAME]\n";
        return 1;
    }
    try {
        chronokg::RulePack pack;
        pack.add(CHRONOKG_RULES_DIR);
        const chronokg::Extractor extractor(pack);

        std::vector<chronokg::Event> events;
        for (const auto& input : chronokg::expand_inputs(inputs))
            chronokg::read_documents(input, {}, [&](const chronokg::Document& document) {
                for (auto& event : extractor.extract(document)) events.push_back(std::move(event));
            });
        const chronokg::KnowledgeGraph graph = chronokg::build_graph(std::move(events));

        // The catalog lets a name the articles never used (工業和安全局) still find its entity.
        const chronokg::EntityCatalog catalog(pack, chronokg::Normalizer::shared());
        const chronokg::GraphQuery query(graph, &catalog);
        chronokg::EventFilter filter;
        filter.subject = who;
        filter.from = chronokg::Date{2025, 5, 1};
        filter.to = chronokg::Date{2025, 5, 31};
        for (const auto& event : query.find(filter))
            std::cout << event.data.date->iso() << "  " << event.subject.label << ' ' << event.data.relation << ' '
                      << event.object.label << "  (" << event.data.doc << ")\n";
    } catch (const std::exception& e) {
        std::cerr << "what_did_bis_do: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
