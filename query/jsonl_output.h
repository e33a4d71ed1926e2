// The engine's answers as JSON Lines: a listing one item a line (the items
// json_output.h lists under one key), any other answer as its whole
// document on one line. What `--format jsonl` prints.
#ifndef INFONOTE_QUERY_JSONL_OUTPUT_H
#define INFONOTE_QUERY_JSONL_OUTPUT_H

#include <ostream>

#include "json_output.h"

namespace infonote {

template <typename Answer>
void write_jsonl(std::ostream& out, const Answer& answer)
{
    if constexpr (requires { json_items(answer); }) {
        for (const Json& item : json_items(answer)) out << item.dump() << '\n';
    } else {
        out << to_json(answer).dump() << '\n';
    }
}

}  // namespace infonote

#endif
