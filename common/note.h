// The data contract between the parser, the indexer and the query tool.
#ifndef INFONOTE_COMMON_NOTE_H
#define INFONOTE_COMMON_NOTE_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date_parser.h"

namespace infonote {

/// Which part of a document a fact was read from.
enum class EvidenceSource { Header, Prose };

/// Where a fact was read, so that an analyst can check it against the
/// document: the 1-based line and the phrase it came from.
struct Evidence {
    EvidenceSource source = EvidenceSource::Header;
    int line = 0;
    std::string text;
};

/// What sort of document reports an event.
enum class DocumentKind { InformationNote, PressRelease, WebUpdate, Announcement, Other };

/// The name of a kind in JSON and queries: "information-note", "press-release",
/// "web-update", "announcement", "other".
std::string_view kind_name(DocumentKind kind);

/// The kind named `name` (as kind_name() spells it, case-insensitive), if any.
std::optional<DocumentKind> kind_from_name(std::string_view name);

/// Every kind, in the order above.
inline constexpr DocumentKind kDocumentKinds[] = {
    DocumentKind::InformationNote, DocumentKind::PressRelease, DocumentKind::WebUpdate,
    DocumentKind::Announcement, DocumentKind::Other};

/// How a State takes part: listed as a participant, or only invited (a
/// pre-event announcement), which `attended` leaves out unless asked.
enum class StateRole { Participant, Invited };

/// Where an event took place. Both fields are empty when the note does not say.
struct Venue {
    std::optional<std::string> city;
    /// ISO 3166-1 alpha-2 code.
    std::optional<std::string> country;
    bool online = false;
};

/// A State listed among the participants.
struct ParticipantState {
    /// ISO 3166-1 alpha-2 code.
    std::string code;
    /// The name as the note wrote it, whitespace collapsed.
    std::string written;
    /// The heading of the list it appeared under, e.g. "Other States";
    /// empty for a State read from prose.
    std::string group;
    StateRole role = StateRole::Participant;
    Evidence evidence{};
};

/// What kind of body a participating or organizing entity is.
enum class OrgKind { International, National, Industry, Civil, Other };

/// An organization named among the organizers or the participants.
struct Organization {
    /// The acronym in common use when the organization is known, else the
    /// one the note gives it, if any.
    std::optional<std::string> acronym;
    /// The full name in UN usage when the organization is known, else as
    /// the note names it.
    std::string name;
    /// The list item as the note wrote it, e.g. "Organisation for Security
    /// and Co-operation in Europe (OSCE)", white space collapsed.
    std::string written;
    /// The heading of the list it appeared under; "Organizers" for organizers.
    std::string group;
    OrgKind kind = OrgKind::International;
    bool organizer = false;
    Evidence evidence{};
};

/// A titled stretch of the note's prose ("Background", "Highlights ...").
struct Section {
    std::string heading;
    std::string text;
};

/// Everything infonote knows about one Information Note.
struct Note {
    /// Stable identifier, derived from the note's path in its corpus.
    std::string id;
    /// The note's path relative to the folder it was indexed from.
    std::string source;
    std::string title;
    DocumentKind kind = DocumentKind::Other;
    /// The organizers as written, one entry per organizer.
    std::vector<std::string> organizers;
    std::optional<Date> start_date;
    std::optional<Date> end_date;
    /// Where the dates were read; set whenever start_date is.
    std::optional<Evidence> dates_evidence;
    Venue venue;
    /// Where the venue was read; set whenever the venue says anything.
    std::optional<Evidence> venue_evidence;
    std::vector<ParticipantState> states;
    std::vector<Organization> organizations;
    /// The "1540 Committee:" participant line, e.g. "one member and one expert".
    std::optional<std::string> committee;
    std::vector<Section> sections;
    /// The whole text as read, for snippets and display.
    std::string text;
};

/// The id of the note at `relative_path` in its corpus: 16 hex digits of a
/// 64-bit FNV-1a hash, stable across builds and machines.
std::string note_id(std::string_view relative_path);

}  // namespace infonote

#endif
