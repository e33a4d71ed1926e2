// Logging for infonote-index: spdlog, to standard error and optionally to
// a rotating log file. (infonote-query writes its few warnings itself and
// starts quicker without spdlog.)
#ifndef INFONOTE_INDEXER_LOGGING_H
#define INFONOTE_INDEXER_LOGGING_H

#include <string>

namespace infonote {

struct LogOptions {
    /// Show info messages, not only warnings and errors.
    bool verbose = false;
    /// When set, every log line and diagnostic also goes to this file,
    /// rotated at 5 MiB with 5 old files kept.
    std::string file;
};

/// Replaces spdlog's default logger (which writes to standard output) with
/// one that writes "PROGRAM: LEVEL: message" lines to standard error, and
/// sends warnings (warnings.h) to it. False, after one error line on
/// standard error, when the log file cannot be opened.
bool setup_logging(const std::string& program, const LogOptions& options = {});

/// Tells emit_diagnostic that a progress line is on the terminal, to be
/// cleared before a diagnostic is printed (the bar redraws itself after).
void set_progress_line_shown(bool shown);

/// Prints one diagnostic line ("a.txt:3: warning: ...") to standard error as
/// it is, and to the log file when there is one.
void emit_diagnostic(const std::string& line);

}  // namespace infonote

#endif
