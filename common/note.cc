#include "note.h"

#include <cstdint>
#include <cstdio>

namespace infonote {

std::string note_id(std::string_view relative_path)
{
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : relative_path) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

}  // namespace infonote
