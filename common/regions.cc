#include "regions.h"

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "country_gazetteer.h"
#include "text_normalizer.h"
#include "text_spans.h"
#include "tsv_file.h"

namespace infonote {

namespace {

struct Alias {
    std::string_view alias;
    std::string_view name;
};

// Names in common use for groups that M49 names otherwise; each stands for
// exactly one M49 group. "North America" is taken in its everyday sense,
// M49's "Northern America" (Bermuda, Canada, Greenland, Saint Pierre and
// Miquelon, the United States), not as the continent with Central America
// and the Caribbean. "Middle East" and "Central Africa" are left out: no
// M49 group has their bounds.
constexpr std::array<Alias, 6> kAliases{{
    {"Latin America", "Latin America and the Caribbean"},
    {"North America", "Northern America"},
    {"South-East Asia", "South-eastern Asia"},
    {"Southeast Asia", "South-eastern Asia"},
    {"Southeastern Asia", "South-eastern Asia"},
    {"Subsaharan Africa", "Sub-Saharan Africa"},
}};

constexpr std::string_view kExpectedLine =
    ": expected 'ALPHA2<TAB>region<TAB>sub-region<TAB>intermediate region'";

bool is_alpha2(std::string_view code)
{
    return code.size() == 2 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string to_upper_ascii(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// "a region", "a sub-region", "an intermediate region".
std::string with_article(RegionLevel level)
{
    std::string_view name = level_name(level);
    return (name.starts_with('i') ? "an " : "a ") + std::string(name);
}

// A group as the file places it, while the file is read.
struct Placement {
    std::string name;
    RegionLevel level = RegionLevel::Region;
    /// The group it belongs to; empty for a region.
    std::string parent;
    int first_line = 0;
    std::vector<std::string> countries;
};

// Records that `code` belongs to the group `name` at `level` within
// `parent`, checking that the group keeps one spelling, one level and one
// parent throughout the file.
// region_key() of each name met, computed once: the table names each region
// on every line of its countries.
class RegionKeys {
  public:
    const std::string& operator()(std::string_view name)
    {
        auto found = keys_.find(name);
        if (found == keys_.end()) found = keys_.emplace(std::string(name), region_key(name)).first;
        return found->second;
    }

  private:
    std::map<std::string, std::string, std::less<>> keys_;
};

void place(std::map<std::string, Placement>& placed, RegionKeys& keys, std::string_view name,
           RegionLevel level, std::string_view parent, const std::string& code, int line_no,
           const std::string& where)
{
    const std::string& key = keys(name);
    if (key.empty())
        throw std::runtime_error(where + ": '" + std::string(name) + "' names nothing");
    auto [at, fresh] = placed.try_emplace(key);
    Placement& first = at->second;
    if (fresh) first = Placement{std::string(name), level, std::string(parent), line_no, {}};
    auto seen = [&first] { return " on line " + std::to_string(first.first_line); };
    if (first.name != name)
        throw std::runtime_error(where + ": '" + std::string(name) + "' is written '" + first.name +
                                 "'" + seen());
    if (first.level != level)
        throw std::runtime_error(where + ": '" + first.name + "' is " + with_article(first.level) +
                                 seen() + ", not " + with_article(level));
    if (keys(first.parent) != keys(parent))
        throw std::runtime_error(where + ": '" + first.name + "' is in '" + first.parent + "'" +
                                 seen() + ", not in '" + std::string(parent) + "'");
    first.countries.push_back(code);
}

}  // namespace

std::string_view level_name(RegionLevel level)
{
    switch (level) {
        case RegionLevel::Region: return "region";
        case RegionLevel::SubRegion: return "sub-region";
        case RegionLevel::Intermediate: return "intermediate region";
    }
    return "region";
}

std::string region_key(std::string_view name)
{
    std::string key;
    for (const Word& w : split_words(name)) {
        if (w.folded == "the" || w.folded == "and") continue;
        if (!key.empty()) key += ' ';
        key += w.folded;
    }
    return key;
}

RegionTable::RegionTable(const std::filesystem::path& regions_tsv)
{
    std::map<std::string, Placement> placed;  // by region_key()
    std::unordered_map<std::string, int> code_lines;
    RegionKeys keys;
    read_tsv(regions_tsv, "regions", [&](const TsvLine& line) {
        const int line_no = line.number;
        const std::string& where = line.where;
        // ALPHA2, region, sub-region, intermediate region (may be empty,
        // and its tab may be missing).
        std::vector<std::string_view> fields = line.fields;
        if (fields.size() == 3) fields.emplace_back();
        if (fields.size() != 4 || fields[1].empty() || fields[2].empty())
            throw std::runtime_error(where + std::string(kExpectedLine));
        std::string code(fields[0]);
        if (!is_alpha2(code))
            throw std::runtime_error(where + ": '" + code +
                                     "' is not an ISO 3166-1 alpha-2 code in capitals");
        auto [seen, inserted] = code_lines.try_emplace(code, line_no);
        if (!inserted)
            throw std::runtime_error(where + ": " + code + " is already listed on line " +
                                     std::to_string(seen->second));
        place(placed, keys, fields[1], RegionLevel::Region, "", code, line_no, where);
        place(placed, keys, fields[2], RegionLevel::SubRegion, fields[1], code, line_no, where);
        if (!fields[3].empty())
            place(placed, keys, fields[3], RegionLevel::Intermediate, fields[2], code, line_no,
                  where);
    });

    for (auto& [key, group] : placed) {
        std::sort(group.countries.begin(), group.countries.end());
        regions_.push_back(Region{std::move(group.name), group.level, std::move(group.countries)});
    }
    std::sort(regions_.begin(), regions_.end(), [](const Region& a, const Region& b) {
        return std::tie(a.level, a.name) < std::tie(b.level, b.name);
    });
    // Indices in order: by_country_ lists each country's groups largest first.
    for (std::size_t i = 0; i < regions_.size(); ++i) {
        by_key_.emplace(region_key(regions_[i].name), i);
        for (const std::string& code : regions_[i].countries) by_country_[code].push_back(i);
    }
    // An alias never hides a name the file gives, and one whose group the
    // file lacks is left out.
    for (const Alias& alias : kAliases) {
        auto target = by_key_.find(region_key(alias.name));
        if (target != by_key_.end()) by_key_.emplace(region_key(alias.alias), target->second);
    }
}

const Region* RegionTable::resolve(std::string_view name) const
{
    auto it = by_key_.find(region_key(name));
    return it == by_key_.end() ? nullptr : &regions_[it->second];
}

std::vector<const Region*> RegionTable::regions_of(std::string_view alpha2) const
{
    std::vector<const Region*> out;
    auto it = by_country_.find(to_upper_ascii(alpha2));
    if (it == by_country_.end()) return out;
    for (std::size_t index : it->second) out.push_back(&regions_[index]);
    return out;
}

std::vector<const Region*> RegionTable::suggest(std::string_view name, std::size_t max) const
{
    std::vector<const Region*> out;
    for (std::size_t i : closest_names(region_key(name), by_key_, regions_.size(), max))
        out.push_back(&regions_[i]);
    return out;
}

const RegionTable& default_region_table()
{
    static const RegionTable table(data_dir() / "m49_regions.tsv");
    return table;
}

}  // namespace infonote
