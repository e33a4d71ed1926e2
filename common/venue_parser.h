// Where an event took place, from the venue part of a note's header:
// "Astana, Kazakhstan", "Samoa", "Astana (Kazakhstan)", "Palais des
// Nations, Geneva, Switzerland", "Virtual meeting", "Vienna, Austria and
// online".
#ifndef INFONOTE_COMMON_VENUE_PARSER_H
#define INFONOTE_COMMON_VENUE_PARSER_H

#include <string>
#include <string_view>

#include "country_gazetteer.h"
#include "note.h"

namespace infonote {

/// What read_venue made of a venue text.
struct VenueReading {
    Venue venue;
    /// The place as it reads after tidying, online words removed; empty
    /// for a meeting that was only online.
    std::string place;
    /// True when a place is given but no country could be recognized in it.
    bool country_unknown = false;
};

/// Reads a venue: the country is the last comma-separated part (or the
/// last words, or a parenthesized country after the city), the city the
/// part before it. Online, virtual, video-conference and hybrid meetings
/// set `online`; a hybrid meeting keeps its physical place.
VenueReading read_venue(std::string_view text, const CountryGazetteer& countries);

/// A city written in capitals ("BANGKOK", "PORT OF SPAIN", "LOMÉ"), as a
/// header in capitals gives it, in the usual case ("Bangkok", "Port of
/// Spain", "Lomé"), so that a venue is one facet value however its note
/// was typed. Any other city is returned as it is.
std::string city_in_usual_case(std::string city);

}  // namespace infonote

#endif
