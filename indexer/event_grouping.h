// Grouping documents into events: the Information Note of a workshop, the
// press release about it and the announcement before it are one event.
//
// Each document carries a grouping key (its dates, venue and title words)
// in a value slot; the grouping is computed over every document's key, so
// it does not depend on the order files were read in, and `update` finds
// the same events as a fresh `build`. docs/events.md states the rule.
#ifndef INFONOTE_INDEXER_EVENT_GROUPING_H
#define INFONOTE_INDEXER_EVENT_GROUPING_H

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "country_gazetteer.h"
#include "note.h"
#include "note_json.h"

namespace infonote {

/// What the grouping rule compares, per document.
struct GroupingKey {
    std::string note_id;
    /// "YYYYMMDD", both empty when the document gives no date with a year.
    std::string start;
    std::string end;
    /// Folded city, or "".
    std::string city;
    /// Alpha-2 code, or "".
    std::string country;
    bool online = false;
    /// An Information Note, which gives its event its id.
    bool information_note = false;
    /// The title's distinctive words, folded, sorted, unique and separated
    /// by one space: without stop words, words every 1540 event title
    /// shares ("workshop", "resolution") and the venue's own names. One
    /// string rather than a list, as a build holds a key per document.
    std::string title_words;

    bool dated() const { return !start.empty(); }
    bool placed() const { return online || !city.empty() || !country.empty(); }
    /// A title with no distinctive word ("Workshop opens in Vienna") says
    /// nothing about which of the events held there it reports.
    bool generic() const { return title_words.empty(); }
};

/// The key of a note, as the document builder stores it.
GroupingKey grouping_key(const Note& note, const CountryGazetteer& countries);

/// A key as a value slot holds it, and read back (a garbled value gives a
/// key with only the id, which groups with nothing).
std::string serialise_key(const GroupingKey& key);
GroupingKey unserialise_key(std::string_view note_id, std::string_view value);

/// Whether two documents' venues agree: both online; or the same city (and
/// no two different countries); or, where a city is missing, the same
/// country.
bool venues_agree(const GroupingKey& a, const GroupingKey& b);

/// Whether two titles are alike: either has no distinctive word, or at
/// least half the distinctive words of the shorter one are in the other.
bool titles_alike(const GroupingKey& a, const GroupingKey& b);

/// Whether two dated and placed documents meet: their days overlap and
/// their venues agree.
bool documents_meet(const GroupingKey& a, const GroupingKey& b);

/// The pairwise rule for two dated and placed documents: they meet, and
/// their titles are alike. Two documents with distinctive titles that
/// follow it report one event; a document with a generic title joins an
/// event only where it is the one event it meets (docs/events.md).
bool same_event(const GroupingKey& a, const GroupingKey& b);

/// The events of `keys`: each a list of indices into `keys`, sorted by
/// note id, the events sorted by their first note id. The same keys in any
/// order give the same events.
std::vector<std::vector<std::size_t>> group_events(const std::vector<GroupingKey>& keys);

/// An event's id: "ev" and 16 hex digits of the FNV-1a hash of its
/// canonical document's note id followed by a newline. A document alone is
/// its own canonical document, so the document builder writes the id it
/// will keep unless it joins others.
std::string event_id_of(std::string_view note_id);

/// The document of `members` (indices into `keys`) that names the event:
/// of its Information Notes the one with the smallest note id, else of all
/// its documents. A press release or announcement joining a note's event
/// then leaves the event's id as it was.
std::size_t canonical_document(const std::vector<GroupingKey>& keys,
                               const std::vector<std::size_t>& members);

/// Adds a document's event fields: the boolean term and the value slot.
void set_event(Xapian::Document& doc, const std::string& event_id);

/// Writes a document's records (event_record.h) as the builder makes it,
/// alone in its event: its own listing cells, and its event's record and
/// digest. `summary` is the document data, `data` its text; the listing
/// slot must be set.
void set_lone_records(Xapian::Document& doc, const std::string& note_id, const Json& summary,
                      std::string_view data);

/// Counts of what assign_events did.
struct EventAssignment {
    std::size_t documents = 0;
    std::size_t events = 0;
    /// Documents whose event fields were rewritten.
    std::size_t rewritten = 0;
};

/// Groups every document of `dbs` (one database, or every shard of one
/// index) and rewrites the event fields of each document whose event
/// changed, and the event record of each event whose documents changed,
/// each database's on a thread of its own. The caller commits. Throws
/// Xapian::Error.
EventAssignment assign_events(const std::vector<Xapian::WritableDatabase*>& dbs);

/// assign_events over the databases at `paths` (the parts or shards of a
/// build no reader sees yet), each committed after. Throws IndexError.
EventAssignment assign_events_at(const std::vector<std::filesystem::path>& paths);

}  // namespace infonote

#endif
