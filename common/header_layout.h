// The layouts a note's header takes when it comes out of a PDF or a word
// processor and that its labels and groups do not say with colons: a table
// of participants with its columns ("No. | State | Institution", tabs or
// aligned spaces, "----+----" rules), list bullets one item a line, and
// group headings alone on their lines above their bulleted items.
#ifndef INFONOTE_COMMON_HEADER_LAYOUT_H
#define INFONOTE_COMMON_HEADER_LAYOUT_H

#include <string>
#include <string_view>

#include "country_gazetteer.h"

namespace infonote {

/// `header` rewritten byte for byte (same length, same offsets) into the
/// "Heading: items" lines that find_labels() and find_groups() read:
/// - a table under a Participants label or a heading of States, with a
///   column headed State, Country, Pays, País, Estado or Delegation, keeps
///   that column alone, under a "States:" heading written over its header
///   row; its other cells, its rules and the rows with no State become
///   spaces and commas. A table none of whose State cells names a country
///   is left alone.
/// - a list bullet (•, ▪, ◦, ●, ■, ‣, ·, –, -, *) that opens a line
///   becomes spaces, with a comma after the list's first item;
/// - a participant group heading alone on its line ("Partner States",
///   "Organizations", "1540 Committee") above a bulleted item takes a
///   colon at its end.
std::string unflatten_layout(std::string_view header, const CountryGazetteer& countries);

}  // namespace infonote

#endif
