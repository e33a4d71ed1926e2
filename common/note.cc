#include "note.h"

#include "fnv1a.h"

namespace infonote {

std::string note_id(std::string_view relative_path)
{
    Fnv1a hash;
    hash.add(relative_path);
    return hash.hex();
}

}  // namespace infonote
