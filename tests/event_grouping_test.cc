// The grouping rule without a database: pairs, events, the order they come
// in, and brute force over random keys.
#include "event_grouping.h"

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace infonote {
namespace {

GroupingKey key(std::string id, std::string start, std::string end, std::string city,
                std::string country, std::vector<std::string> words = {})
{
    GroupingKey k;
    k.note_id = std::move(id);
    k.start = std::move(start);
    k.end = std::move(end);
    k.city = std::move(city);
    k.country = std::move(country);
    std::sort(words.begin(), words.end());
    for (const std::string& w : words) k.title_words += (k.title_words.empty() ? "" : " ") + w;
    return k;
}

// The events as sets of note ids, which do not depend on index order.
std::set<std::set<std::string>> events_of(const std::vector<GroupingKey>& keys)
{
    std::set<std::set<std::string>> out;
    for (const std::vector<std::size_t>& members : group_events(keys)) {
        std::set<std::string> ids;
        for (std::size_t i : members) ids.insert(keys[i].note_id);
        out.insert(ids);
    }
    return out;
}

TEST(EventGrouping, OverlappingDatesSameCityAlikeTitlesJoin)
{
    GroupingKey note = key("a", "20140311", "20140312", "astana", "KZ", {"central", "asia"});
    GroupingKey release = key("b", "20140312", "20140312", "astana", "", {});
    EXPECT_TRUE(same_event(note, release));
    EXPECT_EQ(events_of({note, release}), (std::set<std::set<std::string>>{{"a", "b"}}));
}

TEST(EventGrouping, EqualTitlesWithOtherDatesOrVenueStayApart)
{
    std::vector<std::string> words{"annual", "export", "control"};
    std::vector<GroupingKey> keys{
        key("a", "20140311", "20140312", "vienna", "AT", words),
        key("b", "20150311", "20150312", "vienna", "AT", words),
        key("c", "20140311", "20140312", "geneva", "CH", words),
        key("d", "20140313", "20140314", "vienna", "AT", words),
    };
    EXPECT_EQ(events_of(keys).size(), 4u);
}

TEST(EventGrouping, UnlikeTitlesStayApart)
{
    GroupingKey a = key("a", "20140311", "20140312", "vienna", "AT", {"biosecurity", "africa"});
    GroupingKey b = key("b", "20140311", "20140312", "vienna", "AT", {"maritime", "trade"});
    EXPECT_FALSE(same_event(a, b));
}

TEST(EventGrouping, VenuesAgree)
{
    GroupingKey city = key("a", "", "", "lome", "TG");
    GroupingKey country_only = key("b", "", "", "", "TG");
    GroupingKey other_city = key("c", "", "", "kara", "TG");
    GroupingKey online = key("d", "", "", "", "");
    online.online = true;
    GroupingKey online_too = online;
    EXPECT_TRUE(venues_agree(city, country_only));
    EXPECT_FALSE(venues_agree(city, other_city));
    EXPECT_TRUE(venues_agree(online, online_too));
    EXPECT_FALSE(venues_agree(online, country_only));
    EXPECT_FALSE(venues_agree(key("e", "", "", "", ""), key("f", "", "", "", "")));
}

TEST(EventGrouping, UndatedDocumentJoinsOnlyTheOneEventThatFits)
{
    std::vector<GroupingKey> keys{
        key("a", "20140311", "20140312", "astana", "KZ", {"export"}),
        key("b", "", "", "astana", "KZ", {}),
    };
    EXPECT_EQ(events_of(keys), (std::set<std::set<std::string>>{{"a", "b"}}));
    // A second event in Astana makes the undated document ambiguous.
    keys.push_back(key("c", "20160311", "20160312", "astana", "KZ", {"export"}));
    EXPECT_EQ(events_of(keys), (std::set<std::set<std::string>>{{"a"}, {"b"}, {"c"}}));
}

TEST(EventGrouping, DocumentWithNeitherDateNorVenueStaysAlone)
{
    std::vector<GroupingKey> keys{
        key("a", "20140311", "20140312", "astana", "KZ", {"export"}),
        key("b", "", "", "", "", {"export"}),
    };
    EXPECT_EQ(events_of(keys).size(), 2u);
}

TEST(EventGrouping, GenericTitleJoinsTheOneEventItMeetsAndNeverBridgesTwo)
{
    // Two events in Vienna on the same days, each with its own note.
    GroupingKey customs = key("a", "20180604", "20180606", "vienna", "AT", {"customs", "officers"});
    GroupingKey nuclear = key("b", "20180605", "20180606", "vienna", "AT", {"nuclear", "forensics"});
    GroupingKey release = key("c", "20180605", "20180605", "vienna", "", {});
    EXPECT_TRUE(same_event(release, customs));
    EXPECT_TRUE(same_event(release, nuclear));
    // Met by both, the release stays alone: it would have made one event of
    // the two.
    EXPECT_EQ(events_of({customs, nuclear, release}),
              (std::set<std::set<std::string>>{{"a"}, {"b"}, {"c"}}));
    // Where one event meets it, it joins that one.
    nuclear.start = nuclear.end = "20180620";
    EXPECT_EQ(events_of({customs, nuclear, release}),
              (std::set<std::set<std::string>>{{"a", "c"}, {"b"}}));
    // Generic titles that meet no note report one event together.
    GroupingKey update = key("d", "20180605", "20180606", "vienna", "AT", {});
    EXPECT_EQ(events_of({release, update}), (std::set<std::set<std::string>>{{"c", "d"}}));
}

TEST(EventGrouping, AnEventTakesItsIdFromItsFirstInformationNote)
{
    EXPECT_NE(event_id_of("a"), event_id_of("b"));
    EXPECT_EQ(event_id_of("a").size(), 18u);
    EXPECT_EQ(event_id_of("a").substr(0, 2), "ev");
    std::vector<GroupingKey> keys{key("a", "", "", "", "", {}), key("b", "", "", "", "", {}),
                                  key("c", "", "", "", "", {}), key("d", "", "", "", "", {})};
    // No note: the smallest note id, whatever the order of the members.
    EXPECT_EQ(canonical_document(keys, {2, 1, 3}), 1u);
    EXPECT_EQ(canonical_document(keys, {3, 1, 2}), 1u);
    // Notes come first.
    keys[3].information_note = true;
    keys[2].information_note = true;
    EXPECT_EQ(canonical_document(keys, {0, 3, 2}), 2u);
    EXPECT_EQ(canonical_document(keys, {3, 0, 2}), 2u);
    EXPECT_EQ(canonical_document(keys, {3, 0}), 3u);
}

TEST(EventGrouping, KeysSurviveTheirSlot)
{
    GroupingKey k = key("0123", "20140311", "20140312", "dar es salaam", "TZ", {"a", "b"});
    k.online = true;
    k.information_note = true;
    GroupingKey back = unserialise_key("0123", serialise_key(k));
    EXPECT_EQ(back.start, k.start);
    EXPECT_EQ(back.end, k.end);
    EXPECT_EQ(back.city, k.city);
    EXPECT_EQ(back.country, k.country);
    EXPECT_TRUE(back.online);
    EXPECT_TRUE(back.information_note);
    EXPECT_FALSE(unserialise_key("0123", serialise_key(key("0123", "", "", "", "", {})))
                     .information_note);
    EXPECT_EQ(back.title_words, k.title_words);
    GroupingKey garbled = unserialise_key("0123", "nonsense");
    EXPECT_FALSE(garbled.dated());
    EXPECT_FALSE(garbled.placed());
}

// The rule as docs/events.md states it, written the slow way: every pair
// of anchored documents with distinctive titles compared, components by
// depth-first search; each anchored generic title joined to the one such
// event it meets, the generic titles that meet none joined among
// themselves; then each other document joined to its one fitting event.
std::set<std::set<std::string>> brute_force(const std::vector<GroupingKey>& keys)
{
    std::size_t n = keys.size();
    auto anchored = [&](std::size_t i) { return keys[i].dated() && keys[i].placed(); };
    std::vector<int> component(n, -1);
    int components = 0;
    auto spread = [&](std::size_t s, const std::function<bool(std::size_t, std::size_t)>& linked) {
        std::vector<std::size_t> stack{s};
        component[s] = components;
        while (!stack.empty()) {
            std::size_t i = stack.back();
            stack.pop_back();
            for (std::size_t j = 0; j < n; ++j)
                if (component[j] < 0 && linked(i, j)) {
                    component[j] = components;
                    stack.push_back(j);
                }
        }
        ++components;
    };
    auto specific = [&](std::size_t i) { return anchored(i) && !keys[i].generic(); };
    for (std::size_t s = 0; s < n; ++s)
        if (specific(s) && component[s] < 0)
            spread(s, [&](std::size_t i, std::size_t j) {
                return specific(j) && same_event(keys[i], keys[j]);
            });
    std::vector<bool> unclaimed(n, false);
    std::vector<int> claimed(n, -1);
    for (std::size_t g = 0; g < n; ++g) {
        if (!anchored(g) || !keys[g].generic()) continue;
        std::set<int> met;
        for (std::size_t s = 0; s < n; ++s)
            if (specific(s) && documents_meet(keys[g], keys[s])) met.insert(component[s]);
        if (met.size() == 1) claimed[g] = *met.begin();
        unclaimed[g] = met.empty();
    }
    for (std::size_t g = 0; g < n; ++g)
        if (claimed[g] >= 0) component[g] = claimed[g];
    for (std::size_t g = 0; g < n; ++g)
        if (unclaimed[g] && component[g] < 0)
            spread(g, [&](std::size_t i, std::size_t j) {
                return unclaimed[j] && documents_meet(keys[i], keys[j]);
            });
    for (std::size_t g = 0; g < n; ++g)
        if (anchored(g) && component[g] < 0) component[g] = components++;
    std::map<int, std::set<std::string>> events;
    for (std::size_t u = 0; u < n; ++u) {
        if (anchored(u)) {
            events[component[u]].insert(keys[u].note_id);
            continue;
        }
        std::set<int> fits;
        if (keys[u].dated() || keys[u].placed())
            for (std::size_t m = 0; m < n; ++m) {
                if (!anchored(m) || !titles_alike(keys[u], keys[m])) continue;
                bool ok = keys[u].dated() ? keys[u].start <= keys[m].end &&
                                                keys[m].start <= keys[u].end
                                          : venues_agree(keys[u], keys[m]);
                if (ok) fits.insert(component[m]);
            }
        if (fits.size() == 1)
            events[*fits.begin()].insert(keys[u].note_id);
        else
            events[components++].insert(keys[u].note_id);
    }
    std::set<std::set<std::string>> out;
    for (auto& [c, ids] : events) out.insert(ids);
    return out;
}

TEST(EventGrouping, EqualsBruteForceInAnyOrder)
{
    std::mt19937 random(7);
    const char* cities[] = {"", "astana", "lome", "vienna"};
    const char* countries[] = {"", "KZ", "TG", "AT"};
    const char* words[] = {"export", "control", "border", "biosecurity", "africa"};
    for (int round = 0; round < 40; ++round) {
        SCOPED_TRACE(round);
        std::vector<GroupingKey> keys;
        for (int i = 0; i < 60; ++i) {
            GroupingKey k;
            k.note_id = "n" + std::to_string(1000 + i);
            if (random() % 5 != 0) {
                int day = 1 + static_cast<int>(random() % 20);
                int length = static_cast<int>(random() % 3);
                char start[9], end[9];
                std::snprintf(start, sizeof start, "201403%02d", day);
                std::snprintf(end, sizeof end, "201403%02d", day + length);
                k.start = start;
                k.end = end;
            }
            std::size_t place = random() % 4;
            k.city = cities[place];
            if (random() % 3 != 0) k.country = countries[place];
            k.online = random() % 10 == 0;
            std::set<std::string> title;
            for (int w = static_cast<int>(random() % 3); w > 0; --w) title.insert(words[random() % 5]);
            for (const std::string& w : title)
                k.title_words += (k.title_words.empty() ? "" : " ") + w;
            keys.push_back(std::move(k));
        }
        std::set<std::set<std::string>> expected = brute_force(keys);
        EXPECT_EQ(events_of(keys), expected);
        std::shuffle(keys.begin(), keys.end(), random);
        EXPECT_EQ(events_of(keys), expected);
    }
}

}  // namespace
}  // namespace infonote
