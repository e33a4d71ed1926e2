// The UN M49 geographic regions, and the countries in each.
//
// Read at start-up from data/m49_regions.tsv, the United Nations Statistics
// Division's "standard country or area codes for statistical use": five
// regions (Africa, Americas, Asia, Europe, Oceania), their sub-regions
// ("Sub-Saharan Africa", "South-eastern Asia") and, in Africa, the Americas
// and the Channel Islands, a third level of intermediate regions ("Eastern
// Africa", "Caribbean"). Countries are ISO 3166-1 alpha-2 codes. Names are
// compared as folded words without "the" and "and", so case, diacritics,
// hyphens and "&" do not matter.
#ifndef INFONOTE_COMMON_REGIONS_H
#define INFONOTE_COMMON_REGIONS_H

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace infonote {

/// How large a region is in the M49 hierarchy, largest first.
enum class RegionLevel { Region, SubRegion, Intermediate };

/// "region", "sub-region" or "intermediate region".
std::string_view level_name(RegionLevel level);

/// One M49 region, sub-region or intermediate region.
struct Region {
    /// The name as M49 writes it ("South-eastern Asia").
    std::string name;
    RegionLevel level = RegionLevel::Region;
    /// The alpha-2 codes of its countries and areas, sorted.
    std::vector<std::string> countries;
};

class RegionTable {
  public:
    /// Loads the regions file. Throws std::runtime_error naming the file
    /// (and line) when it cannot be read, a line is malformed, a code is
    /// listed twice, or a name is placed at two levels or under two parents.
    explicit RegionTable(const std::filesystem::path& regions_tsv);

    /// A region by its M49 name or one of a few common aliases ("Latin
    /// America", "North America", "South-East Asia", "Southeast Asia"), in
    /// any case and punctuation; nullptr when unknown.
    const Region* resolve(std::string_view name) const;

    /// The region, sub-region and (when M49 has one) intermediate region of
    /// a country, largest first; empty for a code the table does not list.
    std::vector<const Region*> regions_of(std::string_view alpha2) const;

    /// Every region, sub-regions after regions and intermediate regions
    /// last, by name within a level.
    const std::vector<Region>& regions() const { return regions_; }

    /// At most `max` regions whose names are closest to an unknown one,
    /// best first, for "did you mean".
    std::vector<const Region*> suggest(std::string_view name, std::size_t max) const;

  private:
    std::vector<Region> regions_;
    /// region_key() of every name and alias to an index in regions_.
    std::unordered_map<std::string, std::size_t> by_key_;
    /// Alpha-2 code to indices in regions_, largest region first.
    std::unordered_map<std::string, std::vector<std::size_t>> by_country_;
};

/// The key under which region names are compared: the folded words of the
/// name without "the" and "and".
std::string region_key(std::string_view name);

/// The table every program uses, loaded once from data_dir().
const RegionTable& default_region_table();

}  // namespace infonote

#endif
