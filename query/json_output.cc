#include "json_output.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>

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

namespace {

// What hit_json adds after a record's keys, "role", "score" and "snippet",
// compact, each after a comma but the first when the object was empty.
void append_hit_tail(std::string& out, const Hit& h, bool ranked, bool empty)
{
    auto add = [&out, &empty](std::string_view key, const Json& value) {
        out += empty ? "\"" : ",\"";
        empty = false;
        out += key;
        out += "\":";
        out += value.dump();
    };
    if (!h.role.empty()) add("role", h.role);
    add("score", ranked ? Json(h.percent) : Json(nullptr));
    add("snippet", text_or_null(h.snippet));
}

// Whether the hit is written from its record's JSON.
bool from_record(const Hit& h)
{
    return h.summary.is_null() && h.record && h.sources.is_null() && h.record->json.size() >= 2;
}

// The hit from its record: the record's object, its closing brace taken
// off, then what hit_json adds after the summary's keys.
void append_record_hit(std::string& out, const Hit& h, bool ranked)
{
    const std::string& json = h.record->json;
    out.append(json, 0, json.size() - 1);
    append_hit_tail(out, h, ranked, json.size() == 2);
    out += '}';
}

}  // namespace

std::string hit_text(const Hit& h, bool ranked)
{
    if (!from_record(h)) return hit_json(h, ranked).dump();
    std::string out;
    out.reserve(h.record->json.size() + 64);
    append_record_hit(out, h, ranked);
    return out;
}

namespace {

constexpr std::uint64_t kEveryByte = 0x0101010101010101u;
constexpr std::uint64_t kHighBits = 0x8080808080808080u;

// The high bit of each byte of `word` that equals `byte`, and perhaps of
// bytes after the first such (the subtraction's borrow): the lowest one set
// is exact.
constexpr std::uint64_t bytes_equal(std::uint64_t word, unsigned char byte)
{
    std::uint64_t x = word ^ (byte * kEveryByte);
    return (x - kEveryByte) & ~x & kHighBits;
}

// The first quote or backslash in `text` from `at`, or text.size(): eight
// bytes at a time where the machine's words are little-endian.
std::size_t string_stop(std::string_view text, std::size_t at)
{
    if constexpr (std::endian::native == std::endian::little) {
        for (; at + 8 <= text.size(); at += 8) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + at, 8);
            std::uint64_t stops = bytes_equal(word, '"') | bytes_equal(word, '\\');
            if (stops != 0) return at + static_cast<std::size_t>(std::countr_zero(stops)) / 8;
        }
    }
    for (; at < text.size(); ++at)
        if (text[at] == '"' || text[at] == '\\') return at;
    return text.size();
}

// A line break and the indentation after it, copied in one piece while the
// indentation fits.
constexpr std::size_t kBreakSpaces = 64;
constexpr std::array<char, kBreakSpaces + 1> kBreak = [] {
    std::array<char, kBreakSpaces + 1> b{};
    b[0] = '\n';
    for (std::size_t i = 1; i < b.size(); ++i) b[i] = ' ';
    return b;
}();

// Bytes written through a pointer into room made beforehand, which (unlike
// std::string's) is not filled with zeros first.
class LayoutBuffer {
  public:
    /// Room for `n` more bytes, at the end of what was written.
    char* room(std::size_t n)
    {
        if (capacity_ - size_ < n) {
            std::size_t capacity = std::max(2 * capacity_, size_ + n);
            std::unique_ptr<char[]> data(new char[capacity]);
            if (size_ > 0) std::memcpy(data.get(), data_.get(), size_);
            data_ = std::move(data);
            capacity_ = capacity;
        }
        return data_.get() + size_;
    }
    /// What was written into the room ends at `end`.
    void written_to(const char* end) { size_ = static_cast<std::size_t>(end - data_.get()); }
    void append(std::string_view text)
    {
        char* at = room(text.size());
        std::memcpy(at, text.data(), text.size());
        size_ += text.size();
    }
    std::string_view text() const { return {data_.get(), size_}; }
    std::size_t size() const { return size_; }
    void clear() { size_ = 0; }

  private:
    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

// `compact` laid out as dump(indent) lays out a value at `depth`, appended
// to `out`. Output other than line breaks is at most twice the input (":"
// becomes ": "), so room is checked only before each line break.
void append_indented(LayoutBuffer& out, std::string_view compact, int indent, int depth)
{
    const std::size_t n = compact.size();
    const char* in = compact.data();
    std::size_t room = 2 * n + kBreak.size();
    char* w = out.room(room);
    char* limit = w + room;
    auto step = static_cast<std::size_t>(indent);
    auto level = static_cast<std::size_t>(depth);
    auto new_line = [&](std::size_t i) {
        std::size_t spaces = level * step;
        std::size_t need = spaces + kBreak.size() + 2 * (n - i);
        if (static_cast<std::size_t>(limit - w) < need) {
            out.written_to(w);
            w = out.room(need);
            limit = w + need;
        }
        if (spaces < kBreakSpaces) {
            std::memcpy(w, kBreak.data(), kBreak.size());
        } else {
            *w = '\n';
            std::memset(w + 1, ' ', spaces);
        }
        w += spaces + 1;
    };
    std::size_t i = 0;
    while (i < n) {
        char c = in[i];
        switch (c) {
            case '"': {
                // A string, copied whole: up to the first quote not escaped.
                std::size_t end = i + 1;
                for (;;) {
                    end = string_stop(compact, end);
                    if (end >= n || in[end] == '"') break;
                    end += 2;
                }
                end = std::min(end + 1, n);
                std::memcpy(w, in + i, end - i);
                w += end - i;
                i = end;
                continue;
            }
            case '{':
            case '[':
                *w++ = c;
                if (i + 1 < n && in[i + 1] == (c == '{' ? '}' : ']')) {
                    *w++ = in[i + 1];
                    i += 2;
                    continue;
                }
                ++level;
                new_line(i);
                break;
            case '}':
            case ']':
                --level;
                new_line(i);
                *w++ = c;
                break;
            case ',':
                *w++ = c;
                new_line(i);
                break;
            case ':':
                *w++ = ':';
                *w++ = ' ';
                break;
            default: *w++ = c;
        }
        ++i;
    }
    out.written_to(w);
}

}  // namespace

std::string indented(std::string_view compact, int indent)
{
    LayoutBuffer out;
    append_indented(out, compact, indent, 0);
    return std::string(out.text());
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
                if (const Country* c = country_names().by_code(value)) v["name"] = c->name;
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
        LayoutBuffer buffer;
        buffer.append("[");
        bool first = true;
        std::string tail;
        for (const Hit& h : answer.result.hits) {
            buffer.append(first ? "\n    " : ",\n    ");
            first = false;
            if (from_record(h) && h.record->json.size() > 2) {
                // The record's keys laid out straight into the buffer, then
                // the keys hit_json adds (after a comma), laid out one level
                // deeper, closing the object.
                const std::string& json = h.record->json;
                append_indented(buffer, std::string_view(json).substr(0, json.size() - 1), 2, 2);
                tail.clear();
                append_hit_tail(tail, h, answer.result.ranked, false);
                tail += '}';
                append_indented(buffer, tail, 2, 3);
            } else {
                append_indented(buffer, hit_text(h, answer.result.ranked), 2, 2);
            }
            if (buffer.size() > (1 << 16)) {
                out << buffer.text();
                buffer.clear();
            }
        }
        out << buffer.text() << "\n  ]";
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
    std::string buffer;
    for (const Hit& h : answer.result.hits) {
        if (from_record(h)) {
            append_record_hit(buffer, h, answer.result.ranked);
        } else {
            buffer += hit_text(h, answer.result.ranked);
        }
        buffer += '\n';
        if (buffer.size() > (1 << 16)) {
            out << buffer;
            buffer.clear();
        }
    }
    out << buffer;
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
