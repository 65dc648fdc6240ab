#include "extract/document_reader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <re2/re2.h>
#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "core/ascii.hpp"
#include "core/error.hpp"
#include "core/line_reader.hpp"
#include "core/utf8.hpp"

namespace chronokg {
namespace fs = std::filesystem;
namespace {

// Bytes read before deciding how to read the rest: enough to see a byte-order mark, UTF-16
// without one, or a binary file.
constexpr std::size_t kSniffBytes = 4096;
// The largest article (or JSONL line) read: a runaway stream (`/dev/zero`, an endless pipe)
// must end in an error, not in exhausted memory.
constexpr std::size_t kMaxArticleBytes = LineReader::kDefaultMaxLineBytes;
// RapidJSON's iterative parser needs no stack however deep a hostile line nests.
constexpr rapidjson::ParseFlag kJsonFlags =
    static_cast<rapidjson::ParseFlag>(rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag);

std::string extension_of(const std::string& path) {
    return ascii_lower(fs::path(path).extension().string());
}

bool is_article_path(const fs::path& p) {
    const std::string ext = extension_of(p.string());
    return ext == ".txt" || ext == ".md" || ext == ".jsonl";
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

// The rest of `in`, appended to `out`; throws when the whole would pass kMaxArticleBytes.
void read_rest(std::istream& in, std::string& out, const std::string& where) {
    char chunk[1 << 16];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        if (out.size() + static_cast<std::size_t>(in.gcount()) > kMaxArticleBytes)
            throw Error(where, 0, 0, "larger than 1 GiB: not read (split it into articles, one JSONL line each)");
        out.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw Error(where, 0, 0, "cannot read file");
}

struct ByteOrderMark {
    const char* charset;  // ICU's name for the encoding
    std::size_t length;
};

std::optional<ByteOrderMark> byte_order_mark(std::string_view bytes) {
    using namespace std::string_view_literals;
    auto starts = [&](std::string_view mark) { return bytes.substr(0, mark.size()) == mark; };
    if (starts("\xFF\xFE\0\0"sv)) return ByteOrderMark{"UTF-32LE", 4};  // before UTF-16LE, which it extends
    if (starts("\0\0\xFE\xFF"sv)) return ByteOrderMark{"UTF-32BE", 4};
    if (starts("\xEF\xBB\xBF"sv)) return ByteOrderMark{"UTF-8", 3};
    if (starts("\xFF\xFE"sv)) return ByteOrderMark{"UTF-16LE", 2};
    if (starts("\xFE\xFF"sv)) return ByteOrderMark{"UTF-16BE", 2};
    return std::nullopt;
}

// Why text with NUL bytes is refused. ASCII written as UTF-16 without a byte-order mark has a NUL
// in every other byte: say so, since that file is text and converting it is easy.
std::string nul_message(std::string_view bytes) {
    const std::string_view sample = bytes.substr(0, kSniffBytes);
    std::size_t nul[2] = {0, 0};
    for (std::size_t i = 0; i < sample.size(); ++i)
        if (sample[i] == '\0') ++nul[i % 2];
    const std::size_t half = sample.size() / 2;
    for (int parity : {0, 1})
        if (half >= 4 && nul[parity] * 2 >= half && nul[1 - parity] * 8 <= half)
            return std::string("NUL bytes: this looks like UTF-16") + (parity ? "LE" : "BE") +
                   " without a byte-order mark; convert it to UTF-8 (iconv -f UTF-16" + (parity ? "LE" : "BE") +
                   " -t UTF-8)";
    return "binary data (NUL bytes): not a text article";
}

// `bytes` (UTF-16 or UTF-32 in `charset`, without its byte-order mark) as UTF-8, converted by
// ICU. An invalid sequence is an error at its byte offset in the file, or U+FFFD when lenient.
std::string to_utf8(std::string_view bytes, const ByteOrderMark& mark, const std::string& where, bool lenient) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(mark.charset, &status), ucnv_close);
    if (U_FAILURE(status)) throw Error(where, 0, 0, std::string("ICU cannot read ") + mark.charset);
    if (!lenient) ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    // Two bytes of UTF-16 give at most one UTF-16 unit; four of UTF-32 at most two.
    std::u16string units(bytes.size() / 2 + 1, u'\0');
    UChar* target = units.data();
    const char* source = bytes.data();
    ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, bytes.data() + bytes.size(),
                   nullptr, true, &status);
    if (U_FAILURE(status)) {
        char invalid[8];
        int8_t length = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter.get(), invalid, &length, &ignored);
        const std::size_t at = static_cast<std::size_t>(source - bytes.data()) - static_cast<std::size_t>(length);
        throw Error(where, 0, 0,
                    std::string("invalid ") + mark.charset + " at byte " + std::to_string(at + mark.length) +
                        " (use --lenient to replace it)");
    }
    std::string out;
    icu::UnicodeString(false, units.data(), static_cast<int32_t>(target - units.data())).toUTF8String(out);
    return out;
}

// Checks text is usable: not binary (NUL bytes), valid UTF-8 (or repaired when lenient).
std::string checked_text(std::string text, const std::string& where, std::size_t line, bool lenient) {
    if (text.find('\0') != std::string::npos) {
        if (line) throw Error(where, line, 0, "\"text\" holds a NUL character (U+0000): not a text article");
        throw Error(where, 0, 0, nul_message(text));
    }
    if (auto bad = utf8::find_invalid(text)) {
        if (lenient) return utf8::repair(text);
        const auto [l, c] = utf8::line_and_column(text, *bad);
        throw Error(where, line ? line : l, line ? 0 : c,
                    "invalid UTF-8 at byte " + std::to_string(*bad) + " (use --lenient to replace it)");
    }
    return text;
}

// What the reader takes from an article line, each field "" when absent or null.
struct ArticleFields {
    std::string text, id, title, url, lang, date;
};

// "zh" or "en" from a line's "lang" (else --lang's); anything else is an error.
std::string article_language(std::string lang, const ReadOptions& options, const std::string& where, std::size_t line_no) {
    if (lang.empty()) lang = options.lang;
    if (lang.rfind("zh", 0) == 0) return "zh";
    if (lang.rfind("en", 0) == 0) return "en";
    if (!lang.empty()) throw Error(where, line_no, 1, "\"lang\" must be zh or en, not \"" + lang + "\"");
    return lang;
}

// The longest line simdjson reads: its parser (one a reading thread) keeps buffers for the
// longest line it read (an article line of 1 MB: 1.2 MB resident), and few articles pass 50 KB.
constexpr std::size_t kLongestQuickLine = std::size_t{1} << 20;

// simdjson's reading of a plain article line: an object whose members the reader takes are
// strings or null, "text" a string. Anything else (bad JSON, a number or object where a string
// belongs, a line over kLongestQuickLine) gives nullopt, and RapidJSON reads the line, as before
// there was this path, to say what is wrong or to read what is unusual. So are lines with a
// surrogate escape (\uD800…): simdjson and RapidJSON read a lone one differently.
// Why: RapidJSON reads (and checks) a line a character at a time, simdjson many at once: on a
// megabyte of Chinese articles, extraction runs 33M fewer instructions (3 %).
std::optional<ArticleFields> quick_article_fields(std::string_view line) {
    if (line.size() > kLongestQuickLine) return std::nullopt;
    // An object, first thing on the line (simdjson would skip a byte-order mark; RapidJSON does not).
    const std::size_t first = line.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || line[first] != '{') return std::nullopt;
    for (std::size_t at = line.find("\\u"); at != std::string_view::npos; at = line.find("\\u", at + 2))
        if (at + 2 < line.size() && (line[at + 2] == 'd' || line[at + 2] == 'D')) return std::nullopt;
    thread_local simdjson::dom::parser parser;
    thread_local std::string padded;  // simdjson reads up to SIMDJSON_PADDING bytes past the end
    if (padded.size() < line.size() + simdjson::SIMDJSON_PADDING) padded.resize(line.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded.data(), line.data(), line.size());
    simdjson::dom::object object;
    if (parser.parse(padded.data(), line.size(), false).get_object().get(object)) return std::nullopt;
    ArticleFields f;
    bool seen[6] = {};  // the first member of each name counts, as RapidJSON's FindMember finds it
    bool has_text = false;
    for (const auto field : object) {
        static constexpr std::string_view kNames[6] = {"text", "id", "title", "url", "lang", "date"};
        std::string* const slots[6] = {&f.text, &f.id, &f.title, &f.url, &f.lang, &f.date};
        const auto name = std::find(std::begin(kNames), std::end(kNames), field.key);
        if (name == std::end(kNames)) continue;
        const auto k = static_cast<std::size_t>(name - std::begin(kNames));
        if (seen[k]) continue;
        seen[k] = true;
        if (field.value.is_null() && k != 0) continue;
        std::string_view value;
        if (field.value.get_string().get(value)) return std::nullopt;
        slots[k]->assign(value);
        has_text = has_text || k == 0;
    }
    if (!has_text) return std::nullopt;
    return f;
}

// RapidJSON's reading of an article line, with an error for each way it can be wrong.
ArticleFields checked_article_fields(const std::string& where, std::string& line, std::size_t line_no,
                                     const ReadOptions& options) {
    rapidjson::Document doc;
    doc.Parse<kJsonFlags>(line.data(), line.size());
    if (doc.HasParseError()) {
        const auto column = utf8::line_and_column(line, doc.GetErrorOffset()).second;
        throw Error(where, line_no, column, std::string("bad JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
    }
    if (!doc.IsObject()) throw Error(where, line_no, 1, "each line must be a JSON object with a \"text\" field");
    auto text = doc.FindMember("text");
    if (text == doc.MemberEnd() || !text->value.IsString())
        throw Error(where, line_no, 1, "missing string field \"text\"");
    auto field = [&](const char* key) -> std::string {
        auto it = doc.FindMember(key);
        if (it == doc.MemberEnd() || it->value.IsNull()) return "";
        if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
        if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
        throw Error(where, line_no, 1, std::string("field \"") + key + "\" must be a string");
    };
    ArticleFields f;
    f.id = field("id");
    f.title = field("title");
    f.url = field("url");
    f.lang = article_language(field("lang"), options, where, line_no);  // its error before a bad "date"
    f.date = field("date");
    f.text.assign(text->value.GetString(), text->value.GetStringLength());
    return f;
}

Document parse_jsonl_line(const std::string& where, const std::string& base, std::string& line, std::size_t line_no,
                          const ReadOptions& options) {
    if (const auto nul = line.find('\0'); nul != std::string::npos)
        throw Error(where, line_no, utf8::line_and_column(line, nul).second, "NUL byte: not JSON text");
    if (options.lenient && utf8::find_invalid(line)) line = utf8::repair(line);
    std::optional<ArticleFields> fields = quick_article_fields(line);
    if (fields) fields->lang = article_language(std::move(fields->lang), options, where, line_no);
    else fields = checked_article_fields(where, line, line_no, options);
    // The fields are copies: a long line's buffer can go now.
    if (line.capacity() > (std::size_t{1} << 20)) std::string().swap(line);
    Document d;
    d.source = where + ":" + std::to_string(line_no);
    d.id = std::move(fields->id);
    if (d.id.empty()) d.id = base + "#" + std::to_string(line_no);
    d.title = std::move(fields->title);
    d.url = std::move(fields->url);
    d.language = std::move(fields->lang);
    d.text = checked_text(std::move(fields->text), where, line_no, options.lenient);
    const std::string& date = fields->date;
    if (!date.empty()) {
        d.published = Date::parse(date.substr(0, std::min<std::size_t>(date.size(), 10)));
        if (!d.published) throw Error(where, line_no, 1, "\"date\" must be YYYY-MM-DD, not \"" + date + "\"");
    } else {
        d.published = find_publication_date(d.text);
    }
    if (options.date) d.published = options.date;
    return d;
}

void read_jsonl(LineReader& lines, const std::string& where, const std::string& base, const ReadOptions& options,
                const std::function<void(Document)>& sink) {
    std::string line;
    while (lines.next(line)) {
        const std::size_t line_no = lines.line_number();
        std::optional<Document> document;
        try {
            if (lines.too_long()) throw Error(where, line_no, 0, "line longer than 1 GiB: not read");
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            document = parse_jsonl_line(where, base, line, line_no, options);
        } catch (const Error& e) {
            if (!options.on_error) throw;
            options.on_error(e);
        }
        if (document) sink(std::move(*document));
    }
    if (lines.bad()) throw Error(where, 0, 0, "cannot read file");
}

enum class Layout { article, jsonl, either };  // `either`: stdin, JSONL when it opens with '{'

// Reads one source of documents: `in`, named `where` in messages, holding `layout`.
void read_stream(std::istream& in, const std::string& path, const std::string& where, const std::string& base,
                 Layout layout, const ReadOptions& options, const std::function<void(Document)>& sink) {
    std::string head(kSniffBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw Error(where, 0, 0, "cannot read file");
    const auto mark = byte_order_mark(head);
    std::string text;    // UTF-8: the start of the input, or all of it once `whole`
    bool whole = false;  // UTF-16 and UTF-32 are read whole and converted
    if (mark && std::string_view(mark->charset) != "UTF-8") {
        read_rest(in, head, where);
        text = to_utf8(std::string_view(head).substr(mark->length), *mark, where, options.lenient);
        whole = true;
    } else {
        if (head.find('\0') != std::string::npos) throw Error(where, 0, 0, nul_message(head));
        text = head.substr(mark ? mark->length : 0);
    }
    std::string().swap(head);
    if (layout == Layout::either) {
        const auto first = text.find_first_not_of(" \t\r\n");
        layout = first != std::string::npos && text[first] == '{' ? Layout::jsonl : Layout::article;
    }
    if (layout == Layout::jsonl) {
        if (text.empty()) throw Error(where, 0, 0, "empty file");  // a sniff is short only at the end
        if (whole) {
            std::istringstream converted(std::move(text));
            LineReader lines(converted);
            read_jsonl(lines, where, base, options, sink);
        } else {
            LineReader lines(in, std::move(text));
            read_jsonl(lines, where, base, options, sink);
        }
        return;
    }
    if (!whole) read_rest(in, text, where);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw Error(where, 0, 0, "empty file: no article text");
    Document d;
    d.source = path;
    d.id = base;
    d.text = checked_text(std::move(text), where, 0, options.lenient);
    d.language = options.lang;
    d.published = options.date ? options.date : find_publication_date(d.text);
    sink(std::move(d));
}

}  // namespace

bool is_jsonl_path(const std::string& path) { return extension_of(path) == ".jsonl"; }

std::vector<InputFile> expand_inputs(const std::vector<std::string>& inputs,
                                     const std::function<void(const Error&)>& on_error) {
    std::vector<InputFile> files;
    auto problem = [&](Error error) {
        if (!on_error) throw error;
        on_error(error);
    };
    for (const auto& input : inputs) {
        if (input == "-") {
            files.push_back({"-", ""});
            continue;
        }
        std::error_code ec;
        const auto status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            problem(Error(input, 0, 0, "no such file or directory"));
            continue;
        }
        if (fs::is_directory(status)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(input, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec))
                if (it->is_regular_file() && is_article_path(it->path())) found.push_back(it->path().string());
            if (ec) {
                problem(Error(input, 0, 0, "cannot read directory: " + ec.message()));
                continue;
            }
            if (found.empty()) {
                problem(Error(input, 0, 0, "directory holds no .txt, .md or .jsonl files"));
                continue;
            }
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
        std::size_t end = text.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) end = text.size();
        const re2::StringPiece piece(text.data() + pos, std::min<std::size_t>(end - pos, 400));
        int y = 0, m = 0, d = 0;
        if (re2::RE2::PartialMatch(piece, labelled, &y, &m, &d) || re2::RE2::PartialMatch(piece, leading, &y, &m, &d)) {
            const Date date{y, m, d};
            if (date.valid() && date.day > 0) return date;
        }
        pos = end + (text.substr(end, 2) == "\r\n" ? 2 : 1);
    }
    return std::nullopt;
}

void read_documents(const InputFile& input, const ReadOptions& options, const std::function<void(Document)>& sink) {
    const std::string& path = input.path;
    const Layout layout = path == "-" ? Layout::either : is_jsonl_path(path) ? Layout::jsonl : Layout::article;
    if (path == "-") {
        read_stream(std::cin, path, "<stdin>", document_id(path, ""), layout, options, sink);
        return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, 0, 0, "cannot open file");
    read_stream(in, path, path, document_id(path, input.root), layout, options, sink);
}

void read_documents_from_bytes(const std::string& name, std::string_view bytes, const ReadOptions& options,
                               const std::function<void(Document)>& sink) {
    std::istringstream in{std::string(bytes)};
    read_stream(in, name, name, document_id(name, ""), is_jsonl_path(name) ? Layout::jsonl : Layout::article, options,
                sink);
}

}  // namespace chronokg
