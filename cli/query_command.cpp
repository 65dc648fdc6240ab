// `chronokg query GRAPH [--subject S] [--relation R] [--object O] [--from D] [--to D] ...` and
// `chronokg timeline GRAPH_OR_INPUT [--entity E]`: events, in date order, as a table, JSON Lines
// or CSV. Both list events the same way; timeline is the query of one entity's story.
#include "cli/event_table.hpp"
#include "cli/graph_command.hpp"
#include "graph/graph_query.hpp"

namespace chronokg::cli {
namespace {

std::string check_date(const std::string& value) {
    return Date::parse(value) ? std::string() : "must be a date YYYY-MM-DD, YYYY-MM or YYYY, not " + value;
}

class EventsCommand : public GraphCommand {
public:
    explicit EventsCommand(bool timeline) : timeline_(timeline) {}

    void add_to(CLI::App& app) override {
        if (timeline_) {
            auto& command = add_graph_command(app, "timeline", "The events of a graph, or of one entity, in date order");
            command.add_option("--entity", entity_, "Only the events this entity (any alias) takes part in");
        } else {
            auto& command =
                add_graph_command(app, "query", "Find events by subject, relation, object, dates, polarity, modality");
            command.add_option("--subject", subject_, "Subject entity: its id or any alias, in any script");
            command.add_option("--relation", relation_, "Relation, canonical (revokes) or as written (撤銷)");
            command.add_option("--object", object_, "Object entity: its id or any alias, in any script");
            command.add_option("--entity", entity_, "An entity on either side");
            command.add_option("--polarity", polarity_, "positive or negative")
                ->check(CLI::IsMember({"positive", "negative"}));
            command.add_option("--modality", modality_, "asserted, planned, hypothetical or reported")
                ->check(CLI::IsMember({"asserted", "planned", "hypothetical", "reported"}));
        }
        command_->add_option("--from", from_, "Earliest date, inclusive (YYYY-MM-DD, YYYY-MM or YYYY)")->check(check_date);
        command_->add_option("--to", to_, "Latest date, inclusive (YYYY-MM-DD, YYYY-MM or YYYY)")->check(check_date);
        command_->footer(
            "Names match any alias of an entity in any script, case and width (BIS, bis, 工業和安全局).\n"
            "A partial date covers its month or year; undated events are left out when dates are given.");
    }

private:
    int answer(const LoadedGraph& loaded, std::ostream& out, std::ostream& err) override {
        const GraphQuery query(loaded.graph, loaded.catalog.get());
        EventFilter filter;
        auto set = [](std::optional<std::string>& field, const std::string& value) {
            if (!value.empty()) field = value;
        };
        set(filter.subject, subject_);
        set(filter.relation, relation_);
        set(filter.object, object_);
        set(filter.entity, entity_);
        if (!from_.empty()) filter.from = Date::parse(from_);
        if (!to_.empty()) filter.to = Date::parse(to_);
        if (!polarity_.empty()) filter.polarity = parse_polarity(polarity_);
        if (!modality_.empty()) filter.modality = parse_modality(modality_);
        ResultTable table(event_columns());
        for (const auto& event : query.find(filter)) table.add_row(event_cells(event));
        write(table, out, err, "no events match");
        return 0;
    }

    bool timeline_;
    std::string subject_, relation_, object_, entity_, from_, to_, polarity_, modality_;
};

}  // namespace

std::unique_ptr<Command> make_query_command() { return std::make_unique<EventsCommand>(false); }
std::unique_ptr<Command> make_timeline_command() { return std::make_unique<EventsCommand>(true); }

}  // namespace chronokg::cli
