// Logging for infonote-index: spdlog, to standard error and optionally to
// a rotating log file. (infonote-query writes its few warnings itself and
// starts quicker without spdlog.)
#ifndef INFONOTE_INDEXER_LOGGING_H
#define INFONOTE_INDEXER_LOGGING_H

#include <string>
#include <vector>

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
/// it is, and to the log file when there is one; on a thread that holds its
/// diagnostics (HeldDiagnostics), keeps it instead.
void emit_diagnostic(const std::string& line);

/// While alive, the diagnostics of the thread that made it are kept in
/// `lines` rather than printed, so that work done on several threads can
/// print them afterwards in the order of its files.
class HeldDiagnostics {
  public:
    explicit HeldDiagnostics(std::vector<std::string>& lines);
    ~HeldDiagnostics();
    HeldDiagnostics(const HeldDiagnostics&) = delete;
    HeldDiagnostics& operator=(const HeldDiagnostics&) = delete;

  private:
    std::vector<std::string>* previous_;
};

}  // namespace infonote

#endif
