#include "org_check.h"

#include <set>
#include <unordered_map>

#include "org_gazetteer.h"
#include "query_builder.h"
#include "schema.h"
#include "text_normalizer.h"
#include "text_spans.h"

namespace infonote {

namespace {

bool in_index(const Xapian::Database& db, const Xapian::Query& query)
{
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t)
        if (db.term_exists(*t)) return true;
    return false;
}

struct Candidate {
    std::string label;             // as suggested: "UNODA (United Nations ...)"
    std::vector<std::string> keys;  // folded acronym and name
};

// The organizations the index holds that a user may have meant: every
// known one with a document, and every acronym in the index.
std::vector<Candidate> candidates(const Xapian::Database& db)
{
    std::vector<Candidate> out;
    std::set<std::string> acronyms;
    for (const OrgEntry& e : default_org_gazetteer().entries()) {
        Xapian::Query q = organization_query(e.acronym.value_or(e.name));
        if (!in_index(db, q)) continue;
        Candidate c{e.acronym ? *e.acronym + " (" + e.name + ")" : e.name, {folded_key(e.name)}};
        if (e.acronym) {
            c.keys.push_back(folded_key(*e.acronym));
            acronyms.insert(*e.acronym);
        }
        out.push_back(std::move(c));
    }
    // Acronyms: the prefix, then ':' and a capital (filter_term()).
    std::string prefix = std::string(field(FieldId::Org).prefix) + ":";
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        std::string acronym = (*t).substr(prefix.size());
        if (!acronyms.insert(acronym).second) continue;
        out.push_back({acronym, {folded_key(acronym)}});
    }
    return out;
}

}  // namespace

void check_organizations(const Xapian::Database& db, const std::vector<std::string>& orgs)
{
    for (const std::string& org : orgs) {
        if (in_index(db, organization_query(org))) continue;
        std::vector<Candidate> known = candidates(db);
        std::unordered_map<std::string, std::size_t> names;
        for (std::size_t i = 0; i < known.size(); ++i)
            for (const std::string& k : known[i].keys) names.emplace(k, i);
        std::vector<std::size_t> close = closest_names(folded_key(org), names, known.size(), 3);
        std::string message = "unknown organization '" + org + "'";
        std::size_t shown = close.size();
        for (std::size_t i = 0; i < shown; ++i) {
            message += i == 0 ? "; did you mean " : i + 1 == shown ? " or " : ", ";
            message += known[close[i]].label;
        }
        if (shown > 0) message += '?';
        throw QueryError(message);
    }
}

}  // namespace infonote
