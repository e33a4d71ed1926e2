// The index schema: every term prefix and value slot infonote uses.
//
// The document builder and the query parser setup both read this table; no
// prefix literal appears anywhere else. Prefixes follow Omega's conventions:
// Q for the unique id, S for the title, X... for infonote's own fields, and a
// ':' between prefix and value when the value starts with a capital letter.
#ifndef INFONOTE_INDEX_FORMAT_SCHEMA_H
#define INFONOTE_INDEX_FORMAT_SCHEMA_H

#include <array>
#include <string>
#include <string_view>

namespace infonote {

/// Bumped whenever a prefix, slot or stored-data key changes meaning.
inline constexpr int kSchemaVersion = 16;

/// Xapian metadata keys recording how an index was built.
inline constexpr std::string_view kSchemaVersionKey = "infonote.schema";
inline constexpr std::string_view kTextPipelineKey = "infonote.text_pipeline";
inline constexpr std::string_view kBuildTimeKey = "infonote.built";
inline constexpr std::string_view kUpdateTimeKey = "infonote.updated";
inline constexpr std::string_view kCorpusKey = "infonote.corpus";

enum class FieldId { Id, Title, Body, City, Country, Invited, VenueCountry, Org, Year, Type, Kind,
                     Event, OrgOrganizer, OrgParticipant };

enum class FieldKind {
    /// Words, indexed with positions and stems, searched by relevance.
    Text,
    /// Exact values for filtering, one boolean term per value.
    Filter,
};

struct Field {
    FieldId id;
    /// The name users type before a colon in a query ("country:IR").
    std::string_view name;
    std::string_view prefix;
    FieldKind kind;
    /// How much one occurrence of a word here counts (Text fields).
    unsigned weight;
};

inline constexpr std::array kFields{
    Field{FieldId::Id, "id", "Q", FieldKind::Filter, 0},
    Field{FieldId::Title, "title", "S", FieldKind::Text, 3},
    Field{FieldId::Body, "", "", FieldKind::Text, 1},
    Field{FieldId::City, "city", "XT", FieldKind::Text, 1},
    Field{FieldId::Country, "country", "XC", FieldKind::Filter, 0},
    /// States a pre-event announcement says were invited, not that they came.
    Field{FieldId::Invited, "invited", "XI", FieldKind::Filter, 0},
    Field{FieldId::VenueCountry, "venue", "XV", FieldKind::Filter, 0},
    Field{FieldId::Org, "org", "XO", FieldKind::Filter, 0},
    Field{FieldId::Year, "year", "XY", FieldKind::Filter, 0},
    Field{FieldId::Type, "type", "XE", FieldKind::Filter, 0},
    /// The document kind: "information-note", "press-release", ...
    Field{FieldId::Kind, "kind", "XK", FieldKind::Filter, 0},
    /// The event the document reports ("ev" and 16 hex digits), shared by
    /// every document of the event (docs/events.md).
    Field{FieldId::Event, "event", "XG", FieldKind::Filter, 0},
    /// An organization again (its "XO" terms), by its role: among the
    /// organizers, or among the participants (--org-role; schema 12). No
    /// query-text field: the flag alone reads them.
    Field{FieldId::OrgOrganizer, "", "XR", FieldKind::Filter, 0},
    Field{FieldId::OrgParticipant, "", "XP", FieldKind::Filter, 0},
};

/// The table entry for a field.
constexpr const Field& field(FieldId id)
{
    for (const Field& f : kFields)
        if (f.id == id) return f;
    return kFields[0];  // Unreachable: every FieldId has an entry.
}

/// The boolean term for `value` in a Filter field: "XC:KZ", "XY2014".
std::string filter_term(FieldId id, std::string_view value);

/// The value a filter term of `id` was made from: filter_term undone
/// ("XC:KZ" gives "KZ"). `term` must start with the field's prefix.
std::string_view filter_value(FieldId id, std::string_view term);

/// Value slots. Dates are "YYYYMMDD" strings, which sort as dates.
inline constexpr unsigned kStartDateSlot = 0;
inline constexpr unsigned kEndDateSlot = 1;
/// What `update` compares to find changed files: size in bytes and
/// modification time in nanoseconds (decimal), and a content hash (hex).
inline constexpr unsigned kFileSizeSlot = 2;
inline constexpr unsigned kFileMtimeSlot = 3;
inline constexpr unsigned kContentHashSlot = 4;
/// The note's unique id term again, so that `update` can map documents to
/// files in one sequential pass over value streams.
inline constexpr unsigned kNoteIdSlot = 5;
/// What facets count, one slot per field so that counting reads value
/// streams rather than term lists: the alpha-2 codes of every attending
/// country, concatenated ("KZKGTJ"); the organizations' facet labels
/// (acronym, else name), joined by kListSeparator; the event type; the
/// venue country's code.
inline constexpr unsigned kCountriesSlot = 6;
inline constexpr unsigned kOrgsSlot = 7;
inline constexpr unsigned kTypeSlot = 8;
inline constexpr unsigned kVenueCountrySlot = 9;
/// The note's whole text, for snippets and `infonote-query show`, as
/// pack_text() compresses it.
inline constexpr unsigned kTextSlot = 10;
/// Date order and what a listing line shows, in one value: the start date
/// ("YYYYMMDD", "00000000" when undated), then, joined by kListSeparator,
/// the note's id, path, title, start and end date (YYYY-MM-DD), venue city
/// and country, "online" or "", and the participating States' codes
/// concatenated. Sorting by it orders by date, ties by id (fixed length),
/// never by Xapian's document number, which differs between one database
/// and shards of it; and a date-ordered listing reads each line from the
/// sort key Xapian returns with the match, without fetching any document,
/// which matters most from remote shards. One value rather than a KeyMaker,
/// which the remote backend cannot run. (Slot 11 is no longer used.)
inline constexpr unsigned kListingSlot = 13;
inline constexpr std::size_t kListingDateBytes = 8;
inline constexpr char kListSeparator = '\x1f';
/// A value for a list slot: any kListSeparator in it turned into a space.
std::string without_separator(std::string value);
/// The years the event touches, concatenated ("2014", "20152016"): the
/// year facet counted from one slot, which Xapian's own value counter can
/// do on a remote shard.
inline constexpr unsigned kYearsSlot = 12;
/// The document kind's name, for the kind facet.
inline constexpr unsigned kKindSlot = 14;
/// The summary with evidence for every fact (note_summary_json with
/// Evidenced::Yes) as pack_text() compresses it, for `show`; the document
/// data holds the summary without evidence, which listings read.
inline constexpr unsigned kEvidenceSlot = 15;
/// The document's event id again (FieldId::Event): the collapse key that
/// makes one hit per event, and what facets count events by.
inline constexpr unsigned kEventSlot = 16;
/// What the grouping rule compares (indexer/event_grouping.h): note id,
/// start and end date, folded city, venue country, "1" when online, and the
/// title's distinctive words, joined by kListSeparator. `update` regroups
/// every document from this slot alone.
inline constexpr unsigned kEventKeySlot = 17;
/// The event id with the values facets and timelines count
/// (event_values.h): how remote shards count events, and what the facet
/// spy reads of a document (one value rather than one per facet).
inline constexpr unsigned kEventValuesSlot = 18;
/// What a listing prints of the document's event, decided at index time
/// (event_record.h, schema 15): the merged event's hit JSON, compressed.
/// The same value on every document of the event, so that a hit collapsed
/// to its event reads it from the hit's own document.
inline constexpr unsigned kEventRecordSlot = 19;
/// The document's own CSV cells and States' roles (event_record.h), for
/// listings of documents, whose JSON is the document data itself;
/// uncompressed since schema 16.
inline constexpr unsigned kDocumentRecordSlot = 20;
/// Whether kEventRecordSlot is up to date: the hash of the document data,
/// then the digest of the event's members (note ids and data hashes) the
/// record was made from (event_record.h). `update` rewrites the record of
/// an event whose digest changed, without reading any other document.
inline constexpr unsigned kEventDigestSlot = 21;
/// The rest of the event's record (schema 16): its listing line, number of
/// documents, CSV cells and each State's roles, uncompressed, apart from
/// its JSON so that CSV and text listings read and inflate no JSON.
inline constexpr unsigned kEventCellsSlot = 22;

/// Words in different fields are this many positions apart, so that a
/// phrase never spans two fields.
inline constexpr unsigned kFieldPositionGap = 100;

}  // namespace infonote

#endif
