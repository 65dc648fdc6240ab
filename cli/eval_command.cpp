// `chronokg eval GOLD_DIR ARTICLES_DIR`: precision, recall, F1 and date accuracy against gold.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <map>

#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "core/error.hpp"
#include "eval/gold_set.hpp"
#include "eval/scorer.hpp"
#include "extract/extractor.hpp"
#include "extract/normalizer.hpp"

namespace chronokg::cli {
namespace {

void print_counts(std::ostream& out, const std::string& name, const ScoreCounts& s, const ScoreCounts& loose) {
    fmt::print(out, "{:<44} {:>4} {:>4} {:>6.3f} {:>6.3f} {:>6.3f}  {:>6.3f} {:>6.3f}  {:>3}/{:<3}\n", name, s.gold,
               s.extracted, s.precision(), s.recall(), s.f1(), loose.precision(), loose.recall(), s.dated_correct,
               s.dated);
}

void print_json(std::ostream& out, const std::string& name, const ScoreCounts& s, const ScoreCounts& loose) {
    fmt::print(out,
               "{{\"name\": \"{}\", \"gold\": {}, \"extracted\": {}, \"precision\": {:.4f}, \"recall\": {:.4f}, "
               "\"f1\": {:.4f}, \"loose_precision\": {:.4f}, \"loose_recall\": {:.4f}, \"loose_f1\": {:.4f}, "
               "\"dated\": {}, \"dates_correct\": {}, \"date_accuracy\": {:.4f}}}\n",
               name, s.gold, s.extracted, s.precision(), s.recall(), s.f1(), loose.precision(), loose.recall(),
               loose.f1(), s.dated, s.dated_correct, s.date_accuracy());
}

class EvalCommand : public Command {
public:
    void add_to(CLI::App& app) override {
        command_ = app.add_subcommand("eval", "Score extraction against gold events (precision, recall, F1, dates)");
        command_->add_option("GOLD_DIR", gold_dir_, "Directory of NAME.jsonl gold files")->required();
        command_->add_option("ARTICLES_DIR", articles_dir_, "Directory of the NAME.txt articles")->required();
        command_->add_option("--rules", options_.rule_packs, "Add a rule pack; may be given several times")
            ->expected(1)
        ->allow_extra_args(false)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        command_->add_flag("--no-default-rules", options_.no_default_rules, "Use only the packs given with --rules");
        command_->add_flag("--json", json_, "One JSON object a line: each article, each language, then \"all\"");
        command_->add_flag("-v,--verbose", verbose_, "List missed gold events, false positives and wrong dates");
        command_->add_option("--min-f1", min_f1_, "Exit with 1 when the overall strict F1 is below this");
        command_->add_option("--min-recall", min_recall_, "Exit with 1 when the overall strict recall is below this");
        command_->add_option("--min-precision", min_precision_,
                             "Exit with 1 when the overall strict precision is below this");
        command_->footer("Scoring follows ../shared/dev/README.md: strict and loose (containment) name matches,\n"
                         "relation synonym groups, dates scored on matched gold events that have one.");
    }

    int run(std::ostream& out, std::ostream& err) override {
        const auto gold = read_gold_set(gold_dir_, articles_dir_);
        const Extractor extractor(load_rules(options_));
        const Scorer scorer(Normalizer::shared());
        std::map<std::string, std::pair<ScoreCounts, ScoreCounts>> totals;  // language → strict, loose
        if (!json_)
            fmt::print(out, "{:<44} {:>4} {:>4} {:>6} {:>6} {:>6}  {:>6} {:>6}  {:>7}\n", "article", "gold", "ext", "P",
                       "R", "F1", "P~", "R~", "dates");
        for (const auto& article : gold) {
            std::vector<Event> events;
            std::string text;
            read_documents({article.article_path, ""}, {}, [&](Document d) {
                text = d.text;
                events = extractor.extract(d);
            });
            const ArticleScore s = scorer.score(article, text, events);
            for (const std::string& group : {s.language, std::string("all")}) {
                totals[group].first += s.strict;
                totals[group].second += s.loose;
            }
            if (json_) print_json(out, s.name, s.strict, s.loose);
            else print_counts(out, s.name + " (" + s.language + ")", s.strict, s.loose);
            if (verbose_) {
                for (const auto& m : s.missed) fmt::print(out, "    missed: {}\n", m);
                for (const auto& f : s.false_positives) fmt::print(out, "    extra:  {}\n", f);
                for (const auto& w : s.wrong_dates) fmt::print(out, "    date:   {}\n", w);
            }
        }
        for (const auto& [group, counts] : totals) {
            if (json_) print_json(out, group, counts.first, counts.second);
            else print_counts(out, "== " + group, counts.first, counts.second);
        }
        const ScoreCounts& all = totals["all"].first;
        int code = 0;
        auto floor = [&](double value, double minimum, const char* what) {
            if (minimum >= 0 && value + 1e-9 < minimum) {
                err << fmt::format("chronokg: {} {:.3f} is below the floor {:.3f}\n", what, value, minimum);
                code = 1;
            }
        };
        floor(all.f1(), min_f1_, "F1");
        floor(all.recall(), min_recall_, "recall");
        floor(all.precision(), min_precision_, "precision");
        return code;
    }

private:
    InputOptions options_;
    std::string gold_dir_;
    std::string articles_dir_;
    bool json_ = false;
    bool verbose_ = false;
    double min_f1_ = -1;
    double min_recall_ = -1;
    double min_precision_ = -1;
};

}  // namespace

std::unique_ptr<Command> make_eval_command() { return std::make_unique<EvalCommand>(); }

}  // namespace chronokg::cli
