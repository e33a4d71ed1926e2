// Counting the notes a query matches without ranking them.
//
// A ranked search needs only its best page, which Xapian finds without
// visiting every match; but its total must still be exact. Xapian counts
// exactly only by running the whole match, weights included, at some
// 600 instructions a document. For the queries people type most (words
// joined by AND, OR, NOT, with field filters) the count is the size of a
// union or intersection of posting lists, which this walks directly.
#ifndef INFONOTE_QUERY_MATCH_COUNT_H
#define INFONOTE_QUERY_MATCH_COUNT_H

#include <optional>

#include <xapian.h>

namespace infonote {

/// Whether count_matches can count `query`: every operator in it is a
/// term, "match everything", AND, OR, AND_NOT, AND_MAYBE, FILTER,
/// SYNONYM, MAX or SCALE_WEIGHT (whose optional and scaled parts may be
/// anything, since they decide no match). Phrases, value ranges and
/// wildcards are left to Xapian.
bool countable(const Xapian::Query& query);

/// The number of documents of `db` that `query` matches, walking its
/// posting lists; nullopt when the query is not countable(). `db` must be
/// local: a remote shard would send each posting list whole.
std::optional<Xapian::doccount> count_matches(const Xapian::Database& db,
                                              const Xapian::Query& query);

}  // namespace infonote

#endif
