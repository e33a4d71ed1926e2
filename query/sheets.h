// What --format csv --bom and --format xlsx make of the rows that CSV
// output writes: the same listings and tables, for spreadsheets.
#ifndef INFONOTE_QUERY_SHEETS_H
#define INFONOTE_QUERY_SHEETS_H

#include <ostream>
#include <string_view>

#include "output.h"
#include "searcher.h"
#include "xlsx_writer.h"

namespace infonote {

/// What CSV output writes: plain CSV, CSV after a UTF-8 byte order mark
/// (--bom: Excel then reads it as UTF-8), or an Excel workbook (xlsx).
enum class CsvForm { Plain, Bom, Xlsx };

/// Sets the form print_hits() and print_table_csv() write CSV in; Plain
/// until then.
void set_csv_form(CsvForm form);
CsvForm csv_form();

/// Checks --format xlsx and --bom and sets the form: --bom only with
/// --format csv, and a workbook never to a terminal (each an error on
/// stderr and the usage status); kExitOk when all is well.
int choose_csv_form(bool xlsx, bool bom, bool csv);

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// A listing as a sheet: codes and names of countries side by side, dates
/// as dates, the score as a number; columns empty in every row left out.
Sheet hits_sheet(const SearchResult& result);

/// A table as a sheet: numeric columns as numbers, columns whose every
/// value is a YYYY-MM-DD date as dates.
Sheet table_sheet(const Table& table);

}  // namespace infonote

#endif
