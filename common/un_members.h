// Which States are Members of the United Nations, and which are non-member
// observer States: what `coverage` lists. Read from data/un_members.tsv,
// which says where the list comes from (iso-codes does not mark it).
#ifndef INFONOTE_COMMON_UN_MEMBERS_H
#define INFONOTE_COMMON_UN_MEMBERS_H

#include <filesystem>
#include <string>
#include <vector>

namespace infonote {

/// One State in the list.
struct UnState {
    /// ISO 3166-1 alpha-2 code.
    std::string code;
    /// A non-member observer State (the Holy See, the State of Palestine).
    bool observer = false;
};

/// Reads a membership file: '#' comments, blank lines, and lines of an
/// alpha-2 code, a tab and "member" or "observer". Throws
/// std::runtime_error naming the file and line for anything else, or a code
/// listed twice.
std::vector<UnState> read_un_members(const std::filesystem::path& tsv);

/// The list every program uses, loaded once from data_dir(), by code.
const std::vector<UnState>& un_members();

}  // namespace infonote

#endif
