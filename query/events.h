// Events as the query tool shows them: the documents of one event (grouped
// at index time, docs/events.md) merged into one record.
#ifndef INFONOTE_QUERY_EVENTS_H
#define INFONOTE_QUERY_EVENTS_H

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "event_record.h"
#include "note_json.h"
#include "searcher.h"

namespace infonote {

/// One event: its merged summary, its documents and its listing line.
using EventView = MergedEvent;

/// The event `event_id`, or nullopt when no document belongs to it.
std::optional<EventView> read_event(Xapian::Database& db, const std::string& event_id);

/// Replaces each hit of a search by event with its event: summary, listing,
/// event id and sources. Hits with a record are left as they are.
void fill_events(Index& index, SearchResult& result);

/// Sees every matching document and keeps, per event, the earliest start
/// date of its matching documents ("YYYYMMDD", "" when none has a date):
/// what timeline and stats count events by. Local databases only.
class EventStartSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double weight) override;
    const std::map<std::string, std::string>& starts() const { return starts_; }

  private:
    std::map<std::string, std::string> starts_;
};

/// A State's ISO 3166 alpha-2 code in two bytes, first letter high: codes
/// compare as their numbers do.
using StateCode = std::uint16_t;

/// Per event, its States, sorted and distinct.
using EventStates = std::unordered_map<std::string, std::vector<StateCode>>;

StateCode state_code(std::string_view alpha2);
std::string alpha2_of(StateCode code);

/// Events by id, for a spy that keeps only some.
using EventSet = std::unordered_set<std::string>;

/// Sees every matching document and keeps, per event, the States its
/// matching documents list as participant or host; with `only`, of those
/// events alone.
class EventStatesSpy : public Xapian::MatchSpy {
  public:
    explicit EventStatesSpy(const EventSet* only = nullptr) : only_(only) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    /// What the spy saw; the spy is empty afterwards.
    EventStates take();

  private:
    const EventSet* only_;
    EventStates states_;
};

/// What the documents of one event say, merged: for `profile`.
struct EventAggregate {
    /// The earliest start date ("YYYYMMDD"), "" when none.
    std::string start;
    /// The title of the canonical document (an Information Note's where
    /// there is one, else the first by id).
    std::string title;
    std::string title_id;
    bool title_from_note = false;
    std::set<std::string> types;
    std::set<std::string> venues;
    std::set<std::string> orgs;
    /// Participants and hosts.
    std::set<std::string> states;
    /// Listed as participants (not only invited, not only host).
    std::set<std::string> participants;
};

/// Sees every matching document and merges, per event, what EventAggregate
/// keeps; with `only`, of those events alone.
class EventAggregateSpy : public Xapian::MatchSpy {
  public:
    explicit EventAggregateSpy(const EventSet* only = nullptr) : only_(only) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    const std::map<std::string, EventAggregate>& events() const { return events_; }

  private:
    const EventSet* only_;
    std::map<std::string, EventAggregate> events_;
};

/// A pair of States and the number of events both attended.
struct CoattendPair {
    std::string a;
    std::string b;
    std::size_t events = 0;
};

/// Every pair of States that attended one event together, over the events
/// `states` lists, most shared events first, then by codes (a < b). With
/// `only` non-empty, only pairs with one of those States in them.
std::vector<CoattendPair> coattend_pairs(const EventStates& states,
                                         const std::set<std::string>& only);

}  // namespace infonote

#endif
