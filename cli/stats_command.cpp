// `chronokg stats GRAPH [--top N]`: what a graph holds — entities by type, events by relation,
// its date range, and its top entities by degree and by PageRank. People get one small table a
// section; --json and --csv get the same numbers as one long table (section, name, ...), so a
// script reads every section with one parser.
#include "cli/graph_command.hpp"
#include "graph/graph_stats.hpp"

namespace chronokg::cli {
namespace {

Cell count(std::size_t n) { return static_cast<std::int64_t>(n); }

class StatsCommand : public GraphCommand {
public:
    void add_to(CLI::App& app) override {
        auto& command = add_graph_command(app, "stats", "Counts by entity type and relation, top entities by degree and PageRank");
        command.add_option("--top", top_, "Entities in each ranking (default 10)")->check(CLI::Range(1, 100000));
    }

private:
    int answer(const LoadedGraph& loaded, std::ostream& out, std::ostream&) override {
        const GraphStats stats = compute_stats(loaded.graph, top_);
        if (output_.style() == OutputStyle::table)
            write_sections(out, stats);
        else
            long_table(stats).write(out, output_.style());
        return 0;
    }

    static void write_sections(std::ostream& out, const GraphStats& stats) {
        ResultTable summary({{"graph", true, 0}, {"count", true, 0}});
        summary.add_row({"entities", count(stats.entities)});
        summary.add_row({"events", count(stats.events)});
        summary.add_row({"edges", count(stats.edges)});
        summary.add_row({"documents", count(stats.documents)});
        summary.add_row({"first date", stats.first_date ? Cell{stats.first_date->iso()} : Cell{}});
        summary.add_row({"last date", stats.last_date ? Cell{stats.last_date->iso()} : Cell{}});
        summary.write(out, OutputStyle::table);

        auto counts = [&](const std::string& title, const std::string& what, const auto& rows) {
            ResultTable table({{title, true, 40}, {what, true, 0}});
            for (const auto& [name, n] : rows) table.add_row({name, count(n)});
            out << '\n';
            table.write(out, OutputStyle::table);
        };
        counts("type", "entities", stats.types);
        counts("relation", "events", stats.relations);

        auto ranking = [&](const std::string& title, const std::vector<RankedEntity>& entities) {
            ResultTable table({{"rank", true, 0},
                               {title, true, 40},
                               {"id", true, 32},
                               {"type", true, 0},
                               {"degree", true, 0},
                               {"pagerank", true, 0}});
            for (std::size_t i = 0; i < entities.size(); ++i) {
                const auto& e = entities[i];
                table.add_row({count(i + 1), e.entity.label, e.entity.id, e.entity.type, count(e.degree), e.pagerank});
            }
            out << '\n';
            table.write(out, OutputStyle::table);
        };
        ranking("top by degree", stats.top_by_degree);
        ranking("top by pagerank", stats.top_by_pagerank);
    }

    static ResultTable long_table(const GraphStats& stats) {
        ResultTable table({{"section", true, 0},
                           {"rank", true, 0},
                           {"name", true, 0},
                           {"label", true, 0},
                           {"type", true, 0},
                           {"count", true, 0},
                           {"degree", true, 0},
                           {"pagerank", true, 0}});
        auto summary = [&](const char* name, Cell value) {
            const bool is_count = std::holds_alternative<std::int64_t>(value);
            table.add_row({"summary", {}, name, is_count ? Cell{} : value, {}, is_count ? value : Cell{}, {}, {}});
        };
        summary("entities", count(stats.entities));
        summary("events", count(stats.events));
        summary("edges", count(stats.edges));
        summary("documents", count(stats.documents));
        summary("first_date", stats.first_date ? Cell{stats.first_date->iso()} : Cell{});
        summary("last_date", stats.last_date ? Cell{stats.last_date->iso()} : Cell{});
        for (const auto& [name, n] : stats.types) table.add_row({"type", {}, name, {}, {}, count(n), {}, {}});
        for (const auto& [name, n] : stats.relations) table.add_row({"relation", {}, name, {}, {}, count(n), {}, {}});
        auto ranking = [&](const char* section, const std::vector<RankedEntity>& entities) {
            for (std::size_t i = 0; i < entities.size(); ++i) {
                const auto& e = entities[i];
                table.add_row({section, count(i + 1), e.entity.id, e.entity.label, e.entity.type, {}, count(e.degree),
                               e.pagerank});
            }
        };
        ranking("degree", stats.top_by_degree);
        ranking("pagerank", stats.top_by_pagerank);
        return table;
    }

    std::size_t top_ = 10;
};

}  // namespace

std::unique_ptr<Command> make_stats_command() { return std::make_unique<StatsCommand>(); }

}  // namespace chronokg::cli
