// The event-values slot (schema.h, kEventValuesSlot): a document's event id
// with the values facets and timelines count, in one value. Xapian's own
// ValueCountMatchSpy, the only spy a remote shard (xapian-tcpsrv) runs,
// gives back each distinct value of one slot; from this one the query tool
// learns which events hold which values and counts events, not documents,
// across shards. Written with the event id at index time; this file alone
// knows the order of its fields.
#ifndef INFONOTE_INDEX_FORMAT_EVENT_VALUES_H
#define INFONOTE_INDEX_FORMAT_EVENT_VALUES_H

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "schema.h"

namespace infonote {

/// The event `doc` belongs to: its event id (kEventSlot), else its own
/// note id.
std::string event_of(const Xapian::Document& doc);

/// The slots whose values follow the event id, in this order.
inline constexpr std::array<unsigned, 7> kEventValueSlots{
    kStartDateSlot, kCountriesSlot, kVenueCountrySlot, kOrgsSlot, kYearsSlot, kTypeSlot, kKindSlot};

/// The event id, then the value of each of kEventValueSlots, read from
/// `doc`, each field ended by '\x1e' (a value holds lists joined by
/// kListSeparator, never '\x1e').
std::string event_values(const Xapian::Document& doc, std::string_view event_id);

/// One event-values value, split.
struct EventValues {
    std::string_view event;
    /// The values of kEventValueSlots, in order.
    std::array<std::string_view, kEventValueSlots.size()> slots;

    /// The value of `slot`, "" when it is not one of kEventValueSlots.
    std::string_view of(unsigned slot) const;
};

/// `value` split; nullopt when it is not one event_values() wrote.
std::optional<EventValues> read_event_values(std::string_view value);

}  // namespace infonote

#endif
