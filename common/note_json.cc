#include "note_json.h"

#include <algorithm>

#include "event_type.h"

namespace infonote {

namespace {

Json optional_string(const std::optional<std::string>& s)
{
    return s ? Json(*s) : Json(nullptr);
}

Json optional_date(const std::optional<Date>& d)
{
    return d ? Json(d->iso()) : Json(nullptr);
}

const char* org_kind_name(OrgKind kind)
{
    switch (kind) {
        case OrgKind::International: return "international";
        case OrgKind::National: return "national";
        case OrgKind::Industry: return "industry";
        case OrgKind::Civil: return "civil_society";
        case OrgKind::Other: return "other";
    }
    return "other";
}

Json evidence_json(const Evidence& e)
{
    return {{"source", e.source == EvidenceSource::Header ? "header" : "prose"},
            {"line", e.line},
            {"text", e.text}};
}

Json evidence_json(const std::optional<Evidence>& e)
{
    return e ? evidence_json(*e) : Json(nullptr);
}

// One entry per country the note names as taking part: the States in the
// order listed, then the host if it was not listed.
Json countries_json(const Note& note, const CountryGazetteer& gazetteer, bool with_evidence)
{
    Json out = Json::array();
    auto entry = [&](const std::string& code, bool host, std::optional<StateRole> role,
                     const std::optional<Evidence>& evidence) {
        const Country* c = gazetteer.by_code(code);
        Json roles = Json::array();
        if (host) roles.push_back("host");
        if (role) roles.push_back(*role == StateRole::Invited ? "invited" : "participant");
        out.push_back({{"code", code}, {"name", c ? c->name : code}, {"roles", roles}});
        if (with_evidence) out.back()["evidence"] = evidence_json(evidence);
    };
    const auto& host = note.venue.country;
    for (const ParticipantState& s : note.states)
        entry(s.code, host && *host == s.code, s.role, s.evidence);
    bool host_listed =
        host && std::any_of(note.states.begin(), note.states.end(),
                            [&](const ParticipantState& s) { return s.code == *host; });
    if (host && !host_listed) entry(*host, true, std::nullopt, note.venue_evidence);
    return out;
}

Json organizations_json(const Note& note, bool with_evidence)
{
    Json out = Json::array();
    for (const Organization& o : note.organizations) {
        out.push_back({{"acronym", optional_string(o.acronym)},
                       {"name", o.name},
                       {"role", o.organizer ? "organizer" : "participant"},
                       {"group", o.group},
                       {"kind", org_kind_name(o.kind)},
                       {"written", o.written}});
        if (with_evidence) out.back()["evidence"] = evidence_json(o.evidence);
    }
    return out;
}

}  // namespace

Json note_summary_json(const Note& note, const CountryGazetteer& countries, Evidenced evidenced)
{
    bool with_evidence = evidenced == Evidenced::Yes;
    std::optional<std::string_view> type = event_type(note.title);
    Json out = {
        {"id", note.id},
        {"path", note.source},
        {"kind", std::string(kind_name(note.kind))},
        {"title", note.title.empty() ? Json(nullptr) : Json(note.title)},
        {"type", type ? Json(std::string(*type)) : Json(nullptr)},
        {"start_date", optional_date(note.start_date)},
        {"end_date", optional_date(note.end_date)},
        {"venue",
         {{"city", optional_string(note.venue.city)},
          {"country", optional_string(note.venue.country)},
          {"online", note.venue.online}}},
        {"countries", countries_json(note, countries, with_evidence)},
        {"organizations", organizations_json(note, with_evidence)},
        {"committee", optional_string(note.committee)},
    };
    if (with_evidence) {
        out["dates"] = {{"evidence", evidence_json(note.dates_evidence)}};
        out["venue"]["evidence"] = evidence_json(note.venue_evidence);
    }
    return out;
}

Json note_full_json(const Note& note, const CountryGazetteer& countries)
{
    Json out = note_summary_json(note, countries, Evidenced::Yes);
    out["organizers"] = note.organizers;
    Json states = Json::array();
    for (const ParticipantState& s : note.states)
        states.push_back({{"code", s.code},
                          {"written", s.written},
                          {"group", s.group},
                          {"role", s.role == StateRole::Invited ? "invited" : "participant"},
                          {"evidence", evidence_json(s.evidence)}});
    out["states"] = states;
    Json sections = Json::array();
    for (const Section& s : note.sections)
        sections.push_back({{"heading", s.heading}, {"text", s.text}});
    out["sections"] = sections;
    return out;
}

}  // namespace infonote
