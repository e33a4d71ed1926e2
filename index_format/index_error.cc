#include "index_error.h"

#include <cerrno>
#include <cstring>

namespace infonote {

std::string xapian_error_text(const Xapian::Error& e)
{
    std::string text = e.get_msg();
    const char* reason = e.get_error_string();
    if (reason && *reason && text.find(reason) == std::string::npos)
        text += std::string(" (") + reason + ")";
    // Xapian says "Error writing block 50": the reader needs to hear that
    // the disk is full, not which block.
    if (reason && std::strcmp(reason, std::strerror(ENOSPC)) == 0) text = "disk full: " + text;
    return text;
}

}  // namespace infonote
