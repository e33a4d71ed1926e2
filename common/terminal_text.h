// Text from notes, paths and the command line made safe to print on a
// terminal: control characters shown, never obeyed.
#ifndef INFONOTE_COMMON_TERMINAL_TEXT_H
#define INFONOTE_COMMON_TERMINAL_TEXT_H

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
