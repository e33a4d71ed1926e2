// Country names, as the notes write them, to ISO 3166-1 codes.
//
// Built at start-up from the iso-codes package (names, official names,
// common names, codes, and their French, Spanish, Russian, Arabic and
// Chinese translations from iso-codes' message catalogues) and a small
// project file of UN-usage and former names that iso-codes lacks. Names are
// compared as folded word sequences, so case, diacritics, punctuation and
// line breaks inside a name do not matter.
#ifndef INFONOTE_COMMON_COUNTRY_GAZETTEER_H
#define INFONOTE_COMMON_COUNTRY_GAZETTEER_H

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace infonote {

struct Country {
    std::string alpha2;
    std::string alpha3;
    /// The name infonote shows, in UN word order ("Islamic Republic of Iran").
    std::string name;
};

/// A country name found in a list.
struct CountryMatch {
    const Country* country = nullptr;
    /// Byte offsets of the name within the scanned text.
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// A stretch of a list that named no known country.
struct UnmatchedItem {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// What scan_list found. A list item that starts like a country but goes on
/// with other words ("Georgia Institute of Technology", "United States
/// Department of Energy") is one unmatched item, never a country.
struct ListScan {
    std::vector<CountryMatch> matches;
    std::vector<UnmatchedItem> unmatched;
};

class CountryGazetteer {
  public:
    /// Loads iso_3166-1.json, the alias file and the gettext catalogues of
    /// iso_3166-1 translations. Throws std::runtime_error naming the file
    /// when the JSON or the alias file cannot be read or parsed; a missing
    /// or damaged catalogue is skipped and reported in load_warnings().
    ///
    /// With `codes_only`, only codes and the names shown (iso-codes' and the
    /// "display" aliases) are kept: by_code() answers as before, and nothing
    /// is found by name (resolve, suggest, find_all). Most of the loading is
    /// making the name keys.
    CountryGazetteer(const std::filesystem::path& iso_json,
                     const std::filesystem::path& aliases_tsv,
                     const std::vector<std::filesystem::path>& catalogues = {},
                     bool codes_only = false);

    /// A country by alpha-2 or alpha-3 code (any case) or by any name or
    /// alias; nullptr when unknown.
    const Country* resolve(std::string_view name_or_code) const;

    /// A country by alpha-2 code; nullptr when unknown.
    const Country* by_code(std::string_view alpha2) const;

    /// Known names closest to an unknown one, best first, for "did you mean".
    std::vector<const Country*> suggest(std::string_view unknown, std::size_t max) const;

    /// Finds the country names in a list such as "Kazakhstan, Kyrgyzstan and
    /// Saint Vincent and\nthe Grenadines.", preferring the longest name at
    /// each point, and reports each item that is not a country name. A
    /// parenthesized note after a name ("Japan (observer)") is skipped.
    ListScan scan_list(std::string_view text) const;

    /// The longest country name that ends `text`, as in "Government of
    /// Montenegro", "Port of Spain Trinidad and Tobago" or "... Reino Unido
    /// de Gran Bretaña e Irlanda del Norte";
    /// a code counts only in capitals. `country` is nullptr when none does.
    CountryMatch trailing_name(std::string_view text) const;

    /// Where the country names that open `text` end ("United States Other"
    /// -> after "States"): names joined by commas or "and", nothing else.
    /// 0 when the text does not open with a country name.
    std::size_t leading_countries_end(std::string_view text) const;

    const std::vector<Country>& countries() const { return countries_; }

    /// Loads the adjectives of nationality (data/demonyms.tsv: code, then the
    /// English, French and Spanish forms, each ", "-separated, "-" for none).
    /// Throws std::runtime_error naming the file and line on a bad record.
    void load_demonyms(const std::filesystem::path& demonyms_tsv);

    /// The State whose adjective of nationality `folded_words` is (folded
    /// words joined by single spaces: "togolais", "south african",
    /// "burkinabe"); nullptr when none is.
    const Country* demonym(std::string_view folded_words) const;

    /// Loads each State's capital (data/capitals.tsv: code, then the city).
    /// Throws std::runtime_error naming the file and line on a bad record.
    void load_capitals(const std::filesystem::path& capitals_tsv);

    /// The capital of the State with alpha-2 code `alpha2`, as the table
    /// writes it; nullopt when the table holds none.
    std::optional<std::string_view> capital(std::string_view alpha2) const;

    /// The most words an adjective of nationality has.
    std::size_t longest_demonym_words() const { return longest_demonym_words_; }

    /// One line per catalogue that could not be used, for the caller to log.
    const std::vector<std::string>& load_warnings() const { return load_warnings_; }

  private:
    void load_iso_codes(const std::filesystem::path& iso_json);
    void load_aliases(const std::filesystem::path& aliases_tsv);
    void load_translations(const std::vector<std::filesystem::path>& catalogues);
    /// Adds a folded name key unless another country already has it.
    void add_key(std::string key, std::size_t index);

    bool codes_only_ = false;
    std::vector<Country> countries_;
    /// Folded name key (words joined by spaces, "," kept) to index in countries_.
    std::unordered_map<std::string, std::size_t> by_name_;
    std::unordered_map<std::string, std::size_t> by_code_;
    std::size_t longest_name_words_ = 1;
    /// Folded adjective of nationality to index in countries_.
    std::unordered_map<std::string, std::size_t> by_demonym_;
    std::size_t longest_demonym_words_ = 0;
    /// Alpha-2 code to capital city.
    std::unordered_map<std::string, std::string> capitals_;
    std::vector<std::string> load_warnings_;
};

/// Where infonote's data files are: $INFONOTE_DATA_DIR, else the source
/// tree's data/ for a program run from the build tree, else the installed
/// copy.
std::filesystem::path data_dir();

/// iso-codes' iso_3166-1.json: $INFONOTE_ISO_CODES_DIR or the configured path.
std::filesystem::path iso_3166_json();

/// iso-codes' translations of country names, one catalogue per language
/// (fr, es, ru, ar, zh_CN) under $INFONOTE_LOCALE_DIR, else the locale folder
/// beside the configured iso-codes folder (/usr/share/locale).
std::vector<std::filesystem::path> iso_3166_catalogues();

/// The gazetteer every program uses, loaded once from the default places;
/// catalogues that cannot be used are logged as warnings.
const CountryGazetteer& default_gazetteer();

/// iso-codes' English names, official and common names, codes and the
/// UN-usage aliases, without the translations: a third of the loading
/// time, for programs that first try a name there and fall back to
/// default_gazetteer(). A name it resolves, the full one resolves the same.
const CountryGazetteer& english_gazetteer();

/// english_gazetteer()'s codes and names alone (codes_only): what a program
/// that shows a code's name needs, at a third of the loading.
const CountryGazetteer& country_names();

}  // namespace infonote

#endif
