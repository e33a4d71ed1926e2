// What kind of document a text is: the Committee's Information Note, a UN
// press release, a web update written after the event, an announcement
// written before it, or something else (a Council record, a letter).
#ifndef INFONOTE_COMMON_DOCUMENT_KIND_H
#define INFONOTE_COMMON_DOCUMENT_KIND_H

#include <string_view>

#include "note.h"

namespace infonote {

/// The marks a document's kind is told by, as the parser finds them.
struct KindMarks {
    /// The Information Note's label header.
    bool note_header = false;
    /// A press symbol line ("SC/12345", "AFR/1624-DC/3096") or a "Press
    /// Release" / "Communiqué de presse" / "Comunicado de prensa" line.
    bool press_symbol = false;
    /// A dateline naming a UN Headquarters office: "NEW YORK, 17 October
    /// (Office for Disarmament Affairs) —".
    bool press_dateline = false;
    /// A Council meeting record or a letter ("7837th Meeting (AM)",
    /// "Distr.: General", "Letter dated ...").
    bool council_record = false;
    /// An event read from the prose: its dates, venue or States.
    bool event_found = false;
    /// The sentence that dates the event is in the future or the present
    /// progressive ("will be held", "se tiendra", "is being held").
    bool future_event = false;
    /// States are said to be invited, not to have taken part.
    bool invited = false;
    /// A heading above the text says the page is about an event to come
    /// ("Upcoming event", "OSCE Secretariat - Forthcoming event", "Próximos
    /// eventos").
    bool upcoming = false;
};

/// The kind the marks tell, in the order of docs/extraction-forms.md: a
/// note header; no event (or a Council record) is "other"; an event in the
/// future, invitees or an "Upcoming event" heading make an announcement; a press symbol or dateline a
/// press release; any other event told in the past a web update.
DocumentKind classify_document(const KindMarks& marks);

/// True for a press symbol line: "SC/12345", "DC/3741",
/// "AFR/1624-DC/3096", "SC/13480-CD/3785", alone on the line.
bool is_press_symbol_line(std::string_view line);

/// True for a line that marks a Council record or letter: "7837th Meeting
/// (AM)", "Distr.: General", "Distr. general", "Letter dated ...", "Carta
/// de fecha ...", "Lettre datée ..."; or another text that is no report of
/// an event: a statement read at it ("Statement by the Delegation of ...",
/// "Mr. Chairman,"), a diplomatic cable ("UNCLASSIFIED", "SUBJECT: ..."),
/// the event's agenda or concept note ("Provisional agenda", "Note
/// conceptuelle", "Orden del día") or a newsletter ("Newsletter No. 12",
/// "Boletín informativo").
bool is_council_record_line(std::string_view line);

/// True for a line that opens a speech read at the event: "OPENING
/// REMARKS", "Remarks by the Director", "(Check against delivery)",
/// "Allocution d'ouverture", "Seul le prononcé fait foi", "Palabras de
/// apertura". Such a text is also a record (is_council_record_line).
bool speech_line(std::string_view line);

/// True for a line that closes with the kind of text it heads in
/// parentheses: "Tunis, 30/05/2024 - «Agency» (communiqué)", "«City»,
/// «Date» (press release)", "(comunicado de prensa)".
bool press_tag_line(std::string_view line);

/// True for a heading that says the page is about an event to come:
/// "Upcoming event", "Forthcoming events", "Événements à venir", "Próximos
/// eventos", alone, before a colon and the event's name ("Upcoming event:
/// Regional Course ..."), or after the publisher's name and a dash or bar
/// ("OSCE Secretariat - Forthcoming event", "UNLIREC | Próximos eventos").
bool upcoming_heading(std::string_view line);

/// True when a sentence is written in the future or the present
/// progressive: "will be held", "is being held", "is organizing", "se
/// tiendra", "accueillera", "va abriter", "se celebrará", "tendrá lugar".
bool future_tense(std::string_view sentence);

}  // namespace infonote

#endif
