// From a note's text to a Note. No Xapian here: the parser is tested and
// fuzzed on its own.
#ifndef INFONOTE_COMMON_NOTE_PARSER_H
#define INFONOTE_COMMON_NOTE_PARSER_H

#include <string_view>

#include "country_gazetteer.h"
#include "diagnostic.h"
#include "note.h"
#include "org_gazetteer.h"

namespace infonote {

struct ParseResult {
    Note note;
    Diagnostics diagnostics;
};

/// Reads the header (event, organizers, date and venue, participants by
/// group) and the body sections of one note. `source` names the note in
/// diagnostics and becomes Note::source. Never throws on bad input: what it
/// cannot read is left empty and reported in the diagnostics.
ParseResult parse_note(std::string_view text, std::string_view source,
                       const CountryGazetteer& countries, const OrgGazetteer& orgs);

/// parse_note() with default_org_gazetteer().
ParseResult parse_note(std::string_view text, std::string_view source,
                       const CountryGazetteer& countries);

}  // namespace infonote

#endif
