#include "xlsx_writer.h"

#include <dlfcn.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>

#include "terminal_text.h"

namespace infonote {

namespace {

// Excel's limits: a cell holds at most 32,767 characters; a sheet's name
// at most 31.
constexpr std::size_t kMaxCellBytes = 32767;
constexpr std::size_t kMaxColumnWidth = 60;

std::optional<lxw_datetime> date_of(const std::string& text)
{
    static const std::regex kDate("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    std::smatch m;
    if (!std::regex_match(text, m, kDate)) return std::nullopt;
    lxw_datetime d{};
    d.year = std::stoi(m[1]);
    d.month = std::stoi(m[2]);
    d.day = std::stoi(m[3]);
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
        return std::nullopt;
    return d;
}

std::optional<double> number_of(const std::string& text)
{
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    double value = std::strtod(text.c_str(), &end);
    if (errno != 0 || end != text.c_str() + text.size()) return std::nullopt;
    return value;
}

// Cut at a character's start so the cell stays valid UTF-8.
std::string within_cell(const std::string& text)
{
    if (text.size() <= kMaxCellBytes) return text;
    std::size_t cut = kMaxCellBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut);
}

// libxlsxwriter, opened when the first workbook is written: linked in, it
// and the libraries it needs (libcrypto among them) were loaded and bound
// by every run of infonote-query, 4.6 M instructions of a search's 23 M,
// for a format few runs print. Its header gives the functions' types.
// Each function infonote calls is named once, here: XlsxWriter has a
// member of its type, bound by its name.
#define INFONOTE_XLSXWRITER_FUNCTIONS(X) \
    X(workbook_new)                      \
    X(workbook_add_worksheet)            \
    X(workbook_add_format)               \
    X(workbook_close)                    \
    X(format_set_bold)                   \
    X(format_set_num_format)             \
    X(worksheet_write_string)            \
    X(worksheet_write_datetime)          \
    X(worksheet_write_number)            \
    X(worksheet_set_column)              \
    X(worksheet_freeze_panes)            \
    X(worksheet_autofilter)              \
    X(lxw_strerror)

struct XlsxWriter {
#define INFONOTE_XLSXWRITER_MEMBER(name) decltype(&::name) name;
    INFONOTE_XLSXWRITER_FUNCTIONS(INFONOTE_XLSXWRITER_MEMBER)
#undef INFONOTE_XLSXWRITER_MEMBER
};

template <typename Function>
void bind_symbol(void* library, Function& function, const char* name)
{
    function = reinterpret_cast<Function>(dlsym(library, name));
    if (function == nullptr)
        throw XlsxError(std::string("writing the workbook: ") + INFONOTE_XLSXWRITER_SONAME +
                        " has no " + name);
}

// Throws XlsxError when the library cannot be opened.
const XlsxWriter& xlsxwriter()
{
    static const XlsxWriter loaded = [] {
        void* library = dlopen(INFONOTE_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
        if (library == nullptr) {
            const char* why = dlerror();
            throw XlsxError(std::string("writing the workbook: cannot load ") +
                            INFONOTE_XLSXWRITER_SONAME + ": " + (why ? why : "unknown error"));
        }
        XlsxWriter w{};
#define INFONOTE_XLSXWRITER_BIND(name) bind_symbol(library, w.name, #name);
        INFONOTE_XLSXWRITER_FUNCTIONS(INFONOTE_XLSXWRITER_BIND)
#undef INFONOTE_XLSXWRITER_BIND
        return w;
    }();
    return loaded;
}

void check(lxw_error error, const char* what)
{
    if (error != LXW_NO_ERROR)
        throw XlsxError(std::string("writing the workbook: ") + what + ": " +
                        xlsxwriter().lxw_strerror(error));
}

// A temporary file that goes with the object.
class TempFile {
  public:
    TempFile()
    {
        const char* dir = std::getenv("TMPDIR");
        std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/infonote-xlsx-XXXXXX";
        int fd = mkstemp(pattern.data());
        if (fd < 0)
            throw XlsxError("writing the workbook: cannot create a temporary file in " +
                            pattern.substr(0, pattern.rfind('/')) + ": " + std::strerror(errno));
        close(fd);
        path_ = pattern;
    }
    ~TempFile() { unlink(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

}  // namespace

Sheet without_empty_columns(const Sheet& sheet)
{
    std::vector<std::size_t> kept;
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        bool used = std::any_of(sheet.rows.begin(), sheet.rows.end(),
                                [c](const auto& row) { return c < row.size() && !row[c].empty(); });
        if (used) kept.push_back(c);
    }
    Sheet out{sheet.name, {}, {}};
    for (std::size_t c : kept) out.columns.push_back(sheet.columns[c]);
    for (const auto& row : sheet.rows) {
        out.rows.emplace_back();
        for (std::size_t c : kept) out.rows.back().push_back(c < row.size() ? row[c] : "");
    }
    return out;
}

std::string xlsx_bytes(const Sheet& sheet)
{
    const XlsxWriter& x = xlsxwriter();
    TempFile file;
    lxw_workbook* book = x.workbook_new(file.path().c_str());
    if (book == nullptr)
        throw XlsxError("writing the workbook: libxlsxwriter cannot create " + file.path());
    // From here on the workbook is closed whatever happens: closing frees it.
    struct Closer {
        const XlsxWriter& x;
        lxw_workbook* book;
        bool closed = false;
        ~Closer()
        {
            if (!closed) x.workbook_close(book);
        }
    } closer{x, book};
    std::string name = sheet.name.empty() ? "infonote" : sheet.name.substr(0, 31);
    lxw_worksheet* ws = x.workbook_add_worksheet(book, name.c_str());
    if (ws == nullptr) throw XlsxError("writing the workbook: cannot add the sheet " + name);
    lxw_format* bold = x.workbook_add_format(book);
    x.format_set_bold(bold);
    lxw_format* date = x.workbook_add_format(book);
    x.format_set_num_format(date, "yyyy-mm-dd");

    std::vector<std::size_t> widths(sheet.columns.size(), 0);
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        const SheetColumn& column = sheet.columns[c];
        widths[c] = display_width(column.header);
        check(
            x.worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), column.header.c_str(), bold),
            "header");
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        auto at = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < sheet.columns.size() && c < row.size(); ++c) {
            const std::string& cell = row[c];
            if (cell.empty()) continue;
            auto col = static_cast<lxw_col_t>(c);
            CellKind kind = sheet.columns[c].kind;
            if (kind == CellKind::Date) {
                if (std::optional<lxw_datetime> d = date_of(cell)) {
                    check(x.worksheet_write_datetime(ws, at, col, &*d, date), "date cell");
                    widths[c] = std::max<std::size_t>(widths[c], 10);
                    continue;
                }
            } else if (kind == CellKind::Number) {
                if (std::optional<double> n = number_of(cell)) {
                    check(x.worksheet_write_number(ws, at, col, *n, nullptr), "number cell");
                    widths[c] = std::max(widths[c], cell.size());
                    continue;
                }
            }
            std::string text = within_cell(cell);
            check(x.worksheet_write_string(ws, at, col, text.c_str(), nullptr), "text cell");
            widths[c] = std::max(widths[c], display_width(text));
        }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        double width = static_cast<double>(std::min(widths[c], kMaxColumnWidth) + 2);
        check(x.worksheet_set_column(ws, col, col, width, nullptr), "column width");
    }
    x.worksheet_freeze_panes(ws, 1, 0);
    if (!sheet.columns.empty())
        check(x.worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                     static_cast<lxw_col_t>(sheet.columns.size() - 1)),
              "filter");
    closer.closed = true;
    check(x.workbook_close(book), "closing");

    std::ifstream in(file.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        throw XlsxError("writing the workbook: cannot read back " + file.path());
    return bytes;
}

}  // namespace infonote
