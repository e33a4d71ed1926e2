#include "country_gazetteer.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "config.h"
#include "text_normalizer.h"

namespace infonote {

namespace {

// The token that stands for a comma inside a name key, so that the
// iso-codes form "Korea, Republic of" is one name and not two list items.
constexpr std::string_view kCommaToken = ",";

std::string to_upper_ascii(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string trim(std::string_view s)
{
    const char* ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(ws);
    return std::string(s.substr(b, e - b + 1));
}

// "Iran, Islamic Republic of" -> "Islamic Republic of Iran";
// "Congo, The Democratic Republic of the" -> "The Democratic Republic of the Congo".
std::string uninvert(std::string_view name)
{
    auto comma = name.find(", ");
    if (comma == std::string_view::npos) return std::string(name);
    return trim(name.substr(comma + 2)) + " " + trim(name.substr(0, comma));
}

// "Korea, Republic of" reads well turned round; "Taiwan, Province of China"
// and "Bonaire, Sint Eustatius and Saba" do not.
bool ends_with_of(std::string_view name)
{
    return name.ends_with(" of") || name.ends_with(" of the");
}

std::string drop_leading_the(std::string_view name)
{
    if (name.size() > 4 && (name.substr(0, 4) == "the " || name.substr(0, 4) == "The "))
        return std::string(name.substr(4));
    return std::string(name);
}

// Tokens of a text for name matching: folded words, with a comma token where
// a comma stood between two words.
struct Token {
    std::string text;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool separator = false;
};

std::vector<Token> tokenize(std::string_view text)
{
    std::vector<Token> tokens;
    std::size_t gap_begin = 0;
    for (Word& w : split_words(text)) {
        std::string_view gap = text.substr(gap_begin, w.begin - gap_begin);
        if (gap.find_first_of(",;") != std::string_view::npos && !tokens.empty()) {
            bool hard = gap.find(';') != std::string_view::npos;
            tokens.push_back({hard ? ";" : std::string(kCommaToken), gap_begin, w.begin, true});
        }
        gap_begin = w.end;
        tokens.push_back({std::move(w.folded), w.begin, w.end, false});
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

bool is_list_joiner(const Token& t)
{
    return t.separator || t.text == "and" || t.text == "et" || t.text == "y" || t.text == "&";
}

std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

CountryGazetteer::CountryGazetteer(const std::filesystem::path& iso_json,
                                   const std::filesystem::path& aliases_tsv)
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

        for (const std::string& n : {name, official, common}) {
            if (n.empty()) continue;
            add_name(n, index);
            add_name(drop_leading_the(n), index);
            if (n.find(", ") != std::string::npos) {
                std::string turned = uninvert(n);
                add_name(turned, index);
                add_name(drop_leading_the(turned), index);
                // UN documents write "Iran (Islamic Republic of)".
                auto comma = n.find(", ");
                add_name(n.substr(0, comma) + " (" + n.substr(comma + 2) + ")", index);
            }
        }
    }

    std::ifstream aliases(aliases_tsv);
    if (!aliases) throw std::runtime_error(aliases_tsv.string() + ": cannot read country aliases");
    std::string line;
    for (int line_no = 1; std::getline(aliases, line); ++line_no) {
        std::string stripped = trim(line);
        if (stripped.empty() || stripped[0] == '#') continue;
        auto tab = stripped.find('\t');
        const Country* target =
            tab == std::string::npos ? nullptr : by_code(stripped.substr(0, tab));
        if (!target)
            throw std::runtime_error(aliases_tsv.string() + ":" + std::to_string(line_no) +
                                     ": expected 'ALPHA2<TAB>alias' with a known code");
        add_name(trim(stripped.substr(tab + 1)),
                 static_cast<std::size_t>(target - countries_.data()));
    }
}

void CountryGazetteer::add_name(std::string_view name, std::size_t index)
{
    std::vector<Token> tokens = tokenize(name);
    if (tokens.empty()) return;
    std::string key = key_of(tokens, 0, tokens.size());
    // The first entry for a name wins: iso-codes' own names come before
    // aliases, and no alias may take a name from another country.
    by_name_.emplace(std::move(key), index);
    longest_name_words_ = std::max(longest_name_words_, tokens.size());
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
    std::vector<Token> tokens = tokenize(trimmed);
    if (tokens.empty()) return nullptr;
    auto it = by_name_.find(key_of(tokens, 0, tokens.size()));
    return it == by_name_.end() ? nullptr : &countries_[it->second];
}

std::vector<const Country*> CountryGazetteer::suggest(std::string_view unknown,
                                                      std::size_t max) const
{
    std::string key = folded_key(unknown);
    std::vector<std::pair<std::size_t, std::size_t>> scored;  // distance, index
    std::vector<std::size_t> best(countries_.size(), std::string::npos);
    for (const auto& [name, index] : by_name_) {
        std::size_t d = edit_distance(key, name);
        best[index] = std::min(best[index], d);
    }
    // A word of several names ("Korea", "Guinea") suggests each of them.
    const std::string padded_key = " " + key + " ";
    for (const auto& [name, index] : by_name_)
        if (!key.empty() && (" " + name + " ").find(padded_key) != std::string::npos)
            best[index] = std::min<std::size_t>(best[index], 1);
    // Accept up to one edit in four letters: near misses, not wild guesses.
    std::size_t limit = std::max<std::size_t>(1, key.size() / 4);
    for (std::size_t i = 0; i < best.size(); ++i)
        if (best[i] <= limit) scored.emplace_back(best[i], i);
    std::sort(scored.begin(), scored.end());
    std::vector<const Country*> out;
    for (std::size_t i = 0; i < scored.size() && out.size() < max; ++i)
        out.push_back(&countries_[scored[i].second]);
    return out;
}

ListScan CountryGazetteer::scan_list(std::string_view text) const
{
    ListScan scan;
    std::vector<Token> tokens = tokenize(text);
    std::size_t i = 0;
    while (i < tokens.size()) {
        if (is_list_joiner(tokens[i])) {
            ++i;
            continue;
        }
        bool matched = false;
        std::size_t longest = std::min(longest_name_words_, tokens.size() - i);
        for (std::size_t n = longest; n >= 1 && !matched; --n) {
            if (tokens[i + n - 1].separator) continue;
            auto it = by_name_.find(key_of(tokens, i, n));
            if (it == by_name_.end()) continue;
            scan.matches.push_back(
                {&countries_[it->second], tokens[i].begin, tokens[i + n - 1].end});
            i += n;
            matched = true;
        }
        if (matched) continue;
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
        if (coded)
            scan.matches.push_back({coded, tokens[i].begin, tokens[j - 1].end});
        else
            scan.unmatched.push_back({tokens[i].begin, tokens[j - 1].end});
        i = j;
    }
    return scan;
}

std::filesystem::path data_dir()
{
    if (const char* env = std::getenv("INFONOTE_DATA_DIR"); env && *env) return env;
    std::filesystem::path source(kSourceDataDir);
    std::error_code ec;
    if (std::filesystem::is_directory(source, ec)) return source;
    return kInstallDataDir;
}

std::filesystem::path iso_3166_json()
{
    if (const char* env = std::getenv("INFONOTE_ISO_CODES_DIR"); env && *env)
        return std::filesystem::path(env) / "iso_3166-1.json";
    return std::filesystem::path(kIsoCodesDir) / "iso_3166-1.json";
}

const CountryGazetteer& default_gazetteer()
{
    static const CountryGazetteer gazetteer(iso_3166_json(), data_dir() / "country_aliases.tsv");
    return gazetteer;
}

}  // namespace infonote
