// Warnings about the installation rather than about a note: a data file
// that could be read only in part, say. Notes' own problems are
// diagnostics (diagnostic.h).
#ifndef INFONOTE_COMMON_WARNINGS_H
#define INFONOTE_COMMON_WARNINGS_H

#include <string>

namespace infonote {

/// Where warnings go. Until a program says otherwise, "warning: MESSAGE"
/// lines on standard error; infonote-index sends them to its log.
using WarningSink = void (*)(const std::string& message);
void set_warning_sink(WarningSink sink);

void warn(const std::string& message);

}  // namespace infonote

#endif
