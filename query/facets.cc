#include "facets.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "event_values.h"
#include "regions.h"
#include "schema.h"

namespace infonote {

namespace {

constexpr std::array<std::pair<Facet, std::string_view>, 7> kFacetNames{{
    {Facet::Country, "country"},
    {Facet::Org, "org"},
    {Facet::Year, "year"},
    {Facet::VenueCountry, "venue_country"},
    {Facet::Region, "region"},
    {Facet::Type, "type"},
    {Facet::Kind, "kind"},
}};

// The facet a spy counts to answer `facet`: regions come from venue countries.
Facet counted_as(Facet facet)
{
    return facet == Facet::Region ? Facet::VenueCountry : facet;
}

using ValueCounts = std::unordered_map<std::string, Xapian::doccount>;

constexpr std::size_t kCodeCells = 26 * 26;

// The cell of a two-letter code, or kCodeCells when it is not one.
std::size_t code_cell(char a, char b)
{
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return kCodeCells;
    return static_cast<std::size_t>(a - 'A') * 26 + static_cast<std::size_t>(b - 'A');
}

void count_codes(const std::string& codes, std::vector<Xapian::doccount>& cells)
{
    for (std::size_t at = 0; at + 2 <= codes.size(); at += 2) {
        std::size_t cell = code_cell(codes[at], codes[at + 1]);
        if (cell < kCodeCells) ++cells[cell];
    }
}

void list_codes(const std::string& codes, ValueCounts& out)
{
    for (std::size_t at = 0; at + 2 <= codes.size(); at += 2)
        if (code_cell(codes[at], codes[at + 1]) < kCodeCells) ++out[codes.substr(at, 2)];
}

void count_years(const Xapian::Document& doc, ValueCounts& counts, std::string& key)
{
    std::string start = doc.get_value(kStartDateSlot);
    if (start.size() < 4) return;
    std::string end = doc.get_value(kEndDateSlot);
    int first = std::stoi(start.substr(0, 4));
    int last = end.size() >= 4 ? std::stoi(end.substr(0, 4)) : first;
    for (int year = first; year <= last && year < first + 100; ++year) {
        key = std::to_string(year);
        ++counts[key];
    }
}

void count_list(const std::string& list, ValueCounts& counts, std::string& key)
{
    std::size_t at = 0;
    while (at < list.size()) {
        std::size_t end = list.find(kListSeparator, at);
        if (end == std::string::npos) end = list.size();
        if (end > at) {
            key.assign(list, at, end - at);
            auto it = counts.find(key);
            if (it == counts.end())
                counts.emplace(key, 1);
            else
                ++it->second;
        }
        at = end + 1;
    }
}

bool counted_by_code(Facet f)
{
    return f == Facet::Country || f == Facet::VenueCountry;
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

std::string facet_names()
{
    std::string names;
    for (const auto& [f, name] : kFacetNames)
        names += (names.empty() ? "" : ", ") + std::string(name);
    return names;
}

std::optional<Facet> facet_by_name(std::string_view name)
{
    for (const auto& [f, n] : kFacetNames)
        if (n == name) return f;
    return std::nullopt;
}

FacetSpy::FacetSpy(std::vector<Facet> facets, Counting counting) : counting_(counting)
{
    for (Facet f : facets) {
        Facet counted = counted_as(f);
        if (std::find(facets_.begin(), facets_.end(), counted) == facets_.end())
            facets_.push_back(counted);
    }
    for (Facet f : facets_) {
        counts_[f];
        if (counted_by_code(f))
            by_code_[f].assign(kCodeCells, 0);
        else
            by_value_[f];
    }
}

void FacetSpy::operator()(const Xapian::Document& doc, double)
{
    std::string key;
    if (counting_ == Counting::Events) {
        std::string event = doc.get_value(kEventSlot);
        if (event.empty()) event = doc.get_value(kNoteIdSlot);
        const std::uint64_t event_number =
            event_numbers_.try_emplace(event, static_cast<std::uint32_t>(event_numbers_.size()))
                .first->second;
        // This document's values, paired with its event.
        ValueCounts values;
        for (Facet f : facets_) {
            values.clear();
            switch (f) {
                case Facet::Country: list_codes(doc.get_value(kCountriesSlot), values); break;
                case Facet::VenueCountry: list_codes(doc.get_value(kVenueCountrySlot), values); break;
                case Facet::Org: count_list(doc.get_value(kOrgsSlot), values, key); break;
                case Facet::Year: count_years(doc, values, key); break;
                case Facet::Type: count_list(doc.get_value(kTypeSlot), values, key); break;
                case Facet::Kind: count_list(doc.get_value(kKindSlot), values, key); break;
                case Facet::Region: break;
            }
            std::vector<std::uint64_t>& pairs = event_values_[f];
            auto& numbers = value_numbers_[f];
            auto& names = value_names_[f];
            for (const auto& [value, n] : values) {
                auto [it, fresh] =
                    numbers.try_emplace(value, static_cast<std::uint32_t>(names.size()));
                if (fresh) names.push_back(value);
                pairs.push_back(event_number << 32 | it->second);
            }
        }
        return;
    }
    for (Facet f : facets_) {
        switch (f) {
            case Facet::Country: count_codes(doc.get_value(kCountriesSlot), by_code_[f]); break;
            case Facet::VenueCountry:
                count_codes(doc.get_value(kVenueCountrySlot), by_code_[f]);
                break;
            case Facet::Org: count_list(doc.get_value(kOrgsSlot), by_value_[f], key); break;
            case Facet::Year: count_years(doc, by_value_[f], key); break;
            case Facet::Type: count_list(doc.get_value(kTypeSlot), by_value_[f], key); break;
            case Facet::Kind: count_list(doc.get_value(kKindSlot), by_value_[f], key); break;
            case Facet::Region: break;  // counted as VenueCountry
        }
    }
}

void FacetSpy::settle() const
{
    for (auto& [f, pairs] : event_values_) {
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        const std::vector<std::string>& names = value_names_.at(f);
        std::vector<Xapian::doccount> events(names.size(), 0);
        for (std::uint64_t pair : pairs) ++events[pair & 0xffffffffu];
        for (std::size_t v = 0; v < names.size(); ++v)
            if (events[v]) counts_[f][names[v]] += events[v];
        pairs.clear();
    }
    for (auto& [f, cells] : by_code_) {
        for (std::size_t cell = 0; cell < cells.size(); ++cell) {
            if (cells[cell] == 0) continue;
            std::string code{static_cast<char>('A' + cell / 26),
                             static_cast<char>('A' + cell % 26)};
            counts_[f][code] += cells[cell];
            cells[cell] = 0;
        }
    }
    for (auto& [f, values] : by_value_) {
        for (const auto& [value, n] : values) counts_[f][value] += n;
        values.clear();
    }
}

Xapian::MatchSpy* FacetSpy::clone() const
{
    return new FacetSpy(facets_, counting_);
}

std::string FacetSpy::name() const
{
    return "infonote.FacetSpy";
}

std::string FacetSpy::serialise() const
{
    std::string out;
    for (Facet f : facets_) out += static_cast<char>('0' + static_cast<int>(f));
    if (counting_ == Counting::Events) out += 'E';
    return out;
}

Xapian::MatchSpy* FacetSpy::unserialise(const std::string& data, const Xapian::Registry&) const
{
    std::vector<Facet> facets;
    Counting counting = Counting::Documents;
    for (char c : data) {
        if (c == 'E') {
            counting = Counting::Events;
            continue;
        }
        int index = c - '0';
        if (index < 0 || index >= static_cast<int>(kFacetNames.size()))
            throw Xapian::NetworkError("malformed FacetSpy parameters");
        facets.push_back(static_cast<Facet>(index));
    }
    return new FacetSpy(facets, counting);
}

std::string FacetSpy::serialise_results() const
{
    settle();
    return encode(counts_);
}

void FacetSpy::merge_results(const std::string& serialised)
{
    settle();
    decode_into(serialised, counts_);
}

const FacetCounts& FacetSpy::counts(Facet facet) const
{
    static const FacetCounts none;
    settle();
    auto it = counts_.find(facet);
    return it == counts_.end() ? none : it->second;
}

FacetCounts counts_of(const FacetSpy& spy, Facet facet)
{
    if (facet == Facet::Region) return region_counts(spy.counts(Facet::VenueCountry));
    return spy.counts(facet);
}

namespace {

// The slot the built-in spies read for `facet`, and how its value splits
// into the facet's values: fixed-width codes, or kListSeparator.
struct SlotReading {
    Xapian::valueno slot;
    std::size_t width;
};

// The values one slot's value holds: codes `width` wide, or (width 0)
// kListSeparator's parts.
std::vector<std::string> split_slot(std::string_view value, std::size_t width)
{
    std::vector<std::string> out;
    if (width > 0) {
        for (std::size_t at = 0; at + width <= value.size(); at += width)
            out.emplace_back(value.substr(at, width));
        return out;
    }
    std::size_t at = 0;
    while (at < value.size()) {
        std::size_t end = value.find(kListSeparator, at);
        if (end == std::string_view::npos) end = value.size();
        if (end > at) out.emplace_back(value.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

SlotReading slot_reading(Facet facet)
{
    switch (facet) {
        case Facet::Country: return {kCountriesSlot, 2};
        case Facet::Org: return {kOrgsSlot, 0};
        case Facet::Year: return {kYearsSlot, 4};
        case Facet::Type: return {kTypeSlot, 0};
        case Facet::Kind: return {kKindSlot, 0};
        case Facet::VenueCountry:
        case Facet::Region: break;
    }
    return {kVenueCountrySlot, 2};
}

}  // namespace

FacetCounter::FacetCounter(const std::vector<Facet>& facets, bool remote, Counting counting)
{
    if (!remote) {
        spy_.emplace(facets, counting);
        return;
    }
    if (counting == Counting::Events) {
        event_values_ = std::make_unique<Xapian::ValueCountMatchSpy>(kEventValuesSlot);
        return;
    }
    for (Facet f : facets) {
        Xapian::valueno slot = slot_reading(f).slot;
        if (!slots_.count(slot)) slots_[slot] = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
    }
}

void FacetCounter::attach(Xapian::Enquire& enquire)
{
    if (spy_) enquire.add_matchspy(&*spy_);
    if (event_values_) enquire.add_matchspy(event_values_.get());
    for (auto& [slot, spy] : slots_) enquire.add_matchspy(spy.get());
}

FacetCounts FacetCounter::counts(Facet facet) const
{
    if (spy_) return counts_of(*spy_, facet);
    if (facet == Facet::Region) return region_counts(counts(Facet::VenueCountry));
    SlotReading reading = slot_reading(facet);
    if (event_values_) {
        // Each event's values, once however many of its documents hold them.
        std::map<std::string, std::set<std::string>> by_event;
        for (auto it = event_values_->values_begin(); it != event_values_->values_end(); ++it) {
            const std::string value = *it;
            std::optional<EventValues> read = read_event_values(value);
            if (!read) continue;
            std::set<std::string>& values = by_event[std::string(read->event)];
            for (const std::string& v : split_slot(read->of(reading.slot), reading.width))
                values.insert(v);
        }
        FacetCounts out;
        for (const auto& [event, values] : by_event)
            for (const std::string& v : values) ++out[v];
        return out;
    }
    auto found = slots_.find(reading.slot);
    FacetCounts out;
    if (found == slots_.end()) return out;
    const Xapian::ValueCountMatchSpy& spy = *found->second;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        Xapian::doccount n = it.get_termfreq();
        for (const std::string& v : split_slot(*it, reading.width)) out[v] += n;
    }
    return out;
}

std::optional<std::map<std::string, std::string>> FacetCounter::event_starts() const
{
    if (!event_values_) return std::nullopt;
    std::map<std::string, std::string> starts;
    for (auto it = event_values_->values_begin(); it != event_values_->values_end(); ++it) {
        const std::string value = *it;
        std::optional<EventValues> read = read_event_values(value);
        if (!read) continue;
        std::string start(read->of(kStartDateSlot));
        auto [at, fresh] = starts.try_emplace(std::string(read->event), start);
        if (!fresh && !start.empty() && (at->second.empty() || start < at->second))
            at->second = start;
    }
    return starts;
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
