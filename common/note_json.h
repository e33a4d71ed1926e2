// A Note as JSON: the form `infonote-index parse` prints, the index stores
// with each document, and `infonote-query --format json` returns per hit.
// The keys are a contract with users' scripts: see docs/json-schema.md.
#ifndef INFONOTE_COMMON_NOTE_JSON_H
#define INFONOTE_COMMON_NOTE_JSON_H

#include <nlohmann/json.hpp>

#include "country_gazetteer.h"
#include "note.h"

namespace infonote {

/// JSON objects keep their keys in the order written, so output reads in the
/// order docs/json-schema.md lists it.
using Json = nlohmann::ordered_json;

/// Version of the JSON output schema; bumped when a key changes meaning.
inline constexpr int kJsonSchemaVersion = 3;

/// Whether a summary says where each fact was read.
enum class Evidenced { No, Yes };

/// The hit object: id, path, kind, title, type, start_date, end_date, venue,
/// countries (with roles "host", "participant", "invited"), organizations,
/// committee. Unknown values are null. With evidence, each country and
/// organization, the venue and a "dates" object carry an "evidence" object
/// {source, line, text}.
Json note_summary_json(const Note& note, const CountryGazetteer& countries,
                       Evidenced evidenced = Evidenced::No);

/// The summary with evidence, plus organizers, participating States by
/// group and the body sections: everything the parser read.
Json note_full_json(const Note& note, const CountryGazetteer& countries);

}  // namespace infonote

#endif
