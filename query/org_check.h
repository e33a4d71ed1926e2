// --org names an organization the index knows, or the command stops with a
// "did you mean", as for countries and regions.
#ifndef INFONOTE_QUERY_ORG_CHECK_H
#define INFONOTE_QUERY_ORG_CHECK_H

#include <string>
#include <vector>

#include <xapian.h>

namespace infonote {

/// Throws QueryError "unknown organization 'X'" for the first of `orgs`
/// that no document of `db` names (in any role), with "; did you mean A
/// or B?" when organizations the index holds are close: within one edit
/// in four letters of an acronym or a name (organizations.tsv's names, and
/// acronyms as the index holds them), or holding the value as a whole word.
void check_organizations(const Xapian::Database& db, const std::vector<std::string>& orgs);

}  // namespace infonote

#endif
