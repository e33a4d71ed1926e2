#include "diagnostic.h"

namespace infonote {

std::string format_diagnostic(const std::string& source, const Diagnostic& d)
{
    std::string out = source;
    if (d.line > 0) out += ':' + std::to_string(d.line);
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

}  // namespace infonote
