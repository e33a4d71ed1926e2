// The kind of event a note reports, read from its title.
//
// A title is classified into one of a fixed list of types, the values users
// may type after `type:`:
//
//   briefing, conference, consultation, course, dialogue, exercise, forum,
//   meeting, peer review, roundtable, seminar, side event, symposium,
//   training, visit, webinar, workshop
//
// Titles are matched word by word on folded words (case and diacritics do
// not matter), in English, French and Spanish, singular and plural:
// "Workshops", "atelier", "taller" and "talleres" are all workshops; "round
// table", "round-table", "table ronde" and "mesa redonda" are roundtables;
// "peer-review", "examen par les pairs" and "revisión entre pares" are peer
// reviews; "webinaire" and "seminario web" are webinars.
//
// When a title names several types, the first one in the title names the
// event: "Workshop and Training Course on ..." is a workshop, and
// "Conference on Peer Review" a conference, since what follows the first
// is usually a topic or a second part of the programme. Type words written
// side by side as one English compound count as one: its last word, the
// head noun, names the event ("Training Course" is a course, "Conference
// Side Event" a side event), except that a closing "meeting" or "exercise"
// leaves it to the word before ("Peer Review Meeting" and "Peer-Review
// Exercise" are peer reviews; "Table-top Exercise" stays an exercise).
#ifndef INFONOTE_COMMON_EVENT_TYPE_H
#define INFONOTE_COMMON_EVENT_TYPE_H

#include <optional>
#include <string_view>
#include <vector>

namespace infonote {

/// The type of the event a title names, one of event_types(); nullopt when
/// the title names none.
std::optional<std::string_view> event_type(std::string_view title);

/// Every type event_type() may return, in alphabetical order.
const std::vector<std::string_view>& event_types();

/// The type a user's word or words stand for ("Workshops", "round table",
/// "peer-review", "atelier"), one of event_types(); nullopt when the whole
/// of `typed` is no type word.
std::optional<std::string_view> resolve_event_type(std::string_view typed);

}  // namespace infonote

#endif
