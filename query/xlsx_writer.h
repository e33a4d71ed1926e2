// A sheet of rows and typed columns written as an Excel workbook (.xlsx)
// through libxlsxwriter: what --format xlsx prints.
#ifndef INFONOTE_QUERY_XLSX_WRITER_H
#define INFONOTE_QUERY_XLSX_WRITER_H

#include <stdexcept>
#include <string>
#include <vector>

namespace infonote {

/// How a column's cells are written: text as it is, a number a spreadsheet
/// can sum, or a date (YYYY-MM-DD) shown as yyyy-mm-dd that sorts and
/// filters as a date.
enum class CellKind { Text, Number, Date };

struct SheetColumn {
    std::string header;
    CellKind kind = CellKind::Text;
};

/// One worksheet: a header row, then `rows`, each with one cell per column
/// ("" for an empty cell).
struct Sheet {
    std::string name;
    std::vector<SheetColumn> columns;
    std::vector<std::vector<std::string>> rows;
};

/// The sheet without the columns whose every cell is empty.
Sheet without_empty_columns(const Sheet& sheet);

/// libxlsxwriter failed (no room for its temporary files, say).
class XlsxError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The bytes of a workbook holding `sheet`: the header in bold, frozen and
/// with a filter; columns as wide as their text (up to 60); a Number or
/// Date cell that does not read as one written as text. Cells are stored
/// as values, never as formulas. Throws XlsxError.
std::string xlsx_bytes(const Sheet& sheet);

}  // namespace infonote

#endif
