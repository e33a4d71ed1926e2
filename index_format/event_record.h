// Events merged, and what a listing shows of a hit, decided at index time.
//
// An event's documents (grouped by the indexer, docs/events.md) merge into
// one summary; the indexer stores that merged event, as a listing prints
// it, in a record on each of the event's documents (schema.h,
// kEventRecordSlot), and each document's own listing cells in another
// (kDocumentRecordSlot). A listing of thousands of hits then reads one
// value per hit and parses no JSON. This file alone knows the records'
// layout; `show` merges the same way from the documents themselves.
#ifndef INFONOTE_INDEX_FORMAT_EVENT_RECORD_H
#define INFONOTE_INDEX_FORMAT_EVENT_RECORD_H

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "listing.h"
#include "note_json.h"

namespace infonote {

/// One document of an event: its stored summary (the document data) and
/// its listing slot's value.
struct EventMember {
    Json summary;
    std::string listing;
};

/// An event's documents merged.
struct MergedEvent {
    std::string id;
    /// The canonical document's summary (the Information Note's where
    /// there is one, else the first document by id) with the event's
    /// merged fields: "event_id" first; the title of the canonical
    /// document; the first start and last end date of any document; the
    /// union of the States (roles host, participant, invited; invited left
    /// out where the State also took part), each with the ids of the
    /// documents naming it; the union of organizations.
    Json summary;
    /// [{"id", "path", "kind"}], canonical document first, then by id.
    Json sources;
    /// The listing line of the event: the canonical document's, with the
    /// merged dates and participants.
    Listing listing;
};

/// The event `event_id` of `members` (in any order; at least one).
MergedEvent merge_event(const std::string& event_id, std::vector<EventMember> members);

/// A summary's country entry's roles, joined: "host, participant".
std::string joined_roles(const Json& country);

/// The CSV cells of a hit (docs/json-schema.md, CSV): id, path, title,
/// start_date, end_date, venue_city, venue_country, online, countries and
/// organizations (each list joined by ';').
using ListingCells = std::array<std::string, 10>;

/// A summary's cells.
ListingCells listing_cells(const Json& summary);

/// What a listing prints of one hit, without reading its summary.
struct HitRecord {
    /// The hit object as JSON output prints it up to "role", "score" and
    /// "snippet", compact (nlohmann's dump()): for an event, its merged
    /// summary and "sources". Empty in a document's record, whose JSON is
    /// the document data.
    std::string json;
    /// An event's listing slot value (listing_value); empty in a
    /// document's record.
    std::string listing;
    /// How many documents an event has (0 in a document's record).
    std::size_t documents = 0;
    ListingCells cells;
    /// Each State the summary lists, in its order, with its roles joined.
    std::vector<std::pair<std::string, std::string>> roles;
};

/// An event's record.
HitRecord event_record(const MergedEvent& event);

/// A document's record: cells and roles from its summary.
HitRecord document_record(const Json& summary);

/// A record as two value slots hold it (schema 16): `json`, the States'
/// roles and the JSON compressed with pack_text (kEventRecordSlot; empty
/// for a document's record, whose JSON is the document data), and
/// `cells`, everything but the JSON, uncompressed (kEventCellsSlot, or
/// kDocumentRecordSlot for a document). A CSV or text listing reads the
/// cells alone and inflates nothing; a JSON listing reads the JSON alone.
struct RecordValues {
    std::string json;
    std::string cells;
};
RecordValues record_values(const HitRecord& record);

/// The record's cells, listing, documents and roles read back from a cells
/// value (its `json` left empty); nullopt when `cells` is not what
/// record_values wrote.
std::optional<HitRecord> read_record(std::string_view cells);

/// The record's JSON and roles read back from a json value (the rest left
/// empty); nullopt when `value` is not what record_values wrote.
std::optional<HitRecord> read_record_json(std::string_view value);

/// What kEventDigestSlot holds for a document whose summary is `data`:
/// 16 hex digits, the hash of its data.
std::string data_fingerprint(std::string_view data);

/// The digest of an event's members, (note id, data fingerprint) pairs
/// sorted by note id: 16 hex digits. The event record is rewritten when the
/// digest stored beside it differs.
std::string members_digest(std::vector<std::pair<std::string, std::string>> members);

/// kEventDigestSlot's value: the document's own fingerprint, then its
/// event's members digest.
std::string digest_value(std::string_view fingerprint, std::string_view members_digest);

}  // namespace infonote

#endif
