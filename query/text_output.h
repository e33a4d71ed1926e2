// The engine's answers as text for people: tables that fit the terminal,
// bars, highlighted words. What infonote-query prints by default.
#ifndef INFONOTE_QUERY_TEXT_OUTPUT_H
#define INFONOTE_QUERY_TEXT_OUTPUT_H

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "engine.h"
#include "table.h"

namespace infonote {

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

/// Columns padded, the last one cut to the width, control characters
/// escaped.
void write_text(std::ostream& out, const Table& table, const Terminal& terminal);

void write_text(std::ostream& out, const SearchAnswer& answer, const Terminal& terminal);
void write_text(std::ostream& out, const AttendedAnswer& answer, const Terminal& terminal);
/// A page, not a listing: values are never cut to the terminal.
void write_text(std::ostream& out, const ShowAnswer& answer, const Terminal& terminal);
void write_text(std::ostream& out, const CountriesAnswer& answer, const Terminal& terminal);
void write_text(std::ostream& out, const StatsAnswer& answer, const Terminal& terminal);
void write_text(std::ostream& out, const TimelineAnswer& answer, const Terminal& terminal);
void write_text(std::ostream& out, const ProfileAnswer& answer, const Terminal& terminal);
void write_text(std::ostream& out, const CoattendAnswer& answer, const Terminal& terminal);
void write_text(std::ostream& out, const CoverageAnswer& answer, const Terminal& terminal);

}  // namespace infonote

#endif
