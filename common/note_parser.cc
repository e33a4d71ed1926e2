#include "note_parser.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "evidence.h"
#include "header_layout.h"
#include "header_labels.h"
#include "organization_names.h"
#include "participant_groups.h"
#include "prose_reader.h"
#include "text_normalizer.h"
#include "text_spans.h"
#include "venue_parser.h"

namespace infonote {

namespace {

// The note's text as the parser keeps it: without a byte-order mark, with
// every line ending made "\n".
std::string normalized_text(std::string_view text)
{
    std::string t;
    t.reserve(text.size());
    std::size_t from = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    for (std::size_t i = from; i < text.size(); ++i)
        if (text[i] != '\r' || (i + 1 < text.size() && text[i + 1] != '\n'))
            t += text[i] == '\r' ? '\n' : text[i];
    return t;
}

// `text` without the dash that may open it, with the spaces around:
// "– Accra (Ghana)" after "5 June 2018".
std::string_view after_joining_dash(std::string_view text)
{
    std::string_view t = trim_view(text, " \t\n,");
    for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "--", "-"})
        if (t.starts_with(dash)) return t.substr(dash.size());
    return text;
}

class Parser {
  public:
    Parser(std::string_view text, std::string_view source, const CountryGazetteer& countries,
           const OrgGazetteer& orgs)
        : countries_(countries), orgs_(orgs), result_(read_into(text, source)),
          lines_(result_.note.text)
    {
    }

    ParseResult run()
    {
        const std::string& text = result_.note.text;
        learned_ = LearnedAcronyms::from_text(text, countries_);
        std::size_t header_end = find_header_end();
        header_ = strip_markup(
            unflatten_layout(std::string_view(text).substr(0, header_end), countries_));
        labels_ = find_labels(header_);
        separate_venue_from_participants();
        if (!labels_.empty()) add_participants_from_group_lines();
        if (!labels_.empty()) add_participants_after_venue();
        // A regional centre's "Start Date:" / "Location:" / "Organizer:"
        // block is no note header, though its keys read as labels: a
        // header whose only labels are such keys, with no Event and no
        // Participants, is a prose document's key:value block.
        if (!labels_.empty() && only_key_value_labels()) labels_.clear();
        // Labels that close a page's prose ("Event:", "Date:", "Place:"
        // under the story) are its key lines, not a note's header.
        if (!labels_.empty() && labels_after_prose()) labels_.clear();
        std::optional<ProseReading> announcement;
        if (!labels_.empty() && !reads_as_page(header_end))
            announcement = labelled_announcement(header_end);
        if (announcement) {
            read_prose_document(std::move(*announcement));
        } else if (labels_.empty()) {
            read_prose_document(read_prose(text, countries_, org_context()));
        } else {
            result_.note.kind = DocumentKind::InformationNote;
            bool page = reads_as_page(header_end);
            read_header(page);
            if (page) take_kind_from_prose();
        }
        read_sections(header_end);
        if (result_.note.venue.city)
            result_.note.venue.city = city_in_usual_case(std::move(*result_.note.venue.city));
        return std::move(result_);
    }

  private:
    static ParseResult read_into(std::string_view text, std::string_view source)
    {
        ParseResult r;
        r.note.source = std::string(source);
        r.note.text = normalized_text(text);
        return r;
    }

    OrgContext org_context() const { return {countries_, orgs_, learned_}; }

    // A header with no Participants label whose groups stand on their own
    // lines ("Participants (États) : ...", "Estado(s) participante(s):
    // ...", "Participating State(s): ..."): the participants start at the
    // first line that opens a known group, when one of them names States,
    // and the value of the label before them ends there.
    void add_participants_from_group_lines()
    {
        if (std::any_of(labels_.begin(), labels_.end(),
                        [](const FoundLabel& l) { return l.label == Label::Participants; }))
            return;
        std::optional<std::size_t> first_group;
        bool names_states = false;
        std::string_view h = header_;
        for (std::size_t line = 0; line < h.size();) {
            std::size_t eol = std::min(h.find('\n', line), h.size());
            std::string_view text = h.substr(line, eol - line);
            std::size_t start = text.find_first_not_of(" \t");
            std::size_t colon = text.find(':');
            if (start != std::string_view::npos && colon != std::string_view::npos && colon > start) {
                std::string_view heading = trim_view(text.substr(start, colon - start), " \t");
                GroupKind kind = heading.size() <= 64 && count_words(heading) <= 6
                                     ? classify_group(heading)
                                     : GroupKind::Unknown;
                bool is_label = std::any_of(labels_.begin(), labels_.end(), [&](const FoundLabel& l) {
                    return l.begin == line + start;
                });
                if (kind != GroupKind::Unknown && !is_label) {
                    if (!first_group) first_group = line + start;
                    if (kind == GroupKind::States) names_states = true;
                }
            }
            line = eol + 1;
        }
        if (!first_group || !names_states) return;
        std::size_t at = *first_group;
        std::size_t colon = h.find(':', at);
        labels_.push_back({Label::Participants, trim_view(h.substr(at, colon - at), " \t"), at, at});
        std::sort(labels_.begin(), labels_.end(),
                  [](const FoundLabel& a, const FoundLabel& b) { return a.begin < b.begin; });
    }

    // A table's "Location" and "Attended by" cells flattened together: the
    // Participants label right after an empty Venue label ("Location:\n
    // Attended by:\nSuva, Fiji\nFiji, Kiribati, ..."), or both labels on
    // one line above their values ("Location Participants\nGaborone,
    // Botswana Botswana, Lesotho, ..."). The place is the first value line
    // when it reads as a city and its country, else the row's opening words
    // up to the first country name; the participants follow.
    void separate_venue_from_participants()
    {
        for (std::size_t v = 0; v + 1 < labels_.size(); ++v) {
            FoundLabel& venue = labels_[v];
            FoundLabel& participants = labels_[v + 1];
            if (venue.label != Label::Venue || participants.label != Label::Participants) continue;
            bool row = participants.value_begin == venue.value_begin;
            bool empty_venue =
                participants.begin >= venue.value_begin &&
                trim_view(std::string_view(header_).substr(
                    venue.value_begin, participants.begin - venue.value_begin)).empty();
            if (!row && !empty_venue) return;
            std::size_t area = header_.find_first_not_of(" \t\n", participants.value_begin);
            if (area == std::string::npos) area = header_.size();
            std::size_t eol = std::min(header_.find('\n', area), header_.size());
            std::string_view line = std::string_view(header_).substr(area, eol - area);
            std::size_t split = std::string::npos;
            if (place_alone(line)) {
                std::size_t next = header_.find_first_not_of(" \t\n", eol);
                if (next != std::string::npos) split = next;
            } else if (std::size_t end = venue_end_in_row(line); end != std::string_view::npos) {
                split = area + end;
            }
            if (split != std::string::npos) {
                venue.value_begin = area;
                participants.begin = participants.value_begin = split;
            } else if (row) {
                participants.begin = participants.value_begin;
            }
            return;
        }
    }

    // "Suva, Fiji", "Dakar (Sénégal)": a place and its country, nothing
    // else (not a list of countries).
    bool place_alone(std::string_view line) const
    {
        if (count_words(line) > 8 || split_top_level(line, ",").size() > 3) return false;
        VenueReading r = read_venue(line, countries_);
        return r.venue.country && r.venue.city && !countries_.resolve(*r.venue.city);
    }

    // Where the place that opens a flattened row ends: after a
    // parenthesized country ("Dakar (Sénégal) Bénin, ..."), or after the
    // country name that opens one of its next comma-separated items and
    // is followed by more words ("Gaborone, Botswana Botswana, Lesotho",
    // "San Salvador, El Salvador Belice, ..."); npos when there is none.
    std::size_t venue_end_in_row(std::string_view row) const
    {
        std::size_t comma = row.find(',');
        std::size_t open = row.find('(');
        if (open != std::string_view::npos && open < comma) {
            std::size_t close = row.find(')', open);
            if (close != std::string_view::npos && close < comma &&
                countries_.resolve(tidy(row.substr(open + 1, close - open - 1))) &&
                !trim_view(row.substr(close + 1)).empty())
                return close + 1;
            return std::string_view::npos;
        }
        constexpr int kPlaceItems = 3;
        for (int item = 1; item < kPlaceItems && comma != std::string_view::npos; ++item) {
            std::size_t start = row.find_first_not_of(" \t", comma + 1);
            if (start == std::string_view::npos) break;
            std::size_t next = std::min(row.find_first_of(",;", start), row.size());
            std::string_view piece = row.substr(start, next - start);
            std::vector<std::size_t> word_ends;
            for (std::size_t at = 0; at < piece.size();) {
                std::size_t space = std::min(piece.find(' ', at), piece.size());
                if (space > at) word_ends.push_back(space);
                at = space + 1;
            }
            for (std::size_t n = word_ends.size(); n-- > 1;)
                if (countries_.resolve(piece.substr(0, word_ends[n - 1])))
                    return start + word_ends[n - 1];
            comma = next < row.size() && row[next] == ',' ? next : std::string_view::npos;
        }
        return std::string_view::npos;
    }

    // "Lieu : Dakar (Sénégal) Participants (États) : Bénin, ...": with no
    // Participants label, a heading of States that follows the place on
    // the venue's line opens the participants.
    void add_participants_after_venue()
    {
        if (std::any_of(labels_.begin(), labels_.end(),
                        [](const FoundLabel& l) { return l.label == Label::Participants; }))
            return;
        for (const FoundLabel& venue : labels_) {
            if (venue.label != Label::Venue && venue.label != Label::DateVenue &&
                venue.label != Label::VenueDate)
                continue;
            std::string_view h = header_;
            std::size_t eol = std::min(h.find('\n', venue.value_begin), h.size());
            for (std::size_t at = venue.value_begin + 1; at < eol; ++at) {
                if (!is_space(h[at - 1]) || is_space(h[at])) continue;
                std::size_t colon = h.find(':', at);
                if (colon == std::string_view::npos || colon > eol) break;
                std::string_view heading = trim_view(h.substr(at, colon - at), " \t");
                if (heading.size() > 64 || count_words(heading) > 6 ||
                    classify_group(heading) != GroupKind::States)
                    continue;
                // Not from inside the place's parentheses ("Sénégal)
                // Participants (États)").
                if (heading.front() == '(' ||
                    std::count(heading.begin(), heading.end(), '(') !=
                        std::count(heading.begin(), heading.end(), ')'))
                    continue;
                // The words before the heading must name the place whole.
                std::string_view place = h.substr(venue.value_begin, at - venue.value_begin);
                if (!read_venue(place, countries_).venue.country) continue;
                labels_.push_back({Label::Participants, heading, at, at});
                std::sort(labels_.begin(), labels_.end(),
                          [](const FoundLabel& a, const FoundLabel& b) { return a.begin < b.begin; });
                return;
            }
        }
    }

    // Labels a web page's key:value block may hold too: a date, a place,
    // an organizer, and participants under a heading of their own
    // ("Participating States: ..."), but not the word "Participants".
    // Under the note's first line ("Information Note") none is a page's.
    bool only_key_value_labels() const
    {
        if (opens_as_note()) return false;
        return std::all_of(labels_.begin(), labels_.end(), [](const FoundLabel& l) {
            if (l.label == Label::Participants) {
                std::string folded = fold(l.name);
                return folded != "participants" && folded != "participantes";
            }
            return l.label == Label::Date || l.label == Label::Venue ||
                   l.label == Label::Organizers;
        });
    }

    // A web page or an announcement that gives its facts as key: value
    // lines ("Date:", "Venue:", "Participants:", "Organizers:") above its
    // prose: no "Information Note" line, no Event or Title label, no
    // section heading.
    bool reads_as_page(std::size_t header_end) const
    {
        if (opens_as_note() || header_end < result_.note.text.size()) return false;
        return std::all_of(labels_.begin(), labels_.end(), [](const FoundLabel& l) {
            return l.label == Label::Date || l.label == Label::Venue ||
                   l.label == Label::DateVenue || l.label == Label::VenueDate ||
                   l.label == Label::Organizers || l.label == Label::Participants;
        });
    }

    // A page's kind, title and tense come from its prose, as for a
    // document with no labels; its facts stay those of its key lines.
    // Written before the event, its participants are only invited.
    void take_kind_from_prose()
    {
        Note& note = result_.note;
        ProseReading reading = read_prose(note.text, countries_, org_context());
        reading.marks.event_found = true;
        note.kind = classify_document(reading.marks);
        if (note.kind == DocumentKind::InformationNote || note.kind == DocumentKind::Other)
            note.kind = DocumentKind::WebUpdate;
        if (!reading.title.empty()) note.title = std::move(reading.title);
        // A page's key lines are its prose's, as the prose reader says of
        // the key:value block it reads.
        for (ParticipantState& state : note.states) state.evidence.source = EvidenceSource::Prose;
        for (Organization& org : note.organizations) org.evidence.source = EvidenceSource::Prose;
        if (note.dates_evidence) note.dates_evidence->source = EvidenceSource::Prose;
        if (note.venue_evidence) note.venue_evidence->source = EvidenceSource::Prose;
        if (note.kind == DocumentKind::Announcement)
            for (ParticipantState& state : note.states) state.role = StateRole::Invited;
    }

    // True when the first line with text says "Information Note".
    bool opens_as_note() const
    {
        for (std::size_t i = 0; i < lines_.count(); ++i) {
            std::string line = tidy(strip_markup(lines_.line(i)));
            if (line.empty()) continue;
            return is_note_heading(fold(line));
        }
        return false;
    }

    static bool is_note_heading(const std::string& folded)
    {
        return folded.starts_with("information note") || folded.starts_with("note d'information") ||
               folded.starts_with("nota informativa");
    }

    // True when the first label stands below the page's story: a
    // paragraph of running text (sentences that end, more words than a
    // note's title and footnote have) comes before it.
    bool labels_after_prose() const
    {
        constexpr std::size_t kStoryWords = 40;
        constexpr std::size_t kStorySentences = 2;
        if (opens_as_note()) return false;
        std::string_view before = std::string_view(header_).substr(0, labels_.front().begin);
        if (count_words(before) < kStoryWords) return false;
        std::size_t sentences = 0;
        for (std::size_t k = 0; k + 1 < before.size(); ++k)
            if ((before[k] == '.' || before[k] == '!' || before[k] == '?') && is_space(before[k + 1]))
                ++sentences;
        return sentences >= kStorySentences;
    }

    // A page announcing an event with labels a note uses too ("Title:",
    // "Evento:", "Dates:", "Venue:", "Format: online", "Invited
    // participating States:"): no "Information Note" line, no numbered
    // section, and prose that tells an event to come, or invited States, or
    // an "Upcoming event" heading. Its prose reading, or nullopt when the
    // labels are a note's.
    std::optional<ProseReading> labelled_announcement(std::size_t header_end) const
    {
        if (opens_as_note() || header_end < result_.note.text.size()) return std::nullopt;
        ProseReading reading = read_prose(result_.note.text, countries_, org_context());
        if (classify_document(reading.marks) != DocumentKind::Announcement) return std::nullopt;
        return reading;
    }

    // A document without the note header: a press release, a web update,
    // an announcement, or something else; read from its prose.
    void read_prose_document(ProseReading reading)
    {
        Note& note = result_.note;
        note.kind = classify_document(reading.marks);
        // A note whose header is written as prose is still a note.
        if (opens_as_note() && reading.marks.event_found) note.kind = DocumentKind::InformationNote;
        note.title = std::move(reading.title);
        note.start_date = reading.start_date;
        note.end_date = reading.end_date;
        note.dates_evidence = std::move(reading.dates_evidence);
        note.venue = std::move(reading.venue);
        note.venue_evidence = std::move(reading.venue_evidence);
        note.states = std::move(reading.states);
        note.organizations = std::move(reading.organizations);
        for (Diagnostic& d : reading.diagnostics) result_.diagnostics.push_back(std::move(d));
    }

    int line_of(std::size_t offset) const { return lines_.line_of(offset); }

    /// Evidence for a header fact at [begin, end), quoting the stretch
    /// [context.first, context.second) of the header around it: the label
    /// and its value, or a participant group from its heading.
    Evidence header_evidence(std::size_t begin, std::size_t end,
                             std::pair<std::size_t, std::size_t> context) const
    {
        return lines_.evidence(EvidenceSource::Header, begin, end, context.first, context.second,
                               header_);
    }

    /// The stretch of a label and its value, for evidence.
    std::pair<std::size_t, std::size_t> label_context(std::size_t i) const
    {
        return {labels_[i].begin, value_span(i).second};
    }

    /// A participant group from its heading to its end, for evidence.
    std::pair<std::size_t, std::size_t> group_context(const Group& g) const
    {
        std::size_t heading = header_.rfind(g.heading, g.begin);
        bool near = heading != std::string::npos && g.begin - heading <= g.heading.size() + 8;
        return {near ? heading : g.begin, g.end};
    }

    /// Where `item` (as split from `area`, perhaps with its white space
    /// collapsed) stands in the header: the first place at or after
    /// `*cursor` where its opening word occurs, else the start of `area`.
    /// `area` is a view into header_.
    std::size_t locate(std::string_view area, std::string_view item, std::size_t* cursor) const
    {
        std::string_view head = item.substr(0, item.find(' '));
        std::size_t base = offset_in(header_, area);
        std::size_t at = head.empty() ? std::string_view::npos : area.find(head, *cursor);
        if (at == std::string_view::npos) return base;
        *cursor = at + head.size();
        return base + at;
    }

    void warn(std::size_t offset, std::string message)
    {
        result_.diagnostics.push_back({Severity::Warning, line_of(offset), std::move(message)});
    }

    /// A warning about the note as a whole, with no line to point at.
    void warn_note(std::string message)
    {
        result_.diagnostics.push_back({Severity::Warning, 0, std::move(message)});
    }

    std::size_t find_header_end() const
    {
        for (std::size_t i = 0; i < lines_.count(); ++i) {
            std::optional<std::string> heading = section_heading(lines_.line(i));
            // "1. Benin", "2. IAEA": an item of a numbered list of
            // participants, not a section.
            if (heading && !countries_.resolve(*heading) &&
                !known_organization(*heading, org_context()))
                return lines_.start(i);
        }
        return result_.note.text.size();
    }

    // The value of label i: up to the next label, and never past a blank line
    // unless the label is Participants, whose groups may stand apart.
    std::pair<std::size_t, std::size_t> value_span(std::size_t i) const
    {
        std::size_t begin = labels_[i].value_begin;
        std::size_t end = i + 1 < labels_.size() ? labels_[i + 1].begin : header_.size();
        std::string_view v = std::string_view(header_).substr(begin, end - begin);
        if (labels_[i].label == Label::Participants) {
            end = begin + participants_length(v);
        } else if (auto blank = find_blank_line(v); blank != std::string_view::npos) {
            end = begin + blank;
        }
        return {begin, end};
    }

    // `page`: a page's key:value block (see reads_as_page()), which names
    // no title and may name no participants without a warning.
    void read_header(bool page)
    {
        Note& note = result_.note;
        bool have_title = false, have_date = false, have_participants = false;
        // A separate 'Date' and 'Venue' are read once both are known: the label index.
        std::optional<std::size_t> date_label, venue_label;
        for (std::size_t i = 0; i < labels_.size(); ++i) {
            auto [begin, end] = value_span(i);
            std::string_view value = std::string_view(header_).substr(begin, end - begin);
            context_ = label_context(i);
            switch (labels_[i].label) {
                case Label::Title:
                    note.title = tidy(value);
                    have_title = !note.title.empty();
                    break;
                case Label::Organizers: read_organizers(value); break;
                case Label::DateVenue:
                case Label::VenueDate:
                    have_date = true;
                    read_date_and_venue(begin, value, labels_[i].name);
                    break;
                case Label::Date:
                    have_date = true;
                    date_label = i;
                    break;
                case Label::Venue: venue_label = i; break;
                case Label::Participants:
                    have_participants = true;
                    read_participants(begin, value);
                    break;
            }
        }
        auto value_of = [this](std::size_t i) {
            auto [begin, end] = value_span(i);
            context_ = label_context(i);
            return std::string_view(header_).substr(begin, end - begin);
        };
        if (date_label) read_date(value_span(*date_label).first, value_of(*date_label), "Date");
        if (venue_label) read_venue_at(value_span(*venue_label).first, value_of(*venue_label));

        if (!have_title) take_title_from_first_line(!page);
        if (!labels_.empty() && !have_date) warn_note("no 'Date and Venue' or 'Date' label");
        if (!labels_.empty() && !have_participants && !page) warn_note("no 'Participants' list");
    }

    void take_title_from_first_line(bool warn_taken)
    {
        for (std::size_t i = 0; i < lines_.count(); ++i) {
            std::string candidate = tidy(strip_markup(lines_.line(i)));
            if (candidate.empty()) continue;
            std::string folded = fold(candidate);
            if (is_note_heading(folded)) continue;
            result_.note.title = candidate;
            if (!labels_.empty() && warn_taken)
                warn(lines_.start(i), "no 'Event' or 'Title' label; title taken from this line");
            return;
        }
    }

    void read_organizers(std::string_view value)
    {
        std::string text = collapse_spaces(value);
        // Joining phrases become separators.
        for (std::string_view phrase :
             {" in cooperation with ", " in co-operation with ", " in collaboration with ",
              " in partnership with ", " jointly with ", " together with ", " with the support of ",
              " with support from ", " supported by ", " in association with ",
              " en coopération avec ", " en collaboration avec ", " avec le soutien de ",
              " avec l'appui de ", " en cooperación con ", " en colaboración con ",
              " con el apoyo de ",
              // "UNLIREC, with the Government of Grenada", "IAEA, with the
              // 1540 Committee": after the phrases above, which hold "with".
              ", with ", " with the ", ", avec ", ", con "}) {
            for (std::size_t at = text.find(phrase); at != std::string::npos;
                 at = text.find(phrase))
                text.replace(at, phrase.size(), ";");
        }
        std::size_t cursor = 0;
        for (const std::string& item : split_organizations(text, org_context())) {
            Organization org = read_organization(item, org_context());
            if (org.written.empty()) continue;
            std::size_t at = locate(value, org.written, &cursor);
            org.evidence = header_evidence(at, at + org.written.size(), context_);
            org.group = "Organizers";
            org.organizer = true;
            // An organizer the gazetteer does not know and whose name does
            // not tell is taken for an international body, as most are.
            if (org.kind == OrgKind::Other) org.kind = OrgKind::International;
            result_.note.organizers.push_back(org.written);
            result_.note.organizations.push_back(std::move(org));
        }
    }

    void read_date_and_venue(std::size_t begin, std::string_view value, std::string_view label)
    {
        DateSearch found = find_date_range(value);
        if (!found.range) {
            report_missing_date(begin, value, label, found.problem);
            read_venue_at(begin, value);
            return;
        }
        set_dates(*found.range, begin);
        std::string_view before = value.substr(0, found.range->text_begin);
        std::string_view after = value.substr(found.range->text_end);
        // "11-12 March 2014, Astana, Kazakhstan" or "Astana, Kazakhstan,
        // 11-12 March 2014"; with "Vienna, 5 May 2014 (online)" both sides.
        // "5 June 2018 – Accra (Ghana)": the dash only joins the two.
        std::string venue = tidy(after_joining_dash(after));
        std::size_t venue_begin = begin + found.range->text_end;
        if (venue.empty()) {
            venue = tidy(before);
            venue_begin = begin;
        } else if (!tidy(before).empty() && read_venue(venue, countries_).place.empty()) {
            venue = tidy(before) + ", " + venue;
            venue_begin = begin;
        }
        read_venue_at(venue_begin, venue);
    }

    void read_date(std::size_t begin, std::string_view value, std::string_view label)
    {
        DateSearch found = find_date_range(value);
        if (found.range)
            set_dates(*found.range, begin);
        else
            report_missing_date(begin, value, label, found.problem);
    }

    void report_missing_date(std::size_t begin, std::string_view value, std::string_view label,
                             const std::string& problem)
    {
        std::string where = "'" + collapse_spaces(label) + "'";
        if (!problem.empty())
            warn(begin, problem + " in " + where);
        else if (!trim_view(value).empty())
            warn(begin, "no date found in " + where);
        else
            warn(begin, where + " is empty");
    }

    // `base` is where the searched value begins in the header.
    void set_dates(const DateRange& range, std::size_t base)
    {
        result_.note.start_date = range.start;
        result_.note.end_date = range.end;
        result_.note.dates_evidence =
            header_evidence(base + range.text_begin, base + range.text_end, context_);
    }

    void read_venue_at(std::size_t begin, std::string_view value)
    {
        VenueReading reading = read_venue(value, countries_);
        if (reading.place.empty() && !reading.venue.online) return;
        result_.note.venue = reading.venue;
        result_.note.venue_evidence =
            header_evidence(begin, begin + trim_view(value).size(), context_);
        if (reading.country_unknown)
            warn(begin, "venue country not recognized in '" + reading.place + "'");
    }

    void read_participants(std::size_t base, std::string_view value)
    {
        for (Group g : find_groups(value, countries_)) {
            g.begin += base;
            g.end += base;
            std::string_view content = std::string_view(header_).substr(g.begin, g.end - g.begin);
            if (country_heading(g.heading, countries_)) {
                read_state_heading(g, content);
                continue;
            }
            if (const Country* c = demonym_heading(g.heading, countries_)) {
                read_demonym_heading(g, *c, content);
                continue;
            }
            GroupKind kind = classify_group(g.heading);
            switch (kind) {
                case GroupKind::Committee: result_.note.committee = tidy(content); break;
                case GroupKind::States:
                case GroupKind::Invited: read_states(g, content); break;
                case GroupKind::National: read_national(g, content); break;
                case GroupKind::Unknown: read_unknown_group(g, content); break;
                // Those who paid took no part by paying.
                case GroupKind::Funding: break;
                default: read_organizations(g, content, org_kind_of(kind)); break;
            }
        }
    }

    // "Jamaica: Ministry of Foreign Affairs, Customs Agency": the State
    // that heads the group takes part; the list names its agencies.
    void read_state_heading(const Group& g, std::string_view content)
    {
        std::string_view heading = heading_in_header(g);
        ListScan scan = countries_.scan_list(heading);
        if (!scan.matches.empty()) add_state(g, heading, scan.matches.front());
        read_organizations(g, content, OrgKind::National);
    }

    /// Adds the State `m` names in `list` (a view into header_), once.
    void add_state(const Group& g, std::string_view list, const CountryMatch& m,
                   bool invited = false)
    {
        Note& note = result_.note;
        bool listed =
            std::any_of(note.states.begin(), note.states.end(),
                        [&](const ParticipantState& s) { return s.code == m.country->alpha2; });
        if (listed) return;
        std::size_t base = offset_in(header_, list);
        ParticipantState state;
        state.code = m.country->alpha2;
        state.written = collapse_spaces(list.substr(m.begin, m.end - m.begin));
        state.group = g.heading;
        if (invited || classify_group(g.heading) == GroupKind::Invited)
            state.role = StateRole::Invited;
        state.evidence = header_evidence(base + m.begin, base + m.end, group_context(g));
        note.states.push_back(std::move(state));
    }

    void read_states(const Group& g, std::string_view content)
    {
        if (std::size_t rest = read_described_state(g, content)) {
            read_states(g, content.substr(rest));
            return;
        }
        ListScan scan = countries_.scan_list(content);
        if (read_prose_group(g, content, scan)) return;
        // Matches and unmatched items in the order the list gives them,
        // as an unmatched item may hold a State too.
        auto next_match = scan.matches.begin();
        for (const UnmatchedItem& u : scan.unmatched) {
            for (; next_match != scan.matches.end() && next_match->begin < u.begin; ++next_match)
                add_state(g, content, *next_match);
            std::string_view item = content.substr(u.begin, u.end - u.begin);
            // "Vanuatu\nUNODA, IMO": a State ends its line, the next line
            // opens another group with no heading.
            if (std::size_t eol = item.find('\n'); eol != std::string_view::npos) {
                std::string_view name = trim_view(item.substr(0, eol));
                if (std::optional<CountryMatch> own = sole_country(name)) {
                    add_state(g, name, *own);
                    std::string_view rest = trim_view(item.substr(eol));
                    read_unmatched_item(g, rest, g.begin + offset_in(content, rest));
                    continue;
                }
            }
            if (std::optional<std::string_view> opened = after_opening_parenthesis(item))
                add_state(g, *opened, countries_.scan_list(*opened).matches.front());
            else if (std::optional<CountryMatch> m = after_lead_in(item))
                add_state(g, item, *m);
            else if (std::optional<CountryMatch> first = before_participation_verb(item))
                add_state(g, item, *first);

            else
                read_unmatched_item(g, item, g.begin + u.begin);
        }
        for (; next_match != scan.matches.end(); ++next_match) add_state(g, content, *next_match);
    }

    // "Namibia - some 40 officials from 17 ministries and agencies, among
    // them ...", "Madagascar – 31 fonctionnaires (Affaires étrangères,
    // ...) ;": one State, a dash, and what its delegation was. The State
    // takes part; the description runs to the first semicolon outside
    // parentheses, or the group's end. Returns where the rest of the
    // group begins in `content`, 0 when it does not open so.
    std::size_t read_described_state(const Group& g, std::string_view content)
    {
        std::size_t lead = content.find_first_not_of(" \t\n");
        if (lead == std::string_view::npos) return 0;
        std::size_t end = countries_.leading_countries_end(content.substr(lead));
        if (end == 0) return 0;
        std::string_view name = content.substr(lead, end);
        std::optional<CountryMatch> own = sole_country(name);
        if (!own) return 0;
        std::string_view after = content.substr(lead + end);
        std::size_t dash = after.find_first_not_of(" \t");
        if (dash == std::string_view::npos) return 0;
        std::size_t dash_size = 0;
        for (std::string_view d : {"\xE2\x80\x93", "\xE2\x80\x94", "-"})
            if (after.substr(dash).starts_with(d)) dash_size = d.size();
        if (dash_size == 0 || dash == 0 || after.substr(dash + dash_size, 1) != " ") return 0;
        add_state(g, name, *own);
        int depth = 0;
        for (std::size_t i = lead + end + dash + dash_size; i < content.size(); ++i) {
            if (content[i] == '(') ++depth;
            if (content[i] == ')' && depth > 0) --depth;
            if (content[i] == ';' && depth == 0) return i + 1;
        }
        return content.size();
    }

    // A group written as sentences ("points of contact and alternates from
    // A, B and C. D and E had registered participants, who did not
    // connect"; "des délégations camerounaise, gabonaise et tchadienne ont
    // pris part aux travaux"): read as the prose reader reads a page, when
    // an item of the list is words rather than a name. A country named
    // alone as an item outside those sentences is still taken. False, and
    // nothing taken, when the sentences name no State so.
    bool read_prose_group(const Group& g, std::string_view content, const ListScan& scan)
    {
        // Where the item's first word of prose stands ("points", "regulators":
        // lower case, four letters or more), in an item of three words or
        // more.
        auto prose_at = [&](const UnmatchedItem& u) -> std::optional<std::size_t> {
            std::string_view item = content.substr(u.begin, u.end - u.begin);
            std::vector<Word> words = split_words(item);
            if (words.size() < 3) return std::nullopt;
            for (const Word& w : words)
                if (item[w.begin] >= 'a' && item[w.begin] <= 'z' && w.end - w.begin > 3)
                    return u.begin + w.begin;
            return std::nullopt;
        };
        std::vector<std::pair<std::size_t, std::size_t>> sentences;
        std::vector<CountryMatch> lone;
        for (const UnmatchedItem& u : scan.unmatched) {
            std::optional<std::size_t> at = prose_at(u);
            if (!at) continue;
            // The sentence runs back to the start of the line its prose
            // begins on ("Armenia, Azerbaijan" above it is a list), or to
            // the full stop before, and on to its own full stop.
            std::size_t from = *at;
            while (from > 0 && content[from - 1] != '\n' && !sentence_end(content, from - 1))
                --from;
            // "Azerbaijan\nGovernment regulators from ...": the list's last
            // name ends the line above.
            if (from > u.begin) {
                std::string_view above = trim_view(content.substr(u.begin, from - u.begin));
                if (std::optional<CountryMatch> own = sole_country(above)) {
                    CountryMatch m = *own;
                    std::size_t base = offset_in(content, above);
                    m.begin += base;
                    m.end += base;
                    lone.push_back(m);
                }
            }
            std::size_t to = u.end;
            while (to < content.size() && !sentence_end(content, to)) ++to;
            sentences.push_back({from, to});
        }
        if (sentences.empty()) return false;
        std::vector<PassageState> states = read_passage_states(content, countries_, org_context());
        if (states.empty()) return false;
        std::vector<CountryMatch> matches = scan.matches;
        matches.insert(matches.end(), lone.begin(), lone.end());
        for (const CountryMatch& m : matches) {
            bool in_prose = std::any_of(sentences.begin(), sentences.end(), [&](const auto& s) {
                return m.begin >= s.first && m.begin < s.second;
            });
            if (!in_prose) states.push_back({m, StateRole::Participant});
        }
        std::stable_sort(states.begin(), states.end(), [](const auto& a, const auto& b) {
            return a.match.begin < b.match.begin;
        });
        for (const PassageState& s : states)
            add_state(g, content, s.match, s.role == StateRole::Invited);
        // An item that gave no State is read as before: "2 organizations
        // (OAS", "UNLIREC)".
        // An item of a sentence that gave one is part of that sentence.
        for (const UnmatchedItem& u : scan.unmatched) {
            std::size_t from = u.begin, to = u.end;
            for (const auto& [b, e] : sentences)
                if (u.begin < e && u.end > b) from = std::min(from, b), to = std::max(to, e);
            bool gave = std::any_of(states.begin(), states.end(), [&](const PassageState& s) {
                return s.match.begin >= from && s.match.begin < to;
            });
            std::string_view item = content.substr(u.begin, u.end - u.begin);
            if (known_organization(tidy(after_unclosed_parenthesis(item).value_or(item)),
                                   org_context()))
                gave = false;
            if (!gave) read_unmatched_item(g, item, g.begin + u.begin);
        }
        return true;
    }

    // Whether the full stop at `at` ends a sentence: followed by a space or
    // line break, or the text's end.
    static bool sentence_end(std::string_view text, std::size_t at)
    {
        return text[at] == '.' &&
               (at + 1 == text.size() || text[at + 1] == ' ' || text[at + 1] == '\n');
    }

    // The State `text` names when it is one State's name and nothing else.
    std::optional<CountryMatch> sole_country(std::string_view text) const
    {
        ListScan scan = countries_.scan_list(text);
        if (scan.matches.size() != 1 || !scan.unmatched.empty()) return std::nullopt;
        return scan.matches.front();
    }

    // What follows the last opening parenthesis of `item` when nothing
    // closes it ("4 (Benin", "2 organizations (IAEA"); nullopt otherwise.
    static std::optional<std::string_view> after_unclosed_parenthesis(std::string_view item)
    {
        std::size_t open = item.rfind('(');
        if (open == std::string_view::npos || item.find(')', open) != std::string_view::npos)
            return std::nullopt;
        return item.substr(open + 1);
    }

    // "45 participants from 4 States (Benin, ...", "4 (Benin, ...": a list
    // opened by a count and a parenthesis, whose first item is the name
    // after it: that name, when it is one State and nothing else.
    std::optional<std::string_view> after_opening_parenthesis(std::string_view item) const
    {
        std::optional<std::string_view> after = after_unclosed_parenthesis(item);
        if (!after) return std::nullopt;
        std::string_view name = trim_view(*after);
        if (name.empty() || !sole_country(name)) return std::nullopt;
        return name;
    }

    // "Ont participé des représentants de l'Égypte, d'Oman ...",
    // "Representatives of Fiji, ...": a list opened by a sentence about who
    // took part, whose first item is the country that ends the sentence.
    // Only a lead-in that speaks of participants or representatives and
    // ends with a preposition counts, so that "Embassy of Japan" is not
    // taken for Japan.
    std::optional<CountryMatch> after_lead_in(std::string_view item) const
    {
        CountryMatch m = countries_.trailing_name(item);
        if (!m.country || m.begin == 0) return std::nullopt;
        std::string lead = folded_key(item.substr(0, m.begin));
        std::size_t space = lead.find_last_of(' ');
        std::string last = space == std::string::npos ? lead : lead.substr(space + 1);
        constexpr std::string_view kPrepositions[] = {"of", "from", "de",  "des", "du", "del",
                                                      "la", "los",  "las", "el",  "the"};
        // An elided "de l'" or "d'" stays on the name: "de l'Égypte".
        std::string_view name = item.substr(m.begin, m.end - m.begin);
        bool elided = name.size() > 2 && (name[1] == '\'' || name.substr(1, 3) == "\xE2\x80\x99") &&
                      (name[0] == 'l' || name[0] == 'L' || name[0] == 'd' || name[0] == 'D');
        // "representatives of the following States — Benin, ...".
        bool following = (lead.find("following") != std::string::npos ||
                          lead.find("suivants") != std::string::npos ||
                          lead.find("siguientes") != std::string::npos) &&
                         (last == "states" || last == "countries" || last == "etats" ||
                          last == "pays" || last == "estados" || last == "paises");
        if (std::find(std::begin(kPrepositions), std::end(kPrepositions), last) ==
                std::end(kPrepositions) &&
            !elided && !following)
            return std::nullopt;
        constexpr std::string_view kParticipation[] = {
            "particip",      "represent",  "delegat", "delegue", "official",
            "fonctionnaire", "funcionari", "expert",  "attend",  "took part",
            "pris part",     "asist",      "assist",  "member",  "membre",
            "miembro",       "parlement",  "parliament", "parlament", "officer"};
        bool speaks_of_participants = std::any_of(
            std::begin(kParticipation), std::end(kParticipation),
            [&](std::string_view stem) { return lead.find(stem) != std::string::npos; });
        if (!speaks_of_participants) return std::nullopt;
        return m;
    }

    // "Afghanistan (OSCE Partner for Co-operation) had been invited but no
    // representative was able to attend", "Venezuela, également invitée,
    // n'a pu venir": a sentence under the participants that opens with one
    // State and says it was invited. The State is invited, whether it came
    // or not (a State that came is listed with the others).
    std::optional<CountryMatch> invited_sentence(std::string_view item) const
    {
        std::string key = " " + folded_key(item) + " ";
        bool invited = false;
        for (std::string_view stem : {" invite", " invitad", " convie"})
            invited = invited || key.find(stem) != std::string::npos;
        if (!invited) return std::nullopt;
        std::size_t end = countries_.leading_countries_end(item);
        if (end == 0) return std::nullopt;
        return sole_country(item.substr(0, end));
    }

    // "..., Kyrgyzstan and Tajikistan took part.": the last item of a list
    // written as a sentence is a country followed by the verb that says
    // the States took part, and nothing else.
    std::optional<CountryMatch> before_participation_verb(std::string_view item) const
    {
        std::size_t end = countries_.leading_countries_end(item);
        if (end == 0) return std::nullopt;
        std::string rest = folded_key(item.substr(end));
        constexpr std::string_view kVerbs[] = {"took part",       "participated",
                                               "attended",        "were represented",
                                               "was represented", "ont participe",
                                               "a participe",     "ont pris part",
                                               "a pris part",     "etaient representes",
                                               "participaron",    "participo",
                                               "asistieron",      "estuvieron representados"};
        bool verb = std::any_of(std::begin(kVerbs), std::end(kVerbs),
                                [&](std::string_view v) { return rest == v; });
        if (!verb) return std::nullopt;
        return sole_country(item.substr(0, end));
    }

    // The heading of group `g` as the header writes it, from its line's
    // start to its colon.
    std::string_view heading_in_header(const Group& g) const
    {
        std::string_view h = header_;
        std::size_t colon = h.rfind(':', g.begin);
        std::size_t line = h.rfind('\n', colon);
        line = line == std::string_view::npos ? 0 : line + 1;
        return trim_view(h.substr(line, colon - line));
    }

    // "Administrations marocaines : Affaires étrangères, Intérieur": the
    // State whose adjective heads the group takes part through the bodies
    // it lists.
    void read_demonym_heading(const Group& g, const Country& country, std::string_view content)
    {
        std::string_view heading = heading_in_header(g);
        add_state(g, heading, CountryMatch{&country, 0, heading.size()});
        read_organizations(g, content, OrgKind::National);
    }

    // "National participants" lists the States themselves in most notes
    // ("National participants: Barbados, Canada, ...") and a State's own
    // agencies in a national roundtable: an item that is nothing but a
    // country's name is a State, any other an organization.
    void read_national(const Group& g, std::string_view content)
    {
        ListScan scan = countries_.scan_list(content);
        std::size_t from = 0;
        for (const CountryMatch& m : scan.matches) {
            read_organizations(g, content.substr(from, m.begin - from), OrgKind::National);
            add_state(g, content, m);
            from = m.end;
        }
        read_organizations(g, content.substr(from), OrgKind::National);
    }

    // A group whose heading says nothing ("Donors:") counts when it lists
    // countries and nothing else; otherwise it may be prose ("Note: ...")
    // that merely looks like a group, and no name in it is taken.
    void read_unknown_group(const Group& g, std::string_view content)
    {
        ListScan scan = countries_.scan_list(content);
        if (!scan.matches.empty() && scan.unmatched.empty()) {
            read_states(g, content);
            return;
        }
        std::string_view list = trim_view(content);
        if (read_prose_item(g, list)) return;
        if (!list.empty())
            warn(g.begin + offset_in(content, list),
                 "'" + g.heading + "' is not a known participant group; its list is not read");
    }

    // Prose among the groups ("Georgia joined the sessions remotely",
    // "Des experts du Togo et du Niger ont également pris part"): the
    // States it says took part or were invited. `text` is a view into
    // header_; false when it names none so.
    bool read_prose_item(const Group& g, std::string_view text)
    {
        std::vector<PassageState> states = read_passage_states(text, countries_, org_context());
        for (const PassageState& s : states)
            add_state(g, text, s.match, s.role == StateRole::Invited);
        return !states.empty();
    }

    // The country an unknown item probably meant, for a "did you mean".
    // Suggesting compares the item with every known name, so long items
    // (prose, not misspelt names) and very many of them are not tried.
    const Country* close_country(const std::string& item)
    {
        constexpr std::size_t kMaxSuggestedBytes = 40;
        if (item.size() > kMaxSuggestedBytes || suggestions_left_ == 0) return nullptr;
        --suggestions_left_;
        std::vector<const Country*> close = countries_.suggest(item, 1);
        return close.empty() ? nullptr : close.front();
    }

    // A list item under a States heading that names no country: an
    // organization listed there ("Other: European Union", or wrongly
    // "States: ..., Korea Strategic Trade Institute") is kept as one, with
    // its country names never counted as States; anything else is reported.
    void read_unmatched_item(const Group& g, std::string_view written, std::size_t offset)
    {
        // "2 organizations (IAEA": the known organization after a count
        // and an opening parenthesis.
        if (std::optional<std::string_view> after = after_unclosed_parenthesis(written);
            after && known_organization(tidy(*after), org_context())) {
            offset += offset_in(written, *after);
            written = *after;
        }
        std::string item = tidy(written);
        if (item.empty()) return;
        if (std::optional<CountryMatch> asked = invited_sentence(written)) {
            add_state(g, written, *asked, true);
            return;
        }
        bool organization = known_organization(item, org_context()) || learned_.name_of(item) ||
                            looks_like_organization(item);
        if (!organization && read_prose_item(g, written)) return;
        if (!organization) {
            std::string message = "'" + item + "' under '" + g.heading + "' is not a known country";
            if (const Country* close = close_country(item))
                message += "; did you mean '" + close->name + "'?";
            warn(offset, std::move(message));
            return;
        }
        Organization org = read_organization(item, org_context());
        org.group = g.heading;
        org.evidence = header_evidence(offset, offset + written.size(), group_context(g));
        result_.note.organizations.push_back(std::move(org));
        if (heading_names_states(g.heading))
            warn(offset, "'" + item + "' under '" + g.heading +
                             "' is not a country; taken as an organization");
    }

    void read_organizations(const Group& g, std::string_view content, OrgKind kind)
    {
        std::size_t cursor = 0;
        for (const std::string& item : split_organizations(content, org_context())) {
            Organization org = read_organization(item, org_context());
            if (org.written.empty()) continue;
            std::size_t at = locate(content, org.written, &cursor);
            org.evidence = header_evidence(at, at + org.written.size(), group_context(g));
            org.group = g.heading;
            org.kind = kind;
            result_.note.organizations.push_back(std::move(org));
        }
    }

    void read_sections(std::size_t header_end)
    {
        std::vector<Section>& sections = result_.note.sections;
        std::size_t first = static_cast<std::size_t>(line_of(header_end) - 1);
        if (header_end >= result_.note.text.size()) return;
        std::string body;
        for (std::size_t i = first; i < lines_.count(); ++i) {
            std::string_view l = lines_.line(i);
            if (auto heading = section_heading(l)) {
                if (!sections.empty()) sections.back().text = std::string(trim_view(body));
                sections.push_back({*heading, {}});
                body.clear();
                continue;
            }
            body += l;
            body += '\n';
        }
        if (!sections.empty()) sections.back().text = std::string(trim_view(body));
    }

    const CountryGazetteer& countries_;
    const OrgGazetteer& orgs_;
    LearnedAcronyms learned_;
    ParseResult result_;
    TextLines lines_;
    /// The label being read and its value, quoted by header_evidence().
    std::pair<std::size_t, std::size_t> context_;
    std::string header_;
    std::vector<FoundLabel> labels_;
    std::size_t suggestions_left_ = 20;
};

}  // namespace

ParseResult parse_note(std::string_view text, std::string_view source,
                       const CountryGazetteer& countries, const OrgGazetteer& orgs)
{
    return Parser(text, source, countries, orgs).run();
}

ParseResult parse_note(std::string_view text, std::string_view source,
                       const CountryGazetteer& countries)
{
    return parse_note(text, source, countries, default_org_gazetteer());
}

}  // namespace infonote
