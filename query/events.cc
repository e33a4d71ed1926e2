#include "events.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "event_values.h"
#include "note.h"
#include "schema.h"

namespace infonote {

std::optional<EventView> read_event(Xapian::Database& db, const std::string& event_id)
{
    std::string term = filter_term(FieldId::Event, event_id);
    std::vector<EventMember> members;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        Xapian::Document doc = db.get_document(*p);
        members.push_back({stored_summary(doc), doc.get_value(kListingSlot)});
    }
    if (members.empty()) return std::nullopt;
    return merge_event(event_id, std::move(members));
}

void EventStartSpy::operator()(const Xapian::Document& doc, double)
{
    std::string event = event_of(doc);
    std::string start = doc.get_value(kStartDateSlot);
    auto [it, fresh] = starts_.try_emplace(event, start);
    if (!fresh && !start.empty() && (it->second.empty() || start < it->second)) it->second = start;
}

void EventAggregateSpy::operator()(const Xapian::Document& doc, double)
{
    std::string event = event_of(doc);
    if (only_ && !only_->contains(event)) return;
    EventAggregate& e = events_[event];
    std::string start = doc.get_value(kStartDateSlot);
    if (!start.empty() && (e.start.empty() || start < e.start)) e.start = start;
    Listing listing = listing_of(doc.get_value(kListingSlot));
    bool note = doc.get_value(kKindSlot) == kind_name(DocumentKind::InformationNote);
    if (e.title_id.empty() || std::pair(!note, listing.id) < std::pair(!e.title_from_note, e.title_id)) {
        e.title = listing.title;
        e.title_id = listing.id;
        e.title_from_note = note;
    }
    auto add_list = [](const std::string& list, std::set<std::string>& out) {
        std::size_t at = 0;
        while (at < list.size()) {
            std::size_t end = list.find(kListSeparator, at);
            if (end == std::string::npos) end = list.size();
            if (end > at) out.insert(list.substr(at, end - at));
            at = end + 1;
        }
    };
    add_list(doc.get_value(kTypeSlot), e.types);
    add_list(doc.get_value(kOrgsSlot), e.orgs);
    std::string venue = doc.get_value(kVenueCountrySlot);
    if (!venue.empty()) e.venues.insert(venue);
    std::string codes = doc.get_value(kCountriesSlot);
    for (std::size_t at = 0; at + 2 <= codes.size(); at += 2) e.states.insert(codes.substr(at, 2));
    const std::string& listed = listing.participants;
    for (std::size_t at = 0; at + 2 <= listed.size(); at += 2)
        e.participants.insert(listed.substr(at, 2));
}

StateCode state_code(std::string_view alpha2)
{
    return static_cast<StateCode>(static_cast<unsigned char>(alpha2[0]) << 8 |
                                  static_cast<unsigned char>(alpha2[1]));
}

std::string alpha2_of(StateCode code)
{
    return {static_cast<char>(code >> 8), static_cast<char>(code & 0xff)};
}

void EventStatesSpy::operator()(const Xapian::Document& doc, double)
{
    std::string event = event_of(doc);
    if (only_ && !only_->contains(event)) return;
    std::vector<StateCode>& states = states_[event];
    std::string codes = doc.get_value(kCountriesSlot);
    for (std::size_t at = 0; at + 2 <= codes.size(); at += 2)
        states.push_back(state_code(std::string_view(codes).substr(at, 2)));
}

EventStates EventStatesSpy::take()
{
    for (auto& [event, codes] : states_) {
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    }
    return std::exchange(states_, {});
}

std::vector<CoattendPair> coattend_pairs(const EventStates& states,
                                         const std::set<std::string>& only)
{
    // The States met, numbered 0..n-1 in code order, and a square of counts:
    // a few hundred States at most, where a map of pairs of strings made
    // the command's time.
    std::vector<StateCode> codes;
    for (const auto& [event, list] : states) codes.insert(codes.end(), list.begin(), list.end());
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    const std::size_t n = codes.size();
    std::vector<std::uint16_t> numbers_of(std::size_t{1} << (8 * sizeof(StateCode)), 0);
    for (std::size_t i = 0; i < n; ++i) numbers_of[codes[i]] = static_cast<std::uint16_t>(i);
    auto number = [&numbers_of](StateCode c) { return std::size_t{numbers_of[c]}; };
    std::vector<bool> wanted(n, only.empty());
    for (const std::string& c : only)
        if (c.size() == 2) {
            std::size_t i = number(state_code(c));
            if (i < n && codes[i] == state_code(c)) wanted[i] = true;
        }
    std::vector<std::uint32_t> counts(n * n, 0);
    std::vector<std::size_t> numbers;
    for (const auto& [event, list] : states) {
        numbers.clear();
        for (StateCode c : list) numbers.push_back(number(c));
        for (std::size_t x = 0; x < numbers.size(); ++x)
            for (std::size_t y = x + 1; y < numbers.size(); ++y)
                if (wanted[numbers[x]] || wanted[numbers[y]]) ++counts[numbers[x] * n + numbers[y]];
    }
    std::vector<CoattendPair> pairs;
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b)
            if (std::uint32_t events = counts[a * n + b])
                pairs.push_back({alpha2_of(codes[a]), alpha2_of(codes[b]), events});
    std::stable_sort(pairs.begin(), pairs.end(), [](const CoattendPair& x, const CoattendPair& y) {
        return x.events > y.events;
    });
    return pairs;
}

void fill_events(Index& index, SearchResult& result)
{
    index.with_retry([&result](Xapian::Database& db) {
        for (Hit& hit : result.hits) {
            if (hit.event_id.empty() || hit.record) continue;
            std::optional<EventView> event = read_event(db, hit.event_id);
            if (!event) continue;
            hit.summary = std::move(event->summary);
            hit.listing = std::move(event->listing);
            hit.sources = std::move(event->sources);
        }
        return 0;
    });
}

}  // namespace infonote
