// From what a user typed to a Xapian query, following the schema table.
#ifndef INFONOTE_QUERY_QUERY_BUILDER_H
#define INFONOTE_QUERY_QUERY_BUILDER_H

#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "country_gazetteer.h"

namespace infonote {

/// The user's query cannot be understood: a usage error, reported in one
/// line (exit status 2).
class QueryError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct SearchRequest {
    /// Free text in Xapian's query syntax: words, "phrases", AND/OR/NOT,
    /// and field prefixes (title:, city:, country:, venue:, org:, year:).
    std::string words;
    /// Each must have attended (as participant or host): name, alias or code.
    std::vector<std::string> countries;
    /// Each must have organized or attended: acronym or full name.
    std::vector<std::string> organizations;
};

struct BuiltQuery {
    Xapian::Query query;
    /// False when the request has filters only: results are then listed by
    /// date rather than ranked.
    bool ranked = false;
};

/// Builds the query. Throws QueryError for an unknown country (with a "did
/// you mean" when a known name is close) or malformed query syntax.
BuiltQuery build_query(const SearchRequest& request, const CountryGazetteer& countries);

/// The filter term for a country given by name, alias or code; throws
/// QueryError naming it when unknown.
std::string country_filter_term(const std::string& country, const CountryGazetteer& countries);

/// Folds query text through the indexing pipeline while keeping the query
/// syntax: operators (AND, OR, NOT, XOR, NEAR, ADJ) and field names stay.
std::string fold_query_text(const std::string& text);

}  // namespace infonote

#endif
