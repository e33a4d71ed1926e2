// The data contract between the parser, the indexer and the query tool.
#ifndef INFONOTE_COMMON_NOTE_H
#define INFONOTE_COMMON_NOTE_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date_parser.h"

namespace infonote {

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
    /// The heading of the list it appeared under, e.g. "Other States".
    std::string group;
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
    /// The organizers as written, one entry per organizer.
    std::vector<std::string> organizers;
    std::optional<Date> start_date;
    std::optional<Date> end_date;
    Venue venue;
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
