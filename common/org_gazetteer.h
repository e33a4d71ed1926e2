// Organizations met at 1540 events, under any of their names, to one
// canonical acronym and name.
//
// Read at start-up from data/organizations.tsv. Names are compared by
// org_key(): the folded words of the text pipeline, plus the spelling
// variants organizations are written with ("Organisation", "Co-operation",
// "Centre", "Counter Terrorism"), so one alias covers them all.
#ifndef INFONOTE_COMMON_ORG_GAZETTEER_H
#define INFONOTE_COMMON_ORG_GAZETTEER_H

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "note.h"

namespace infonote {

/// One organization as infonote names it.
struct OrgEntry {
    /// The acronym in common use ("OSCE"); none for e.g. the 1540 Committee.
    std::optional<std::string> acronym;
    /// The full name in UN usage.
    std::string name;
    /// What kind of body it is, whatever heading a note lists it under.
    OrgKind kind = OrgKind::International;
};

class OrgGazetteer {
  public:
    /// Loads the organizations file. Throws std::runtime_error naming the
    /// file (and line) when it cannot be read, a line is malformed, or two
    /// organizations claim the same name.
    explicit OrgGazetteer(const std::filesystem::path& organizations_tsv);

    /// An organization by acronym, full name or alias, in any case and
    /// spelling variant; nullptr when unknown.
    const OrgEntry* resolve(std::string_view name_or_acronym) const;

    const std::vector<OrgEntry>& entries() const { return entries_; }

  private:
    void add_name(std::string_view name, std::size_t index, const std::string& where);

    std::vector<OrgEntry> entries_;
    /// org_key() of every name, alias and acronym to an index in entries_.
    std::unordered_map<std::string, std::size_t> by_key_;
};

/// The key under which organization names are compared: folded words
/// without "the" and "and", hyphenated words and the prefixes co-, counter-,
/// non-, anti-, inter- joined to the next word, British spellings made
/// American ("organisation" -> "organization", "centre" -> "center").
std::string org_key(std::string_view name);

/// The gazetteer every program uses, loaded once from data_dir().
const OrgGazetteer& default_org_gazetteer();

}  // namespace infonote

#endif
