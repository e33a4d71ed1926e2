// The "Participants:" value split into its groups ("Central Asia States:",
// "International organizations:", "Industry:", "1540 Committee:" ...) and
// what each group holds.
#ifndef INFONOTE_COMMON_PARTICIPANT_GROUPS_H
#define INFONOTE_COMMON_PARTICIPANT_GROUPS_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "country_gazetteer.h"
#include "note.h"

namespace infonote {

/// What a group heading says its list holds.
enum class GroupKind {
    States,
    Invited,
    International,
    National,
    Industry,
    Civil,
    Committee,
    Funding,
    Unknown
};

/// Reads a heading: "Other States" and "Observers" hold States, "National
/// participants" national bodies, "Intergovernmental Organizations"
/// international ones, "Non-Governmental Organizations and Academia" civil
/// society, "1540 Committee" the Committee's own people, "Invited, not
/// represented" States invited that did not come, "Guest experts" and
/// "Expertos invitados" States whose experts came to speak, "Donors" and
/// "Financial support" those who paid (no participants). A heading that
/// says none of this ("Note") is Unknown.
GroupKind classify_group(std::string_view heading);

/// True when the heading is one State's name and nothing else ("Jamaica:
/// Ministry of Foreign Affairs, Customs Agency"): the State takes part, its
/// list names its own agencies.
bool country_heading(std::string_view heading, const CountryGazetteer& countries);

/// True when `heading` is, word for word, a group heading met in notes
/// ("Observers", "Dialogue partners", "ECOWAS Member States",
/// "Organisations internationales"): sure enough to read a line that holds
/// it alone, or sets it apart from its list without a colon, as a heading.
bool known_group_heading(std::string_view heading);

/// The State whose own bodies a heading names by its adjective
/// ("Administrations marocaines", "Georgian agencies", "Autoridades
/// paraguayas"); nullptr when the heading is not of that form.
const Country* demonym_heading(std::string_view heading, const CountryGazetteer& countries);

/// The kind of the organizations listed under a group of that kind.
OrgKind org_kind_of(GroupKind kind);

/// True when the heading itself says "States" or "countries", so that an
/// organization listed under it is worth a warning.
bool heading_names_states(std::string_view heading);

/// One "Heading: items" group, as offsets into the participants value.
struct Group {
    std::string heading;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Splits the participants value into groups. A heading runs back from its
/// colon to the previous line break or list separator; in a header
/// flattened by PDF conversion, what precedes a known heading ("...,
/// United States Other States:", "..., Indian Chemical Council
/// Non-Governmental Organizations and Academia:") is given back to the list
/// before it. Text before the first heading is a group named "Participants".
std::vector<Group> find_groups(std::string_view value, const CountryGazetteer& countries);

/// How much of the text after "Participants:" belongs to it: the groups
/// run until a paragraph that does not open with a known "Heading:" (so a
/// following "Note: ..." paragraph is prose, not a group).
std::size_t participants_length(std::string_view value);

}  // namespace infonote

#endif
