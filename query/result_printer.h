// Printing search results as text for people or JSON for scripts.
#ifndef INFONOTE_QUERY_RESULT_PRINTER_H
#define INFONOTE_QUERY_RESULT_PRINTER_H

#include <ostream>
#include <vector>

#include "note_json.h"

namespace infonote {

/// One matching note: its stored summary JSON and, for ranked searches, its
/// relevance as a percentage.
struct Hit {
    Json summary;
    int percent = 0;
};

struct ResultPage {
    /// Every note that matched, not only those printed.
    std::size_t total = 0;
    std::vector<Hit> hits;
    bool ranked = false;
};

/// {"schema_version": 1, "total": N, "hits": [...]}: docs/json-schema.md.
void print_json(std::ostream& out, const ResultPage& page);

/// One block per hit (dates, venue, title, id and path), then a total line.
void print_text(std::ostream& out, const ResultPage& page);

}  // namespace infonote

#endif
