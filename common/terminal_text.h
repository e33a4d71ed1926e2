// Text from notes, paths and the command line made safe to print on a
// terminal: control characters shown, never obeyed.
#ifndef INFONOTE_COMMON_TERMINAL_TEXT_H
#define INFONOTE_COMMON_TERMINAL_TEXT_H

#include <cstddef>
#include <string>
#include <string_view>

namespace infonote {

/// Whether line breaks and tabs pass as they are (a note's whole text) or
/// are escaped like the other controls (a title, a path, a table cell, a
/// diagnostic: one line each).
enum class LineBreaks { Escape, Keep };

/// `text` with every control character written as `\xHH`, HH the
/// character's code in two lower-case hex digits: C0 controls (U+0000 to
/// U+001F, ESC is `\x1b`), DEL (`\x7f`) and the C1 controls U+0080 to
/// U+009F (`\x9b`), whether their UTF-8 form or a stray byte; any other
/// byte that is not UTF-8 is written `\xHH` too. Everything else, the
/// backslash included, is left as it is: the text views are for reading,
/// JSON for exact values.
std::string escape_controls(std::string_view text, LineBreaks breaks = LineBreaks::Escape);

/// Columns a terminal gives `text` (UTF-8), by ICU's East Asian width:
/// wide and fullwidth characters (CJK, Hangul syllables, fullwidth forms)
/// take two, combining marks, format characters (zero width space and
/// joiner) and Hangul's medial and final jamo none, everything else one; a
/// byte that is not UTF-8 one. Text views pad and align columns by it.
std::size_t display_width(std::string_view text);

/// `text` cut to at most `width` columns (display_width) with "..." at the
/// end when cut; a character is never split, nor separated from the
/// combining marks that follow it.
std::string fit(std::string_view text, std::size_t width);

/// Whether the locale the environment names for characters (the first set
/// and non-empty of LC_ALL, LC_CTYPE and LANG; none is the C locale) uses
/// UTF-8: its name says "UTF-8" or "utf8", in any case. Arguments may be
/// null (unset).
bool utf8_locale(const char* lc_all, const char* lc_ctype, const char* lang);

/// utf8_locale() for this process's environment.
bool utf8_locale_from_environment();

/// CLI11's message for a bad command line (App::failure_message), its text
/// escaped: the arguments it quotes are the user's.
template <typename App, typename Error>
std::string escaped_failure(const App* app, const Error& e)
{
    std::string out = escape_controls(e.what()) + "\n";
    if (app->get_help_ptr() != nullptr)
        out += "Run with " + app->get_help_ptr()->get_name() + " for more information.\n";
    return out;
}

}  // namespace infonote

#endif
