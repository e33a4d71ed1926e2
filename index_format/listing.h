// The listing slot (schema.h, kListingSlot): what a listing line shows of a
// note, stored in one value that also orders notes by date. Written by the
// document builder, read by searches, events and `build` carrying notes
// over; this file alone knows the order of its fields.
#ifndef INFONOTE_INDEX_FORMAT_LISTING_H
#define INFONOTE_INDEX_FORMAT_LISTING_H

#include <string>
#include <string_view>

namespace infonote {

/// What a listing line shows of a note.
struct Listing {
    std::string id;
    /// The note's path in the corpus.
    std::string path;
    std::string title;
    /// "YYYY-MM-DD", or "" when the note has no date.
    std::string start_date;
    std::string end_date;
    std::string city;
    std::string country;
    bool online = false;
    /// The participating States' alpha-2 codes, concatenated.
    std::string participants;
};

/// The slot's value: the start date as "YYYYMMDD" ("00000000" when
/// undated), then the fields in the order above joined by kListSeparator,
/// each with any kListSeparator of its own turned into a space. Sorting by
/// it orders by date, ties by id.
std::string listing_value(const Listing& listing);

/// A listing slot's value, read; fields it lacks are left empty.
Listing listing_of(std::string_view slot_value);

}  // namespace infonote

#endif
