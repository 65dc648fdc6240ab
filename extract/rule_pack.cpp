#include "extract/rule_pack.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "core/line_reader.hpp"
#include "core/utf8.hpp"
#include "extract/normalizer.hpp"

namespace chronokg {
namespace fs = std::filesystem;
namespace {

const std::vector<std::string> kKinds = {"entities", "relations", "roles", "time", "lexicon"};

// One problem found while reading a pack.
struct Problem {
    std::string file;
    std::size_t line;
    std::size_t column;
    std::string message;
};

// Checks the lines of one file and turns them into records, collecting problems as it goes.
class FileReader {
public:
    FileReader(const std::string& file, std::vector<Problem>& problems) : file_(file), problems_(problems) {}

    void read(const std::string& text, std::vector<EntityRule>& entities,
              std::vector<RelationRule>& relations, std::vector<RelationRule>& roles,
              std::vector<TimeRule>& time_rules, std::map<std::string, WordList>& lexicons);

private:
    void problem(std::size_t column, std::string message) {
        problems_.push_back(Problem{file_, line_no_, column, std::move(message)});
    }
    // Column (1-based, in code points) where `"key"` starts in the current line, or 1.
    std::size_t key_column(const std::string& key) const {
        const auto at = line_.find('"' + key + '"');
        if (at == std::string::npos) return 1;
        return utf8::line_and_column(line_, at).second;
    }
    // Column of `"value"` after `"key"` in the current line (the key's column when not found
    // as written, e.g. when the value holds escapes).
    std::size_t value_column(const std::string& key, const std::string& value) const {
        const auto at = line_.find('"' + key + '"');
        const auto v = at == std::string::npos ? std::string::npos : line_.find('"' + value + '"', at + key.size() + 2);
        return v == std::string::npos ? key_column(key) : utf8::line_and_column(line_, v).second;
    }
    // Whether every name in `names` still has a letter or digit once folded as text is; reports
    // those that do not (they would match nothing, or every punctuation mark).
    bool names_fold_to_words(const std::vector<std::string>& names, const char* key);
    bool check_keys(const rapidjson::Value& obj, const std::set<std::string>& allowed,
                    const std::set<std::string>& required);
    std::optional<std::string> string_field(const rapidjson::Value& obj, const char* key);
    std::optional<std::vector<std::string>> string_list(const rapidjson::Value& obj, const char* key);
    std::optional<std::vector<std::string>> type_list(const rapidjson::Value& obj, const char* key);
    bool valid_id(const std::string& id);
    std::optional<RelationRule> relation(const rapidjson::Value& obj, bool with_types);
    std::optional<TimeRule> time_rule(const rapidjson::Value& obj);
    bool pattern_list_ok(const std::vector<std::string>& patterns, const char* key);

    std::string file_;
    std::vector<Problem>& problems_;
    std::size_t line_no_ = 0;
    std::string line_;
};

bool FileReader::check_keys(const rapidjson::Value& obj, const std::set<std::string>& allowed,
                            const std::set<std::string>& required) {
    // One message a line: its unknown keys first (they are usually misspelt required ones).
    std::string message;
    std::size_t column = 1;
    for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
        const std::string key(it->name.GetString(), it->name.GetStringLength());
        if (allowed.count(key)) continue;
        if (message.empty()) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            message = "unknown key \"" + key + "\" (expected one of: " + list + ")";
            column = key_column(key);
        }
    }
    std::string missing;
    for (const auto& key : required)
        if (!obj.HasMember(key.c_str())) missing += (missing.empty() ? "\"" : ", \"") + key + "\"";
    if (!missing.empty()) message += (message.empty() ? "missing required key " : "; missing ") + missing;
    if (message.empty()) return true;
    problem(column, message);
    return false;
}

std::optional<std::string> FileReader::string_field(const rapidjson::Value& obj, const char* key) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return std::nullopt;
    if (!it->value.IsString() || it->value.GetStringLength() == 0) {
        problem(key_column(key), std::string("\"") + key + "\" must be a non-empty string");
        return std::nullopt;
    }
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::optional<std::vector<std::string>> FileReader::string_list(const rapidjson::Value& obj, const char* key) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return std::vector<std::string>{};
    if (!it->value.IsArray()) {
        problem(key_column(key), std::string("\"") + key + "\" must be an array of strings");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& v : it->value.GetArray()) {
        if (!v.IsString() || v.GetStringLength() == 0) {
            problem(key_column(key), std::string("\"") + key + "\" must hold non-empty strings only");
            return std::nullopt;
        }
        std::string s(v.GetString(), v.GetStringLength());
        if (s.find_first_not_of(" \t") == std::string::npos) {
            problem(key_column(key), std::string("\"") + key + "\" holds a blank string");
            return std::nullopt;
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::optional<std::vector<std::string>> FileReader::type_list(const rapidjson::Value& obj, const char* key) {
    auto list = string_list(obj, key);
    if (!list) return std::nullopt;
    const auto& types = RulePack::known_types();
    for (const auto& t : *list) {
        if (std::find(types.begin(), types.end(), t) == types.end() && t != "CONCEPT") {
            problem(key_column(key), "unknown entity type \"" + t + "\" in \"" + key + "\"");
            return std::nullopt;
        }
    }
    return list;
}

bool FileReader::names_fold_to_words(const std::vector<std::string>& names, const char* key) {
    bool ok = true;
    for (const auto& name : names) {
        const std::string folded = Normalizer::shared().fold(name);
        bool word = false;
        for (std::size_t pos = 0; pos < folded.size() && !word;) word = u_isalnum(static_cast<UChar32>(utf8::decode(folded, pos)));
        if (word) continue;
        problem(value_column(key, name), std::string("\"") + key + "\" holds \"" + name + "\", which folds to " +
                                             (folded.find_first_not_of(' ') == std::string::npos ? "nothing" : "\"" + folded + "\"") +
                                             ": no letter or digit to match");
        ok = false;
    }
    return ok;
}

bool FileReader::valid_id(const std::string& id) {
    bool ok = !id.empty() && ((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'));
    for (char c : id) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_');
    if (!ok) problem(key_column("id"), "id \"" + id + "\" must match [a-z0-9][a-z0-9._-]*");
    return ok;
}

bool FileReader::pattern_list_ok(const std::vector<std::string>& patterns, const char* key) {
    for (const auto& p : patterns) {
        const auto first = p.find("{O}");
        if (first != std::string::npos && p.find("{O}", first + 3) != std::string::npos) {
            problem(key_column(key), "pattern \"" + p + "\" has more than one {O} slot");
            return false;
        }
        std::string words = p;
        if (first != std::string::npos) words.erase(first, 3);
        if (words.find_first_not_of(" ") == std::string::npos) {
            problem(key_column(key), "pattern \"" + p + "\" has no words");
            return false;
        }
        if (words.find('{') != std::string::npos || words.find('}') != std::string::npos) {
            problem(key_column(key), "pattern \"" + p + "\" has a slot other than {O}");
            return false;
        }
        // `提供…资助`: words on both sides of the gap, the verb part after any {O} slot.
        if (const auto gap = p.find("…"); gap != std::string::npos) {
            const std::size_t verb_from = first != std::string::npos && first < gap ? first + 3 : 0;
            const std::string verb = p.substr(verb_from, gap - verb_from);
            const std::string after = p.substr(gap + std::string("…").size());
            if (verb.find_first_not_of(" ") == std::string::npos || after.find_first_not_of(" ") == std::string::npos ||
                after.find("…") != std::string::npos || (first != std::string::npos && first > gap)) {
                problem(key_column(key), "pattern \"" + p + "\" needs words before and after its one …, after any {O}");
                return false;
            }
        }
        if (!names_fold_to_words({words}, key)) return false;
    }
    return true;
}

std::optional<RelationRule> FileReader::relation(const rapidjson::Value& obj, bool with_types) {
    std::set<std::string> allowed = {"id", "relation", "zh", "en"};
    if (with_types) allowed.insert({"subject_types", "object_types"});
    if (!check_keys(obj, allowed, {"id", "relation"})) return std::nullopt;
    RelationRule r;
    auto id = string_field(obj, "id");
    auto name = string_field(obj, "relation");
    auto zh = string_list(obj, "zh");
    auto en = string_list(obj, "en");
    auto st = type_list(obj, "subject_types");
    auto ot = type_list(obj, "object_types");
    if (!id || !name || !zh || !en || !st || !ot || !valid_id(*id)) return std::nullopt;
    if (zh->empty() && en->empty()) {
        problem(1, "\"" + *id + "\" has neither \"zh\" nor \"en\" patterns");
        return std::nullopt;
    }
    if (!pattern_list_ok(*zh, "zh") || !pattern_list_ok(*en, "en")) return std::nullopt;
    r.id = *id;
    r.relation = *name;
    r.zh = *zh;
    r.en = *en;
    r.subject_types = *st;
    r.object_types = *ot;
    r.origin = {file_, line_no_};
    return r;
}

std::optional<TimeRule> FileReader::time_rule(const rapidjson::Value& obj) {
    if (!check_keys(obj, {"id", "lang", "pattern", "value"}, {"id", "lang", "pattern", "value"}))
        return std::nullopt;
    auto id = string_field(obj, "id");
    auto lang = string_field(obj, "lang");
    auto pattern = string_field(obj, "pattern");
    if (!id || !lang || !pattern || !valid_id(*id)) return std::nullopt;
    if (*lang != "zh" && *lang != "en" && *lang != "any") {
        problem(key_column("lang"), "\"lang\" must be \"zh\", \"en\" or \"any\"");
        return std::nullopt;
    }
    RE2::Options options;
    options.set_log_errors(false);
    RE2 re(*pattern, options);
    if (!re.ok()) {
        problem(key_column("pattern"), "pattern does not compile: " + re.error());
        return std::nullopt;
    }
    const auto& value = obj["value"];
    if (!value.IsObject() || value.MemberCount() == 0) {
        problem(key_column("value"), "\"value\" must be a non-empty object");
        return std::nullopt;
    }
    static const std::set<std::string> kParts = {"year", "month", "day", "offset_days", "offset_weeks",
                                                 "offset_months", "offset_years", "weekday", "none"};
    TimeRule rule;
    for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
        const std::string key(it->name.GetString(), it->name.GetStringLength());
        const auto& v = it->value;
        if (key == "precision") {
            const std::string s = v.IsString() ? v.GetString() : "";
            if (s != "day" && s != "month" && s != "year") {
                problem(key_column(key), "\"precision\" must be \"day\", \"month\" or \"year\"");
                return std::nullopt;
            }
            rule.precision = s;
            continue;
        }
        if (!kParts.count(key)) {
            problem(key_column(key), "unknown value key \"" + key + "\"");
            return std::nullopt;
        }
        TimeValuePart part;
        if (v.IsInt()) {
            part.number = v.GetInt();
        } else if (v.IsString() && v.GetString()[0] == '$') {
            const std::string ref = v.GetString();
            const bool digits = ref.size() >= 2 && ref.size() <= 4 && ref.find_first_not_of("0123456789", 1) == std::string::npos;
            const int group = digits ? std::stoi(ref.substr(1)) : 0;
            if (group < 1 || group > re.NumberOfCapturingGroups()) {
                problem(key_column(key), "\"" + ref + "\" names no capture group of the pattern");
                return std::nullopt;
            }
            part.group = group;
        } else if (v.IsString() && key == "weekday" && v.GetStringLength() > 0) {
            part.name = v.GetString();
        } else {
            problem(key_column(key), "\"" + key + "\" must be an integer or \"$N\"");
            return std::nullopt;
        }
        rule.value[key] = part;
    }
    rule.id = *id;
    rule.lang = *lang;
    rule.pattern = *pattern;
    rule.origin = {file_, line_no_};
    return rule;
}

void FileReader::read(const std::string& text, std::vector<EntityRule>& entities,
                      std::vector<RelationRule>& relations, std::vector<RelationRule>& roles,
                      std::vector<TimeRule>& time_rules, std::map<std::string, WordList>& lexicons) {
    std::istringstream in(text);
    LineReader lines(in);
    std::string kind;
    while (lines.next(line_)) {
        line_no_ = lines.line_number();
        if (line_no_ == 1 && line_.rfind("\xEF\xBB\xBF", 0) == 0) line_.erase(0, 3);
        const auto first = line_.find_first_not_of(" \t");
        if (first == std::string::npos || line_[first] == '#') continue;
        if (auto bad = utf8::find_invalid(line_)) {
            problem(utf8::line_and_column(line_, *bad).second, "invalid UTF-8 at byte " + std::to_string(*bad) + " of the line");
            if (kind.empty()) return;  // the header: the rest cannot be read
            continue;
        }
        // Iterative: a hostile line nested a million deep costs no stack.
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseIterativeFlag>(line_.data(), line_.size());
        if (doc.HasParseError()) {
            const auto column = utf8::line_and_column(line_, doc.GetErrorOffset()).second;
            problem(column, std::string("bad JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
            continue;
        }
        if (!doc.IsObject()) {
            problem(1, "each line must be a JSON object");
            continue;
        }
        if (kind.empty()) {
            // The header: {"chronokg_rules": 1, "kind": "..."}
            if (!check_keys(doc, {"chronokg_rules", "kind"}, {"chronokg_rules", "kind"})) return;
            if (!doc["chronokg_rules"].IsInt() || doc["chronokg_rules"].GetInt() != 1) {
                problem(key_column("chronokg_rules"), "unsupported rule format version (this chronokg reads 1)");
                return;
            }
            kind = doc["kind"].IsString() ? doc["kind"].GetString() : "";
            if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end()) {
                problem(key_column("kind"), "\"kind\" must be one of entities, relations, roles, time, lexicon");
                return;
            }
            continue;
        }
        if (kind == "entities") {
            if (!check_keys(doc, {"id", "label", "type", "aliases"}, {"id", "label", "type", "aliases"})) continue;
            auto id = string_field(doc, "id");
            auto label = string_field(doc, "label");
            auto type = string_field(doc, "type");
            auto aliases = string_list(doc, "aliases");
            if (!id || !label || !type || !aliases || !valid_id(*id)) continue;
            const auto& types = RulePack::known_types();
            if (std::find(types.begin(), types.end(), *type) == types.end()) {
                problem(key_column("type"), "unknown entity type \"" + *type + "\"");
                continue;
            }
            if (aliases->empty()) {
                problem(key_column("aliases"), "\"aliases\" is empty");
                continue;
            }
            const bool label_ok = names_fold_to_words({*label}, "label");
            if (!names_fold_to_words(*aliases, "aliases") || !label_ok) continue;
            entities.push_back(EntityRule{*id, *label, *type, *aliases, {file_, line_no_}});
        } else if (kind == "relations" || kind == "roles") {
            if (auto r = relation(doc, kind == "relations")) (kind == "roles" ? roles : relations).push_back(*r);
        } else if (kind == "time") {
            if (auto r = time_rule(doc)) time_rules.push_back(*r);
        } else {
            if (!check_keys(doc, {"id", "zh", "en"}, {"id"})) continue;
            auto id = string_field(doc, "id");
            auto zh = string_list(doc, "zh");
            auto en = string_list(doc, "en");
            if (!id || !zh || !en) continue;
            const auto& known = RulePack::known_lexicons();
            if (std::find(known.begin(), known.end(), *id) == known.end()) {
                problem(key_column("id"), "unknown lexicon \"" + *id + "\"");
                continue;
            }
            bool words_ok = true;
            for (const auto& [key, words] : {std::pair{"zh", &*zh}, std::pair{"en", &*en}})
                for (const auto& w : *words)
                    if (Normalizer::shared().fold(w).find_first_not_of(' ') == std::string::npos) {
                        problem(value_column(key, w), std::string("\"") + key + "\" holds \"" + w + "\", which folds to nothing");
                        words_ok = false;
                    }
            if (!words_ok) continue;
            auto& list = lexicons[*id];
            list.zh.insert(list.zh.end(), zh->begin(), zh->end());
            list.en.insert(list.en.end(), en->begin(), en->end());
        }
    }
    if (kind.empty()) {
        problems_.push_back(Problem{file_, 1, 1,
                                    "missing header line {\"chronokg_rules\": 1, \"kind\": \"...\"}"});
    }
}

std::vector<std::string> pack_files(const std::string& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return {path};
    if (!fs::is_directory(path, ec)) throw Error(path, 0, 0, "no such rule pack (a .jsonl file or a directory)");
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".jsonl") files.push_back(it->path().string());
    }
    if (ec) throw Error(path, 0, 0, "cannot read rule pack directory: " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) throw Error(path, 0, 0, "rule pack directory holds no .jsonl files");
    return files;
}

}  // namespace

const std::vector<std::string>& RulePack::known_lexicons() {
    static const std::vector<std::string> ids(kLexiconIds.begin(), kLexiconIds.end());
    return ids;
}

const std::vector<std::string>& RulePack::known_types() {
    static const std::vector<std::string> types = {"PERSON", "ORG",   "GOV",   "GPE",      "PRODUCT",
                                                   "TECH",   "POLICY", "EVENT", "MATERIAL", "WORK"};
    return types;
}

const WordList& RulePack::lexicon(const std::string& id) const {
    static const WordList empty;
    auto it = lexicons_.find(id);
    return it == lexicons_.end() ? empty : it->second;
}

void RulePack::add(const std::string& path) { add(std::vector<std::string>{path}); }

void RulePack::add(const std::vector<std::string>& paths) {
    std::vector<SourceFile> files;
    for (const auto& path : paths) {
        try {
            for (const auto& file : pack_files(path)) {
                std::ifstream in(file, std::ios::binary);
                std::ostringstream text;
                text << in.rdbuf();
                if (!in) files.push_back({file, "", Error(file, 0, 0, "cannot read rule file").what()});
                else files.push_back({file, text.str(), ""});
            }
        } catch (const Error& e) {
            files.push_back({path, "", e.what()});
        }
    }
    add_files(files);
}

void RulePack::add_text(const std::string& path, const std::string& text) { add_files({{path, text, ""}}); }

void RulePack::add_files(const std::vector<SourceFile>& files) {
    RulePack staged = *this;
    std::vector<Problem> problems;
    for (const auto& [file, text, error] : files) {
        if (!error.empty()) {
            problems.push_back(Problem{error, 0, 0, ""});
            continue;
        }
        FileReader(file, problems)
            .read(text, staged.entities_, staged.relations_, staged.roles_, staged.time_rules_,
                  staged.lexicons_);
        staged.files_.push_back(file);
    }
    // Ids are unique within each kind, across every pack added so far.
    auto check_unique = [&problems](const auto& records, const char* what) {
        std::map<std::string, RuleOrigin> seen;
        for (const auto& r : records) {
            auto [it, inserted] = seen.emplace(r.id, r.origin);
            if (!inserted)
                problems.push_back(Problem{r.origin.file, r.origin.line, 1,
                                           std::string("duplicate ") + what + " id \"" + r.id + "\" (first defined at " +
                                               format_position(it->second.file, it->second.line, 0) + ")"});
        }
    };
    check_unique(staged.entities_, "entity");
    check_unique(staged.relations_, "relation");
    check_unique(staged.roles_, "role");
    check_unique(staged.time_rules_, "time rule");
    if (!problems.empty()) {
        // An unreadable path comes as a whole message in `file`, with no message of its own.
        auto text = [](const Problem& p) {
            return p.message.empty() ? p.file : format_position(p.file, p.line, p.column) + ": " + p.message;
        };
        std::string message;
        for (std::size_t i = 1; i < problems.size(); ++i) message.append("\n").append(text(problems[i]));
        if (problems[0].message.empty()) throw Error(problems[0].file + message);
        throw Error(problems[0].file, problems[0].line, problems[0].column, problems[0].message + message);
    }
    *this = std::move(staged);
}

std::string default_rules_path() {
    if (const char* env = std::getenv("CHRONOKG_RULES"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "chronokg" / "rules";
        if (fs::is_directory(installed, ec)) return installed.string();
    }
#ifdef CHRONOKG_DEFAULT_RULES_DIR
    if (fs::is_directory(CHRONOKG_DEFAULT_RULES_DIR, ec)) return CHRONOKG_DEFAULT_RULES_DIR;
#endif
#ifdef CHRONOKG_SOURCE_RULES_DIR
    if (fs::is_directory(CHRONOKG_SOURCE_RULES_DIR, ec)) return CHRONOKG_SOURCE_RULES_DIR;
#endif
    throw Error("cannot find the default rule pack (set CHRONOKG_RULES to its directory)");
}

}  // namespace chronokg
