#include "facets.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
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

constexpr std::size_t kCodeCells = 26 * 26;

// The cell of a two-letter code, or kCodeCells when it is not one.
std::size_t code_cell(char a, char b)
{
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return kCodeCells;
    return static_cast<std::size_t>(a - 'A') * 26 + static_cast<std::size_t>(b - 'A');
}

// Years are counted by number, below this.
constexpr std::uint32_t kYearCells = 10000;

// "2014" as a number; kYearCells when it is not four digits.
std::uint32_t year_number(std::string_view text)
{
    if (text.size() != 4) return kYearCells;
    std::uint32_t year = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return kYearCells;
        year = year * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return year;
}

// A quick hash of a facet value: its length and its first and last eight
// bytes (a value the table holds is compared whole anyway), mixed.
std::uint64_t text_hash(std::string_view text)
{
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::size_t n = text.size();
    std::memcpy(&head, text.data(), std::min<std::size_t>(n, 8));
    if (n > 8)
        std::memcpy(&tail, text.data() + n - std::min<std::size_t>(n - 8, 8),
                    std::min<std::size_t>(n - 8, 8));
    std::uint64_t h = (head ^ (n * 0x9E3779B97F4A7C15u)) * 0xFF51AFD7ED558CCDu;
    h ^= (tail + (h >> 29)) * 0xC4CEB9FE1A85EC53u;
    return h ^ (h >> 32);
}

std::size_t tally_of(Facet f)
{
    return static_cast<std::size_t>(f);
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
    for (Facet f : facets_) counts_[f];
}

std::uint32_t FacetSpy::number_of(Tally& tally, std::string_view value) const
{
    std::uint64_t hash = text_hash(value);
    // Kept at most half full, so a probe soon meets its value or a gap.
    if (2 * (tally.names.size() + 1) > tally.places.size()) {
        std::vector<std::pair<std::uint64_t, std::uint32_t>> old(
            std::max<std::size_t>(64, 2 * tally.places.size()));
        old.swap(tally.places);
        std::size_t mask = tally.places.size() - 1;
        for (const auto& entry : old) {
            if (entry.second == 0) continue;
            std::size_t at = entry.first & mask;
            while (tally.places[at].second != 0) at = (at + 1) & mask;
            tally.places[at] = entry;
        }
    }
    std::size_t mask = tally.places.size() - 1;
    std::size_t at = hash & mask;
    for (;; at = (at + 1) & mask) {
        auto& [h, place] = tally.places[at];
        if (place == 0) break;
        if (h == hash && tally.names[place - 1] == value) return place - 1;
    }
    auto number = static_cast<std::uint32_t>(tally.names.size());
    tally.names.emplace_back(value);
    tally.places[at] = {hash, number + 1};
    return number;
}

void FacetSpy::count(Tally& tally, std::uint32_t number, std::uint64_t event) const
{
    if (counting_ == Counting::Events) {
        tally.pairs.push_back(event << 32 | number);
        return;
    }
    if (number >= tally.counts.size()) tally.counts.resize(number + 1, 0);
    ++tally.counts[number];
}

std::string FacetSpy::value_of(Facet facet, const Tally& tally, std::size_t number) const
{
    switch (facet) {
        case Facet::Country:
        case Facet::VenueCountry:
            return {static_cast<char>('A' + number / 26), static_cast<char>('A' + number % 26)};
        case Facet::Year: return std::to_string(number);
        default: return tally.names[number];
    }
}

namespace {

// A document's values read slot by slot, for a document whose event-values
// slot is missing or does not split; `storage` holds what the views show.
struct OwnValues {
    std::string event;
    std::array<std::string, kEventValueSlots.size()> slots;

    EventValues read(const Xapian::Document& doc)
    {
        event = event_of(doc);
        EventValues own;
        own.event = event;
        for (std::size_t i = 0; i < kEventValueSlots.size(); ++i) {
            slots[i] = doc.get_value(kEventValueSlots[i]);
            own.slots[i] = slots[i];
        }
        return own;
    }
};

}  // namespace

void FacetSpy::operator()(const Xapian::Document& doc, double)
{
    if (db_) {
        docids_.push_back(doc.get_docid());
        return;
    }
    // Every value counted is in the event-values slot (event_values.h):
    // one value read rather than one per facet.
    const std::string packed = doc.get_value(kEventValuesSlot);
    std::optional<EventValues> read = read_event_values(packed);
    OwnValues own;
    count_values(read ? *read : own.read(doc));
}

void FacetSpy::count_values(const EventValues& values) const
{
    std::uint64_t event = 0;
    if (counting_ == Counting::Events) {
        auto found = event_numbers_.find(values.event);
        if (found == event_numbers_.end())
            found = event_numbers_
                        .emplace(values.event, static_cast<std::uint32_t>(event_numbers_.size()))
                        .first;
        event = found->second;
    }
    for (Facet f : facets_) {
        Tally& tally = tallies_[tally_of(f)];
        switch (f) {
            case Facet::Country:
            case Facet::VenueCountry: {
                std::string_view codes =
                    values.of(f == Facet::Country ? kCountriesSlot : kVenueCountrySlot);
                for (std::size_t at = 0; at + 2 <= codes.size(); at += 2) {
                    std::size_t cell = code_cell(codes[at], codes[at + 1]);
                    if (cell < kCodeCells) count(tally, static_cast<std::uint32_t>(cell), event);
                }
                break;
            }
            case Facet::Year: {
                std::string_view years = values.of(kYearsSlot);
                for (std::size_t at = 0; at + 4 <= years.size(); at += 4) {
                    std::uint32_t year = year_number(years.substr(at, 4));
                    if (year < kYearCells) count(tally, year, event);
                }
                break;
            }
            case Facet::Org:
            case Facet::Type:
            case Facet::Kind: {
                std::string_view list = values.of(f == Facet::Org    ? kOrgsSlot
                                                  : f == Facet::Type ? kTypeSlot
                                                                     : kKindSlot);
                while (!list.empty()) {
                    std::size_t end = std::min(list.find(kListSeparator), list.size());
                    if (end > 0) count(tally, number_of(tally, list.substr(0, end)), event);
                    list.remove_prefix(std::min(end + 1, list.size()));
                }
                break;
            }
            case Facet::Region: break;  // counted as VenueCountry
        }
    }
}

void FacetSpy::settle() const
{
    if (db_ && !docids_.empty()) {
        // The documents in number order (marked in a bitmap: the match
        // visits them in its own order), their values from one pass over
        // the stream; a document without the slot is fetched.
        Xapian::docid last = *std::max_element(docids_.begin(), docids_.end());
        std::vector<std::uint64_t> marked(last / 64 + 1, 0);
        for (Xapian::docid did : docids_) marked[did / 64] |= std::uint64_t{1} << (did % 64);
        Xapian::ValueIterator it = db_->valuestream_begin(kEventValuesSlot);
        Xapian::ValueIterator end = db_->valuestream_end(kEventValuesSlot);
        for (std::size_t word = 0; word < marked.size(); ++word) {
            for (std::uint64_t bits = marked[word]; bits != 0; bits &= bits - 1) {
                auto did = static_cast<Xapian::docid>(
                    word * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
                if (it != end) it.skip_to(did);
                std::string value;
                if (it != end && it.get_docid() == did) value = *it;
                std::optional<EventValues> read = read_event_values(value);
                OwnValues own;
                count_values(read ? *read : own.read(db_->get_document(did)));
            }
        }
        docids_.clear();
    }
    for (Facet f : facets_) {
        Tally& tally = tallies_[tally_of(f)];
        if (!tally.pairs.empty()) {
            std::vector<std::uint64_t>& pairs = tally.pairs;
            std::sort(pairs.begin(), pairs.end());
            pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
            for (std::uint64_t pair : pairs) {
                std::size_t number = pair & 0xffffffffu;
                if (number >= tally.counts.size()) tally.counts.resize(number + 1, 0);
                ++tally.counts[number];
            }
            pairs.clear();
        }
        for (std::size_t number = 0; number < tally.counts.size(); ++number) {
            if (tally.counts[number] == 0) continue;
            counts_[f][value_of(f, tally, number)] += tally.counts[number];
            tally.counts[number] = 0;
        }
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

FacetCounter::FacetCounter(const std::vector<Facet>& facets, bool remote, Counting counting,
                           const Xapian::Database* db)
{
    if (!remote) {
        spy_.emplace(facets, counting);
        if (db && db->size() == 1) spy_->collect_docids(*db);
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

namespace {

// The values of a filter field over the whole index, each with the number
// of documents holding it, kept when `keep` takes the value (and gives
// the text the facet shows it by; "" to leave it out).
template <typename Keep>
FacetCounts term_counts(const Xapian::Database& db, FieldId field, const Keep& keep)
{
    FacetCounts out;
    const std::string prefix(infonote::field(field).prefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string term = *it;
        std::string_view value = filter_value(field, term);
        Xapian::doccount n = it.get_termfreq();
        if (n == 0) continue;
        std::string shown = keep(value);
        if (!shown.empty()) out[shown] += n;
    }
    return out;
}

std::string as_code(std::string_view value)
{
    return value.size() == 2 && code_cell(value[0], value[1]) < kCodeCells ? std::string(value)
                                                                          : std::string();
}

std::string as_list_value(std::string_view value)
{
    return std::string(value);
}

struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return text_hash(text); }
};

// Organizations from one pass over their slot's value stream: each
// document's list split, its names counted in a hash table found by
// string_view (no copy but for a name's first time), sorted once at the
// end.
FacetCounts organization_counts(const Xapian::Database& db)
{
    std::unordered_map<std::string, Xapian::doccount, ViewHash, std::equal_to<>> counts;
    for (auto it = db.valuestream_begin(kOrgsSlot); it != db.valuestream_end(kOrgsSlot); ++it) {
        const std::string list = *it;
        std::string_view rest = list;
        while (!rest.empty()) {
            std::size_t end = std::min(rest.find(kListSeparator), rest.size());
            if (end > 0) {
                std::string_view name = rest.substr(0, end);
                auto found = counts.find(name);
                if (found == counts.end())
                    counts.emplace(std::string(name), 1);
                else
                    ++found->second;
            }
            rest.remove_prefix(std::min(end + 1, rest.size()));
        }
    }
    return FacetCounts(counts.begin(), counts.end());
}

}  // namespace

std::map<Facet, FacetCounts> whole_index_counts(const Xapian::Database& db,
                                                const std::vector<Facet>& facets)
{
    std::map<Facet, FacetCounts> out;
    for (Facet f : facets) {
        switch (f) {
            case Facet::Country: out[f] = term_counts(db, FieldId::Country, as_code); break;
            case Facet::VenueCountry:
            case Facet::Region: {
                FacetCounts venues = term_counts(db, FieldId::VenueCountry, as_code);
                out[f] = f == Facet::Region ? region_counts(venues) : std::move(venues);
                break;
            }
            case Facet::Year:
                out[f] = term_counts(db, FieldId::Year, [](std::string_view value) {
                    std::uint32_t year = year_number(value);
                    return year < kYearCells ? std::to_string(year) : std::string();
                });
                break;
            case Facet::Type: out[f] = term_counts(db, FieldId::Type, as_list_value); break;
            case Facet::Kind: out[f] = term_counts(db, FieldId::Kind, as_list_value); break;
            case Facet::Org: out[f] = organization_counts(db); break;
        }
    }
    return out;
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
