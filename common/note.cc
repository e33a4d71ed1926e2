#include "note.h"

#include <cstdint>

namespace infonote {

std::string note_id(std::string_view relative_path)
{
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : relative_path) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    // By hand: snprintf costs more than the hash, once per note per run.
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex(16, '0');
    for (int i = 15; i >= 0; --i, hash >>= 4) hex[i] = kDigits[hash & 0xF];
    return hex;
}

}  // namespace infonote
