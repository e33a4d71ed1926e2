// Organizations as notes name them ("Organization for Security and
// Co-operation in Europe (OSCE)", "UNODA", "Indian Chemical Council") to
// Organization records with their canonical acronym and name.
#ifndef INFONOTE_COMMON_ORGANIZATION_NAMES_H
#define INFONOTE_COMMON_ORGANIZATION_NAMES_H

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "country_gazetteer.h"
#include "note.h"
#include "org_gazetteer.h"

namespace infonote {

/// Acronyms a note defines for itself, as in "Arab Atomic Energy Agency
/// (AAEA)", so that a bare "AAEA" elsewhere in the note gets its name.
class LearnedAcronyms {
  public:
    /// Collects every "Full Name (ACR)" in `text`. A parenthesized country
    /// name or code ("University of Georgia (USA)") is not an acronym.
    static LearnedAcronyms from_text(std::string_view text, const CountryGazetteer& countries);

    /// The full name the note gave `acronym`; nullptr when none.
    const std::string* name_of(std::string_view acronym) const;
    /// The acronym the note gave the organization `name`; nullptr when none.
    const std::string* acronym_of(std::string_view name) const;

  private:
    void learn(std::string acronym, std::string name);

    std::unordered_map<std::string, std::string> names_;
    /// org_key() of a name to its acronym.
    std::unordered_map<std::string, std::string> acronyms_;
};

/// What reading an organization needs besides its text.
struct OrgContext {
    const CountryGazetteer& countries;
    const OrgGazetteer& orgs;
    const LearnedAcronyms& learned;
};

/// One list item as an Organization: `written` keeps the item as the note
/// wrote it (leading "the" dropped); acronym, name and kind are the
/// gazetteer's when it knows the organization, else what the item or the
/// note itself says, with the kind judged by kind_from_name() (Other when
/// the name does not tell). Group and role are left for the caller.
Organization read_organization(std::string_view item, const OrgContext& context);

/// The known organization an item names, by its whole text, its name or
/// its acronym; nullptr when unknown.
const OrgEntry* known_organization(std::string_view item, const OrgContext& context);

/// True when an item that is not a country reads as an organization's
/// name ("Korea Strategic Trade Institute", "Ericsson AB Sweden").
bool looks_like_organization(std::string_view item);

/// The kind of an organization judged by its name: "University",
/// "Institute" civil society, "AB", "Council" industry, "Ministry",
/// "Agency" national; `otherwise` when the name does not tell.
OrgKind kind_from_name(std::string_view name, OrgKind otherwise);

/// Splits a list of organizations into items: at commas and semicolons
/// outside parentheses, except inside a known name ("United Nations
/// Regional Centre for Peace, Disarmament and Development in Latin America
/// and the Caribbean"), and at a list "and" ("UNODA and OSCE", "the
/// Government of Montenegro and the United Nations Office for Disarmament
/// Affairs"); "United Nations Office on Drugs and Crime" stays one name.
std::vector<std::string> split_organizations(std::string_view list, const OrgContext& context);

}  // namespace infonote

#endif
