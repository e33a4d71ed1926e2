#include "pages.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include <httplib.h>
#include <kainjow/mustache.hpp>

#include "country_gazetteer.h"
#include "json_output.h"
#include "query_builder.h"

namespace infonote::server {

namespace {

namespace mustache = kainjow::mustache;

using Pairs = std::vector<std::pair<std::string, std::string>>;

constexpr std::size_t kPageSize = 20;

// Marks the engine puts around matched words, turned into <mark> after the
// snippet is escaped: neither is a character a note's text keeps.
constexpr std::string_view kMarkBegin = "\x01";
constexpr std::string_view kMarkEnd = "\x02";

// The search page's state, in the URL: these parameters and no others.
constexpr std::array<std::string_view, 13> kStateKeys{
    "q",   "country", "year", "type", "region",  "kind",  "venue_country",
    "org", "from",    "to",   "sort", "reverse", "offset"};

// The filters shown as chips, each removable.
constexpr std::array<std::string_view, 9> kFilterKeys{
    "country", "year", "type", "region", "kind", "venue_country", "org", "from", "to"};

// The facets in the side column: the facet's name, its parameter, its
// heading, and how many of its values are shown, most frequent first (0:
// all). Organizations number in the thousands on a large corpus (every
// ministry named once), far more than a column can show.
struct FacetShown {
    const char* facet;
    const char* key;
    const char* heading;
    std::size_t shown = 0;
};
constexpr std::size_t kOrgsShown = 30;
constexpr std::array<FacetShown, 6> kFacets{{{"country", "country", "Countries"},
                                             {"org", "org", "Organizations", kOrgsShown},
                                             {"type", "type", "Event type"},
                                             {"region", "region", "Region"},
                                             {"kind", "kind", "Document kind"},
                                             {"year", "year", "Year"}}};

mustache::data to_data(const Json& j)
{
    if (j.is_object()) {
        mustache::data d{mustache::data::type::object};
        for (const auto& [key, value] : j.items()) d.set(key, to_data(value));
        return d;
    }
    if (j.is_array()) {
        mustache::data list{mustache::data::type::list};
        for (const Json& value : j) list.push_back(to_data(value));
        return list;
    }
    if (j.is_string()) return mustache::data{j.get<std::string>()};
    if (j.is_boolean()) return mustache::data{j.get<bool>()};
    if (j.is_null()) return mustache::data{false};
    return mustache::data{j.dump()};
}

// `j`[`key`] when it is a string, else `fallback` (a summary's field may
// be null).
std::string str(const Json& j, const char* key, const std::string& fallback = "")
{
    if (!j.is_object()) return fallback;
    auto found = j.find(key);
    return found != j.end() && found->is_string() ? found->get<std::string>() : fallback;
}

std::string query_string(const Pairs& pairs)
{
    std::string out;
    for (const auto& [key, value] : pairs)
        out += (out.empty() ? "?" : "&") + key +
               (value.empty() ? "" : "=" + httplib::detail::encode_query_param(value));
    return out;
}

bool has(const Pairs& pairs, std::string_view key, std::string_view value)
{
    return std::any_of(pairs.begin(), pairs.end(),
                       [&](const auto& p) { return p.first == key && p.second == value; });
}

std::vector<std::string> values_of(const Pairs& pairs, std::string_view key)
{
    std::vector<std::string> values;
    for (const auto& [k, v] : pairs)
        if (k == key) values.push_back(v);
    return values;
}

// The state with `key`=`value` ticked if it was not, unticked if it was;
// back to the first page.
Pairs toggled(const Pairs& state, const std::string& key, const std::string& value)
{
    Pairs out;
    bool was = false;
    for (const auto& p : state) {
        if (p.first == "offset") continue;
        if (p.first == key && p.second == value) {
            was = true;
            continue;
        }
        out.push_back(p);
    }
    if (!was) out.emplace_back(key, value);
    return out;
}

Pairs without(const Pairs& state, std::initializer_list<std::string_view> keys)
{
    Pairs out;
    for (const auto& p : state)
        if (std::find(keys.begin(), keys.end(), p.first) == keys.end()) out.push_back(p);
    return out;
}

std::string dates_of(const Json& summary)
{
    std::string start = str(summary, "start_date", "");
    std::string end = str(summary, "end_date", "");
    if (start.empty()) return "undated";
    return end.empty() || end == start ? start : start + " – " + end;
}

std::string venue_of(const Json& summary)
{
    const Json& venue = summary.contains("venue") ? summary["venue"] : Json();
    if (!venue.is_object()) return "";
    if (venue.contains("online") && venue["online"] == true) return "online";
    std::string code = str(venue, "country", "");
    std::string country = code;
    if (summary.contains("countries") && summary["countries"].is_array())
        for (const Json& c : summary["countries"])
            if (str(c, "code", "") == code) country = str(c, "name", code);
    std::string city = str(venue, "city", "");
    if (city.empty()) return country;
    return country.empty() ? city : city + ", " + country;
}

// A snippet escaped, with the engine's marks as <mark>.
std::string snippet_html(const std::string& snippet)
{
    std::string escaped = mustache::html_escape(snippet);
    std::string out;
    bool open = false;
    for (char c : escaped) {
        if (c == kMarkBegin[0] && !open) {
            out += "<mark>";
            open = true;
        } else if (c == kMarkEnd[0] && open) {
            out += "</mark>";
            open = false;
        } else if (c != kMarkBegin[0] && c != kMarkEnd[0]) {
            out += c;
        }
    }
    if (open) out += "</mark>";
    return out;
}

// A year histogram as the template draws it in SVG: one bar per year from
// the first to the last (empty ones included), each a link.
Json histogram(const std::vector<std::pair<std::string, std::size_t>>& counts,
               const std::function<std::string(const std::string&)>& url_of,
               const std::set<std::string>& selected)
{
    Json h = Json::object();
    std::vector<std::pair<int, std::size_t>> years;
    for (const auto& [label, count] : counts) {
        if (label.size() != 4 || label.find_first_not_of("0123456789") != std::string::npos)
            continue;
        years.emplace_back(std::stoi(label), count);
    }
    if (years.empty()) return h;
    std::sort(years.begin(), years.end());
    int first = years.front().first;
    int last = years.back().first;
    std::size_t most = 1;
    for (const auto& y : years) most = std::max(most, y.second);
    constexpr int kWidth = 600;
    constexpr int kHeight = 80;
    int n = last - first + 1;
    double bar = static_cast<double>(kWidth) / n;
    Json bars = Json::array();
    for (int year = first; year <= last; ++year) {
        std::size_t count = 0;
        for (const auto& y : years)
            if (y.first == year) count = y.second;
        std::string label = std::to_string(year);
        double height = count == 0 ? 0 : std::max(2.0, kHeight * static_cast<double>(count) / most);
        char x[32], w[32], top[32], hh[32];
        std::snprintf(x, sizeof x, "%.1f", bar * (year - first));
        std::snprintf(w, sizeof w, "%.1f", std::max(1.0, bar - 2));
        std::snprintf(top, sizeof top, "%.1f", kHeight - height);
        std::snprintf(hh, sizeof hh, "%.1f", height);
        bars.push_back({{"year", label},
                        {"count", std::to_string(count)},
                        {"x", x},
                        {"y", top},
                        {"width", w},
                        {"height", hh},
                        {"url", url_of(label)},
                        {"selected", selected.count(label) > 0}});
    }
    h["bars"] = bars;
    h["first"] = std::to_string(first);
    h["last"] = std::to_string(last);
    h["width"] = std::to_string(kWidth);
    h["height"] = std::to_string(kHeight);
    return h;
}

// An HTML id for a facet's value: an organization's full name has spaces
// and brackets, which an id may not.
std::string element_id(std::string_view key, const std::string& value)
{
    std::string id = std::string(key) + "-";
    for (char c : value) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '_';
        id += plain ? c : '_';
    }
    return id;
}

std::vector<std::string>& filter_values(SearchRequest& filters, std::string_view facet)
{
    if (facet == "country") return filters.countries;
    if (facet == "year") return filters.years;
    if (facet == "type") return filters.types;
    if (facet == "region") return filters.regions;
    if (facet == "org") return filters.organizations;
    return filters.kinds;
}

std::string read_text(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return in ? std::move(bytes).str() : "";
}

}  // namespace

Pages::Pages(const std::filesystem::path& web)
{
    if (web.empty()) return;
    for (const char* name : {"layout", "search", "country", "event", "document", "error"}) {
        std::string text = read_text(web / "templates" / (std::string(name) + ".mustache"));
        if (text.empty()) {
            templates_.clear();
            return;
        }
        templates_[name] = std::move(text);
    }
}

Reply Pages::render(const std::string& name, const Json& model, int status) const
{
    if (templates_.empty())
        return error_reply(404, "no pages: the web folder's templates were not found");
    mustache::mustache body_template{templates_.at(name)};
    mustache::data data = to_data(model);
    std::string body = body_template.render(data);
    mustache::mustache layout{templates_.at("layout")};
    Json frame = {{"title", str(model, "title", "infonote")},
                  {"q", str(model, "q", "")},
                  {"search_page", name == "search"}};
    mustache::data framed = to_data(frame);
    framed.set("body", body);
    Reply reply;
    reply.status = status;
    reply.content_type = "text/html; charset=utf-8";
    reply.body = layout.render(framed);
    if (!body_template.is_valid() || !layout.is_valid())
        return error_reply(500, "a page template cannot be read: " + body_template.error_message() +
                                    layout.error_message());
    return reply;
}

Reply Pages::error_page(int status, const std::string& message) const
{
    return render(
        "error",
        {{"title", "infonote: error"}, {"message", message}, {"status", std::to_string(status)}},
        status);
}

Reply Pages::search(const Params& params, Engine& engine) const
{
    Pairs state;
    for (const auto& [key, value] : params)
        if (std::find(kStateKeys.begin(), kStateKeys.end(), key) != kStateKeys.end() &&
            !(value.empty() && key != "reverse"))
            state.emplace_back(key, value);
    std::vector<std::string> countries = values_of(state, "country");

    Params asked(state.begin(), state.end());
    asked.emplace("facets", "country,org,year,type,region,kind");
    asked.emplace("facet_limit", "0");
    asked.emplace("limit", std::to_string(kPageSize));
    if (countries.size() > 1) asked.emplace("any_country", "");
    cli::Common common;
    cli::Requests requests;
    Json model = Json::object();
    std::string q;
    for (const auto& [k, v] : state)
        if (k == "q") q += (q.empty() ? "" : " ") + v;
    model["q"] = q;
    model["title"] = q.empty() ? "infonote: search" : "infonote: " + q;
    if (std::string problem = parse_params("search", asked, common, requests); !problem.empty()) {
        model["error"] = problem;
        return render("search", model, 400);
    }
    SearchQuery query = requests.search;
    for (const std::string& w : requests.search_words)
        query.words += (query.words.empty() ? "" : " ") + w;
    // Values ticked in one facet are alternatives; the command line's
    // --org asks for each.
    query.filters.any_org = query.filters.organizations.size() > 1;
    query.detail = HitDetail::Summary;
    query.highlight_begin = kMarkBegin;
    query.highlight_end = kMarkEnd;

    SearchAnswer answer;
    try {
        answer = engine.search(query);
    } catch (const QueryError& e) {
        model["error"] = e.what();
        return render("search", model, 400);
    }
    Json document = to_json(answer);
    std::size_t total = answer.result.total;
    std::size_t offset = query.paging.offset;

    Json hits = Json::array();
    for (const Json& hit : document["hits"]) {
        std::string id = str(hit, "id", "");
        hits.push_back({{"title", str(hit, "title", id)},
                        {"url", "/document/" + httplib::detail::encode_query_param(id)},
                        {"kind", str(hit, "kind", "")},
                        {"type", str(hit, "type", "")},
                        {"dates", dates_of(hit)},
                        {"venue", venue_of(hit)},
                        {"snippet_html", snippet_html(str(hit, "snippet", ""))},
                        {"event_url", hit.contains("event_id") && hit["event_id"].is_string()
                                          ? "/event/" + hit["event_id"].get<std::string>()
                                          : ""}});
    }
    model["hits"] = hits;
    model["total"] = std::to_string(total);
    model["none"] = total == 0;
    if (!hits.empty()) {
        model["shown_from"] = std::to_string(offset + 1);
        model["shown_to"] = std::to_string(offset + hits.size());
    }
    auto at_offset = [&state](std::size_t o) {
        Pairs p = without(state, {"offset"});
        if (o > 0) p.emplace_back("offset", std::to_string(o));
        return "/search" + query_string(p);
    };
    if (offset > 0) model["prev_url"] = at_offset(offset > kPageSize ? offset - kPageSize : 0);
    if (offset + kPageSize < total) model["next_url"] = at_offset(offset + kPageSize);

    // Sorting: relevance (for words), oldest or newest first.
    Pairs unsorted = without(state, {"sort", "reverse", "offset"});
    bool by_date = !answer.result.ranked;
    bool reverse = has(state, "reverse", "") || values_of(state, "reverse").size() > 0;
    Json sorts = Json::array();
    if (!q.empty())
        sorts.push_back({{"label", "relevance"},
                         {"url", "/search" + query_string(unsorted)},
                         {"current", !by_date}});
    Pairs oldest = unsorted, newest = unsorted;
    oldest.emplace_back("sort", "date");
    newest.emplace_back("sort", "date");
    newest.emplace_back("reverse", "");
    sorts.push_back({{"label", "oldest first"},
                     {"url", "/search" + query_string(oldest)},
                     {"current", by_date && !reverse}});
    sorts.push_back({{"label", "newest first"},
                     {"url", "/search" + query_string(newest)},
                     {"current", by_date && reverse}});
    model["sorts"] = sorts;
    if (values_of(state, "sort").size() > 0) model["sort"] = values_of(state, "sort").front();
    model["reverse"] = reverse;

    // Facets: a facet with values ticked is counted without its own
    // filter, so that its other values keep their counts.
    Json facets = Json::array();
    std::vector<std::pair<std::string, std::size_t>> year_counts;
    std::set<std::string> years_ticked;
    for (const FacetShown& shown : kFacets) {
        std::vector<std::string> ticked = values_of(state, shown.key);
        Json counted = document["facets"].value(shown.facet, Json::array());
        if (!ticked.empty()) {
            SearchQuery other = query;
            filter_values(other.filters, shown.facet).clear();
            if (std::string_view(shown.facet) == "country") other.filters.any_country = false;
            if (std::string_view(shown.facet) == "org") other.filters.any_org = false;
            other.facets = {shown.facet};
            other.paging.limit = 1;
            other.paging.offset = 0;
            other.highlight_begin.clear();
            other.highlight_end.clear();
            other.detail = HitDetail::Listing;
            counted = to_json(engine.search(other))["facets"].value(shown.facet, Json::array());
        }
        Json values = Json::array();
        if (shown.shown > 0 && counted.size() > shown.shown)
            counted.erase(counted.begin() + static_cast<std::ptrdiff_t>(shown.shown), counted.end());
        for (const Json& v : counted) {
            std::string value = str(v, "value", "");
            std::string label = str(v, "name", value);
            bool on = std::find(ticked.begin(), ticked.end(), value) != ticked.end();
            values.push_back({{"value", value},
                              {"label", label},
                              {"count", std::to_string(v.value("count", 0))},
                              {"checked", on},
                              {"url", "/search" + query_string(toggled(state, shown.key, value))},
                              {"id", element_id(shown.key, value)}});
            if (std::string_view(shown.facet) == "year")
                year_counts.emplace_back(value, v.value("count", 0));
        }
        // A value ticked that no note has is still shown, to be unticked.
        for (const std::string& value : ticked) {
            bool listed = std::any_of(values.begin(), values.end(),
                                      [&](const Json& v) { return v["value"] == value; });
            if (!listed)
                values.push_back(
                    {{"value", value},
                     {"label", value},
                     {"count", "0"},
                     {"checked", true},
                     {"url", "/search" + query_string(toggled(state, shown.key, value))},
                     {"id", element_id(shown.key, value)}});
        }
        if (std::string_view(shown.facet) == "year") {
            years_ticked.insert(ticked.begin(), ticked.end());
            continue;  // drawn as the histogram
        }
        facets.push_back({{"heading", shown.heading},
                          {"key", shown.key},
                          {"values", values},
                          {"long", values.size() > 12},
                          {"empty", values.empty()}});
    }
    model["facets"] = facets;
    model["histogram"] = histogram(
        year_counts,
        [&state](const std::string& year) {
            return "/search" + query_string(toggled(state, "year", year));
        },
        years_ticked);
    model["years_ticked"] = Json::array();
    for (const std::string& y : years_ticked) model["years_ticked"].push_back(y);

    // Chips: each filter in force, with the link that removes it.
    Json chips = Json::array();
    for (const auto& [key, value] : state) {
        if (std::find(kFilterKeys.begin(), kFilterKeys.end(), key) == kFilterKeys.end()) continue;
        std::string label = value;
        if (key == "country" || key == "venue_country") {
            try {
                label = find_country(value, default_gazetteer).name;
            } catch (const QueryError&) {
            }
        }
        std::string name = key;
        std::replace(name.begin(), name.end(), '_', ' ');
        chips.push_back({{"label", name + ": " + label},
                         {"url", "/search" + query_string(toggled(state, key, value))}});
    }
    model["has_chips"] = !chips.empty();
    model["chips"] = chips;
    model["from"] = values_of(state, "from").empty() ? "" : values_of(state, "from").front();
    model["to"] = values_of(state, "to").empty() ? "" : values_of(state, "to").front();

    // Exports of the whole result.
    Pairs exported = without(state, {"offset"});
    if (countries.size() > 1) exported.emplace_back("any_country", "");
    exported.emplace_back("all", "");
    Pairs csv = exported, json = exported;
    csv.emplace_back("format", "csv");
    csv.emplace_back("bom", "");
    model["export_csv"] = "/api/search" + query_string(csv);
    model["export_json"] = "/api/search" + query_string(json);
    return render("search", model);
}

Reply Pages::country(const std::string& code, Engine& engine) const
{
    ProfileQuery asked;
    asked.country = code;
    asked.top = 10;
    ProfileAnswer profile;
    AttendedAnswer attended;
    try {
        profile = engine.profile(asked);
        AttendedQuery events;
        events.country = code;
        events.paging.all = true;
        events.detail = HitDetail::Summary;
        attended = engine.attended(events);
    } catch (const QueryError& e) {
        return error_page(404, e.what());
    }
    Json model = to_json(profile);
    std::string name = profile.country.name;
    model["title"] = "infonote: " + name;
    model["name"] = name;
    model["code"] = profile.country.code;
    Json events = Json::array();
    Json attended_json = to_json(attended);
    for (const Json& hit : attended_json["hits"]) {
        std::string event = str(hit, "event_id", "");
        events.push_back({{"title", str(hit, "title", event)},
                          {"url", "/event/" + event},
                          {"dates", dates_of(hit)},
                          {"venue", venue_of(hit)},
                          {"role", str(hit, "role", "")}});
    }
    model["event_list"] = events;
    model["has_years_without"] = !profile.years_without.empty();
    std::vector<std::pair<std::string, std::size_t>> years;
    for (const Period& p : profile.years) years.emplace_back(p.label, p.notes);
    std::string country_code = profile.country.code;
    model["histogram"] = histogram(years,
                                   [&country_code](const std::string& year) {
                                       return "/search?country=" + country_code + "&year=" + year;
                                   },
                                   {});
    Json partners = Json::array();
    for (const RankedValue& s : profile.states)
        partners.push_back({{"url", "/country/" + s.value},
                            {"name", s.name.empty() ? s.value : s.name},
                            {"count", std::to_string(s.count)}});
    model["partners"] = partners;
    model["search_url"] = "/search?country=" + country_code;
    model["export_csv"] = "/api/attended?country=" + country_code + "&format=csv&bom";
    model["export_json"] = "/api/profile?country=" + country_code;
    return render("country", model);
}

Reply Pages::show(const std::string& id, bool event, Engine& engine) const
{
    ShowQuery asked;
    asked.target = id;
    std::optional<ShowAnswer> answer = engine.show(asked);
    if (!answer || (event && !answer->event_asked))
        return error_page(
            404, std::string("no ") + (event ? "event" : "note") + " with id '" + id + "'");
    Json model = to_json(*answer);
    model["heading"] = str(model, "title", id);
    model["title"] = "infonote: " + str(model, "title", id);
    model["dates_text"] = dates_of(model);
    model["venue_text"] = venue_of(model);
    model["is_event"] = answer->event_asked.has_value();
    for (Json& c : model["countries"]) {
        std::string roles;
        for (const Json& r : c.value("roles", Json::array()))
            roles += (roles.empty() ? "" : ", ") + r.get<std::string>();
        c["roles_text"] = roles;
        c["url"] = "/country/" + str(c, "code", "");
    }
    if (model.contains("sources"))
        for (Json& s : model["sources"])
            s["url"] = "/document/" + httplib::detail::encode_query_param(str(s, "id", ""));
    if (model.contains("event") && model["event"].is_object())
        model["event_url"] = "/event/" + str(model["event"], "event_id", "");
    return render(answer->event_asked ? "event" : "document", model);
}

}  // namespace infonote::server
