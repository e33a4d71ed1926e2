// Country names, as the notes write them, to ISO 3166-1 codes.
//
// Built at start-up from the iso-codes package (names, official names,
// common names, codes) and a small project file of UN-usage aliases that
// iso-codes lacks. Names are compared as folded word sequences, so case,
// diacritics, punctuation and line breaks inside a name do not matter.
#ifndef INFONOTE_COMMON_COUNTRY_GAZETTEER_H
#define INFONOTE_COMMON_COUNTRY_GAZETTEER_H

#include <cstddef>
#include <filesystem>
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

/// What scan_list found.
struct ListScan {
    std::vector<CountryMatch> matches;
    std::vector<UnmatchedItem> unmatched;
};

class CountryGazetteer {
  public:
    /// Loads iso_3166-1.json and the alias file. Throws std::runtime_error
    /// naming the file when either cannot be read or parsed.
    CountryGazetteer(const std::filesystem::path& iso_json,
                     const std::filesystem::path& aliases_tsv);

    /// A country by alpha-2 or alpha-3 code (any case) or by any name or
    /// alias; nullptr when unknown.
    const Country* resolve(std::string_view name_or_code) const;

    /// A country by alpha-2 code; nullptr when unknown.
    const Country* by_code(std::string_view alpha2) const;

    /// Known names closest to an unknown one, best first, for "did you mean".
    std::vector<const Country*> suggest(std::string_view unknown, std::size_t max) const;

    /// Finds the country names in a list such as "Kazakhstan, Kyrgyzstan and
    /// Saint Vincent and\nthe Grenadines.", preferring the longest name at
    /// each point, and reports each stretch that named none.
    ListScan scan_list(std::string_view text) const;

    const std::vector<Country>& countries() const { return countries_; }

  private:
    void add_name(std::string_view name, std::size_t index);

    std::vector<Country> countries_;
    /// Folded name key (words joined by spaces, "," kept) to index in countries_.
    std::unordered_map<std::string, std::size_t> by_name_;
    std::unordered_map<std::string, std::size_t> by_code_;
    std::size_t longest_name_words_ = 1;
};

/// Where infonote's data files are: $INFONOTE_DATA_DIR, else the source
/// tree's data/ when it exists, else the installed copy.
std::filesystem::path data_dir();

/// iso-codes' iso_3166-1.json: $INFONOTE_ISO_CODES_DIR or the configured path.
std::filesystem::path iso_3166_json();

/// The gazetteer every program uses, loaded once from the default places.
const CountryGazetteer& default_gazetteer();

}  // namespace infonote

#endif
