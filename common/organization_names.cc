#include "organization_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <sstream>
#include <tuple>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text_normalizer.h"
#include "text_spans.h"

namespace infonote {

namespace {

// Lower-case words that may stand inside an organization's name.
constexpr std::array<std::string_view, 25> kNameConnectors{
    "of",  "for", "the", "and", "on", "in", "to",   "against", "de",  "des", "du",  "la", "le",
    "les", "el",  "los", "las", "y",  "et", "pour", "para",    "del", "en",  "sur", "&"};

// An acronym is at most this long; longer parenthesized text is a name.
constexpr std::size_t kMaxAcronymBytes = 16;
// How far back from "(ACR)" a name is looked for.
constexpr std::size_t kMaxNameWords = 15;

bool is_connector(std::string_view word)
{
    return std::find(kNameConnectors.begin(), kNameConnectors.end(), word) != kNameConnectors.end();
}

std::vector<std::string> folded_words(std::string_view text)
{
    std::vector<std::string> words;
    for (const Word& w : split_words(text)) words.push_back(w.folded);
    return words;
}

bool has_any(const std::vector<std::string>& words, std::initializer_list<std::string_view> set)
{
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::find(set.begin(), set.end(), w) != set.end();
    });
}

struct LetterCase {
    std::size_t upper = 0;
    std::size_t lower = 0;
    bool starts_upper = false;
};

// Capitals and small letters in a word, in any script ("CoE", "СНГ").
LetterCase letter_case(std::string_view word)
{
    LetterCase counts;
    const auto length = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(word.data(), i, length, c);
        bool upper = u_isupper(c), lower = u_islower(c);
        if (counts.upper + counts.lower == 0 && (upper || lower)) counts.starts_upper = upper;
        counts.upper += upper;
        counts.lower += lower;
    }
    return counts;
}

// "OSCE", "BWC ISU", "EU CBRN CoE", "ICPO-INTERPOL", "СНГ": up to three
// words in capitals (a word such as "CoE" may have a few small letters).
bool is_acronym(std::string_view s)
{
    s = trim_view(s);
    if (s.empty() || s.size() > kMaxAcronymBytes) return false;
    std::istringstream in{std::string(s)};
    std::size_t words = 0;
    bool capital_word = false;
    for (std::string w; in >> w;) {
        if (++words > 3) return false;
        LetterCase counts = letter_case(w);
        if (counts.lower == 0 && counts.upper > 0) {
            capital_word = capital_word || counts.upper >= 2;
            continue;
        }
        if (!counts.starts_upper || counts.upper < 2 || counts.lower > counts.upper) return false;
    }
    return capital_word;
}

// An item read as acronym and name, before any gazetteer is asked.
struct WrittenName {
    std::optional<std::string> acronym;
    std::string name;
};

// "Commonwealth of Independent States (CIS)", "UNODA (United Nations
// Office for Disarmament Affairs)", "OSCE". A country in parentheses, as in
// "University of Georgia (USA)", is part of the name, not an acronym; an
// organization's acronym that is also a country code ("AU") is an acronym.
WrittenName split_acronym(const std::string& item, const OrgContext& context)
{
    auto open = item.rfind('(');
    if (!item.empty() && item.back() == ')' && open != std::string::npos && open > 0) {
        std::string inner = collapse_spaces(item.substr(open + 1, item.size() - open - 2));
        std::string outer = collapse_spaces(item.substr(0, open));
        if (is_acronym(inner) && (context.orgs.resolve(inner) || !context.countries.resolve(inner)))
            return {inner, outer};
        if (is_acronym(outer) && count_words(inner) > 1) return {outer, inner};
    }
    if (is_acronym(item)) return {item, item};
    return {std::nullopt, item};
}

// An organization's name without the article before it: "the", French
// "le", "la", "les", "l'", Spanish "el", "la", "los", "las".
std::string without_article(std::string_view name)
{
    for (std::string_view article :
         {"the ", "The ", "le ", "Le ", "la ", "La ", "les ", "Les ", "l'", "L'", "l\u2019", "el ",
          "El ", "los ", "Los ", "las ", "Las "}) {
        if (name.size() > article.size() + 2 && name.starts_with(article))
            return std::string(name.substr(article.size()));
    }
    return std::string(name);
}

bool starts_capitalized(std::string_view word)
{
    unsigned char c = static_cast<unsigned char>(word[0]);
    // A byte >= 0x80 starts a non-ASCII letter such as "É".
    return std::isupper(c) || std::isdigit(c) || c >= 0x80;
}

// The letters of `acronym`, in order, among those of `words`: "UNODA" in
// "United Nations Office for Disarmament Affairs".
bool spells_acronym(std::string_view acronym, const std::vector<std::string_view>& words,
                    std::size_t from)
{
    std::string letters;
    for (std::size_t i = from; i < words.size(); ++i)
        for (char c : words[i])
            if (std::isalpha(static_cast<unsigned char>(c)))
                letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t at = 0;
    for (char c : acronym) {
        if (!std::isalpha(static_cast<unsigned char>(c))) continue;
        at = letters.find(static_cast<char>(std::tolower(static_cast<unsigned char>(c))), at);
        if (at == std::string::npos) return false;
        ++at;
    }
    return true;
}

// The capitalized words just before `paren`, nearest last, up to a word
// that cannot be part of a name or ends a sentence.
std::vector<std::string_view> words_before(std::string_view text, std::size_t paren)
{
    std::vector<std::string_view> words;
    std::size_t end = paren;
    while (words.size() < kMaxNameWords) {
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
        if (end > 0 && text[end - 1] == '\n') {
            // One line break may wrap a name; a blank line ends it.
            --end;
            while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
            if (end == 0 || text[end - 1] == '\n') break;
        }
        std::size_t begin = end;
        while (begin > 0 && !is_space(text[begin - 1])) --begin;
        if (begin == end) break;
        std::string_view word = text.substr(begin, end - begin);
        std::string_view bare = trim_view(word, ",");
        if (bare.empty() || std::string_view(".:;()*").find(word.back()) != std::string_view::npos)
            break;
        if (!starts_capitalized(bare) && !is_connector(bare)) break;
        words.insert(words.begin(), word);
        end = begin;
    }
    return words;
}

// The name a "(ACR)" at `paren` stands for: the longest run of words before
// it that starts with the acronym's first letter and holds its letters in
// order, with an acronym just before it kept ("CARICOM Implementation
// Agency for Crime and Security (IMPACS)"). Empty when none fits.
std::string name_for_acronym(std::string_view text, std::size_t paren, std::string_view acronym)
{
    std::vector<std::string_view> words = words_before(text, paren);
    char first = static_cast<char>(std::tolower(static_cast<unsigned char>(acronym[0])));
    for (std::size_t k = 0; k < words.size(); ++k) {
        std::string_view w = trim_view(words[k], ",");
        if (is_connector(w)) continue;
        if (std::tolower(static_cast<unsigned char>(w[0])) != first) continue;
        if (!spells_acronym(acronym, words, k)) continue;
        // "CARICOM Implementation Agency ...", but not "UNODC, World
        // Customs Organization": a comma ends the acronym's reach.
        if (k > 0 && words[k - 1].back() != ',' && is_upper_word(words[k - 1])) --k;
        std::string name;
        for (std::size_t i = k; i < words.size(); ++i) {
            if (!name.empty()) name += ' ';
            name += words[i];
        }
        return std::string(trim_view(name, ", "));
    }
    return {};
}

}  // namespace

LearnedAcronyms LearnedAcronyms::from_text(std::string_view text, const CountryGazetteer& countries)
{
    LearnedAcronyms learned;
    for (std::size_t open = text.find('('); open != std::string_view::npos;
         open = text.find('(', open + 1)) {
        std::size_t close = text.find(')', open);
        if (close == std::string_view::npos || close - open > kMaxAcronymBytes + 2) continue;
        std::string_view acronym = trim_view(text.substr(open + 1, close - open - 1));
        if (!is_acronym(acronym) || countries.resolve(acronym)) continue;
        std::string name = name_for_acronym(text, open, acronym);
        if (!name.empty()) learned.learn(std::string(acronym), collapse_spaces(name));
    }
    return learned;
}

void LearnedAcronyms::learn(std::string acronym, std::string name)
{
    // The first definition in the note wins, as a reader would take it.
    acronyms_.emplace(org_key(name), acronym);
    names_.emplace(std::move(acronym), std::move(name));
}

const std::string* LearnedAcronyms::name_of(std::string_view acronym) const
{
    auto it = names_.find(std::string(trim_view(acronym)));
    return it == names_.end() ? nullptr : &it->second;
}

const std::string* LearnedAcronyms::acronym_of(std::string_view name) const
{
    auto it = acronyms_.find(org_key(name));
    return it == acronyms_.end() ? nullptr : &it->second;
}

const OrgEntry* known_organization(std::string_view item, const OrgContext& context)
{
    std::string written = without_article(tidy(item));
    if (written.empty()) return nullptr;
    if (const OrgEntry* e = context.orgs.resolve(written)) return e;
    WrittenName w = split_acronym(written, context);
    if (w.name != written)
        if (const OrgEntry* e = context.orgs.resolve(w.name)) return e;
    if (w.acronym) return context.orgs.resolve(*w.acronym);
    // "Name (ABBR)" where ABBR is not read as an acronym, as in Cyrillic.
    auto open = written.rfind('(');
    if (written.back() == ')' && open != std::string::npos && open > 0) {
        if (const OrgEntry* e = context.orgs.resolve(written.substr(0, open))) return e;
        return context.orgs.resolve(written.substr(open + 1, written.size() - open - 2));
    }
    return nullptr;
}

Organization read_organization(std::string_view item, const OrgContext& context)
{
    Organization org;
    org.written = without_article(tidy(item));
    WrittenName w = split_acronym(org.written, context);
    if (const OrgEntry* known = known_organization(org.written, context)) {
        org.acronym = known->acronym ? known->acronym : w.acronym;
        org.name = known->name;
        org.kind = known->kind;
        return org;
    }
    org.acronym = w.acronym;
    org.name = w.name;
    org.kind = kind_from_name(w.name, OrgKind::Other);
    if (w.acronym && w.name == *w.acronym) {
        if (const std::string* name = context.learned.name_of(*w.acronym)) org.name = *name;
    } else if (!w.acronym) {
        if (const std::string* acronym = context.learned.acronym_of(w.name)) org.acronym = *acronym;
    }
    return org;
}

bool looks_like_organization(std::string_view item)
{
    std::string_view trimmed = trim_view(item);
    if (is_acronym(trimmed)) return true;
    return has_any(
        folded_words(trimmed),
        {"university",   "universidad", "universite",  "institute",  "institut",    "instituto",
         "council",      "centre",      "center",      "agency",     "association", "organization",
         "organisation", "company",     "corporation", "corp",       "inc",         "ltd",
         "llc",          "ab",          "gmbh",        "plc",        "foundation",  "ministry",
         "department",   "authority",   "commission",  "office",     "secretariat", "group",
         "forum",        "initiative",  "programme",   "program",    "laboratory",  "academy",
         "college",      "school",      "society",     "federation", "chamber",     "network",
         "partnership"});
}

OrgKind kind_from_name(std::string_view name, OrgKind otherwise)
{
    std::vector<std::string> words = folded_words(name);
    if (has_any(words, {"ab", "gmbh", "inc", "ltd", "llc", "plc", "corporation", "corp", "company",
                        "industries", "industry"}))
        return OrgKind::Industry;
    if (has_any(words,
                {"university", "universidad", "universite", "institute", "institut", "instituto",
                 "academy", "college", "school", "foundation", "society", "research"}))
        return OrgKind::Civil;
    if (has_any(words, {"government", "national", "ministry", "ministries", "agency", "authority",
                        "customs", "police", "gouvernement", "ministere", "gobierno", "ministerio",
                        "douanes", "aduanas"}))
        return OrgKind::National;
    if (has_any(words, {"council", "association", "federation", "chamber"}))
        return OrgKind::Industry;
    return otherwise;
}

namespace {

// Whether `text` is one organization's whole name, with or without its
// acronym after it, as the gazetteer or the note itself knows it; the
// acronym alone does not count, as a list may end with one.
bool is_whole_name(std::string_view text, const OrgContext& context)
{
    std::string item(drop_leading_the(tidy(text)));
    if (item.empty()) return false;
    if (context.orgs.resolve(item)) return true;
    auto open = item.rfind('(');
    bool acronym_after = item.back() == ')' && open != std::string::npos && open > 0;
    std::string name = acronym_after ? tidy(item.substr(0, open)) : item;
    return context.orgs.resolve(name) || context.learned.acronym_of(name);
}

// Whether " and " at `at` joins two list items rather than two words of a
// name: after an acronym or a closing parenthesis ("UNODA and OSCE"), after
// a country ("Government of Montenegro and ..."), or before a known
// organization ("... and the United Nations Office for Disarmament Affairs").
bool is_list_and(std::string_view item, std::size_t start, std::size_t at, std::size_t length,
                 const OrgContext& context)
{
    std::string_view left = trim_view(item.substr(start, at - start));
    if (left.empty()) return false;
    auto space = left.find_last_of(' ');
    std::string_view last = space == std::string_view::npos ? left : left.substr(space + 1);
    if (left.back() == ')' || is_upper_word(last)) return true;
    if (context.countries.trailing_name(left).country) return true;
    return is_whole_name(item.substr(at + length), context);
}

// The next " and " (or French " et ", Spanish " y ") at or after `from`:
// its offset and length, or npos.
std::pair<std::size_t, std::size_t> next_and(std::string_view item, std::size_t from)
{
    std::pair<std::size_t, std::size_t> next{std::string_view::npos, 0};
    for (std::string_view word : {" and ", " et ", " y "}) {
        std::size_t at = item.find(word, from);
        if (at < next.first) next = {at, word.size()};
    }
    return next;
}

std::vector<std::string_view> split_list_and(std::string_view item, const OrgContext& context)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    // "... (UNIDIR) and\nOPCW": a line break may stand for either space.
    std::string flat(item);
    std::replace_if(
        flat.begin(), flat.end(), [](char c) { return is_space(c); }, ' ');
    for (auto [at, length] = next_and(flat, 0); at != std::string_view::npos;
         std::tie(at, length) = next_and(flat, at + 1)) {
        if (!is_list_and(item, start, at, length, context)) continue;
        parts.push_back(trim_view(item.substr(start, at - start)));
        start = at + length;
    }
    parts.push_back(item.substr(start));
    return parts;
}

// How many of the pieces from `i` make one name with commas in it
// ("... for Peace, Disarmament and Development ..."), or just 1.
std::size_t pieces_in_name(const std::vector<std::string_view>& pieces, std::size_t i,
                           std::string_view list, const OrgContext& context)
{
    constexpr std::size_t kMaxCommasInName = 3;
    for (std::size_t j = std::min(pieces.size() - 1, i + kMaxCommasInName); j > i; --j) {
        std::size_t begin = offset_in(list, pieces[i]);
        std::size_t end = offset_in(list, pieces[j]) + pieces[j].size();
        if (is_whole_name(list.substr(begin, end - begin), context)) return j - i + 1;
    }
    return 1;
}

}  // namespace

std::vector<std::string> split_organizations(std::string_view list, const OrgContext& context)
{
    std::vector<std::string_view> pieces;
    for (std::string_view part : split_top_level(list, ",;"))
        for (std::string_view piece : split_list_and(part, context)) pieces.push_back(piece);
    std::vector<std::string> items;
    for (std::size_t i = 0; i < pieces.size();) {
        std::size_t n = pieces_in_name(pieces, i, list, context);
        std::size_t begin = offset_in(list, pieces[i]);
        std::size_t end = offset_in(list, pieces[i + n - 1]) + pieces[i + n - 1].size();
        std::string item = tidy(list.substr(begin, end - begin));
        if (!item.empty()) items.push_back(std::move(item));
        i += n;
    }
    return items;
}

}  // namespace infonote
