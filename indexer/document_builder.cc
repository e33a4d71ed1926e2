#include "document_builder.h"

#include <algorithm>
#include <set>

#include "event_grouping.h"
#include "event_type.h"
#include "listing.h"
#include "note_json.h"
#include "packed_text.h"
#include "schema.h"
#include "text_normalizer.h"

namespace infonote {

namespace {

// Xapian refuses terms over 245 bytes; words that long are not words.
constexpr std::size_t kMaxWordBytes = 64;

// Xapian refuses a term longer than this, and the whole document with it.
constexpr std::size_t kMaxTermBytes = 245;

// A filter term from the note's own text (an organization's name) may be
// any length; one too long to be a name is left out rather than failing the
// note.
void add_filter(Xapian::Document& doc, const std::string& term)
{
    if (term.size() <= kMaxTermBytes) doc.add_boolean_term(term);
}

std::string with_prefix(std::string_view prefix, std::string_view word)
{
    std::string term(prefix);
    term += word;
    return term;
}

// Values joined by kListSeparator.
template <typename Strings>
std::string join_list(const Strings& values)
{
    std::string joined;
    bool first = true;
    for (const std::string& v : values) {
        if (!first) joined += kListSeparator;
        first = false;
        joined += without_separator(v);
    }
    return joined;
}

std::string concatenated(const std::set<std::string>& codes)
{
    std::string out;
    for (const std::string& c : codes) out += c;
    return out;
}

// The facet slots (schema.h): each value once, in a fixed order, so that
// a note counts once per country and organization however often it lists
// them.
void add_facet_values(Xapian::Document& doc, const Note& note, std::set<std::string> attended)
{
    if (note.venue.country) {
        attended.insert(*note.venue.country);
        doc.add_value(kVenueCountrySlot, *note.venue.country);
    }
    if (!attended.empty()) doc.add_value(kCountriesSlot, concatenated(attended));

    std::set<std::string> labels;
    for (const Organization& o : note.organizations) {
        std::string label = without_separator(o.acronym.value_or(o.name));
        if (!label.empty()) labels.insert(std::move(label));
    }
    if (!labels.empty()) doc.add_value(kOrgsSlot, join_list(labels));
}

void add_listing(Xapian::Document& doc, const Note& note, const std::set<std::string>& participants)
{
    Listing listing;
    listing.id = note.id;
    listing.path = note.source;
    listing.title = note.title;
    listing.start_date = note.start_date ? note.start_date->iso() : "";
    listing.end_date = note.end_date ? note.end_date->iso() : listing.start_date;
    listing.city = note.venue.city.value_or("");
    listing.country = note.venue.country.value_or("");
    listing.online = note.venue.online;
    listing.participants = concatenated(participants);
    doc.add_value(kListingSlot, listing_value(listing));
}

}  // namespace

std::string id_term(const std::string& note_id)
{
    return filter_term(FieldId::Id, note_id);
}

DocumentBuilder::DocumentBuilder(const CountryGazetteer& countries)
    : countries_(countries), stemmer_("en")
{
}

const std::string& DocumentBuilder::stem(const std::string& word) const
{
    // Bounded, for a corpus with an endless vocabulary (numbers, codes).
    constexpr std::size_t kMaxStems = 200000;
    auto found = stems_.find(word);
    if (found != stems_.end()) return found->second;
    if (stems_.size() >= kMaxStems) stems_.clear();
    return stems_.emplace(word, stemmer_(word)).first->second;
}

void DocumentBuilder::index_text(Xapian::Document& doc, std::string_view text,
                                 std::string_view prefix, unsigned weight,
                                 Xapian::termpos& position) const
{
    std::string previous;
    for (const Word& w : split_words(text)) {
        if (w.folded.size() > kMaxWordBytes) {
            previous.clear();
            continue;
        }
        ++position;
        doc.add_posting(with_prefix(prefix, w.folded), position, weight);
        // Stems carry no positions, as with Xapian's TermGenerator: phrases
        // match exact words, plain words match any form.
        if (w.starts_with_letter) doc.add_term("Z" + with_prefix(prefix, stem(w.folded)), weight);
        // "non-proliferation" is also indexed as "nonproliferation", so that
        // a search for the closed form finds the hyphenated one.
        if (w.hyphen_joined && !previous.empty()) {
            std::string joined = previous + w.folded;
            doc.add_posting(with_prefix(prefix, joined), position, weight);
            doc.add_term("Z" + with_prefix(prefix, stem(joined)), weight);
        }
        previous = w.folded;
    }
    position += kFieldPositionGap;
}

Xapian::Document DocumentBuilder::build(const Note& note) const
{
    Xapian::Document doc;
    Xapian::termpos position = 0;

    const Field& title = field(FieldId::Title);
    const Field& body = field(FieldId::Body);
    index_text(doc, note.title, title.prefix, 1, position);
    index_text(doc, note.title, body.prefix, title.weight, position);
    index_text(doc, note.text, body.prefix, body.weight, position);
    if (note.venue.city)
        index_text(doc, *note.venue.city, field(FieldId::City).prefix, 1, position);

    doc.add_boolean_term(id_term(note.id));
    doc.add_value(kNoteIdSlot, id_term(note.id));
    std::set<std::string> participants;
    for (const ParticipantState& s : note.states) {
        bool invited = s.role == StateRole::Invited;
        doc.add_boolean_term(filter_term(invited ? FieldId::Invited : FieldId::Country, s.code));
        if (!invited) participants.insert(s.code);
    }
    if (note.venue.country) {
        doc.add_boolean_term(filter_term(FieldId::Country, *note.venue.country));
        doc.add_boolean_term(filter_term(FieldId::VenueCountry, *note.venue.country));
    }
    for (const Organization& o : note.organizations) {
        FieldId role = o.organizer ? FieldId::OrgOrganizer : FieldId::OrgParticipant;
        std::string key = folded_key(o.name);
        for (FieldId id : {FieldId::Org, role}) {
            if (o.acronym) add_filter(doc, filter_term(id, *o.acronym));
            if (!key.empty()) add_filter(doc, filter_term(id, key));
        }
    }
    if (note.start_date) {
        int last = note.end_date ? note.end_date->year : note.start_date->year;
        std::string years;
        for (int year = note.start_date->year; year <= last; ++year) {
            doc.add_boolean_term(filter_term(FieldId::Year, std::to_string(year)));
            years += std::to_string(year);
        }
        doc.add_value(kYearsSlot, years);
        doc.add_value(kStartDateSlot, note.start_date->compact());
        doc.add_value(kEndDateSlot, (note.end_date ? *note.end_date : *note.start_date).compact());
    }
    if (std::optional<std::string_view> type = event_type(note.title)) {
        doc.add_boolean_term(filter_term(FieldId::Type, *type));
        doc.add_value(kTypeSlot, std::string(*type));
    }
    std::string kind(kind_name(note.kind));
    doc.add_boolean_term(filter_term(FieldId::Kind, kind));
    doc.add_value(kKindSlot, kind);
    add_facet_values(doc, note, participants);
    add_listing(doc, note, participants);
    // Alone until grouping says otherwise: assign_events rewrites only the
    // documents that share an event.
    set_event(doc, event_id_of(note.id));
    doc.add_value(kEventKeySlot, serialise_key(grouping_key(note, countries_)));
    doc.add_value(kTextSlot, pack_text(note.text));
    doc.add_value(kEvidenceSlot,
                  pack_text(note_summary_json(note, countries_, Evidenced::Yes).dump()));
    Json summary = note_summary_json(note, countries_);
    std::string data = summary.dump();
    set_lone_records(doc, note.id, summary, data);
    doc.set_data(std::move(data));
    return doc;
}

}  // namespace infonote
