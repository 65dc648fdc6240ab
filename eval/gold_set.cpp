#include "eval/gold_set.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"

namespace chronokg {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> split_names(const std::string& field) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= field.size()) {
        const auto bar = field.find('|', start);
        const std::string name = field.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        if (!name.empty()) names.push_back(name);
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return names;
}

}  // namespace

std::vector<GoldEvent> read_gold_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, 0, 0, "cannot open gold file");
    std::vector<GoldEvent> events;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());  // no stack for deep nesting
        if (doc.HasParseError())
            throw Error(path, line_no, doc.GetErrorOffset() + 1,
                        std::string("bad JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
        auto text = [&](const char* key, bool required) -> std::string {
            auto it = doc.IsObject() ? doc.FindMember(key) : doc.MemberEnd();
            if (doc.IsObject() && it != doc.MemberEnd() && it->value.IsString()) return it->value.GetString();
            if (required) throw Error(path, line_no, 0, std::string("gold line needs a string \"") + key + "\"");
            return "";
        };
        GoldEvent e;
        e.subject = split_names(text("subject", true));
        e.relation = text("relation", true);
        e.object = split_names(text("object", true));
        e.evidence = text("evidence", false);
        if (const std::string date = text("date", false); !date.empty()) {
            e.date = Date::parse(date);
            if (!e.date) throw Error(path, line_no, 0, "gold date must be YYYY, YYYY-MM or YYYY-MM-DD");
        }
        events.push_back(std::move(e));
    }
    return events;
}

std::vector<GoldArticle> read_gold_set(const std::string& gold_dir, const std::string& articles_dir) {
    std::error_code ec;
    if (!fs::is_directory(gold_dir, ec)) throw Error(gold_dir, 0, 0, "no such gold directory");
    std::vector<GoldArticle> set;
    for (const auto& entry : fs::directory_iterator(gold_dir, ec)) {
        if (entry.path().extension() != ".jsonl") continue;
        GoldArticle article;
        article.name = entry.path().stem().string();
        for (const char* ext : {".txt", ".md"}) {
            const fs::path candidate = fs::path(articles_dir) / (article.name + ext);
            if (fs::exists(candidate, ec)) article.article_path = candidate.string();
        }
        if (article.article_path.empty())
            throw Error(entry.path().string(), 0, 0, "no article " + article.name + ".txt in " + articles_dir);
        article.events = read_gold_file(entry.path().string());
        set.push_back(std::move(article));
    }
    std::sort(set.begin(), set.end(), [](const GoldArticle& a, const GoldArticle& b) { return a.name < b.name; });
    if (set.empty()) throw Error(gold_dir, 0, 0, "no gold files (*.jsonl)");
    return set;
}

}  // namespace chronokg
