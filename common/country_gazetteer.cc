#include "country_gazetteer.h"

#include <algorithm>
#include <atomic>
#include <array>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <nlohmann/json.hpp>

#include "config.h"
#include "mo_catalog.h"
#include "text_normalizer.h"
#include "text_spans.h"
#include "tsv_file.h"
#include "warnings.h"

namespace infonote {

namespace {

// The token that stands for a comma inside a name key, so that the
// iso-codes form "Korea, Republic of" is one name and not two list items.
constexpr std::string_view kCommaToken = ",";
constexpr std::string_view kHardSeparator = ";";

// A translated name that two countries claim (in one language or across
// languages) names neither.
constexpr std::size_t kAmbiguous = static_cast<std::size_t>(-1);

// The languages whose iso-codes catalogues are read: the UN's official
// languages besides English.
constexpr std::array<std::string_view, 5> kCatalogueLanguages{"fr", "es", "ru", "ar", "zh_CN"};

std::string to_upper_ascii(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string trim(std::string_view s)
{
    return std::string(trim_view(s));
}

bool ends_with_apostrophe(std::string_view s)
{
    return s.ends_with("'") || s.ends_with("\xE2\x80\x99");
}

// "Iran, Islamic Republic of" -> "Islamic Republic of Iran";
// "Congo, The Democratic Republic of the" -> "The Democratic Republic of the Congo";
// French "Iran, République islamique d'" -> "République islamique d'Iran".
std::string uninvert(std::string_view name)
{
    auto comma = name.find(", ");
    if (comma == std::string_view::npos) return std::string(name);
    std::string head = trim(name.substr(0, comma));
    std::string tail = trim(name.substr(comma + 2));
    return ends_with_apostrophe(tail) ? tail + head : tail + " " + head;
}

// "Korea, Republic of" reads well turned round; "Taiwan, Province of China"
// and "Bonaire, Sint Eustatius and Saba" do not.
bool ends_with_of(std::string_view name)
{
    return name.ends_with(" of") || name.ends_with(" of the");
}

// Tokens of a text for name matching: folded words, with a separator token
// where a comma or semicolon stood between two words.
struct Token {
    std::string text;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool separator = false;
};

// What separates two words: a semicolon (hard), a comma (soft), or
// nothing. Chinese and Arabic lists use their own commas.
std::string_view separator_in(std::string_view gap)
{
    for (std::string_view hard : {";", "\xEF\xBC\x9B"})  // ; and full-width ；
        if (gap.find(hard) != std::string_view::npos) return kHardSeparator;
    // , and ideographic 、, full-width ，, Arabic ،
    for (std::string_view soft : {",", "\xE3\x80\x81", "\xEF\xBC\x8C", "\xD8\x8C"})
        if (gap.find(soft) != std::string_view::npos) return kCommaToken;
    return {};
}

// "kazakhstan1" -> "kazakhstan": a footnote mark stuck to a name (a
// superscript ¹ folds to 1). No country name ends in a digit. True when
// digits were dropped.
bool drop_footnote_digits(std::string& word)
{
    std::size_t end = word.size();
    while (end > 0 && word[end - 1] >= '0' && word[end - 1] <= '9') --end;
    if (end == 0 || end == word.size()) return false;
    word.erase(end);
    return true;
}

// Where a word written `text[begin, end)` ends without the footnote mark
// stuck to it: ASCII digits, or superscript digits in UTF-8.
std::size_t end_before_footnote(std::string_view text, std::size_t begin, std::size_t end)
{
    while (end > begin) {
        unsigned char last = static_cast<unsigned char>(text[end - 1]);
        if (last >= '0' && last <= '9') {
            --end;
        } else if (end - begin >= 2 && text[end - 2] == '\xC2' &&
                   (last == 0xB9 || last == 0xB2 || last == 0xB3)) {
            end -= 2;  // ¹ ² ³
        } else if (end - begin >= 3 && text.substr(end - 3, 2) == "\xE2\x81" && last >= 0xB0 &&
                   last <= 0xB9) {
            end -= 3;  // ⁰ ⁴ ... ⁹
        } else {
            break;
        }
    }
    return end;
}

bool is_han(UChar32 c)
{
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

// The words of `text`, with each Han ideograph a word of its own. Chinese
// writes names without spaces; matching them ideograph by ideograph spares
// ICU's dictionary segmentation, the slowest part of loading the names,
// and cannot split one name differently in a list than on its own.
std::vector<Word> name_words(std::string_view text)
{
    std::vector<Word> words;
    std::size_t run_begin = 0;  // start of the text not yet split
    auto flush = [&](std::size_t end) {
        if (end <= run_begin) return;
        for (Word& w : split_words(text.substr(run_begin, end - run_begin))) {
            w.begin += run_begin;
            w.end += run_begin;
            words.push_back(std::move(w));
        }
    };
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        int32_t begin = i;
        UChar32 c = 0;
        U8_NEXT(text.data(), i, length, c);
        if (c < 0x2E80 || !is_han(c)) continue;
        flush(static_cast<std::size_t>(begin));
        Word w;
        w.begin = static_cast<std::size_t>(begin);
        w.end = static_cast<std::size_t>(i);
        w.folded = fold(text.substr(w.begin, w.end - w.begin));
        run_begin = w.end;
        words.push_back(std::move(w));
    }
    flush(text.size());
    return words;
}

// "St", "St.", "Ste" and "Sainte" all stand for "Saint" in the names of
// Saint Lucia, Saint Kitts and Nevis or Sainte-Lucie: one word in the key,
// so that each spelling matches every other.
std::string saint_as_one_word(std::string word)
{
    if (word == "saint" || word == "sainte" || word == "ste") return "st";
    return word;
}

std::vector<Token> tokenize(std::string_view text)
{
    std::vector<Token> tokens;
    std::size_t gap_begin = 0;
    for (Word& w : name_words(text)) {
        std::string_view gap = text.substr(gap_begin, w.begin - gap_begin);
        std::string_view separator = separator_in(gap);
        if (!separator.empty() && !tokens.empty())
            tokens.push_back({std::string(separator), gap_begin, w.begin, true});
        // "St. Vincent & the Grenadines": the word splitter drops "&",
        // which stands for "and" inside a name as between two.
        if (separator.empty() && !tokens.empty())
            if (std::size_t amp = gap.find('&'); amp != std::string_view::npos)
                tokens.push_back({"and", gap_begin + amp, gap_begin + amp + 1, false});
        gap_begin = w.end;
        if (drop_footnote_digits(w.folded)) w.end = end_before_footnote(text, w.begin, w.end);
        tokens.push_back({saint_as_one_word(std::move(w.folded)), w.begin, w.end, false});
    }
    return tokens;
}

std::string key_of(const std::vector<Token>& tokens, std::size_t from, std::size_t count)
{
    std::string key;
    for (std::size_t i = from; i < from + count; ++i) {
        if (i > from) key += ' ';
        key += tokens[i].text;
    }
    return key;
}

std::string key_of(std::string_view name)
{
    std::vector<Token> tokens = tokenize(name);
    return key_of(tokens, 0, tokens.size());
}

// An article that official names may start with and lists leave out.
bool is_article(std::string_view word)
{
    for (std::string_view article : {"the", "le", "la", "les", "el", "los", "las"})
        if (word == article) return true;
    return false;
}

std::string joined_key(const std::vector<Token>& tokens, std::size_t a_from, std::size_t a_to,
                       std::size_t b_from, std::size_t b_to)
{
    std::string first = key_of(tokens, a_from, a_to - a_from);
    std::string second = key_of(tokens, b_from, b_to - b_from);
    if (first.empty() || second.empty()) return first + second;
    return first + ' ' + second;
}

// The keys of every form under which a name is known: as written, without
// a leading "the", and for an inverted name ("Iran, Islamic Republic of")
// turned round and in the UN's "Iran (Islamic Republic of)" form. Built
// from one tokenization, as loading thousands of names is start-up time.
std::vector<std::string> variant_keys(std::string_view name)
{
    std::vector<std::string> keys;
    auto add = [&keys](std::string key) {
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(std::move(key));
    };
    std::vector<Token> tokens = tokenize(name);
    const std::size_t n = tokens.size();
    std::size_t from = n > 1 && is_article(tokens[0].text) ? 1 : 0;
    add(key_of(tokens, 0, n));
    add(key_of(tokens, from, n - from));
    // French elides its article into the first word: "l'État d'Érythrée".
    if (n > 0 && tokens[0].text.starts_with("l'") && tokens[0].text.size() > 2) {
        std::string elided = key_of(tokens, 0, n);
        add(elided.substr(2));
    }

    auto comma = name.find(", ");
    auto separator =
        std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.separator; });
    if (comma == std::string_view::npos || separator == tokens.end()) return keys;
    const auto c = static_cast<std::size_t>(separator - tokens.begin());
    if (ends_with_apostrophe(trim(name.substr(comma + 2)))) {
        // "d'" and the name it joins are one word: tokenize the turned form.
        std::vector<Token> turned = tokenize(uninvert(name));
        add(key_of(turned, 0, turned.size()));
    } else {
        std::size_t tail = c + 1 < n && tokens[c + 1].text == "the" ? c + 2 : c + 1;
        add(joined_key(tokens, c + 1, n, 0, c));
        add(joined_key(tokens, tail, n, 0, c));
    }
    add(joined_key(tokens, 0, c, c + 1, n));
    return keys;
}

// "and" in the languages whose names the gazetteer knows. The Arabic "و"
// is usually written joined to the next word; see strip_arabic_and().
bool is_list_joiner(const Token& t)
{
    static constexpr std::array<std::string_view, 10> kJoiners{"and",
                                                               "et",
                                                               "y",
                                                               "e",
                                                               "&",
                                                               "\xD0\xB8" /* и */,
                                                               "\xD9\x88" /* و */,
                                                               "\xE5\x92\x8C" /* 和 */,
                                                               "\xE5\x8F\x8A" /* 及 */,
                                                               "\xE4\xB8\x8E" /* 与 */};
    return t.separator || std::find(kJoiners.begin(), kJoiners.end(), t.text) != kJoiners.end();
}

// "والأردن" -> "الأردن": Arabic writes "and" as a prefix of the next word.
bool strip_arabic_and(std::string& word)
{
    constexpr std::string_view kWaw = "\xD9\x88";
    if (word.size() <= kWaw.size() || !word.starts_with(kWaw)) return false;
    word.erase(0, kWaw.size());
    return true;
}

// Words that stand before a country name in a list written as running
// French or Spanish ("du Maroc, de la Tunisie", "los Estados Unidos") and
// are no part of it. "the" is handled apart: UN usage writes it before a
// few names ("the Sudan") even in English lists.
bool is_list_article(std::string_view word)
{
    static constexpr std::array<std::string_view, 12> kArticles{
        "le", "la", "les", "de", "des", "du", "el", "los", "las", "del", "aux", "au"};
    return std::find(kArticles.begin(), kArticles.end(), word) != kArticles.end();
}

// "l'egypte" -> "egypte", "d'oman" -> "oman": a French article or
// preposition elided into the name. `begin` moves past the apostrophe as
// written (' or ’). False when the word has no such elision.
bool strip_elision(Token& t, std::string_view text)
{
    if (t.text.size() <= 2 || t.text[1] != '\'' || (t.text[0] != 'l' && t.text[0] != 'd'))
        return false;
    t.text.erase(0, 2);
    std::string_view written = text.substr(t.begin, t.end - t.begin);
    for (std::string_view apostrophe : {"'", "\xE2\x80\x99"})
        if (std::size_t at = written.find(apostrophe); at != std::string_view::npos) {
            t.begin += at + apostrophe.size();
            break;
        }
    return true;
}

// The words that qualify a name in the UN's "Name (Qualifier)" form end
// with a preposition or an elided one: "(Kingdom of the)", "(Republic
// of)", "(République islamique d')", "(Estado Plurinacional de)".
bool is_qualifier(std::string_view inner)
{
    if (ends_with_apostrophe(inner)) return true;
    std::size_t space = inner.find_last_of(' ');
    std::string last = fold(space == std::string_view::npos ? inner : inner.substr(space + 1));
    for (std::string_view word : {"of", "the", "de", "des", "du", "del", "la"})
        if (last == word) return true;
    return false;
}

// The index of the country `tokens` (of `text`) name, as written or
// without the articles and elision before the name; kAmbiguous when none.
std::size_t index_of_name(std::vector<Token>& tokens, std::string_view text,
                          const std::unordered_map<std::string, std::size_t>& by_name)
{
    auto found = [&](std::size_t from) {
        if (from >= tokens.size()) return kAmbiguous;
        auto it = by_name.find(key_of(tokens, from, tokens.size() - from));
        return it == by_name.end() ? kAmbiguous : it->second;
    };
    if (tokens.empty()) return kAmbiguous;
    if (std::size_t i = found(0); i != kAmbiguous) return i;
    // "the Netherlands", "the Sudan": UN usage puts an article before some
    // names that iso-codes lists without one; French and Spanish put one
    // before most ("la France", "le Kenya", "l'Égypte", "el Perú").
    std::size_t from = 0;
    while (from + 1 < tokens.size() && (tokens[from].text == "the" ||
                                        (is_list_article(tokens[from].text) &&
                                         tokens[from].text != "de" && tokens[from].text != "del")))
        ++from;
    if (from > 0)
        if (std::size_t i = found(from); i != kAmbiguous) return i;
    Token saved = tokens[from];
    if (strip_elision(tokens[from], text))
        if (std::size_t i = found(from); i != kAmbiguous) return i;
    tokens[from] = std::move(saved);
    return kAmbiguous;
}

struct NameMatch {
    std::size_t tokens = 0;  // 0: no name starts here
    std::size_t index = 0;
};

// The longest known name that starts at token `at`.
NameMatch match_at(const std::vector<Token>& tokens, std::size_t at,
                   const std::unordered_map<std::string, std::size_t>& by_name,
                   std::size_t longest_name_words)
{
    std::size_t longest = std::min(longest_name_words, tokens.size() - at);
    for (std::size_t n = longest; n >= 1; --n) {
        if (tokens[at + n - 1].separator) continue;
        auto it = by_name.find(key_of(tokens, at, n));
        if (it != by_name.end()) return {n, it->second};
    }
    return {};
}

// A match that spans a comma ("Congo, República Democrática del", an
// inverted name) is two list items instead when the part before the comma
// is a name and a longer name starts after it ("Congo, República
// Democrática del Congo"). Returns the match to use.
NameMatch prefer_list_comma(const std::vector<Token>& tokens, std::size_t at, NameMatch m,
                            const std::unordered_map<std::string, std::size_t>& by_name,
                            std::size_t longest_name_words)
{
    for (std::size_t c = at + 1; c + 1 < at + m.tokens; ++c) {
        if (!tokens[c].separator) continue;
        auto before = by_name.find(key_of(tokens, at, c - at));
        if (before == by_name.end()) return m;
        NameMatch after = match_at(tokens, c + 1, by_name, longest_name_words);
        if (c + 1 + after.tokens > at + m.tokens) return {c - at, before->second};
        return m;
    }
    return m;
}

// After a name, "(observer)" or "(ROK)" is a note about it: the index of
// the first token after the closing parenthesis, or `at` when no
// parenthesis opens there.
std::size_t skip_parenthetical_note(std::string_view text, const std::vector<Token>& tokens,
                                    std::size_t at)
{
    if (at == 0 || at >= tokens.size()) return at;
    std::size_t after = tokens[at - 1].end;
    std::string_view gap = text.substr(after, tokens[at].begin - after);
    if (gap.find('(') == std::string_view::npos || gap.find(')') != std::string_view::npos)
        return at;
    std::size_t close = text.find(')', after);
    // An unclosed parenthesis is not a note; what follows is read as usual.
    if (close == std::string_view::npos) return at;
    while (at < tokens.size() && tokens[at].begin < close) ++at;
    return at;
}

// The end of an item that stops just before the ")" closing a parenthesis
// it opened ("University of Georgia (USA", "Bolivia (Plurinational State
// of"), moved past that ")".
std::size_t include_closing_parenthesis(std::string_view text, std::size_t begin, std::size_t end)
{
    std::string_view item = text.substr(begin, end - begin);
    if (std::count(item.begin(), item.end(), '(') <= std::count(item.begin(), item.end(), ')'))
        return end;
    // French elides before the name it qualifies: "Iran (République islamique d')".
    std::size_t close = end;
    for (std::string_view apostrophe : {"'", "\xE2\x80\x99"})
        if (text.substr(close, apostrophe.size()) == apostrophe) close += apostrophe.size();
    close = text.find_first_not_of(" \t\n", close);
    return close != std::string_view::npos && text[close] == ')' ? close + 1 : end;
}

// A stretch of a list, before items are checked for being whole names.
struct Piece {
    const Country* country = nullptr;  // nullptr: not a name
    std::size_t begin = 0;
    std::size_t end = 0;
    // True when no separator or "and" stands between this piece and the
    // one before: both are parts of one list item.
    bool joined_to_previous = false;
};

// Turns pieces into the scan result: an item made of a name and other
// words ("Georgia Institute of Technology") is an unmatched item.
ListScan whole_items(const std::vector<Piece>& pieces)
{
    ListScan scan;
    for (std::size_t i = 0; i < pieces.size();) {
        std::size_t j = i + 1;
        while (j < pieces.size() && pieces[j].joined_to_previous) ++j;
        bool all_names = std::all_of(pieces.begin() + static_cast<std::ptrdiff_t>(i),
                                     pieces.begin() + static_cast<std::ptrdiff_t>(j),
                                     [](const Piece& p) { return p.country != nullptr; });
        if (all_names) {
            for (std::size_t k = i; k < j; ++k)
                scan.matches.push_back({pieces[k].country, pieces[k].begin, pieces[k].end});
        } else {
            scan.unmatched.push_back({pieces[i].begin, pieces[j - 1].end});
        }
        i = j;
    }
    return scan;
}

}  // namespace

CountryGazetteer::CountryGazetteer(const std::filesystem::path& iso_json,
                                   const std::filesystem::path& aliases_tsv,
                                   const std::vector<std::filesystem::path>& catalogues,
                                   bool codes_only)
    : codes_only_(codes_only)
{
    load_iso_codes(iso_json);
    // Aliases come after iso-codes' own names, and translations after both,
    // so that neither can take a name iso-codes gives another country.
    load_aliases(aliases_tsv);
    load_translations(catalogues);
}

void CountryGazetteer::load_iso_codes(const std::filesystem::path& iso_json)
{
    std::ifstream iso(iso_json);
    if (!iso) throw std::runtime_error(iso_json.string() + ": cannot read country list");
    nlohmann::json doc = nlohmann::json::parse(iso, nullptr, false);
    if (doc.is_discarded() || !doc.contains("3166-1") || !doc["3166-1"].is_array())
        throw std::runtime_error(iso_json.string() + ": not an iso-codes 3166-1 JSON file");

    for (const auto& entry : doc["3166-1"]) {
        std::string name = entry.value("name", "");
        std::string official = entry.value("official_name", "");
        std::string common = entry.value("common_name", "");
        Country c{entry.value("alpha_2", ""), entry.value("alpha_3", ""), {}};
        if (c.alpha2.empty() || name.empty()) continue;
        // Show the UN word order: an official name when it is not itself
        // inverted, else the iso name turned round.
        if (name.find(", ") == std::string::npos)
            c.name = name;
        else if (!official.empty() && official.find(", ") == std::string::npos)
            c.name = drop_leading_the(official);
        else if (ends_with_of(name))
            c.name = drop_leading_the(uninvert(name));
        else if (!common.empty())
            c.name = common;
        else
            c.name = name;
        std::size_t index = countries_.size();
        by_code_[c.alpha2] = index;
        by_code_[c.alpha3] = index;
        countries_.push_back(std::move(c));

        if (codes_only_) continue;
        for (const std::string& n : {name, official, common})
            for (std::string& key : variant_keys(n)) add_key(std::move(key), index);
    }
}

void CountryGazetteer::load_aliases(const std::filesystem::path& aliases_tsv)
{
    read_tsv(aliases_tsv, "country aliases", [this](const TsvLine& line) {
        // ALPHA2, alias, and optionally "display" when the alias is the
        // name UN documents use and iso-codes does not give.
        const std::vector<std::string_view>& fields = line.fields;
        const Country* target = fields.size() >= 2 ? by_code(fields[0]) : nullptr;
        bool display = fields.size() == 3 && fields[2] == "display";
        if (!target || fields.size() > 3 || (fields.size() == 3 && !display))
            throw std::runtime_error(line.where +
                                     ": expected 'ALPHA2<TAB>alias' with a known code");
        auto index = static_cast<std::size_t>(target - countries_.data());
        std::string alias(fields[1]);
        if (display) countries_[index].name = alias;
        if (!codes_only_) add_key(key_of(alias), index);
    });
}

void CountryGazetteer::load_demonyms(const std::filesystem::path& demonyms_tsv)
{
    constexpr std::size_t kLanguages = 3;  // English, French, Spanish
    read_tsv(demonyms_tsv, "adjectives of nationality", [this](const TsvLine& line) {
        const std::vector<std::string_view>& fields = line.fields;
        const Country* target = fields.size() == kLanguages + 1 ? by_code(fields[0]) : nullptr;
        if (!target)
            throw std::runtime_error(line.where +
                                     ": expected 'ALPHA2<TAB>English<TAB>French<TAB>Spanish' "
                                     "with a known code");
        auto index = static_cast<std::size_t>(target - countries_.data());
        for (std::size_t language = 1; language < fields.size(); ++language) {
            if (fields[language] == "-") continue;
            std::string_view forms = fields[language];
            while (!forms.empty()) {
                std::size_t comma = forms.find(',');
                std::string form = fold(trim_view(forms.substr(0, comma)));
                forms = comma == std::string_view::npos ? std::string_view()
                                                        : forms.substr(comma + 1);
                if (form.empty()) throw std::runtime_error(line.where + ": an empty form");
                // A form two States share names neither.
                auto [it, inserted] = by_demonym_.emplace(form, index);
                if (!inserted && it->second != index) it->second = kAmbiguous;
                longest_demonym_words_ = std::max(longest_demonym_words_, count_words(form));
            }
        }
    });
}

void CountryGazetteer::load_capitals(const std::filesystem::path& capitals_tsv)
{
    read_tsv(capitals_tsv, "capitals", [this](const TsvLine& line) {
        const std::vector<std::string_view>& fields = line.fields;
        const Country* target = fields.size() == 2 ? by_code(fields[0]) : nullptr;
        std::string_view city = fields.size() == 2 ? trim_view(fields[1]) : std::string_view();
        if (!target || city.empty())
            throw std::runtime_error(line.where + ": expected 'ALPHA2<TAB>city' with a known code");
        capitals_[target->alpha2] = std::string(city);
    });
}

std::optional<std::string_view> CountryGazetteer::capital(std::string_view alpha2) const
{
    auto it = capitals_.find(std::string(alpha2));
    if (it == capitals_.end()) return std::nullopt;
    return it->second;
}

const Country* CountryGazetteer::demonym(std::string_view folded_words) const
{
    auto it = by_demonym_.find(std::string(folded_words));
    if (it == by_demonym_.end() || it->second == kAmbiguous) return nullptr;
    return &countries_[it->second];
}

void CountryGazetteer::load_translations(const std::vector<std::filesystem::path>& catalogues)
{
    // Translated name key -> country index, or kAmbiguous. Collected over
    // every language first, so that a name two countries claim is dropped
    // whichever catalogue is read first.
    std::unordered_map<std::string, std::size_t> claimed;
    // Every catalogue translates the same English names; each is looked up once.
    std::unordered_map<std::string, std::size_t> english_index;
    std::unordered_map<std::string, std::size_t> translated;
    auto country_of = [&](const std::string& english) {
        auto [it, inserted] = english_index.emplace(english, kAmbiguous);
        if (inserted)
            if (auto found = by_name_.find(key_of(english)); found != by_name_.end())
                it->second = found->second;
        return it->second;
    };
    for (const std::filesystem::path& catalogue : catalogues) {
        std::vector<MoMessage> messages;
        try {
            messages = read_mo_file(catalogue);
        } catch (const std::runtime_error& e) {
            load_warnings_.push_back(std::string(e.what()) +
                                     "; country names in that language are not recognized");
            continue;
        }
        for (const MoMessage& m : messages) {
            std::size_t index = country_of(m.original);
            if (index == kAmbiguous) continue;  // not a country name iso-codes gives
            // Many names are spelt alike in several languages ("Chile").
            if (!translated.emplace(m.translation, index).second &&
                translated[m.translation] == index)
                continue;
            for (std::string& key : variant_keys(m.translation)) {
                auto [it, inserted] = claimed.emplace(std::move(key), index);
                if (!inserted && it->second != index) it->second = kAmbiguous;
            }
        }
    }
    for (auto& [key, index] : claimed)
        if (index != kAmbiguous) add_key(key, index);
}

void CountryGazetteer::add_key(std::string key, std::size_t index)
{
    if (key.empty()) return;
    std::size_t words = static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
    // The first entry for a name wins: iso-codes' own names come before
    // aliases and translations, and neither may take a name from another
    // country.
    if (by_name_.emplace(std::move(key), index).second)
        longest_name_words_ = std::max(longest_name_words_, words);
}

const Country* CountryGazetteer::by_code(std::string_view alpha2) const
{
    auto it = by_code_.find(to_upper_ascii(trim(alpha2)));
    return it == by_code_.end() ? nullptr : &countries_[it->second];
}

const Country* CountryGazetteer::resolve(std::string_view name_or_code) const
{
    std::string trimmed = trim(name_or_code);
    if (trimmed.size() == 2 || trimmed.size() == 3) {
        if (const Country* c = by_code(trimmed)) return c;
    }
    auto country_named = [this](std::string_view text) -> const Country* {
        std::vector<Token> tokens = tokenize(text);
        std::size_t i = index_of_name(tokens, text, by_name_);
        return i == kAmbiguous ? nullptr : &countries_[i];
    };
    if (const Country* c = country_named(trimmed)) return c;
    // "Netherlands (Kingdom of the)": the UN's qualified form of a name
    // iso-codes does not invert. Read turned round ("Kingdom of the
    // Netherlands"), else as the name before the qualifier.
    std::size_t open = trimmed.rfind('(');
    if (trimmed.empty() || trimmed.back() != ')' || open == std::string::npos || open == 0)
        return nullptr;
    std::string outer = trim(trimmed.substr(0, open));
    std::string inner = collapse_spaces(trimmed.substr(open + 1, trimmed.size() - open - 2));
    if (outer.empty() || !is_qualifier(inner)) return nullptr;
    std::string turned = inner + (ends_with_apostrophe(inner) ? "" : " ") + outer;
    if (const Country* c = country_named(turned)) return c;
    return country_named(outer);
}

std::vector<const Country*> CountryGazetteer::suggest(std::string_view unknown,
                                                      std::size_t max) const
{
    std::vector<const Country*> out;
    for (std::size_t i : closest_names(folded_key(unknown), by_name_, countries_.size(), max))
        out.push_back(&countries_[i]);
    return out;
}

ListScan CountryGazetteer::scan_list(std::string_view text) const
{
    std::vector<Token> tokens = tokenize(text);
    std::vector<Piece> pieces;
    bool joined = false;  // no separator or "and" since the last piece
    std::size_t i = 0;
    while (i < tokens.size()) {
        if (is_list_joiner(tokens[i])) {
            ++i;
            joined = false;
            continue;
        }
        NameMatch m = match_at(tokens, i, by_name_, longest_name_words_);
        if (m.tokens) m = prefer_list_comma(tokens, i, m, by_name_, longest_name_words_);
        std::size_t begin = tokens[i].begin;
        if (!m.tokens) {
            std::string saved = tokens[i].text;
            if (strip_arabic_and(tokens[i].text))
                m = match_at(tokens, i, by_name_, longest_name_words_);
            if (m.tokens) {
                joined = false;  // the "and" was a list joiner
                begin += saved.size() - tokens[i].text.size();
            } else {
                tokens[i].text = std::move(saved);
            }
        }
        if (!m.tokens) {
            // "du Maroc, de la Tunisie, d'Oman, l'Égypte", "los Estados
            // Unidos": articles and prepositions of a list written as
            // prose stand before the name, never inside it.
            std::size_t j = i;
            while (j + 1 < tokens.size() && is_list_article(tokens[j].text)) ++j;
            NameMatch after =
                j > i ? match_at(tokens, j, by_name_, longest_name_words_) : NameMatch{};
            Token saved = tokens[j];
            if (!after.tokens && strip_elision(tokens[j], text)) {
                after = match_at(tokens, j, by_name_, longest_name_words_);
                if (!after.tokens) tokens[j] = std::move(saved);
            }
            if (after.tokens) {
                m = after;
                i = j;
                begin = tokens[j].begin;
            }
        }
        if (m.tokens) {
            std::size_t end =
                include_closing_parenthesis(text, begin, tokens[i + m.tokens - 1].end);
            pieces.push_back({&countries_[m.index], begin, end, joined});
            i = skip_parenthetical_note(text, tokens, i + m.tokens);
            joined = true;
            continue;
        }
        // "the Netherlands", "the Sudan": UN usage puts an article before
        // some names that iso-codes lists without one.
        if (tokens[i].text == "the" && i + 1 < tokens.size() && !is_list_joiner(tokens[i + 1])) {
            ++i;
            continue;
        }
        // Nothing known starts here: the item runs to the next separator.
        std::size_t j = i;
        while (j < tokens.size() && !is_list_joiner(tokens[j])) ++j;
        std::string_view item = text.substr(tokens[i].begin, tokens[j - 1].end - tokens[i].begin);
        // A code stands for a country only when it is a whole item: "IR" in
        // a list, never inside a name.
        const Country* coded = nullptr;
        if (j - i == 1 && (item.size() == 2 || item.size() == 3) && item == to_upper_ascii(item))
            coded = by_code(item);
        pieces.push_back({coded, tokens[i].begin,
                          include_closing_parenthesis(text, tokens[i].begin, tokens[j - 1].end),
                          joined});
        joined = true;
        i = j;
    }
    return whole_items(pieces);
}

CountryMatch CountryGazetteer::trailing_name(std::string_view text) const
{
    std::string_view t = trim_view(text, " \t\r\n,;.");
    const std::size_t base = offset_in(text, t);  // offsets are into `text`
    CountryMatch found;
    std::size_t words = 0;
    for (std::size_t at = t.size(); at-- > 0 && words < longest_name_words_;) {
        if ((at > 0 && !is_space(t[at - 1])) || is_space(t[at])) continue;
        ++words;
        std::string_view suffix = t.substr(at);
        // Lower-case "in" or "and" is a word, not the code of India or Andorra.
        if (suffix.size() <= 3 && suffix != to_upper_ascii(suffix)) continue;
        if (const Country* c = resolve(suffix)) found = {c, base + at, base + t.size()};
    }
    return found;
}

std::size_t CountryGazetteer::leading_countries_end(std::string_view text) const
{
    std::vector<Token> tokens = tokenize(text);
    std::size_t end = 0;
    std::size_t i = 0;
    while (i < tokens.size()) {
        if (is_list_joiner(tokens[i])) {
            ++i;
            continue;
        }
        NameMatch m = match_at(tokens, i, by_name_, longest_name_words_);
        if (m.tokens) {
            end = tokens[i + m.tokens - 1].end;
            i += m.tokens;
            continue;
        }
        if (tokens[i].text == "the" && i + 1 < tokens.size() && !is_list_joiner(tokens[i + 1])) {
            ++i;
            continue;
        }
        break;
    }
    return end;
}

std::filesystem::path data_dir()
{
    if (const char* env = std::getenv("INFONOTE_DATA_DIR"); env && *env) return env;
    // The source tree's data only for a program of the build tree: an
    // installed program reads the installed data even where the sources
    // still are.
    std::error_code ec;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::string build = std::string(kBuildDir) + "/";
    if (!ec && self.string().compare(0, build.size(), build) == 0) return kSourceDataDir;
    return kInstallDataDir;
}

std::filesystem::path iso_3166_json()
{
    if (const char* env = std::getenv("INFONOTE_ISO_CODES_DIR"); env && *env)
        return std::filesystem::path(env) / "iso_3166-1.json";
    return std::filesystem::path(kIsoCodesDir) / "iso_3166-1.json";
}

std::vector<std::filesystem::path> iso_3166_catalogues()
{
    std::filesystem::path locale;
    if (const char* env = std::getenv("INFONOTE_LOCALE_DIR"); env && *env) {
        locale = env;
    } else {
        // iso-codes installs its JSON in PREFIX/share/iso-codes/json and its
        // catalogues in PREFIX/share/locale.
        std::filesystem::path json_dir = std::filesystem::path(kIsoCodesDir).lexically_normal();
        if (!json_dir.has_filename()) json_dir = json_dir.parent_path();
        locale = json_dir.parent_path().parent_path() / "locale";
    }
    std::vector<std::filesystem::path> out;
    for (std::string_view language : kCatalogueLanguages)
        out.push_back(locale / language / "LC_MESSAGES" / "iso_3166-1.mo");
    return out;
}

namespace {

// english_gazetteer() once loaded, for country_names() to use rather than
// load the names a second time.
std::atomic<const CountryGazetteer*> loaded_english{nullptr};

}  // namespace

const CountryGazetteer& english_gazetteer()
{
    static const CountryGazetteer gazetteer(iso_3166_json(), data_dir() / "country_aliases.tsv",
                                            {});
    loaded_english.store(&gazetteer, std::memory_order_release);
    return gazetteer;
}

const CountryGazetteer& country_names()
{
    if (const CountryGazetteer* english = loaded_english.load(std::memory_order_acquire))
        return *english;
    static const CountryGazetteer gazetteer(iso_3166_json(), data_dir() / "country_aliases.tsv",
                                            {}, true);
    return gazetteer;
}

const CountryGazetteer& default_gazetteer()
{
    static const CountryGazetteer gazetteer = [] {
        CountryGazetteer g(iso_3166_json(), data_dir() / "country_aliases.tsv",
                           iso_3166_catalogues());
        g.load_demonyms(data_dir() / "demonyms.tsv");
        g.load_capitals(data_dir() / "capitals.tsv");
        for (const std::string& w : g.load_warnings()) warn(w);
        return g;
    }();
    return gazetteer;
}

}  // namespace infonote
