// Problems found in input, reported GNU-style and never thrown.
#ifndef INFONOTE_COMMON_DIAGNOSTIC_H
#define INFONOTE_COMMON_DIAGNOSTIC_H

#include <string>
#include <string_view>
#include <vector>

namespace infonote {

enum class Severity { Warning, Error };

/// One problem with one input, located by line when the line is known.
struct Diagnostic {
    Severity severity = Severity::Warning;
    /// 1-based line number; 0 when the problem concerns the whole input.
    int line = 0;
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

/// "corpus/a.txt:12: warning: no date found in 'Date and Venue'", the
/// source and message with their control characters escaped
/// (terminal_text.h), so that a file name or a note cannot drive the
/// terminal.
std::string format_diagnostic(const std::string& source, const Diagnostic& d);

/// "infonote-query: error: MESSAGE", the message escaped likewise: the one
/// line a program prints when it gives up.
std::string program_error(std::string_view program, std::string_view message);

}  // namespace infonote

#endif
