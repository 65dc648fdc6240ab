#include "extract/document_reader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace chronokg {
namespace fs = std::filesystem;
namespace {

std::string extension_of(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

bool is_article_path(const fs::path& p) {
    const std::string ext = extension_of(p.string());
    return ext == ".txt" || ext == ".md" || ext == ".jsonl";
}

std::string read_whole(const std::string& path) {
    if (path == "-") {
        std::ostringstream out;
        out << std::cin.rdbuf();
        return out.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, 0, 0, "cannot open file");
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) throw Error(path, 0, 0, "cannot read file");
    return out.str();
}

// The id of a file's document: its path below `root` without extension, '/' kept.
std::string document_id(const std::string& path, const std::string& root) {
    if (path == "-") return "stdin";
    fs::path p(path);
    if (!root.empty()) {
        std::error_code ec;
        const fs::path rel = fs::relative(p, root, ec);
        if (!ec && !rel.empty()) p = rel;
        else p = p.filename();
    } else {
        p = p.filename();
    }
    p.replace_extension();
    return p.generic_string();
}

// Checks text is usable: not binary (NUL bytes), valid UTF-8 (or repaired when lenient).
std::string checked_text(std::string text, const std::string& where, std::size_t line, bool lenient) {
    if (text.find('\0') != std::string::npos)
        throw Error(where, line, 0, "binary data (NUL bytes): not a text article");
    if (auto bad = utf8::find_invalid(text)) {
        if (lenient) return utf8::repair(text);
        const auto [l, c] = utf8::line_and_column(text, *bad);
        throw Error(where, line ? line : l, line ? 0 : c,
                    "invalid UTF-8 at byte " + std::to_string(*bad) + " (use --lenient to replace it)");
    }
    return text;
}

Document parse_jsonl_line(const std::string& path, const std::string& base, const std::string& line,
                          std::size_t line_no, const ReadOptions& options);

void read_jsonl(const std::string& path, const std::string& root, std::istream& in, const ReadOptions& options,
                const std::function<void(Document)>& sink) {
    std::string line;
    std::size_t line_no = 0;
    const std::string base = document_id(path, root);
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        std::optional<Document> document;
        try {
            document = parse_jsonl_line(path, base, line, line_no, options);
        } catch (const Error& e) {
            if (!options.on_error) throw;
            options.on_error(e);
        }
        if (document) sink(std::move(*document));
    }
    if (in.bad()) throw Error(path, 0, 0, "cannot read file");
}

Document parse_jsonl_line(const std::string& path, const std::string& base, const std::string& line,
                          std::size_t line_no, const ReadOptions& options) {
    rapidjson::Document doc;
    {
        doc.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
        if (doc.HasParseError()) {
            const auto column = utf8::line_and_column(utf8::repair(line), doc.GetErrorOffset()).second;
            throw Error(path, line_no, column, std::string("bad JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
        }
        if (!doc.IsObject()) throw Error(path, line_no, 1, "each line must be a JSON object with a \"text\" field");
        auto text = doc.FindMember("text");
        if (text == doc.MemberEnd() || !text->value.IsString())
            throw Error(path, line_no, 1, "missing string field \"text\"");
        Document d;
        d.source = path + ":" + std::to_string(line_no);
        d.text = checked_text(std::string(text->value.GetString(), text->value.GetStringLength()), path, line_no,
                              options.lenient);
        auto field = [&](const char* key) -> std::string {
            auto it = doc.FindMember(key);
            if (it == doc.MemberEnd() || it->value.IsNull()) return "";
            if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
            if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
            throw Error(path, line_no, 1, std::string("field \"") + key + "\" must be a string");
        };
        d.id = field("id");
        if (d.id.empty()) d.id = base + "#" + std::to_string(line_no);
        d.title = field("title");
        d.url = field("url");
        d.language = field("lang");
        if (d.language.empty()) d.language = options.lang;
        if (d.language.rfind("zh", 0) == 0) d.language = "zh";
        else if (d.language.rfind("en", 0) == 0) d.language = "en";
        else if (!d.language.empty()) throw Error(path, line_no, 1, "\"lang\" must be zh or en, not \"" + d.language + "\"");
        if (const std::string date = field("date"); !date.empty()) {
            d.published = Date::parse(date.substr(0, std::min<std::size_t>(date.size(), 10)));
            if (!d.published) throw Error(path, line_no, 1, "\"date\" must be YYYY-MM-DD, not \"" + date + "\"");
        } else {
            d.published = find_publication_date(d.text);
        }
        if (options.date) d.published = options.date;
        return d;
    }
}

}  // namespace

bool is_jsonl_path(const std::string& path) { return extension_of(path) == ".jsonl"; }

std::vector<InputFile> expand_inputs(const std::vector<std::string>& inputs) {
    std::vector<InputFile> files;
    for (const auto& input : inputs) {
        if (input == "-") {
            files.push_back({"-", ""});
            continue;
        }
        std::error_code ec;
        const auto status = fs::status(input, ec);
        if (ec || !fs::exists(status)) throw Error(input, 0, 0, "no such file or directory");
        if (fs::is_directory(status)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(input, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec))
                if (it->is_regular_file() && is_article_path(it->path())) found.push_back(it->path().string());
            if (ec) throw Error(input, 0, 0, "cannot read directory: " + ec.message());
            if (found.empty()) throw Error(input, 0, 0, "directory holds no .txt, .md or .jsonl files");
            std::sort(found.begin(), found.end());
            for (auto& f : found) files.push_back({std::move(f), input});
        } else {
            files.push_back({input, ""});
        }
    }
    return files;
}

std::optional<Date> find_publication_date(std::string_view text) {
    // A labelled date ("date: 2025-05-20", "时间:2024-04-22", " date 2019-05-16") or a line that
    // starts with a date ("2025-05-20 17:22"), within the first five lines.
    static const re2::RE2 labelled(
        R"((?i)(?:^|\s|\x{3000})(?:date|published|updated|日期|时间|時間|发布时间|發布時間|發佈時間)\s*[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2}))");
    static const re2::RE2 leading(R"(^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})(?:日|\s|$))");
    std::size_t pos = 0;
    for (int line = 0; line < 5 && pos < text.size(); ++line) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const re2::StringPiece piece(text.data() + pos, std::min<std::size_t>(end - pos, 400));
        int y = 0, m = 0, d = 0;
        if (re2::RE2::PartialMatch(piece, labelled, &y, &m, &d) || re2::RE2::PartialMatch(piece, leading, &y, &m, &d)) {
            const Date date{y, m, d};
            if (date.valid() && date.day > 0) return date;
        }
        pos = end + 1;
    }
    return std::nullopt;
}

void read_documents(const InputFile& input, const ReadOptions& options, const std::function<void(Document)>& sink) {
    const std::string& path = input.path;
    if (is_jsonl_path(path)) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw Error(path, 0, 0, "cannot open file");
        if (in.peek() == std::ifstream::traits_type::eof()) throw Error(path, 0, 0, "empty file");
        read_jsonl(path, input.root, in, options, sink);
        return;
    }
    std::string text = read_whole(path);
    if (path == "-") {
        const auto first = text.find_first_not_of(" \t\r\n");
        if (first != std::string::npos && text[first] == '{') {
            std::istringstream in(text);
            read_jsonl("-", "", in, options, sink);
            return;
        }
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error(path == "-" ? "<stdin>" : path, 0, 0, "empty file: no article text");
    Document d;
    d.source = path;
    d.id = document_id(path, input.root);
    d.text = checked_text(std::move(text), path == "-" ? "<stdin>" : path, 0, options.lenient);
    d.language = options.lang;
    d.published = options.date ? options.date : find_publication_date(d.text);
    sink(std::move(d));
}

}  // namespace chronokg
