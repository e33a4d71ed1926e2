#include "facets.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "regions.h"
#include "schema.h"

namespace infonote {

namespace {

constexpr std::array<std::pair<Facet, std::string_view>, 6> kFacetNames{{
    {Facet::Country, "country"},
    {Facet::Org, "org"},
    {Facet::Year, "year"},
    {Facet::VenueCountry, "venue_country"},
    {Facet::Region, "region"},
    {Facet::Type, "type"},
}};

// The facet a spy counts to answer `facet`: regions come from venue countries.
Facet counted_as(Facet facet)
{
    return facet == Facet::Region ? Facet::VenueCountry : facet;
}

void count_years(const Xapian::Document& doc, FacetCounts& counts)
{
    std::string start = doc.get_value(kStartDateSlot);
    if (start.size() < 4) return;
    std::string end = doc.get_value(kEndDateSlot);
    int first = std::stoi(start.substr(0, 4));
    int last = end.size() >= 4 ? std::stoi(end.substr(0, 4)) : first;
    for (int year = first; year <= last && year < first + 100; ++year)
        ++counts[std::to_string(year)];
}

void count_list(const std::string& list, char separator, FacetCounts& counts)
{
    std::size_t at = 0;
    while (at < list.size()) {
        std::size_t end = list.find(separator, at);
        if (end == std::string::npos) end = list.size();
        if (end > at) ++counts[list.substr(at, end - at)];
        at = end + 1;
    }
}

void count_codes(const std::string& codes, FacetCounts& counts)
{
    for (std::size_t at = 0; at + 2 <= codes.size(); at += 2) ++counts[codes.substr(at, 2)];
}

// Serialised form: for each facet, its index, then value NUL count NUL
// pairs, each facet closed by an empty value.
std::string encode(const std::map<Facet, FacetCounts>& all)
{
    std::string out;
    for (const auto& [facet, counts] : all) {
        out += static_cast<char>('0' + static_cast<int>(facet));
        for (const auto& [value, n] : counts) {
            out += value;
            out += '\0';
            out += std::to_string(n);
            out += '\0';
        }
        out += '\0';
    }
    return out;
}

void decode_into(const std::string& data, std::map<Facet, FacetCounts>& all)
{
    std::size_t at = 0;
    auto next = [&](std::string& field) {
        std::size_t nul = data.find('\0', at);
        if (nul == std::string::npos) throw Xapian::NetworkError("malformed facet counts");
        field = data.substr(at, nul - at);
        at = nul + 1;
    };
    while (at < data.size()) {
        int index = data[at++] - '0';
        if (index < 0 || index >= static_cast<int>(kFacetNames.size()))
            throw Xapian::NetworkError("malformed facet counts");
        FacetCounts& counts = all[static_cast<Facet>(index)];
        for (std::string value, n;;) {
            next(value);
            if (value.empty()) break;
            next(n);
            counts[value] += static_cast<Xapian::doccount>(std::stoul(n));
        }
    }
}

}  // namespace

std::string_view facet_name(Facet facet)
{
    for (const auto& [f, name] : kFacetNames)
        if (f == facet) return name;
    return "?";
}

std::optional<Facet> facet_by_name(std::string_view name)
{
    for (const auto& [f, n] : kFacetNames)
        if (n == name) return f;
    return std::nullopt;
}

FacetSpy::FacetSpy(std::vector<Facet> facets)
{
    for (Facet f : facets) {
        Facet counted = counted_as(f);
        if (std::find(facets_.begin(), facets_.end(), counted) == facets_.end())
            facets_.push_back(counted);
    }
    for (Facet f : facets_) counts_[f];
}

void FacetSpy::operator()(const Xapian::Document& doc, double)
{
    for (Facet f : facets_) {
        FacetCounts& counts = counts_[f];
        switch (f) {
            case Facet::Country: count_codes(doc.get_value(kCountriesSlot), counts); break;
            case Facet::Org: count_list(doc.get_value(kOrgsSlot), kListSeparator, counts); break;
            case Facet::Year: count_years(doc, counts); break;
            case Facet::VenueCountry:
                count_list(doc.get_value(kVenueCountrySlot), kListSeparator, counts);
                break;
            case Facet::Type: count_list(doc.get_value(kTypeSlot), kListSeparator, counts); break;
            case Facet::Region: break;  // counted as VenueCountry
        }
    }
}

Xapian::MatchSpy* FacetSpy::clone() const
{
    return new FacetSpy(facets_);
}

std::string FacetSpy::name() const
{
    return "infonote.FacetSpy";
}

std::string FacetSpy::serialise() const
{
    std::string out;
    for (Facet f : facets_) out += static_cast<char>('0' + static_cast<int>(f));
    return out;
}

Xapian::MatchSpy* FacetSpy::unserialise(const std::string& data, const Xapian::Registry&) const
{
    std::vector<Facet> facets;
    for (char c : data) {
        int index = c - '0';
        if (index < 0 || index >= static_cast<int>(kFacetNames.size()))
            throw Xapian::NetworkError("malformed FacetSpy parameters");
        facets.push_back(static_cast<Facet>(index));
    }
    return new FacetSpy(facets);
}

std::string FacetSpy::serialise_results() const
{
    return encode(counts_);
}

void FacetSpy::merge_results(const std::string& serialised)
{
    decode_into(serialised, counts_);
}

const FacetCounts& FacetSpy::counts(Facet facet) const
{
    static const FacetCounts none;
    auto it = counts_.find(facet);
    return it == counts_.end() ? none : it->second;
}

FacetCounts region_counts(const FacetCounts& venue_countries)
{
    const RegionTable& table = default_region_table();
    FacetCounts regions;
    for (const auto& [code, n] : venue_countries)
        for (const Region* r : table.regions_of(code)) regions[r->name] += n;
    return regions;
}

std::vector<std::pair<std::string, Xapian::doccount>> ranked_values(const FacetCounts& counts,
                                                                    std::size_t limit)
{
    std::vector<std::pair<std::string, Xapian::doccount>> values(counts.begin(), counts.end());
    std::stable_sort(values.begin(), values.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (limit != 0 && values.size() > limit) values.resize(limit);
    return values;
}

}  // namespace infonote
