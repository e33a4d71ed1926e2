// The engine's answers as JSON (docs/json-schema.md): what
// `infonote-query COMMAND --format json` prints, and what any other front
// end returns for the same question. JSON Lines writes the same objects one
// a line (jsonl_output.h).
#ifndef INFONOTE_QUERY_JSON_OUTPUT_H
#define INFONOTE_QUERY_JSON_OUTPUT_H

#include <ostream>
#include <string>
#include <string_view>

#include "engine.h"
#include "note_json.h"

namespace infonote {

/// A document's top object, {"schema_version": kJsonSchemaVersion}, to
/// which its keys are added in order.
Json json_document();

/// One hit: its stored summary with "event_id", "sources", "role",
/// "score" and "snippet".
Json hit_json(const Hit& hit, bool ranked);

/// hit_json(hit, ranked).dump(), from the hit's record without parsing it
/// when it has one.
std::string hit_text(const Hit& hit, bool ranked);

/// Compact JSON text (nlohmann's dump()) laid out as dump(indent) lays it
/// out: the same bytes as parsing it and dumping it indented.
std::string indented(std::string_view compact, int indent);

/// The facets of a result: name -> [{value, count, name?}], at most
/// `facet_limit` values each (0: all).
Json facets_json(const SearchResult& result, std::size_t facet_limit);

/// Each answer as a whole document.
Json to_json(const SearchAnswer& answer);
Json to_json(const AttendedAnswer& answer);
Json to_json(const ShowAnswer& answer);
Json to_json(const CountriesAnswer& answer);
Json to_json(const StatsAnswer& answer);
Json to_json(const TimelineAnswer& answer);
Json to_json(const ProfileAnswer& answer);
Json to_json(const CoattendAnswer& answer);
Json to_json(const CoverageAnswer& answer);

/// The items a listing answer holds, as JSON Lines writes them one a line
/// (and its document lists under one key).
Json json_items(const SearchAnswer& answer);
Json json_items(const AttendedAnswer& answer);
Json json_items(const CountriesAnswer& answer);
Json json_items(const TimelineAnswer& answer);
Json json_items(const CoattendAnswer& answer);
Json json_items(const CoverageAnswer& answer);

/// Listings' documents, written from their hits' records when they have
/// them; the same bytes as the template below.
void write_json(std::ostream& out, const SearchAnswer& answer);
void write_json(std::ostream& out, const AttendedAnswer& answer);

/// A listing's hits, one a line: `--format jsonl` (jsonl_output.h).
void write_jsonl(std::ostream& out, const SearchAnswer& answer);
void write_jsonl(std::ostream& out, const AttendedAnswer& answer);

/// An answer's document, indented, and a line break: `--format json`.
template <typename Answer>
void write_json(std::ostream& out, const Answer& answer)
{
    out << to_json(answer).dump(2) << '\n';
}

}  // namespace infonote

#endif
