#include "diagnostic.h"

#include "terminal_text.h"

namespace infonote {

std::string format_diagnostic(const std::string& source, const Diagnostic& d)
{
    std::string out = escape_controls(source);
    if (d.line > 0) out += ':' + std::to_string(d.line);
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += escape_controls(d.message);
    return out;
}

std::string program_error(std::string_view program, std::string_view message)
{
    std::string out(program);
    out += ": error: ";
    out += escape_controls(message);
    return out;
}

}  // namespace infonote
