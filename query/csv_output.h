// The engine's answers as CSV (RFC 4180): a header line, then one record
// per hit, country, period, pair or figure. What `--format csv` prints.
#ifndef INFONOTE_QUERY_CSV_OUTPUT_H
#define INFONOTE_QUERY_CSV_OUTPUT_H

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine.h"
#include "table.h"

namespace infonote {

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

/// The header, then each row.
void write_csv(std::ostream& out, const Table& table, CsvCells cells);

/// The tables CSV writes of these answers (also the xlsx sheets'):
/// period and count; one row per figure, for a spreadsheet's pivot table;
/// every State with its status, events and latest.
Table csv_table(const TimelineAnswer& answer);
Table csv_table(const ProfileAnswer& answer);
Table csv_table(const CoverageAnswer& answer);

void write_csv(std::ostream& out, const SearchAnswer& answer, CsvCells cells);
void write_csv(std::ostream& out, const AttendedAnswer& answer, CsvCells cells);
void write_csv(std::ostream& out, const CountriesAnswer& answer, CsvCells cells);
void write_csv(std::ostream& out, const TimelineAnswer& answer, CsvCells cells);
/// One row per figure, for a spreadsheet's pivot table.
void write_csv(std::ostream& out, const ProfileAnswer& answer, CsvCells cells);
void write_csv(std::ostream& out, const CoattendAnswer& answer, CsvCells cells);
void write_csv(std::ostream& out, const CoverageAnswer& answer, CsvCells cells);

}  // namespace infonote

#endif
