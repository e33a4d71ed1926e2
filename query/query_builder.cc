#include "query_builder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <iterator>
#include <memory>

#include "ascii.h"
#include "date_filter.h"
#include "event_type.h"
#include "note.h"
#include "org_gazetteer.h"
#include "regions.h"
#include "schema.h"
#include "text_normalizer.h"

namespace infonote {

namespace {

constexpr std::array<std::string_view, 6> kOperators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

bool is_operator(std::string_view token)
{
    for (std::string_view op : kOperators)
        if (token == op) return true;
    return false;
}

std::string unknown_country_message(const std::string& value, const CountryGazetteer& countries)
{
    std::string message = "unknown country '" + value + "'";
    std::vector<const Country*> close = countries.suggest(value, 3);
    for (std::size_t i = 0; i < close.size(); ++i) {
        message += i == 0 ? "; did you mean " : i + 1 == close.size() ? " or " : ", ";
        message += close[i]->name + " (" + close[i]->alpha2 + ")";
    }
    if (!close.empty()) message += '?';
    return message;
}

// The first problem a field processor met. Xapian 1.4's QueryParser leaks
// its parse state when a FieldProcessor throws, so processors record the
// problem, match nothing, and build_query throws once parsing is over.
using ProblemSlot = std::shared_ptr<std::string>;
using ValueReader = std::function<Xapian::Query(const std::string&)>;

// "country:Iran", "type:atelier", "date:2014..2015" in query text: the value
// read like the matching flag reads it.
class ValueProcessor : public Xapian::FieldProcessor {
  public:
    ValueProcessor(ValueReader read, ProblemSlot problem)
        : read_(std::move(read)), problem_(std::move(problem))
    {
    }

    Xapian::Query operator()(const std::string& value) override
    {
        try {
            return read_(value);
        } catch (const QueryError& e) {
            if (problem_->empty()) *problem_ = e.what();
            return Xapian::Query();
        }
    }

  private:
    ValueReader read_;
    ProblemSlot problem_;
};

std::string country_code(const std::string& value, const CountrySource& countries)
{
    return find_country(value, countries).alpha2;
}

Xapian::Query any_of(const std::vector<Xapian::Query>& queries)
{
    return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

// Events held in an M49 region or sub-region: any of its venue countries.
Xapian::Query region_query(const std::string& value)
{
    const Region& region = find_region(value);
    std::vector<Xapian::Query> venues;
    for (const std::string& code : region.countries)
        venues.emplace_back(filter_term(FieldId::VenueCountry, code));
    return any_of(venues);
}

Xapian::Query type_query(const std::string& value)
{
    if (std::optional<std::string_view> type = resolve_event_type(value))
        return Xapian::Query(filter_term(FieldId::Type, *type));
    std::string known;
    for (std::string_view t : event_types()) known += (known.empty() ? "" : ", ") + std::string(t);
    throw QueryError("unknown event type '" + value + "'; known types: " + known);
}

Xapian::Query kind_query(const std::string& value)
{
    if (std::optional<DocumentKind> kind = kind_from_name(value))
        return Xapian::Query(filter_term(FieldId::Kind, kind_name(*kind)));
    std::string known;
    for (DocumentKind k : kDocumentKinds)
        known += (known.empty() ? "" : ", ") + std::string(kind_name(k));
    throw QueryError("unknown document kind '" + value + "'; known kinds: " + known);
}

Xapian::Query date_query(const std::string& value)
{
    std::string problem;
    std::optional<DaySpan> span = parse_day_span(value, problem);
    if (!span) throw QueryError(problem);
    return overlap_query(*span);
}

Xapian::Query year_query(const std::string& value)
{
    if (value.size() != 4 || value.find_first_not_of("0123456789") != std::string::npos)
        throw QueryError("year '" + value + "' is not a four-digit year");
    return Xapian::Query(filter_term(FieldId::Year, value));
}

bool is_filter_term(const std::string& term)
{
    for (const Field& f : kFields)
        if (f.kind == FieldKind::Filter && term.compare(0, f.prefix.size(), f.prefix) == 0)
            return true;
    return false;
}

// True when the query weighs words: a word term, or a wildcard ("nucl*"),
// which has no terms until the match expands it.
bool has_word_terms(const Xapian::Query& query)
{
    if (query.get_type() == Xapian::Query::OP_WILDCARD) return true;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t)
        if (!is_filter_term(*t)) return true;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (has_word_terms(query.get_subquery(i))) return true;
    return false;
}

// Field names that only the query text knows, besides the schema's.
constexpr std::array<std::string_view, 2> kQueryOnlyFields{"date", "region"};

// The organizations the query text names (org:X), for the engine to check
// against the index as it checks --org.
using OrgSlot = std::shared_ptr<std::vector<std::string>>;

Xapian::QueryParser make_parser(const CountrySource& countries, const ProblemSlot& problem,
                                const OrgSlot& orgs)
{
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("en"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    // Analysts expect every word they type to be in the note.
    parser.set_default_op(Xapian::Query::OP_AND);
    auto processor = [&problem](ValueReader read) {
        return (new ValueProcessor(std::move(read), problem))->release();
    };
    auto country = [countries](FieldId id) {
        return [countries, id](const std::string& v) {
            return Xapian::Query(filter_term(id, country_code(v, countries)));
        };
    };
    for (const Field& f : kFields) {
        if (f.name.empty() || f.id == FieldId::Id) continue;
        std::string name(f.name);
        if (f.kind == FieldKind::Text)
            parser.add_prefix(name, std::string(f.prefix));
        else if (f.id == FieldId::Country || f.id == FieldId::VenueCountry ||
                 f.id == FieldId::Invited)
            parser.add_boolean_prefix(name, processor(country(f.id)));
        else if (f.id == FieldId::Org)
            parser.add_boolean_prefix(name, processor([orgs](const std::string& v) {
                                          orgs->push_back(v);
                                          return organization_query(v);
                                      }));
        else if (f.id == FieldId::Type)
            parser.add_boolean_prefix(name, processor(type_query));
        else if (f.id == FieldId::Kind)
            parser.add_boolean_prefix(name, processor(kind_query));
        else if (f.id == FieldId::Year)
            parser.add_boolean_prefix(name, processor(year_query));
        else
            parser.add_boolean_prefix(name, std::string(f.prefix));
    }
    parser.add_boolean_prefix("date", processor(date_query));
    parser.add_boolean_prefix("region", processor(region_query));
    return parser;
}

// True for a field whose value the query text keeps as typed.
bool is_filter_field(std::string_view name)
{
    for (const Field& f : kFields)
        if (f.name == name) return f.kind == FieldKind::Filter;
    return std::find(kQueryOnlyFields.begin(), kQueryOnlyFields.end(), name) !=
           kQueryOnlyFields.end();
}

bool is_text_field(std::string_view name)
{
    for (const Field& f : kFields)
        if (!f.name.empty() && f.name == name) return f.kind == FieldKind::Text;
    return false;
}

// The flags' filters, each tagged with the facet it narrows.
std::vector<Filter> flag_filters(const SearchRequest& r, const CountrySource& countries)
{
    std::vector<Filter> filters;
    auto add = [&filters](std::optional<Facet> facet, Xapian::Query q) {
        filters.push_back({facet, std::move(q)});
    };
    std::vector<Xapian::Query> attended;
    for (const std::string& c : r.countries) {
        std::string code = country_code(c, countries);
        Xapian::Query came(filter_term(FieldId::Country, code));
        if (r.include_invited)
            came = Xapian::Query(Xapian::Query::OP_OR, came,
                                 Xapian::Query(filter_term(FieldId::Invited, code)));
        attended.push_back(came);
    }
    if (r.any_country && !attended.empty())
        add(Facet::Country, any_of(attended));
    else
        for (Xapian::Query& q : attended) add(Facet::Country, q);
    if (!r.org_role.empty() && r.organizations.empty())
        throw QueryError("--org-role goes with --org");
    FieldId org_field = r.org_role == "organizer"     ? FieldId::OrgOrganizer
                        : r.org_role == "participant" ? FieldId::OrgParticipant
                                                      : FieldId::Org;
    std::vector<Xapian::Query> named;
    for (const std::string& o : r.organizations) named.push_back(organization_query(o, org_field));
    if (r.any_org && !named.empty())
        add(Facet::Org, any_of(named));
    else
        for (Xapian::Query& q : named) add(Facet::Org, q);

    // A flag that may repeat: one filter, any of its values.
    auto add_any = [&add](Facet facet, const std::vector<std::string>& values,
                          const auto& query_of) {
        std::vector<Xapian::Query> each;
        for (const std::string& v : values) each.push_back(query_of(v));
        if (!each.empty()) add(facet, any_of(each));
    };
    add_any(Facet::VenueCountry, r.venue_countries, [&countries](const std::string& c) {
        return Xapian::Query(filter_term(FieldId::VenueCountry, country_code(c, countries)));
    });
    add_any(Facet::Region, r.regions, region_query);
    add_any(Facet::Year, r.years, year_query);
    add_any(Facet::Type, r.types, type_query);
    add_any(Facet::Kind, r.kinds, kind_query);

    if (!r.from.empty() || !r.to.empty()) add(std::nullopt, date_query(r.from + ".." + r.to));
    return filters;
}

Xapian::Query filtered(const Xapian::Query& words, const std::vector<Filter>& filters,
                       std::optional<Facet> leave_out)
{
    std::vector<Xapian::Query> kept;
    for (const Filter& f : filters)
        if (!leave_out || f.facet != leave_out) kept.push_back(f.query);
    if (kept.empty()) return words;
    return Xapian::Query(Xapian::Query::OP_FILTER, words,
                         Xapian::Query(Xapian::Query::OP_AND, kept.begin(), kept.end()));
}

// "non-proliferation" -> "(non-proliferation OR nonproliferation)": a
// note may write either form, and the index holds the closed one only
// where the note hyphenated. Brackets around the word stay outside.
std::string either_hyphen_form(const std::string& word)
{
    std::size_t begin = word.find_first_not_of('(');
    std::size_t end = word.find_last_not_of(')');
    if (begin == std::string::npos || end <= begin) return word;
    std::string core = word.substr(begin, end - begin + 1);
    if (core.front() == '-' || core.front() == '+' || core.back() == '-' ||
        core.find('-') == std::string::npos || core.find_first_of("\"*") != std::string::npos)
        return word;
    std::string closed;
    for (char c : core)
        if (c != '-') closed += c;
    return word.substr(0, begin) + "(" + core + " OR " + closed + ")" + word.substr(end + 1);
}

// Xapian's QueryParser keeps an '&' inside a word ("r&d") and a '+' or
// '#' after one ("c++"), but the ICU word breaks the index was cut with
// split them off: "R&D" was indexed as the words r and d, "C++" as c. The
// query gets the index's breaks: such an '&' becomes '/', which makes the
// parser search the two words as a phrase, and the suffixes go.
std::string with_index_word_breaks(const std::string& word)
{
    auto wordish = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    };
    std::string out;
    for (std::size_t i = 0; i < word.size(); ++i) {
        char c = word[i];
        bool after_word = !out.empty() && wordish(out.back());
        if (c == '&' && after_word && i + 1 < word.size() && wordish(word[i + 1])) {
            out += '/';
            continue;
        }
        if ((c == '+' || c == '#') && after_word) {
            std::size_t end = std::min(word.find_first_not_of("+#", i), word.size());
            if (end == word.size() || !wordish(word[end])) {
                i = end - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}

}  // namespace

std::string fold_query_text(const std::string& text)
{
    std::string out;
    bool in_phrase = false;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = text.find_first_of(kAsciiSpaces, i);
        if (end == std::string::npos) end = text.size();
        std::string_view token(text.data() + i, end - i);
        if (is_operator(token)) {
            out += token;
        } else {
            // A field name stays as typed ("title:"), and so does a filter
            // value ("country:Kazahstan"), which the gazetteer resolves and
            // an error message quotes.
            std::size_t colon = token.find(':');
            std::string_view name = token.substr(0, colon);
            if (colon == std::string_view::npos) {
                std::string word = with_index_word_breaks(fold(token));
                out += in_phrase ? word : either_hyphen_form(word);
            } else if (is_filter_field(name)) {
                out += token;
            } else if (is_text_field(name)) {
                out += token.substr(0, colon + 1);
                out += with_index_word_breaks(fold(token.substr(colon + 1)));
            } else {
                out += fold(token);
            }
            if (std::count(token.begin(), token.end(), '"') % 2 == 1) in_phrase = !in_phrase;
        }
        out += text.substr(end, end < text.size() ? 1 : 0);
        i = end + 1;
    }
    return out;
}

const Region& find_region(const std::string& value)
{
    const RegionTable& table = default_region_table();
    const Region* region = table.resolve(value);
    if (region) return *region;
    std::string message = "unknown region '" + value + "'";
    std::vector<const Region*> close = table.suggest(value, 3);
    for (std::size_t i = 0; i < close.size(); ++i)
        message += (i == 0 ? "; did you mean " : ", ") + close[i]->name;
    throw QueryError(message + (close.empty() ? "" : "?"));
}

const Country& find_country(const std::string& value, const CountrySource& countries)
{
    // The English names first, which load quickly; the translations only
    // when a name is not among them.
    if (const Country* c = english_gazetteer().resolve(value)) return *c;
    if (const Country* c = countries().resolve(value)) return *c;
    throw QueryError(unknown_country_message(value, countries()));
}

std::string country_filter_term(const std::string& country, const CountryGazetteer& countries)
{
    const Country* c = countries.resolve(country);
    if (!c) throw QueryError(unknown_country_message(country, countries));
    return filter_term(FieldId::Country, c->alpha2);
}

namespace {

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_DEFAULT |
                                 Xapian::QueryParser::FLAG_PURE_NOT |
                                 Xapian::QueryParser::FLAG_WILDCARD;

// The words parsed; `folded` set to the text the parser read.
Xapian::Query parse_words(const std::string& words, const CountrySource& countries,
                          std::string& folded, std::vector<std::string>& organizations)
{
    if (is_ascii_blank(words)) return Xapian::Query();
    if (words.size() > kMaxQueryBytes)
        throw QueryError("query is " + std::to_string(words.size()) +
                         " bytes long; a query may have at most " + std::to_string(kMaxQueryBytes));
    auto problem = std::make_shared<std::string>();
    auto orgs = std::make_shared<std::vector<std::string>>();
    Xapian::QueryParser parser = make_parser(countries, problem, orgs);
    Xapian::Query parsed;
    try {
        folded = fold_query_text(words);
        parsed = parser.parse_query(folded, kParseFlags, "");
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError("cannot read query '" + words + "': " + e.get_msg());
    }
    if (!problem->empty()) throw QueryError(*problem);
    organizations = std::move(*orgs);
    auto terms =
        static_cast<std::size_t>(std::distance(parsed.get_terms_begin(), parsed.get_terms_end()));
    if (terms > kMaxQueryTerms)
        throw QueryError("query has " + std::to_string(terms) +
                         " terms; a query may have at most " + std::to_string(kMaxQueryTerms));
    return parsed;
}

}  // namespace

bool BuiltQuery::filters_on(Facet facet) const
{
    return std::any_of(filters.begin(), filters.end(),
                       [facet](const Filter& f) { return f.facet == facet; });
}

Xapian::Query BuiltQuery::query_without(Facet facet) const
{
    return filtered(words, filters, facet);
}

BuiltQuery build_query(const SearchRequest& request, const CountryGazetteer& countries)
{
    return build_query(request, [&countries]() -> const CountryGazetteer& { return countries; });
}

BuiltQuery build_query(const SearchRequest& request, const CountrySource& countries)
{
    BuiltQuery built;
    built.filters = flag_filters(request, countries);
    Xapian::Query words =
        parse_words(request.words, countries, built.folded_words, built.organizations);
    // A query of filters alone (country:KZ typed as text) lists by date too.
    // "NOT astana" alone weighs nothing: a listing, too.
    bool pure_negation = words.get_type() == Xapian::Query::OP_AND_NOT &&
                         words.get_subquery(0).get_type() == Xapian::Query::LEAF_MATCH_ALL;
    built.ranked = has_word_terms(words) && !pure_negation;
    // A new MatchAll, not a copy of Xapian::Query::MatchAll: a query's
    // reference count is not atomic, and the server builds queries on
    // several threads at once.
    built.words = words.empty() ? Xapian::Query(std::string()) : words;
    built.query = filtered(built.words, built.filters, std::nullopt);
    return built;
}

std::string corrected_words(const std::string& folded, const Xapian::Database& db)
{
    // Only plain words the index lacks are looked up: a field's value, an
    // operator, a word* pattern and any word the notes use stay as typed.
    std::string out;
    bool changed = false;
    std::size_t at = 0;
    auto in_word = [](unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '\''; };
    while (at < folded.size()) {
        if (!in_word(static_cast<unsigned char>(folded[at]))) {
            out += folded[at++];
            continue;
        }
        std::size_t end = at;
        while (end < folded.size() && in_word(static_cast<unsigned char>(folded[end]))) ++end;
        std::string word = folded.substr(at, end - at);
        bool field_or_pattern =
            (end < folded.size() && (folded[end] == ':' || folded[end] == '*')) ||
            (at > 0 && folded[at - 1] == ':');
        if (field_or_pattern) {
            // The whole field value, up to the next space, stays as typed.
            end = folded.find(' ', end);
            if (end == std::string::npos) end = folded.size();
            out += folded.substr(at, end - at);
            at = end;
            continue;
        }
        std::string suggestion;
        if (word.size() >= 3 && !is_operator(word) &&
            word.find_first_of("0123456789") == std::string::npos && !db.term_exists(word))
            suggestion = db.get_spelling_suggestion(word);
        changed |= !suggestion.empty();
        out += suggestion.empty() ? word : suggestion;
        at = end;
    }
    return changed ? out : std::string();
}

// An organization is indexed under its acronym and under its folded name,
// canonical when the organization gazetteer knows it. A value the gazetteer
// knows, under any alias or spelling, becomes the canonical terms; any other
// is matched as written, as an acronym when it is one word.
Xapian::Query organization_query(const std::string& org, FieldId field)
{
    std::string key = folded_key(org);
    if (key.empty()) throw QueryError("empty organization name");
    if (const OrgEntry* known = default_org_gazetteer().resolve(org)) {
        Xapian::Query by_name(filter_term(field, folded_key(known->name)));
        if (!known->acronym) return by_name;
        return Xapian::Query(Xapian::Query::OP_OR,
                             Xapian::Query(filter_term(field, *known->acronym)), by_name);
    }
    Xapian::Query by_name(filter_term(field, key));
    if (key.find(' ') != std::string::npos) return by_name;
    std::string acronym;
    for (char c : org)
        if (c != ' ') acronym += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(filter_term(field, acronym)), by_name);
}

}  // namespace infonote
