#include "document_kind.h"

#include <initializer_list>
#include <string>

#include "text_normalizer.h"
#include "text_spans.h"

namespace infonote {

namespace {

bool is_ascii_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

// " words " of `folded` (a folded_key: words joined by single spaces),
// padded so that a phrase is found only as whole words.
bool has_phrase(const std::string& padded, std::string_view phrase)
{
    std::string needle;
    needle.reserve(phrase.size() + 2);
    needle += ' ';
    needle += phrase;
    needle += ' ';
    return padded.find(needle) != std::string::npos;
}

// Phrases of the future and of the present progressive, folded. The French
// and Spanish futures are the verbs these documents use for events.
constexpr std::string_view kFuturePhrases[] = {
    "will", "shall", "is being held", "are being held", "is being organized",
    "is being organised", "is organizing", "is organising", "is hosting", "to be held",
    "is expected to", "are expected to", "opens tomorrow", "se tiendra", "aura lieu",
    "accueillera", "abritera", "va abriter", "va accueillir", "reunira", "se deroulera",
    "sera", "seront", "organisera", "participeront", "se celebrara", "celebrara",
    "tendra lugar", "se llevara a cabo", "se realizara", "realizara", "seran", "organizara",
    "participaran", "asistiran",
    // "is scheduled for 14-15 November", "opens on Monday", "Y sont
    // attendus", "se prevé la participación", "llevará a cabo".
    "is scheduled", "are scheduled", "scheduled to take place", "opens on", "devrait se tenir",
    "sont attendus", "llevara a cabo", "se preve",
    // "Se espera la participación de delegaciones de A y B", "la présence
    // de A est attendue": who is expected has not come yet.
    "se espera la participacion", "se espera la asistencia", "se esperan delegaciones",
    "est attendue", "sont attendues"};

bool is_one_of_key(const std::string& key, std::initializer_list<std::string_view> set)
{
    for (std::string_view k : set)
        if (key == k) return true;
    return false;
}

}  // namespace

DocumentKind classify_document(const KindMarks& marks)
{
    if (marks.note_header) return DocumentKind::InformationNote;
    if (marks.council_record || !marks.event_found) return DocumentKind::Other;
    if (marks.future_event || marks.invited || marks.upcoming) return DocumentKind::Announcement;
    if (marks.press_symbol || marks.press_dateline) return DocumentKind::PressRelease;
    return DocumentKind::WebUpdate;
}

bool is_press_symbol_line(std::string_view line)
{
    std::string_view s = trim_view(line, " \t\r\n*#_|");
    if (s.empty() || s.size() > 40) return false;
    // One or more SYMBOL/DIGITS joined by '-': capitals, a slash, digits.
    std::size_t i = 0;
    while (true) {
        std::size_t letters = 0;
        while (i < s.size() && is_ascii_upper(s[i])) ++i, ++letters;
        if (letters == 0 || letters > 5 || i >= s.size() || s[i] != '/') return false;
        ++i;
        std::size_t digits = 0;
        while (i < s.size() && is_ascii_digit(s[i])) ++i, ++digits;
        // "S/2016/1127" is a Council document, not a press release.
        if (digits == 0 || (i < s.size() && s[i] == '/')) return false;
        if (i == s.size()) return true;
        if (s[i] != '-') return false;
        ++i;
    }
}

bool speech_line(std::string_view line)
{
    std::string key = " " + folded_key(line.substr(0, 200)) + " ";
    if (count_words(key) > 12) return false;
    for (std::string_view opening :
         {" opening remarks ", " closing remarks ", " welcoming remarks ", " welcome remarks ",
          " remarks by ", " opening statement ", " closing statement ", " keynote address ",
          " check against delivery ", " allocution ", " discours d ouverture ",
          " discours de cloture ", " mot de bienvenue ", " seul le prononce fait foi ",
          " palabras de apertura ", " palabras de clausura ", " discurso de apertura ",
          " cotejar con el discurso pronunciado "})
        if (key.starts_with(opening)) return true;
    return false;
}

// The openings of a line that says the text is no report of an event,
// folded, with a space each side.
constexpr std::string_view kNoReportOpenings[] = {
    // A statement read at the event: "Statement by the Delegation of ...".
    " statement by ", " statement of ", " intervention by ", " declaration de ", " declaracion de ",
    " intervencion de ",
    // A summary of a meeting's discussions, not a report of an outreach
    // event.
    " summary of discussions ", " summary of the discussions ", " chair s summary ",
    " chairs summary ", " resume des discussions ", " resume des debats ",
    " resumen de las deliberaciones ", " resumen de las discusiones ",
    // A text written for the event, not about it: its agenda or programme,
    // its concept note; or a newsletter's heading, whose items tell of
    // several things.
    " agenda ", " provisional agenda ", " draft agenda ", " annotated agenda ",
    " provisional programme ", " draft programme ", " programme of the workshop ",
    " programme of the meeting ", " concept note ", " concept paper ", " newsletter ",
    " ordre du jour ", " projet d'ordre du jour ", " programme provisoire ",
    " projet de programme ", " note conceptuelle ", " note de cadrage ", " lettre d information ",
    " bulletin d information ", " orden del dia ", " agenda provisional ", " programa provisional ",
    " proyecto de programa ", " nota conceptual ", " nota de concepto ", " boletin ",
    " boletin informativo "};

bool is_council_record_line(std::string_view line)
{
    std::string key = " " + folded_key(line.substr(0, 200)) + " ";
    if (key.starts_with(" distr ") || key.starts_with(" letter dated ") ||
        key.starts_with(" carta de fecha ") || key.starts_with(" lettre datee "))
        return true;
    // A statement read at the event, not a report of it: "Statement by the
    // Delegation of ...", "Mr. Chairman,", "Monsieur le Président,".
    std::string_view raw = trim_view(line);
    bool salutation = !raw.empty() && raw.back() == ',' && count_words(key) <= 4;
    for (std::string_view opening : kNoReportOpenings)
        if (key.starts_with(opening) && count_words(key) <= 12) return true;
    if (speech_line(line)) return true;
    if (salutation)
        for (std::string_view address : {" mr chairman ", " mr chair ", " madam chair ",
                                         " mr president ", " madam president ",
                                         " monsieur le president ", " senor presidente ",
                                         " excellencies "})
            if (key == address) return true;
    // A diplomatic cable: a classification line and "SUBJECT:".
    if (key == " unclassified " || key == " confidential " || key == " sensitive but unclassified ")
        return true;
    if (raw.starts_with("SUBJECT:") || raw.starts_with("SUBJ:")) return true;
    // "7837th Meeting (AM)", "7837e séance".
    std::size_t meeting = key.find(" meeting ");
    if (meeting == std::string::npos) meeting = key.find(" seance ");
    if (meeting == std::string::npos || meeting < 2) return false;
    std::size_t word_start = key.rfind(' ', meeting - 1);
    std::string_view ordinal = std::string_view(key).substr(word_start + 1, meeting - word_start - 1);
    return !ordinal.empty() && is_ascii_digit(ordinal.front()) && count_words(key) <= 5;
}

bool press_tag_line(std::string_view line)
{
    constexpr std::size_t kLongestLine = 24;  // words
    std::string_view t = trim_view(line, " \t\r\n*_.");
    if (t.empty() || t.back() != ')' || count_words(t) > kLongestLine) return false;
    std::size_t open = t.rfind('(');
    if (open == std::string_view::npos) return false;
    return is_one_of_key(folded_key(t.substr(open + 1, t.size() - open - 2)),
                         {"communique", "communique de presse", "press release", "comunicado",
                          "comunicado de prensa", "nota de prensa"});
}

bool upcoming_heading(std::string_view line)
{
    constexpr std::size_t kLongestHeading = 24;  // words, with the event's name
    std::string_view t = trim_view(line, " \t\r\n*#_");
    if (t.empty() || count_words(t) > kLongestHeading) return false;
    // The heading proper: before a colon, or after the last dash or bar
    // that follows the publisher's name.
    std::string_view head = t.substr(0, t.find(':'));
    for (std::string_view mark : {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " > "}) {
        std::size_t at = head.rfind(mark);
        if (at != std::string_view::npos) head = head.substr(at + mark.size());
    }
    std::string key = folded_key(head);
    // A trail's last part alone: "Events calendar > UPCOMING"; not a label
    // ("Upcoming: a workshop").
    if (is_one_of_key(key, {"upcoming", "forthcoming"}))
        return t.find(':') == std::string_view::npos;
    return is_one_of_key(key,
                         {"upcoming event", "upcoming events",
                          // A page that asks for participants: "Registration now
                          // open", "Call for nominations", "Convocatoria",
                          // "Inscriptions ouvertes", "Appel à candidatures".
                          "registration now open", "registration open", "registrations open",
                          "registration is open", "call for nominations", "call for applications",
                          "call for participants", "convocatoria", "inscripciones abiertas",
                          "inscriptions ouvertes", "appel a candidatures", "appel a nominations", "forthcoming event",
                          "forthcoming events", "future event", "future events",
                          "evenement a venir", "evenements a venir", "prochain evenement",
                          "prochains evenements", "a venir", "proximo evento", "proximos eventos",
                          "proximas actividades", "proxima actividad", "eventos proximos"});
}

bool future_tense(std::string_view sentence)
{
    std::string padded = " " + folded_key(sentence) + " ";
    // "The event will was held": a slip of the pen, told in the past.
    for (std::string_view slip : {" will was ", " will were ", " will be was "})
        for (std::size_t at = padded.find(slip); at != std::string::npos; at = padded.find(slip))
            padded.replace(at, slip.size(), " was ");
    for (std::string_view phrase : kFuturePhrases)
        if (has_phrase(padded, phrase)) return true;
    return false;
}

}  // namespace infonote
