// From what a user typed to a Xapian query, following the schema table.
#ifndef INFONOTE_QUERY_QUERY_BUILDER_H
#define INFONOTE_QUERY_QUERY_BUILDER_H

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "country_gazetteer.h"
#include "regions.h"
#include "schema.h"

namespace infonote {

/// The user's query cannot be understood: a usage error, reported in one
/// line (exit status 2).
class QueryError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The most a query's text may hold: every term costs a posting list to
/// read and weigh (and a spelling look-up), so that 10,000 words ORed took
/// minutes. Past either bound the query is refused with a QueryError.
inline constexpr std::size_t kMaxQueryBytes = 8192;
inline constexpr std::size_t kMaxQueryTerms = 256;

/// The fields facets count and filters narrow. Country and Org are
/// multi-valued (a note lists many); the others hold one value per note,
/// Year one per calendar year the event touches.
enum class Facet { Country, Org, Year, VenueCountry, Region, Type, Kind };

struct SearchRequest {
    /// Free text in Xapian's query syntax: words, "phrases", AND/OR/NOT,
    /// word*, and field prefixes (title:, city:, country:, venue:, org:,
    /// year:, type:, region:, date:A..B).
    std::string words;
    /// Each must have attended (as participant or host): name, alias or
    /// code. With `any_country`, one of them is enough.
    std::vector<std::string> countries;
    bool any_country = false;
    /// Let `countries` also match States a pre-event announcement only
    /// invited.
    bool include_invited = false;
    /// Each must have organized or attended: acronym or full name.
    std::vector<std::string> organizations;
    /// With `any_org`, one of `organizations` is enough (the search page's
    /// ticked values; the command line has no such option).
    bool any_org = false;
    /// "organizer" or "participant": `organizations` in that role only;
    /// "" for either.
    std::string org_role;
    /// Held in one of these countries, or in one of these M49 regions.
    std::vector<std::string> venue_countries;
    std::vector<std::string> regions;
    /// Partial dates ("2014", "2014-03", "2014-03-11"): the event overlaps
    /// from..to, rounded outward.
    std::string from;
    std::string to;
    /// Touches one of these calendar years.
    std::vector<std::string> years;
    /// Of one of these event types (event_type.h), as typed by the user.
    std::vector<std::string> types;
    /// Of one of these document kinds (kind_name() in note.h).
    std::vector<std::string> kinds;
};

/// One filter from a flag, tagged with the facet it narrows (none for
/// --from/--to, which no facet counts).
struct Filter {
    std::optional<Facet> facet;
    Xapian::Query query;
};

struct BuiltQuery {
    /// The words and the filters together: what to run.
    Xapian::Query query;
    /// The words part alone (MatchAll when there are none).
    Xapian::Query words;
    std::vector<Filter> filters;
    /// False when the request has filters only: results are then listed by
    /// date rather than ranked.
    bool ranked = false;
    /// The words as parsed: folded through the indexing pipeline, the query
    /// syntax kept (fold_query_text); "" when there are none.
    std::string folded_words;
    /// The organizations the words name (org:X), as the parser read them.
    std::vector<std::string> organizations;

    /// True when a flag filters on `facet`.
    bool filters_on(Facet facet) const;
    /// The query without the flag filters on `facet`: what that facet
    /// counts over, so that its other values still show.
    Xapian::Query query_without(Facet facet) const;
};

/// Builds the query. Throws QueryError for an unknown country (with a "did
/// you mean" when a known name is close) or malformed query syntax.
BuiltQuery build_query(const SearchRequest& request, const CountryGazetteer& countries);

/// Where the country gazetteer comes from when a query needs it: loading
/// it is most of a query's start-up, so a query naming no country should
/// not pay for it.
using CountrySource = std::function<const CountryGazetteer&()>;
BuiltQuery build_query(const SearchRequest& request, const CountrySource& countries);

/// A country by any name, alias or code, as --country and country: read
/// it; throws QueryError naming it, with a "did you mean", when unknown.
const Country& find_country(const std::string& value, const CountrySource& countries);

/// An M49 region by name or alias, as --region and region: read it; throws
/// QueryError naming it, with a "did you mean", when unknown.
const Region& find_region(const std::string& value);

/// The filter term for a country given by name, alias or code; throws
/// QueryError naming it when unknown.
std::string country_filter_term(const std::string& country, const CountryGazetteer& countries);

/// Folded query words (BuiltQuery::folded_words) with each plain word the
/// index lacks replaced by the closest word its spelling data knows, or ""
/// when no word needs it.
std::string corrected_words(const std::string& folded, const Xapian::Database& db);

/// The query for an organization (acronym, name or alias) in the field of
/// `field`: FieldId::Org for any role, OrgOrganizer or OrgParticipant for
/// one. Throws QueryError for an empty name.
Xapian::Query organization_query(const std::string& org, FieldId field = FieldId::Org);

/// Folds query text through the indexing pipeline while keeping the query
/// syntax: operators (AND, OR, NOT, XOR, NEAR, ADJ) and field names stay.
std::string fold_query_text(const std::string& text);

}  // namespace infonote

#endif
