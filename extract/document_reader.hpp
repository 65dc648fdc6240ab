#pragma once
// Reading articles: plain text and Markdown files, JSON Lines corpora, directories and stdin.
//
// What it represents: the first stage of the pipeline, from paths to Documents. Files are read
// whole (an article) or line by line (JSONL, one article a line: `{"id", "text", "date",
// "title", "url", "lang"}`, only `text` required, unknown fields ignored), so a corpus is never
// held in memory at once. A plain article's publication date is found in its first lines
// (`date: 2025-05-20`, `2025-05-20 17:22`, `时间:2024-04-22`) unless one is given.
// Encodings: UTF-8, with or without a byte-order mark (dropped); UTF-16 and UTF-32 with a
// byte-order mark are converted to UTF-8 with ICU (spans are then byte offsets into the UTF-8
// text). Lines end at "\n", "\r\n" or a lone "\r". JSON is parsed iteratively, so nesting of
// any depth costs no stack. An article (or a JSONL line) may be up to 1 GiB.
// Errors name the file and line: a missing file, an empty or binary file (NUL bytes; UTF-16
// without a byte-order mark is named as such), invalid UTF-8 or UTF-16 (with its byte offset), a
// JSONL line that is not an object or has no string `text`.
// Thread safety: free functions without shared state.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/document.hpp"
#include "core/error.hpp"

namespace chronokg {

struct ReadOptions {
    std::optional<Date> date;  // overrides every document's publication date
    std::string lang;           // "", "zh" or "en": sets Document::language when not given
    bool lenient = false;       // replace invalid UTF-8 with U+FFFD instead of failing
    // Called with each bad JSONL line (then skipped) and, by expand_inputs(), each input that
    // does not exist or names an empty directory; when empty, the error is thrown.
    std::function<void(const Error&)> on_error;
};

struct InputFile {
    std::string path;  // a file, or "-" for stdin
    std::string root;  // the directory it was found under, "" when named directly
};

// The files inputs name: a file itself, a directory's .txt, .md and .jsonl files (recursively,
// in byte order of their paths), or "-" for stdin. A path that does not exist or a directory
// that holds no articles is handed to `on_error` and left out, or thrown when it is empty.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& inputs,
                                     const std::function<void(const Error&)>& on_error = {});

// Reads one input and hands each document to `sink`, in order. A file's document id is its
// path below the root (or its file name), without extension; a JSONL line's id is its "id",
// else "<that>#<line>".
void read_documents(const InputFile& input, const ReadOptions& options, const std::function<void(Document)>& sink);

// Reads documents from bytes already in memory as read_documents() reads a file named `name`
// that holds them (a JSON Lines corpus when `name` ends in .jsonl). For tests and fuzzing.
void read_documents_from_bytes(const std::string& name, std::string_view bytes, const ReadOptions& options,
                               const std::function<void(Document)>& sink);

// The publication date a plain-text article gives in its first lines, if any.
std::optional<Date> find_publication_date(std::string_view text);

// Whether `path` names a JSON Lines file (by its extension).
bool is_jsonl_path(const std::string& path);

}  // namespace chronokg
