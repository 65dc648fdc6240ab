#pragma once
// chronokg::cli::ResultTable — rows of a query result, written for people or for scripts.
//
// What it represents: named columns and rows of cells (text, integer, real or null), written as
// an aligned text table (the default), as JSON Lines (one object a row, keys in column order)
// or as CSV (RFC 4180, a header line first). The table pads by display width: CJK and other
// East Asian wide characters take two columns (ICU's East_Asian_Width), combining marks none;
// line breaks in cells become spaces and cells wider than their column's limit end in `…`.
// Columns marked `in_table = false` (long evidence, ids) appear only in JSON and CSV.
// Thread safety: a value type; write() may be called concurrently on distinct streams.
#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace chronokg::cli {

enum class OutputStyle { table, json, csv };

struct OutputOptions {
    bool json = false;
    bool csv = false;
    OutputStyle style() const { return json ? OutputStyle::json : csv ? OutputStyle::csv : OutputStyle::table; }
};

// Adds --json and --csv (exclusive) to `command`.
void add_output_options(CLI::App& command, OutputOptions& options);

using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

struct Column {
    std::string name;
    bool in_table = true;       // shown in the text table
    std::size_t max_width = 0;  // text-table limit in display columns; 0: none
};

class ResultTable {
public:
    explicit ResultTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

    // Precondition: one cell a column.
    void add_row(std::vector<Cell> row);
    bool empty() const { return rows_.empty(); }
    std::size_t size() const { return rows_.size(); }

    // The text table writes nothing when there are no rows; CSV still writes its header.
    void write(std::ostream& out, OutputStyle style) const;

private:
    void write_text(std::ostream& out) const;
    void write_json(std::ostream& out) const;
    void write_csv(std::ostream& out) const;

    std::vector<Column> columns_;
    std::vector<std::vector<Cell>> rows_;
};

// Columns a terminal gives `text` (valid UTF-8): 2 for East Asian wide and fullwidth
// characters, 0 for combining marks and zero-width characters, 1 otherwise.
std::size_t display_width(std::string_view text);

// A cell as the text table shows it: reals with four decimals, null as "". (CSV and JSON give
// reals six decimals at most.)
std::string cell_text(const Cell& cell);

}  // namespace chronokg::cli
