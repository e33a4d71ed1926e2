#include "query_builder.h"

#include <array>
#include <memory>

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

// An organization is indexed under its acronym and under its folded name.
Xapian::Query organization_query(const std::string& org)
{
    std::string acronym;
    for (char c : org)
        if (c != ' ') acronym += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string key = folded_key(org);
    if (key.empty()) throw QueryError("empty organization name");
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(filter_term(FieldId::Org, acronym)),
                         Xapian::Query(filter_term(FieldId::Org, key)));
}

// "country:Iran" and "venue:IR" in query text resolve through the gazetteer
// like the --country flag does.
class CountryProcessor : public Xapian::FieldProcessor {
  public:
    CountryProcessor(const CountryGazetteer& countries, FieldId field)
        : countries_(countries), field_(field)
    {
    }

    Xapian::Query operator()(const std::string& value) override
    {
        const Country* c = countries_.resolve(value);
        if (!c) throw Xapian::QueryParserError(unknown_country_message(value, countries_));
        return Xapian::Query(filter_term(field_, c->alpha2));
    }

    static std::string unknown_country_message(const std::string& value,
                                               const CountryGazetteer& countries)
    {
        std::string message = "unknown country '" + value + "'";
        std::vector<const Country*> close = countries.suggest(value, 1);
        if (!close.empty())
            message +=
                "; did you mean " + close.front()->name + " (" + close.front()->alpha2 + ")?";
        return message;
    }

  private:
    const CountryGazetteer& countries_;
    FieldId field_;
};

class OrganizationProcessor : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override
    {
        try {
            return organization_query(value);
        } catch (const QueryError& e) {
            throw Xapian::QueryParserError(e.what());
        }
    }
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

Xapian::QueryParser make_parser(const CountryGazetteer& countries)
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
            parser.add_boolean_prefix(name, (new CountryProcessor(countries, f.id))->release());
        } else if (f.id == FieldId::Org) {
            parser.add_boolean_prefix(name, (new OrganizationProcessor)->release());
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
            // Keep a field name before its colon as typed: "title:Astana".
            std::size_t colon = token.find(':');
            bool field_name = false;
            if (colon != std::string_view::npos) {
                for (const Field& f : kFields)
                    if (!f.name.empty() && token.substr(0, colon) == f.name) field_name = true;
            }
            if (field_name) {
                out += token.substr(0, colon + 1);
                out += fold(token.substr(colon + 1));
            } else {
                out += fold(token);
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
    if (!c) throw QueryError(CountryProcessor::unknown_country_message(country, countries));
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
        Xapian::QueryParser parser = make_parser(countries);
        try {
            words = parser.parse_query(
                fold_query_text(request.words),
                Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT, "");
        } catch (const Xapian::QueryParserError& e) {
            throw QueryError(e.get_msg());
        }
    }
    // A query of filters alone (country:KZ typed as text) lists by date too.
    built.ranked = has_word_terms(words);
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
