#include "query_builder.h"

#include <array>
#include <memory>

#include "org_gazetteer.h"
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

// An organization is indexed under its acronym and under its folded name,
// canonical when the organization gazetteer knows it. A value the gazetteer
// knows, under any alias or spelling, becomes the canonical terms; any other
// is matched as written, as an acronym when it is one word.
Xapian::Query organization_query(const std::string& org)
{
    std::string key = folded_key(org);
    if (key.empty()) throw QueryError("empty organization name");
    if (const OrgEntry* known = default_org_gazetteer().resolve(org)) {
        Xapian::Query by_name(filter_term(FieldId::Org, folded_key(known->name)));
        if (!known->acronym) return by_name;
        return Xapian::Query(Xapian::Query::OP_OR,
                             Xapian::Query(filter_term(FieldId::Org, *known->acronym)), by_name);
    }
    Xapian::Query by_name(filter_term(FieldId::Org, key));
    if (key.find(' ') != std::string::npos) return by_name;
    std::string acronym;
    for (char c : org)
        if (c != ' ') acronym += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(filter_term(FieldId::Org, acronym)),
                         by_name);
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

// "country:Iran" and "venue:IR" in query text resolve through the gazetteer
// like the --country flag does.
class CountryProcessor : public Xapian::FieldProcessor {
  public:
    CountryProcessor(const CountryGazetteer& countries, FieldId field, ProblemSlot problem)
        : countries_(countries), field_(field), problem_(std::move(problem))
    {
    }

    Xapian::Query operator()(const std::string& value) override
    {
        if (const Country* c = countries_.resolve(value))
            return Xapian::Query(filter_term(field_, c->alpha2));
        if (problem_->empty()) *problem_ = unknown_country_message(value, countries_);
        return Xapian::Query::MatchNothing;
    }

  private:
    const CountryGazetteer& countries_;
    FieldId field_;
    ProblemSlot problem_;
};

class OrganizationProcessor : public Xapian::FieldProcessor {
  public:
    explicit OrganizationProcessor(ProblemSlot problem) : problem_(std::move(problem)) {}

    Xapian::Query operator()(const std::string& value) override
    {
        try {
            return organization_query(value);
        } catch (const QueryError& e) {
            if (problem_->empty()) *problem_ = e.what();
            return Xapian::Query::MatchNothing;
        }
    }

  private:
    ProblemSlot problem_;
};

bool is_filter_term(const std::string& term)
{
    for (const Field& f : kFields)
        if (f.kind == FieldKind::Filter && term.compare(0, f.prefix.size(), f.prefix) == 0)
            return true;
    return false;
}

bool has_word_terms(const Xapian::Query& query)
{
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t)
        if (!is_filter_term(*t)) return true;
    return false;
}

Xapian::QueryParser make_parser(const CountryGazetteer& countries, const ProblemSlot& problem)
{
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("en"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    // Analysts expect every word they type to be in the note.
    parser.set_default_op(Xapian::Query::OP_AND);
    for (const Field& f : kFields) {
        if (f.name.empty() || f.id == FieldId::Id) continue;
        std::string name(f.name);
        if (f.kind == FieldKind::Text) {
            parser.add_prefix(name, std::string(f.prefix));
        } else if (f.id == FieldId::Country || f.id == FieldId::VenueCountry) {
            parser.add_boolean_prefix(name,
                                      (new CountryProcessor(countries, f.id, problem))->release());
        } else if (f.id == FieldId::Org) {
            parser.add_boolean_prefix(name, (new OrganizationProcessor(problem))->release());
        } else {
            parser.add_boolean_prefix(name, std::string(f.prefix));
        }
    }
    return parser;
}

}  // namespace

std::string fold_query_text(const std::string& text)
{
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = text.find_first_of(" \t\n", i);
        if (end == std::string::npos) end = text.size();
        std::string_view token(text.data() + i, end - i);
        if (is_operator(token)) {
            out += token;
        } else {
            // A field name stays as typed ("title:"), and so does a filter
            // value ("country:Kazahstan"), which the gazetteer resolves and
            // an error message quotes.
            std::size_t colon = token.find(':');
            const Field* named = nullptr;
            if (colon != std::string_view::npos) {
                for (const Field& f : kFields)
                    if (!f.name.empty() && token.substr(0, colon) == f.name) named = &f;
            }
            if (!named) {
                out += fold(token);
            } else if (named->kind == FieldKind::Filter) {
                out += token;
            } else {
                out += token.substr(0, colon + 1);
                out += fold(token.substr(colon + 1));
            }
        }
        out += text.substr(end, end < text.size() ? 1 : 0);
        i = end + 1;
    }
    return out;
}

std::string country_filter_term(const std::string& country, const CountryGazetteer& countries)
{
    const Country* c = countries.resolve(country);
    if (!c) throw QueryError(unknown_country_message(country, countries));
    return filter_term(FieldId::Country, c->alpha2);
}

BuiltQuery build_query(const SearchRequest& request, const CountryGazetteer& countries)
{
    BuiltQuery built;
    std::vector<Xapian::Query> filters;
    for (const std::string& c : request.countries)
        filters.emplace_back(country_filter_term(c, countries));
    for (const std::string& o : request.organizations) filters.push_back(organization_query(o));

    Xapian::Query words;
    if (request.words.find_first_not_of(" \t\n") != std::string::npos) {
        auto problem = std::make_shared<std::string>();
        Xapian::QueryParser parser = make_parser(countries, problem);
        try {
            words = parser.parse_query(
                fold_query_text(request.words),
                Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT, "");
        } catch (const Xapian::QueryParserError& e) {
            throw QueryError(e.get_msg());
        }
        if (!problem->empty()) throw QueryError(*problem);
    }
    // A query of filters alone (country:KZ typed as text) lists by date too.
    // "NOT astana" alone weighs nothing: a listing, too.
    bool pure_negation = words.get_type() == Xapian::Query::OP_AND_NOT &&
                         words.get_subquery(0).get_type() == Xapian::Query::LEAF_MATCH_ALL;
    built.ranked = has_word_terms(words) && !pure_negation;
    Xapian::Query base = words.empty() ? Xapian::Query::MatchAll : words;
    if (filters.empty()) {
        built.query = base;
    } else {
        Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
        built.query = Xapian::Query(Xapian::Query::OP_FILTER, base, filter);
    }
    return built;
}

}  // namespace infonote
