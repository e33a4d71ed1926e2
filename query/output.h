// Printing what infonote-query found: text for people (a table that fits
// the terminal), JSON, JSON Lines and CSV for scripts.
#ifndef INFONOTE_QUERY_OUTPUT_H
#define INFONOTE_QUERY_OUTPUT_H

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "note_json.h"
#include "searcher.h"
#include "terminal_text.h"

namespace infonote {

enum class OutputFormat { Text, JSON, JSONL, CSV };

/// The marks around matched words in a snippet shown in colour: the only
/// control characters text output lets through (terminal_text.h).
inline constexpr std::string_view kHighlightBegin = "\x1b[1;31m";
inline constexpr std::string_view kHighlightEnd = "\x1b[0m";

/// Where text output goes: how wide it may be and whether colour shows.
struct Terminal {
    std::size_t width = 100;
    bool colour = false;
    /// Whether the locale is UTF-8: charts draw with block characters,
    /// else with '#'.
    bool unicode = true;
};

/// --color: when text output may colour matched words.
enum class ColourChoice { Auto, Always, Never };

/// Sets what stdout_terminal() decides colour by; Auto until then.
void set_colour_choice(ColourChoice choice);

/// Whether to colour: Always and Never as they say; Auto only on a
/// terminal, with $NO_COLOR unset or empty and $TERM not "dumb"
/// (`no_color` and `term` may be null: unset).
bool colour_wanted(ColourChoice choice, bool tty, const char* no_color, const char* term);

/// stdout's terminal: its width when it is one (else $COLUMNS, else 100),
/// colour as colour_wanted() says for the choice set, unicode as
/// utf8_locale_from_environment() says.
Terminal stdout_terminal();

/// One CSV field as RFC 4180 writes it: quoted when it holds a comma, a
/// quote or a line break, quotes doubled.
std::string csv_field(std::string_view value);

/// Whether CSV text cells that a spreadsheet would run as a formula are
/// defused (the default) or written as stored (--csv-raw, for programs).
enum class CsvCells { Defused, Raw };

/// A text cell that begins with '=', '+', '-', '@', a tab or a CR, which a
/// spreadsheet takes for a formula, with a "'" put before it (OWASP's
/// advice on CSV injection); any other cell as it is.
std::string defused_cell(std::string_view value);

/// One CSV record, fields joined by commas, ended by CRLF. With
/// CsvCells::Defused, each field passes through defused_cell() except
/// those `numeric` marks: a number is never a formula.
std::string csv_record(const std::vector<std::string>& fields, CsvCells cells = CsvCells::Raw,
                       const std::vector<bool>& numeric = {});

struct HitPrintOptions {
    OutputFormat format = OutputFormat::Text;
    Terminal terminal;
    /// Facets to show, at most this many values each (0: all).
    std::size_t facet_limit = 0;
    /// Offset of the first hit, echoed in JSON.
    std::size_t offset = 0;
    /// A corrected query to suggest, or "".
    std::string did_you_mean;
    CsvCells csv_cells = CsvCells::Defused;
};

/// Hits in any format. Each hit's summary may carry a "role" (attended).
void print_hits(std::ostream& out, const SearchResult& result, const HitPrintOptions& options);

/// The facets part of a result as a JSON object: name -> [{value, count}].
Json facets_json(const SearchResult& result, std::size_t facet_limit);

/// Rows of plain values under a header, as a text table (columns padded,
/// the last one cut to the width), CSV, or JSON Lines of objects keyed by
/// the header. Numbers right-aligned in text when `numeric[i]`.
struct Table {
    std::vector<std::string> header;
    std::vector<bool> numeric;
    std::vector<std::vector<std::string>> rows;
};
void print_table_text(std::ostream& out, const Table& table, const Terminal& terminal);
void print_table_csv(std::ostream& out, const Table& table, CsvCells cells);

}  // namespace infonote

#endif
