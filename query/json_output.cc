#include "json_output.h"

#include "byte_set.h"
#include "country_gazetteer.h"

namespace infonote {

namespace {

constexpr const char* kJsonVersionKey = "schema_version";

Json text_or_null(const std::string& text)
{
    return text.empty() ? Json(nullptr) : Json(text);
}

// [{key: value, "name"?: name, "events": count}].
Json ranked_json(const std::vector<RankedValue>& values, const char* key)
{
    Json out = Json::array();
    for (const RankedValue& v : values) {
        Json item = {{key, v.value}};
        if (!v.name.empty()) item["name"] = v.name;
        item["events"] = v.count;
        out.push_back(std::move(item));
    }
    return out;
}

// [{"value", "count", "name"?}]: the top values of stats.
Json counted_json(const std::vector<RankedValue>& values)
{
    Json out = Json::array();
    for (const RankedValue& v : values) {
        Json item = {{"value", v.value}, {"count", v.count}};
        if (!v.name.empty()) item["name"] = v.name;
        out.push_back(std::move(item));
    }
    return out;
}

// A document listing `items` under `key`.
Json listed(const char* key, Json items)
{
    Json doc = json_document();
    doc[key] = std::move(items);
    return doc;
}

Json mention_json(const std::optional<EventMention>& e)
{
    if (!e) return Json(nullptr);
    return Json{{"event_id", e->event_id}, {"date", e->date}, {"title", e->title}};
}

}  // namespace

Json json_document()
{
    return Json{{kJsonVersionKey, kJsonSchemaVersion}};
}

Json hit_json(const Hit& h, bool ranked)
{
    Json hit = h.summary.is_null() && h.record ? Json::parse(h.record->json) : h.summary;
    if (!h.event_id.empty() && !hit.contains("event_id")) hit["event_id"] = h.event_id;
    if (!h.sources.is_null()) hit["sources"] = h.sources;
    if (!h.role.empty()) hit["role"] = h.role;
    hit["score"] = ranked ? Json(h.percent) : Json(nullptr);
    hit["snippet"] = text_or_null(h.snippet);
    return hit;
}

std::string hit_text(const Hit& h, bool ranked)
{
    if (!h.summary.is_null() || !h.record || !h.sources.is_null())
        return hit_json(h, ranked).dump();
    std::string out = h.record->json;
    // The record's object, its closing brace taken off, then what
    // hit_json adds after the summary's keys.
    out.pop_back();
    auto add = [&out](std::string_view key, const Json& value) {
        if (out.size() > 1) out += ',';
        out += '"';
        out += key;
        out += "\":";
        out += value.dump();
    };
    if (!h.role.empty()) add("role", h.role);
    add("score", ranked ? Json(h.percent) : Json(nullptr));
    add("snippet", text_or_null(h.snippet));
    out += '}';
    return out;
}

namespace {

// The bytes that lay out JSON or open a string, and those that end a
// string's run: a hit's text is mostly long strings.
constexpr ByteSet kLayout("\"{}[],:");
constexpr ByteSet kStringEnd("\"\\");

// `compact` laid out as dump(indent) lays out a value at `depth`.
void append_indented(std::string& out, std::string_view compact, int indent, int depth)
{
    // A line break and the indentation after it, in one append while it fits.
    static const std::string kBreak = "\n" + std::string(128, ' ');
    auto new_line = [&out, &depth, indent] {
        auto spaces = static_cast<std::size_t>(depth * indent);
        if (spaces < kBreak.size()) {
            out.append(kBreak.data(), spaces + 1);
        } else {
            out += '\n';
            out.append(spaces, ' ');
        }
    };
    const std::size_t n = compact.size();
    std::size_t i = 0;
    while (i < n) {
        // Copy up to the next character that lays out or opens a string.
        std::size_t run = kLayout.find(compact, i);
        if (run == std::string_view::npos) run = n;
        out.append(compact.substr(i, run - i));
        if (run == n) break;
        i = run;
        char c = compact[i];
        switch (c) {
            case '"': {
                // A string, copied whole: up to the first quote not escaped.
                std::size_t end = i + 1;
                for (;;) {
                    end = kStringEnd.find(compact, end);
                    if (end == std::string_view::npos || compact[end] == '"') break;
                    end += 2;
                }
                if (end == std::string_view::npos) end = n - 1;
                out.append(compact.substr(i, end + 1 - i));
                i = end + 1;
                continue;
            }
            case '{':
            case '[':
                if (i + 1 < n && compact[i + 1] == (c == '{' ? '}' : ']')) {
                    out.append(compact.substr(i, 2));
                    i += 2;
                    continue;
                }
                out += c;
                ++depth;
                new_line();
                break;
            case '}':
            case ']':
                --depth;
                new_line();
                out += c;
                break;
            case ',':
                out += c;
                new_line();
                break;
            default:  // ':'
                out += ": ";
        }
        ++i;
    }
}

}  // namespace

std::string indented(std::string_view compact, int indent)
{
    std::string out;
    append_indented(out, compact, indent, 0);
    return out;
}

Json facets_json(const SearchResult& result, std::size_t facet_limit)
{
    Json facets = Json::object();
    for (const auto& [facet, counts] : result.facets) {
        Json values = Json::array();
        bool countries = facet == Facet::Country || facet == Facet::VenueCountry;
        for (const auto& [value, n] : ranked_values(counts, facet_limit)) {
            Json v = {{"value", value}, {"count", n}};
            if (countries)
                if (const Country* c = english_gazetteer().by_code(value)) v["name"] = c->name;
            values.push_back(std::move(v));
        }
        facets[std::string(facet_name(facet))] = std::move(values);
    }
    return facets;
}

Json json_items(const SearchAnswer& answer)
{
    Json hits = Json::array();
    for (const Hit& h : answer.result.hits) hits.push_back(hit_json(h, answer.result.ranked));
    return hits;
}

namespace {

// The search document with an empty "hits".
Json to_json_without_hits(const SearchAnswer& answer)
{
    Json doc = json_document();
    doc["total"] = answer.result.total;
    doc["offset"] = answer.offset;
    doc["hits"] = Json::array();
    if (!answer.result.facets.empty())
        doc["facets"] = facets_json(answer.result, answer.facet_limit);
    if (!answer.did_you_mean.empty()) doc["did_you_mean"] = answer.did_you_mean;
    return doc;
}

}  // namespace

Json to_json(const SearchAnswer& answer)
{
    Json doc = to_json_without_hits(answer);
    doc["hits"] = json_items(answer);
    return doc;
}

void write_json(std::ostream& out, const SearchAnswer& answer)
{
    // The document without hits, laid out; then each hit laid out at its
    // depth where the empty list was ("hits" follows three numbers, so its
    // empty list is the first).
    std::string head = indented(to_json_without_hits(answer).dump(), 2);
    const std::string_view empty = "\"hits\": []";
    std::size_t at = head.find(empty) + empty.size() - 2;
    out.write(head.data(), static_cast<std::streamsize>(at));
    if (answer.result.hits.empty()) {
        out << "[]";
    } else {
        std::string buffer = "[";
        bool first = true;
        for (const Hit& h : answer.result.hits) {
            buffer += first ? "\n    " : ",\n    ";
            first = false;
            append_indented(buffer, hit_text(h, answer.result.ranked), 2, 2);
            if (buffer.size() > (1 << 16)) {
                out << buffer;
                buffer.clear();
            }
        }
        out << buffer << "\n  ]";
    }
    out.write(head.data() + at + 2, static_cast<std::streamsize>(head.size() - at - 2));
    out << '\n';
}

void write_json(std::ostream& out, const AttendedAnswer& answer)
{
    write_json(out, answer.hits);
}

void write_jsonl(std::ostream& out, const SearchAnswer& answer)
{
    for (const Hit& h : answer.result.hits) out << hit_text(h, answer.result.ranked) << '\n';
}

void write_jsonl(std::ostream& out, const AttendedAnswer& answer)
{
    write_jsonl(out, answer.hits);
}

Json json_items(const AttendedAnswer& answer)
{
    return json_items(answer.hits);
}

Json to_json(const AttendedAnswer& answer)
{
    return to_json(answer.hits);
}

Json to_json(const ShowAnswer& answer)
{
    if (answer.event_asked) {
        Json out = answer.event_asked->summary;
        out["sources"] = answer.event_asked->sources;
        return out;
    }
    Json summary = answer.summary;
    if (answer.event) {
        summary["event_id"] = answer.event->id;
        summary["event"] = {{"event_id", answer.event->id},
                            {"title", answer.event->summary.value("title", Json())},
                            {"sources", answer.event->sources}};
    }
    summary["text"] = answer.text;
    return summary;
}

Json json_items(const CountriesAnswer& answer)
{
    Json list = Json::array();
    for (const CountryCount& c : answer.countries)
        list.push_back(
            {{"code", c.code}, {"name", c.name}, {"attended", c.attended}, {"hosted", c.hosted}});
    return list;
}

Json to_json(const CountriesAnswer& answer)
{
    return listed("countries", json_items(answer));
}

Json to_json(const StatsAnswer& s)
{
    Json doc = json_document();
    doc["notes"] = s.notes;
    doc["events"] = s.events;
    doc["first_date"] = text_or_null(s.first_date);
    doc["last_date"] = text_or_null(s.last_date);
    doc["undated"] = s.undated;
    doc["built"] = text_or_null(s.built);
    doc["updated"] = text_or_null(s.updated);
    doc["countries"] = s.countries;
    doc["top_countries"] = counted_json(s.top_countries);
    doc["top_organizations"] = counted_json(s.top_organizations);
    doc["types"] = counted_json(s.types);
    return doc;
}

Json json_items(const TimelineAnswer& answer)
{
    Json list = Json::array();
    for (const Period& p : answer.periods)
        list.push_back({{"period", p.label}, {"notes", p.notes}});
    return list;
}

Json to_json(const TimelineAnswer& answer)
{
    Json doc = json_document();
    doc["by"] = answer.by;
    doc["periods"] = json_items(answer);
    doc["undated"] = answer.undated;
    return doc;
}

Json to_json(const ProfileAnswer& p)
{
    Json by_year = Json::array();
    for (const RankedValue& y : p.by_year)
        by_year.push_back({{"year", y.value}, {"events", y.count}});
    Json doc = json_document();
    doc["country"] = {{"code", p.country.code}, {"name", p.country.name}};
    doc["events"] = p.events;
    doc["undated"] = p.undated;
    doc["first"] = mention_json(p.first);
    doc["last"] = mention_json(p.last);
    doc["by_year"] = by_year;
    doc["years_without"] = p.years_without;
    doc["by_type"] = ranked_json(p.by_type, "type");
    doc["by_region"] = ranked_json(p.by_region, "region");
    doc["roles"] = {
        {"host", p.hosted}, {"participant", p.participated}, {"invited", p.invited_only}};
    doc["organizations"] = ranked_json(p.organizations, "value");
    doc["states"] = ranked_json(p.states, "code");
    return doc;
}

Json json_items(const CoattendAnswer& answer)
{
    Json list = Json::array();
    for (const CoattendPair& p : answer.pairs)
        list.push_back({{"a", p.a}, {"b", p.b}, {"events", p.events}});
    return list;
}

Json to_json(const CoattendAnswer& answer)
{
    return listed("pairs", json_items(answer));
}

Json json_items(const CoverageAnswer& answer)
{
    Json list = Json::array();
    for (const CoverageRow& r : answer.states)
        list.push_back({{"code", r.code},
                        {"name", r.name},
                        {"status", r.observer ? "observer" : "member"},
                        {"events", r.events},
                        {"last", text_or_null(r.last)}});
    return list;
}

Json to_json(const CoverageAnswer& answer)
{
    Json doc = json_document();
    doc["since"] = answer.since.empty() ? Json(nullptr) : Json(std::stoi(answer.since));
    doc["countries"] = json_items(answer);
    return doc;
}

}  // namespace infonote
