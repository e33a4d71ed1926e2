#include "event_record.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <set>

#include "document_kind.h"
#include "fnv1a.h"
#include "packed_text.h"

namespace infonote {

namespace {

struct Source {
    Json summary;
    std::string listing;
    bool note = false;
    std::string id;
};

// A summary's member, or null when the summary lacks it.
const Json& member(const Json& object, const char* key)
{
    static const Json kNull;
    if (!object.is_object()) return kNull;
    auto found = object.find(key);
    return found == object.end() ? kNull : *found;
}

std::string text_of(const Json& summary, const char* key)
{
    const Json& value = member(summary, key);
    return value.is_string() ? value.get<std::string>() : "";
}

// Orders roles as the JSON schema lists them.
int role_rank(const std::string& role)
{
    return role == "host" ? 0 : role == "participant" ? 1 : role == "invited" ? 2 : 3;
}

Json merged_countries(const std::vector<Source>& sources)
{
    struct Merged {
        Json first;
        std::set<std::string> roles;
        std::vector<std::string> documents;
    };
    std::map<std::string, Merged> by_code;
    std::vector<std::string> order;
    for (const Source& s : sources) {
        const Json& countries = member(s.summary, "countries");
        if (!countries.is_array()) continue;
        for (const Json& c : countries) {
            std::string code = c.value("code", "");
            if (code.empty()) continue;
            auto [it, fresh] = by_code.try_emplace(code);
            if (fresh) {
                it->second.first = c;
                order.push_back(code);
            }
            const Json& roles = member(c, "roles");
            if (roles.is_array())
                for (const Json& r : roles)
                    if (r.is_string()) it->second.roles.insert(r.get<std::string>());
            if (it->second.documents.empty() || it->second.documents.back() != s.id)
                it->second.documents.push_back(s.id);
        }
    }
    Json out = Json::array();
    for (const std::string& code : order) {
        Merged& m = by_code[code];
        if (m.roles.count("participant")) m.roles.erase("invited");
        std::vector<std::string> roles(m.roles.begin(), m.roles.end());
        std::sort(roles.begin(), roles.end(), [](const std::string& a, const std::string& b) {
            return role_rank(a) < role_rank(b);
        });
        Json c = m.first;
        c["roles"] = roles;
        c["documents"] = m.documents;
        out.push_back(std::move(c));
    }
    return out;
}

Json merged_organizations(const std::vector<Source>& sources)
{
    std::set<std::string> seen;
    Json out = Json::array();
    for (const Source& s : sources) {
        const Json& organizations = member(s.summary, "organizations");
        if (!organizations.is_array()) continue;
        for (const Json& o : organizations) {
            const Json& acronym = member(o, "acronym");
            std::string key =
                acronym.is_string() ? acronym.get<std::string>() : o.value("name", "");
            if (seen.insert(key).second) out.push_back(o);
        }
    }
    return out;
}

std::string joined(const Json& list, std::string (*label)(const Json&))
{
    std::string out;
    for (const Json& item : list) out += (out.empty() ? "" : ";") + label(item);
    return out;
}

std::string code_label(const Json& country)
{
    const Json& code = member(country, "code");
    return code.is_string() ? code.get<std::string>() : "";
}

std::string organization_label(const Json& organization)
{
    const Json& acronym = member(organization, "acronym");
    if (acronym.is_string()) return acronym.get<std::string>();
    const Json& name = member(organization, "name");
    return name.is_string() ? name.get<std::string>() : "";
}

std::vector<std::pair<std::string, std::string>> roles_of(const Json& summary)
{
    std::vector<std::pair<std::string, std::string>> roles;
    const Json& countries = member(summary, "countries");
    if (!countries.is_array()) return roles;
    for (const Json& c : countries) roles.emplace_back(c.value("code", ""), joined_roles(c));
    return roles;
}

// A field: its length in bytes as a base-128 varint (low seven bits
// first), then its bytes. Most fields are a few bytes long.
void put_field(std::string& out, std::string_view field)
{
    std::size_t size = field.size();
    while (size >= 0x80) {
        out += static_cast<char>((size & 0x7F) | 0x80);
        size >>= 7;
    }
    out += static_cast<char>(size);
    out += field;
}

// The next field of `in` from `at`, which moves past it; nullopt when the
// value ends early.
std::optional<std::string_view> take_field(std::string_view in, std::size_t& at)
{
    std::size_t size = 0;
    for (int shift = 0;; shift += 7) {
        if (at >= in.size() || shift > 28) return std::nullopt;
        auto byte = static_cast<unsigned char>(in[at++]);
        size |= static_cast<std::size_t>(byte & 0x7F) << shift;
        if (byte < 0x80) break;
    }
    if (in.size() - at < size) return std::nullopt;
    std::string_view field = in.substr(at, size);
    at += size;
    return field;
}

// A State's roles in the cells value: the place of its roles' text among
// the distinct texts listed before the States, in one byte; or kRolesFollow
// and the text itself as a field, past the first 255 texts.
constexpr unsigned char kRolesFollow = 0xFF;

}  // namespace

MergedEvent merge_event(const std::string& event_id, std::vector<EventMember> members)
{
    std::vector<Source> sources;
    sources.reserve(members.size());
    for (EventMember& m : members) {
        Source s;
        s.id = text_of(m.summary, "id");
        s.note = text_of(m.summary, "kind") == kind_name(DocumentKind::InformationNote);
        s.summary = std::move(m.summary);
        s.listing = std::move(m.listing);
        sources.push_back(std::move(s));
    }
    std::sort(sources.begin(), sources.end(), [](const Source& a, const Source& b) {
        return std::pair(!a.note, a.id) < std::pair(!b.note, b.id);
    });
    MergedEvent event;
    event.id = event_id;
    const Source& canonical = sources.front();
    std::string start, end;
    for (const Source& s : sources) {
        std::string a = text_of(s.summary, "start_date");
        std::string b = text_of(s.summary, "end_date");
        if (!a.empty() && (start.empty() || a < start)) start = a;
        if (!b.empty() && (end.empty() || b > end)) end = b;
    }
    Json summary = {{"event_id", event_id}};
    if (canonical.summary.is_object())
        for (const auto& [key, value] : canonical.summary.items()) summary[key] = value;
    summary["start_date"] = start.empty() ? Json(nullptr) : Json(start);
    summary["end_date"] = end.empty() ? Json(nullptr) : Json(end);
    summary["countries"] = merged_countries(sources);
    summary["organizations"] = merged_organizations(sources);
    event.sources = Json::array();
    for (const Source& s : sources)
        event.sources.push_back({{"id", s.id},
                                 {"path", text_of(s.summary, "path")},
                                 {"kind", text_of(s.summary, "kind")}});
    event.summary = std::move(summary);
    event.listing = listing_of(canonical.listing);
    event.listing.start_date = start;
    event.listing.end_date = end;
    std::string participants;
    for (const Json& c : event.summary["countries"]) {
        const Json& roles = c["roles"];
        if (std::find(roles.begin(), roles.end(), Json("participant")) != roles.end())
            participants += c.value("code", "");
    }
    event.listing.participants = participants;
    return event;
}

std::string joined_roles(const Json& country)
{
    std::string roles;
    for (const Json& r : member(country, "roles"))
        roles += (roles.empty() ? "" : ", ") + r.get<std::string>();
    return roles;
}

ListingCells listing_cells(const Json& summary)
{
    const Json& venue = member(summary, "venue");
    const Json& online = member(venue, "online");
    return {text_of(summary, "id"),
            text_of(summary, "path"),
            text_of(summary, "title"),
            text_of(summary, "start_date"),
            text_of(summary, "end_date"),
            text_of(venue, "city"),
            text_of(venue, "country"),
            online.is_boolean() && online.get<bool>() ? "true" : "false",
            joined(member(summary, "countries"), code_label),
            joined(member(summary, "organizations"), organization_label)};
}

HitRecord event_record(const MergedEvent& event)
{
    HitRecord record;
    Json hit = event.summary;
    hit["sources"] = event.sources;
    record.json = hit.dump();
    record.listing = listing_value(event.listing);
    record.documents = event.sources.size();
    record.cells = listing_cells(event.summary);
    record.roles = roles_of(event.summary);
    return record;
}

HitRecord document_record(const Json& summary)
{
    HitRecord record;
    record.cells = listing_cells(summary);
    record.roles = roles_of(summary);
    return record;
}

namespace {

// The States' roles: most States of an event share one of a few roles'
// texts, so each text once, then each State with the place of its text.
std::string roles_block(const std::vector<std::pair<std::string, std::string>>& states)
{
    std::string block;
    std::vector<std::string_view> texts;
    for (const auto& [code, roles] : states)
        if (texts.size() < kRolesFollow &&
            std::find(texts.begin(), texts.end(), roles) == texts.end())
            texts.push_back(roles);
    put_field(block, std::to_string(texts.size()));
    for (std::string_view text : texts) put_field(block, text);
    for (const auto& [code, roles] : states) {
        put_field(block, code);
        auto place =
            static_cast<std::size_t>(std::find(texts.begin(), texts.end(), roles) - texts.begin());
        if (place < texts.size()) {
            block += static_cast<char>(place);
        } else {
            block += static_cast<char>(kRolesFollow);
            put_field(block, roles);
        }
    }
    return block;
}

// A decimal field; nullopt when it is not one.
std::optional<std::size_t> number_field(std::optional<std::string_view> field)
{
    if (!field) return std::nullopt;
    std::size_t n = 0;
    auto [end, error] = std::from_chars(field->data(), field->data() + field->size(), n);
    if (error != std::errc() || end != field->data() + field->size()) return std::nullopt;
    return n;
}

// The roles roles_block wrote, from `at` to the end of `in`, into `states`;
// false when they do not read.
bool read_roles(std::string_view in, std::size_t at,
                std::vector<std::pair<std::string, std::string>>& states)
{
    std::optional<std::size_t> count = number_field(take_field(in, at));
    if (!count || *count > kRolesFollow) return false;
    std::vector<std::string_view> texts;
    for (std::size_t i = 0; i < *count; ++i) {
        std::optional<std::string_view> text = take_field(in, at);
        if (!text) return false;
        texts.push_back(*text);
    }
    while (at < in.size()) {
        std::optional<std::string_view> code = take_field(in, at);
        if (!code || at >= in.size()) return false;
        auto place = static_cast<unsigned char>(in[at++]);
        std::optional<std::string_view> roles;
        if (place < texts.size())
            roles = texts[place];
        else if (place == kRolesFollow)
            roles = take_field(in, at);
        if (!roles) return false;
        states.emplace_back(*code, *roles);
    }
    return true;
}

}  // namespace

RecordValues record_values(const HitRecord& record)
{
    RecordValues values;
    std::string roles = roles_block(record.roles);
    if (!record.json.empty()) {
        put_field(values.json, roles);
        values.json += pack_text(record.json);
    }
    std::string& fields = values.cells;
    put_field(fields, record.listing);
    put_field(fields, std::to_string(record.documents));
    for (const std::string& cell : record.cells) put_field(fields, cell);
    fields += roles;
    return values;
}

std::optional<HitRecord> read_record(std::string_view in)
{
    std::size_t at = 0;
    HitRecord record;
    std::optional<std::string_view> listing = take_field(in, at);
    if (!listing) return std::nullopt;
    record.listing = *listing;
    std::optional<std::size_t> documents = number_field(take_field(in, at));
    if (!documents) return std::nullopt;
    record.documents = *documents;
    for (std::string& cell : record.cells) {
        std::optional<std::string_view> field = take_field(in, at);
        if (!field) return std::nullopt;
        cell = *field;
    }
    if (!read_roles(in, at, record.roles)) return std::nullopt;
    return record;
}

std::optional<HitRecord> read_record_json(std::string_view value)
{
    std::size_t at = 0;
    std::optional<std::string_view> roles = take_field(value, at);
    if (!roles) return std::nullopt;
    HitRecord record;
    if (!read_roles(*roles, 0, record.roles)) return std::nullopt;
    std::optional<std::string> json = unpack_text(value.substr(at));
    if (!json || json->size() < 2 || json->front() != '{' || json->back() != '}')
        return std::nullopt;
    record.json = std::move(*json);
    return record;
}

std::string data_fingerprint(std::string_view data)
{
    Fnv1a hash;
    hash.add(data);
    return hash.hex();
}

std::string members_digest(std::vector<std::pair<std::string, std::string>> members)
{
    std::sort(members.begin(), members.end());
    Fnv1a hash;
    for (const auto& [id, fingerprint] : members) {
        hash.add(id);
        hash.add("\n");
        hash.add(fingerprint);
        hash.add("\n");
    }
    return hash.hex();
}

std::string digest_value(std::string_view fingerprint, std::string_view members_digest)
{
    return std::string(fingerprint) + std::string(members_digest);
}

}  // namespace infonote
