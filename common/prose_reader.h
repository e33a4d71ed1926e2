// Reading a document that has no Information Note header: a press
// release, a web update, a regional centre's event page, an announcement.
// The facts are read from the prose by the phrases that carry them, as
// docs/extraction-forms.md catalogues them: the dates from the event's
// sentence (the year, when missing, from the dateline or publication
// line), the venue from "held in ..." and its kin, the States from the
// phrases that say they took part or were invited, never from donors,
// speakers or other events.
#ifndef INFONOTE_COMMON_PROSE_READER_H
#define INFONOTE_COMMON_PROSE_READER_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "country_gazetteer.h"
#include "diagnostic.h"
#include "document_kind.h"
#include "note.h"
#include "organization_names.h"

namespace infonote {

/// What read_prose() found.
struct ProseReading {
    /// The headline; empty when the document opens with its text.
    std::string title;
    std::optional<Date> start_date;
    std::optional<Date> end_date;
    std::optional<Evidence> dates_evidence;
    Venue venue;
    std::optional<Evidence> venue_evidence;
    std::vector<ParticipantState> states;
    std::vector<Organization> organizations;
    /// The marks its kind is told by (note_header is never set here).
    KindMarks marks;
    Diagnostics diagnostics;
};

/// Reads a document without a note header. `text` is the document as the
/// note parser keeps it (line feeds only); evidence and diagnostics point
/// at its lines. Never throws on bad input.
ProseReading read_prose(std::string_view text, const CountryGazetteer& countries,
                        const OrgContext& orgs);

/// A State a passage names as taking part or invited.
struct PassageState {
    /// Where the passage names it, in bytes from the passage's start.
    CountryMatch match;
    StateRole role = StateRole::Participant;
};

/// The States a passage of prose says took part or were invited, read by
/// the phrases read_prose() reads a document's sentences by: for prose
/// among a note's participant groups ("Government regulators from Austria
/// also attended", "Des experts du Togo et du Niger ont également pris
/// part"). Donors, speakers and other events give none.
std::vector<PassageState> read_passage_states(std::string_view passage,
                                              const CountryGazetteer& countries,
                                              const OrgContext& orgs);

/// True when `text` holds a regional centre's key:value block ("Start
/// Date: Aug 2 2016", "End Date: ..."), whose "Date:" and "Location:" are
/// no note header.
bool has_key_value_block(std::string_view text);

}  // namespace infonote

#endif
