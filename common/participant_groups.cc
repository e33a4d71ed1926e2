#include "participant_groups.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>

#include "text_normalizer.h"
#include "text_spans.h"

namespace infonote {

namespace {

// Group headings seen in notes, as folded keys. In a flattened header the
// longest of these that ends the text before a colon is the heading.
constexpr std::string_view kKnownHeadings[] = {
    "states", "state", "participating states", "other participating states", "member states",
    "other states", "other member states", "central asia states", "central asian states",
    "african union member states", "au member states", "ecowas member states",
    "caricom member states", "sica member states", "asean member states", "observer states",
    "observers", "other", "others", "other participants", "countries", "participating countries",
    "other countries", "host country", "host state", "national participants", "national agencies",
    "national authorities", "national institutions", "national delegations",
    "national stakeholders", "government", "government agencies", "host government",
    "international organizations", "international organisations",
    "international and regional organizations", "international and regional organisations",
    "regional organizations", "regional organisations", "intergovernmental organizations",
    "intergovernmental organisations", "other organizations", "other organisations",
    "organizations", "organisations", "united nations", "un entities", "united nations entities",
    "un bodies", "un agencies", "industry", "private sector", "industry and private sector",
    "industry representatives", "academia", "non governmental organizations",
    "non governmental organisations", "non governmental organizations and academia",
    "non governmental organisations and academia", "ngos", "ngos and academia", "civil society",
    "civil society and academia", "academia and civil society", "research institutions",
    "think tanks", "1540 committee", "committee", "participants", "observer", "observer state",
    "dialogue partners", "partner states", "partner countries",
    // French
    "etats", "etat", "autres etats", "etats membres", "etats participants", "pays", "observateurs",
    "autres", "participants nationaux", "etats partenaires", "pays partenaires",
    "organisations internationales", "organisations regionales",
    "organisations internationales et regionales", "organisations intergouvernementales",
    "industrie", "secteur prive", "societe civile", "ong", "milieux universitaires", "comite 1540",
    // Spanish
    "estados", "estado", "otros estados", "estados miembros", "estados participantes", "paises",
    "observadores", "otros", "participantes nacionales", "estados socios", "paises socios",
    "organizaciones internacionales", "organizaciones regionales",
    "organizaciones internacionales y regionales", "organizaciones intergubernamentales",
    "industria", "sector privado", "sociedad civil", "ong", "academia", "comite 1540",
    "participantes"};

std::vector<std::string> words_of(std::string_view heading)
{
    std::vector<std::string> words;
    std::istringstream in(folded_key(heading));
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

bool has_word(const std::vector<std::string>& words, std::string_view word)
{
    return std::find(words.begin(), words.end(), word) != words.end();
}

bool has_any_word(const std::vector<std::string>& words,
                  std::initializer_list<std::string_view> wanted)
{
    return std::any_of(wanted.begin(), wanted.end(),
                       [&](std::string_view w) { return has_word(words, w); });
}

bool has_prefix(const std::vector<std::string>& words, std::string_view prefix)
{
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return w.starts_with(prefix); });
}

bool is_known_heading(std::string_view text)
{
    std::string key = folded_key(text);
    return std::find(std::begin(kKnownHeadings), std::end(kKnownHeadings), key) !=
           std::end(kKnownHeadings);
}

bool starts_like_heading(std::string_view s)
{
    unsigned char c = static_cast<unsigned char>(s[0]);
    // A byte >= 0x80 starts a non-ASCII letter, as in "États".
    return std::isupper(c) || std::isdigit(c) || c >= 0x80;
}

// Words that end organization names, for telling where a list item ends in
// a flattened header.
constexpr std::string_view kOrganizationEndings[]{
    "council",      "institute",   "center",      "centre",      "agency",     "organization",
    "organisation", "association", "university",  "union",       "commission", "secretariat",
    "ab",           "ltd",         "inc",         "gmbh",        "group",      "foundation",
    "forum",        "office",      "community",   "nations",     "bank",       "unit",
    "initiative",   "committee",   "directorate", "arrangement", "regime",     "system",
    "league",       "program",     "programme",   "studies",     "affairs",    "crime",
    "health",       "force",       "partnership", "network",     "laboratory", "service",
    "services",     "authority",   "ministry",    "department",  "police",     "customs",
    "academy",      "college",     "school",      "federation",  "chamber",    "corporation",
    "company",      "institution", "board",       "mission",     "delegation", "embassy"};

// Words that open a heading rather than end a list item: "Other" in
// "Other International Organizations:" stays with its heading.
constexpr std::string_view kHeadingOpeners[]{"other", "others", "autres", "otros", "otras",
                                             "and",   "et",     "y",      "of",    "de"};

// True when `prefix` plausibly ends a list item: a country name, an
// acronym, a closing parenthesis or an organization's last word. Only then
// is it given back to the previous list, so that "Pacific Island States"
// stays one heading while "..., United States Other States" splits.
bool ends_list_item(std::string_view prefix, const CountryGazetteer& countries)
{
    std::string_view p = trim_view(prefix, " ,;\t\n");
    if (p.empty()) return false;
    if (p.back() == ')') return true;
    std::size_t space = p.find_last_of(" \t\n");
    std::string_view last = space == std::string_view::npos ? p : p.substr(space + 1);
    if (last.size() >= 2 && is_upper_word(last)) return true;
    std::string last_key = folded_key(last);
    if (std::find(std::begin(kOrganizationEndings), std::end(kOrganizationEndings), last_key) !=
        std::end(kOrganizationEndings))
        return true;
    return countries.trailing_name(p).country != nullptr;
}

// True when the last word of `prefix` would open the heading after it.
bool opens_heading(std::string_view prefix)
{
    std::string_view p = trim_view(prefix, " ,;\t\n");
    std::size_t space = p.find_last_of(" \t\n");
    std::string last = folded_key(space == std::string_view::npos ? p : p.substr(space + 1));
    return last.empty() || std::find(std::begin(kHeadingOpeners), std::end(kHeadingOpeners),
                                     last) != std::end(kHeadingOpeners);
}

// "Member States", "États membres", "Estados miembros": a heading that
// the organization whose members they are may open ("ECCAS Member States",
// "Pacific Islands Forum Member States").
bool opens_member_heading(std::string_view heading)
{
    std::string key = folded_key(heading);
    for (std::string_view opening : {"member states", "member countries", "etats membres",
                                     "pays membres", "estados miembros", "paises miembros"})
        if (key.starts_with(opening)) return true;
    return false;
}

// Where the organization before a member heading at `at` starts: the
// earliest point, at the start of `candidate` or just after a country
// name that ends the previous list, from which only capitalized words or
// connectors and no country name run up to `at`. `at` when there is none.
std::size_t member_organization_start(std::string_view candidate, std::size_t at,
                                      const CountryGazetteer& countries)
{
    for (std::size_t from = 0; from < at; ++from) {
        if ((from > 0 && !is_space(candidate[from - 1])) || is_space(candidate[from])) continue;
        if (from > 0) {
            CountryMatch before = countries.trailing_name(candidate.substr(0, from));
            if (!before.country) continue;
        }
        std::string_view organization = trim_view(candidate.substr(from, at - from));
        if (organization.empty() || !starts_like_heading(organization)) continue;
        if (countries.leading_countries_end(organization) > 0) continue;
        bool name_like = true;
        for (const Word& w : split_words(organization)) {
            std::string_view written = organization.substr(w.begin, w.end - w.begin);
            bool connector = w.folded == "of" || w.folded == "the" || w.folded == "de" ||
                             w.folded == "for" || w.folded == "and";
            if (!connector && !starts_like_heading(written)) name_like = false;
        }
        if (name_like) return from;
    }
    return at;
}

// The longest known heading that ends `candidate` at a word boundary, when
// what precedes it can end the previous list; empty when there is none.
std::string_view known_heading_suffix(std::string_view candidate, const CountryGazetteer& countries)
{
    for (std::size_t at = 0; at < candidate.size(); ++at) {
        if ((at > 0 && !is_space(candidate[at - 1])) || is_space(candidate[at])) continue;
        std::string_view suffix = candidate.substr(at);
        if (!starts_like_heading(suffix) || !is_known_heading(suffix)) continue;
        if (at > 0 && opens_member_heading(suffix))
            if (std::size_t from = member_organization_start(candidate, at, countries); from < at)
                return candidate.substr(from);
        if (at == 0 || ends_list_item(candidate.substr(0, at), countries)) return suffix;
        // Groups run together on one line: "... Southern African Development
        // Community National participants: ...". A heading of two words or
        // more that names no States ("National participants", "Civil
        // society", "Regional organisations") is a heading wherever it
        // falls, unless the word before it belongs to it ("Other").
        if (count_words(suffix) >= 2 && classify_group(suffix) != GroupKind::States &&
            !opens_heading(candidate.substr(0, at)))
            return suffix;
    }
    return {};
}

// "United States Other" -> "Other": the country names that open a
// candidate heading belong to the list before it. Empty when the
// candidate is nothing but country names.
std::string_view heading_after_countries(std::string_view candidate,
                                         const CountryGazetteer& countries)
{
    std::size_t keep = countries.leading_countries_end(candidate);
    return trim_view(candidate.substr(keep), " ,;");
}

// Where the text that may hold the heading ending at `colon` starts: back
// to the previous list separator, or also to the previous line break.
std::size_t candidate_start(std::string_view value, std::size_t floor, std::size_t colon,
                            bool stop_at_line_break)
{
    std::size_t start = colon;
    while (start > floor && !(stop_at_line_break && value[start - 1] == '\n') &&
           std::string_view(",;.").find(value[start - 1]) == std::string_view::npos)
        --start;
    return start;
}

// The heading whose colon is at `colon`, or empty when that colon does not
// end a heading. `floor` is where the search back must stop. A known
// heading may follow the end of the previous list on the same line or,
// when PDF conversion wrapped the lines anywhere, on a line of its own
// after a name cut in two ("Sao Tome and\nPrincipe Other States:").
std::string_view heading_before(std::string_view value, std::size_t floor, std::size_t colon,
                                const CountryGazetteer& countries)
{
    std::size_t wide = candidate_start(value, floor, colon, false);
    std::string_view known =
        known_heading_suffix(trim_view(value.substr(wide, colon - wide)), countries);
    if (!known.empty()) return known;
    // A heading of its own line may hold a comma: "Invited, not represented:".
    std::size_t line = value.rfind('\n', colon);
    line = line == std::string_view::npos || line < floor ? floor : line + 1;
    std::string_view whole_line = trim_view(value.substr(line, colon - line));
    if (whole_line.find(',') != std::string_view::npos && count_words(whole_line) <= 6 &&
        classify_group(whole_line) == GroupKind::Invited)
        return whole_line;
    std::size_t narrow = candidate_start(value, floor, colon, true);
    std::string_view candidate = trim_view(value.substr(narrow, colon - narrow));
    // "Jamaica: Ministry of Foreign Affairs, Customs Agency": a State alone
    // at the start of its line heads the list of its own agencies.
    bool line_start = narrow == 0 || value[narrow - 1] == '\n';
    if (line_start && !candidate.empty() && country_heading(candidate, countries)) {
        std::size_t eol = std::min(value.find('\n', colon), value.size());
        std::string_view after = trim_view(value.substr(colon + 1, eol - colon - 1));
        std::string_view first_item = trim_view(after.substr(0, after.find(',')));
        if (!first_item.empty() && !country_heading(first_item, countries)) return candidate;
    }
    if (candidate.empty() || !starts_like_heading(candidate)) return {};
    if (count_words(candidate) > 8 || candidate.size() > 80) return {};
    return heading_after_countries(candidate, countries);
}

// The words that name a State's own people or bodies in a heading by its
// adjective: "Administrations marocaines", "Georgian agencies",
// "Autoridades paraguayas".
constexpr std::string_view kNationalBodies[] = {
    "administrations", "authorities", "agencies", "institutions", "officials", "delegation",
    "delegates", "participants", "ministries", "services", "stakeholders", "autorites",
    "delegues", "fonctionnaires", "ministeres", "organismes", "responsables", "autoridades",
    "instituciones", "organismos", "entidades", "delegados", "delegacion", "funcionarios",
    "participantes", "ministerios"};

}  // namespace

bool known_group_heading(std::string_view heading)
{
    if (is_known_heading(heading)) return true;
    std::string key = folded_key(heading);
    if (count_words(heading) > 6) return false;
    for (std::string_view ending : {" member states", " etats membres", " estados miembros"})
        if (key.ends_with(ending)) return true;
    return false;
}

const Country* demonym_heading(std::string_view heading, const CountryGazetteer& countries)
{
    std::vector<std::string> w = words_of(heading);
    if (w.size() < 2 || w.size() > countries.longest_demonym_words() + 1) return nullptr;
    auto body = [](const std::string& word) {
        return std::find(std::begin(kNationalBodies), std::end(kNationalBodies), word) !=
               std::end(kNationalBodies);
    };
    auto joined = [&w](std::size_t from, std::size_t to) {
        std::string out;
        for (std::size_t i = from; i < to; ++i) out += (i > from ? " " : "") + w[i];
        return out;
    };
    // "Georgian agencies" in English, "Administrations marocaines" in
    // French and Spanish.
    if (body(w.back()))
        if (const Country* c = countries.demonym(joined(0, w.size() - 1))) return c;
    if (body(w.front()))
        if (const Country* c = countries.demonym(joined(1, w.size()))) return c;
    return nullptr;
}

bool country_heading(std::string_view heading, const CountryGazetteer& countries)
{
    ListScan scan = countries.scan_list(heading);
    return scan.matches.size() == 1 && scan.unmatched.empty() &&
           countries.leading_countries_end(heading) == heading.size();
}

GroupKind classify_group(std::string_view heading)
{
    std::vector<std::string> w = words_of(heading);
    std::string key = folded_key(heading);
    auto has_phrase = [&key](std::string_view phrase) {
        return (" " + key + " ").find(" " + std::string(phrase) + " ") != std::string::npos;
    };
    if (has_word(w, "1540") || has_word(w, "committee") || has_word(w, "comite"))
        return GroupKind::Committee;
    // "Guest experts", "Expertos invitados", "Experts invités": people from
    // States who came to present, and took part.
    if (has_prefix(w, "expert") && (has_prefix(w, "invit") || has_word(w, "guest")))
        return GroupKind::States;
    // "Invited, not represented", "States invited", "Invités", "Invitados".
    if (has_prefix(w, "invit")) return GroupKind::Invited;
    // "Donors", "Funding", "Financial support", "Appui financier",
    // "Financiación", "Bailleurs de fonds", "Patrocinadores".
    if (has_prefix(w, "donor") || has_prefix(w, "donant") || has_prefix(w, "fund") ||
        has_prefix(w, "financ") || has_prefix(w, "bailleur") || has_prefix(w, "sponsor") ||
        has_prefix(w, "patrocin"))
        return GroupKind::Funding;
    if (has_prefix(w, "industr") || has_phrase("private sector") || has_prefix(w, "compan") ||
        has_word(w, "business") || has_phrase("secteur prive") || has_phrase("sector privado"))
        return GroupKind::Industry;
    if (has_prefix(w, "academ") || has_prefix(w, "ngo") || has_word(w, "ong") ||
        has_phrase("non governmental") || has_word(w, "nongovernmental") ||
        has_phrase("civil society") || has_phrase("societe civile") ||
        has_phrase("sociedad civil") || has_word(w, "research") || has_phrase("think tanks") ||
        has_prefix(w, "universit"))
        return GroupKind::Civil;
    // Word by word, so that "International" and "Intergovernmental" are
    // not taken for "national" and "governmental".
    if (has_any_word(w, {"national", "nationaux", "nationales", "nacional", "nacionales"}) ||
        has_prefix(w, "government") || has_prefix(w, "gouvernement") || has_prefix(w, "gobierno") ||
        has_prefix(w, "minist"))
        return GroupKind::National;
    if (has_prefix(w, "organi") || has_prefix(w, "agenc") || has_word(w, "bodies") ||
        has_prefix(w, "institution") || has_word(w, "entities") || has_phrase("united nations") ||
        has_word(w, "un"))
        return GroupKind::International;
    if (is_known_heading(heading) || heading_names_states(heading)) return GroupKind::States;
    return GroupKind::Unknown;
}

OrgKind org_kind_of(GroupKind kind)
{
    switch (kind) {
        case GroupKind::Industry: return OrgKind::Industry;
        case GroupKind::Civil: return OrgKind::Civil;
        case GroupKind::International: return OrgKind::International;
        case GroupKind::National: return OrgKind::National;
        default: return OrgKind::Other;
    }
}

bool heading_names_states(std::string_view heading)
{
    std::vector<std::string> w = words_of(heading);
    return has_prefix(w, "state") || has_prefix(w, "countr") || has_prefix(w, "etat") ||
           has_prefix(w, "estado") || has_word(w, "pays") || has_word(w, "paises");
}

std::vector<Group> find_groups(std::string_view value, const CountryGazetteer& countries)
{
    std::vector<Group> groups;
    std::size_t content_begin = 0;
    std::string heading = "Participants";
    for (std::size_t colon = value.find(':'); colon != std::string_view::npos;
         colon = value.find(':', colon + 1)) {
        std::string_view own = heading_before(value, content_begin, colon, countries);
        if (own.empty()) continue;
        groups.push_back({heading, content_begin, offset_in(value, own)});
        heading = collapse_spaces(own);
        content_begin = colon + 1;
    }
    groups.push_back({heading, content_begin, value.size()});
    // The text before the first heading is a group only when it has words.
    if (trim_view(value.substr(groups.front().begin, groups.front().end - groups.front().begin))
            .empty())
        groups.erase(groups.begin());
    return groups;
}

std::size_t participants_length(std::string_view v)
{
    std::size_t at = 0;
    while (true) {
        std::size_t blank = find_blank_line(v.substr(at));
        if (blank == std::string_view::npos) return v.size();
        blank += at;
        std::size_t next = v.find_first_not_of(" \t\n", blank);
        if (next == std::string_view::npos) return blank;
        std::size_t eol = v.find('\n', next);
        std::string_view next_line =
            v.substr(next, eol == std::string_view::npos ? eol : eol - next);
        std::size_t colon = next_line.find(':');
        if (colon == std::string_view::npos || count_words(next_line.substr(0, colon)) > 8 ||
            classify_group(trim_view(next_line.substr(0, colon), " \t*-")) == GroupKind::Unknown)
            return blank;
        at = next;
    }
}

}  // namespace infonote
