// Logging for both programs: spdlog, to standard error only.
#ifndef INFONOTE_COMMON_LOGGING_H
#define INFONOTE_COMMON_LOGGING_H

#include <string>

namespace infonote {

/// Replaces spdlog's default logger (which writes to standard output) with
/// one that writes "PROGRAM: LEVEL: message" lines to standard error.
/// Info messages are shown only when `verbose`; warnings always.
void setup_logging(const std::string& program, bool verbose);

}  // namespace infonote

#endif
