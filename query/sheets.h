// The engine's answers for spreadsheets: what --format xlsx writes (the
// rows CSV output writes, as an Excel workbook), and --bom's mark.
#ifndef INFONOTE_QUERY_SHEETS_H
#define INFONOTE_QUERY_SHEETS_H

#include <ostream>
#include <string_view>

#include "engine.h"
#include "table.h"
#include "xlsx_writer.h"

namespace infonote {

/// What `--bom` writes before CSV: by it Excel reads the file as UTF-8.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// A listing as a sheet: codes and names of countries side by side, dates
/// as dates, the score as a number; columns empty in every row left out.
Sheet hits_sheet(const SearchResult& result);

/// A table as a sheet: numeric columns as numbers, columns whose every
/// value is a YYYY-MM-DD date as dates.
Sheet table_sheet(const Table& table);

/// The answer as an Excel workbook: what `--format xlsx` prints.
void write_xlsx(std::ostream& out, const SearchAnswer& answer);
void write_xlsx(std::ostream& out, const AttendedAnswer& answer);
void write_xlsx(std::ostream& out, const CountriesAnswer& answer);
void write_xlsx(std::ostream& out, const TimelineAnswer& answer);
void write_xlsx(std::ostream& out, const ProfileAnswer& answer);
void write_xlsx(std::ostream& out, const CoattendAnswer& answer);
void write_xlsx(std::ostream& out, const CoverageAnswer& answer);

}  // namespace infonote

#endif
