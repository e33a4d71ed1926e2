#include "prose_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <string>
#include <utility>

#include "city_names.h"
#include "evidence.h"
#include "text_normalizer.h"
#include "text_spans.h"
#include "venue_parser.h"

// The reading runs in three steps. The opening lines (the "preamble") are
// sorted into press symbols, date lines, a key:value block, an event line
// and the headline; the rest is split into sentences, the dateline cut from
// the first. The event's sentence is the first that dates something an
// event word names; its tense tells an announcement. States come only from
// the phrases that introduce participants or invitees, read as a list of
// names joined by commas, conjunctions and French or Spanish articles: a
// name the list does not reach (a donor, a speaker's country) is never read.

namespace infonote {

namespace {

// ---------------------------------------------------------------------------
// Characters and words.

struct CodePoint {
    char32_t value = 0;
    std::size_t size = 1;
};

CodePoint decode_at(std::string_view s, std::size_t at)
{
    const auto lead = static_cast<unsigned char>(s[at]);
    std::size_t size = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3
                                     : (lead & 0xF8) == 0xF0   ? 4
                                                               : 0;
    if (size == 0 || size > s.size() - at) return {0xFFFD, 1};
    if (size == 1) return {lead, 1};
    char32_t value = lead & (0x7F >> size);
    for (std::size_t k = 1; k < size; ++k) {
        const auto next = static_cast<unsigned char>(s[at + k]);
        if ((next & 0xC0) != 0x80) return {0xFFFD, 1};
        value = (value << 6) | (next & 0x3F);
    }
    return {value, size};
}

bool word_code_point(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == 0xAA || c == 0xBA || c == 0xB5) return true;
    if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c == 0xFFFD) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation and symbols
    if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
        (c >= 0xFF00 && c <= 0xFF0F))
        return false;
    return true;
}

bool upper_code_point(char32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;
    return (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

bool apostrophe_at(std::string_view s, std::size_t at, std::size_t* size)
{
    if (s[at] == '\'') {
        *size = 1;
        return true;
    }
    // ’, and ‘ as word processors write it in "Nuku‘alofa".
    if (s.substr(at, 3) == "\xE2\x80\x99" || s.substr(at, 3) == "\xE2\x80\x98") {
        *size = 3;
        return true;
    }
    return false;
}

/// One word of the document, located in its text.
struct Word {
    std::size_t begin = 0;
    std::size_t end = 0;
    /// Case and accents folded, as fold() makes them.
    std::string folded;
    bool capital = false;
};

// French and Italian elisions that open a word: "l'", "d'", "qu'", ...
bool elision_prefix(std::string_view word)
{
    std::string lower;
    for (char c : word) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower == "l" || lower == "d" || lower == "s" || lower == "n" || lower == "j" ||
           lower == "c" || lower == "m" || lower == "t" || lower == "qu";
}

// The words of text[begin, end): letters and digits, with inner hyphens,
// dots ("U.S") and apostrophes ("People's"); an elision "l'" or "d'" is a
// word of its own, so that "de l'Indonésie" reads "de", "l", "Indonésie".
std::vector<Word> split_prose_words(std::string_view text, std::size_t begin, std::size_t end)
{
    std::vector<Word> words;
    std::size_t i = begin;
    auto push = [&](std::size_t b, std::size_t e) {
        Word w;
        w.begin = b;
        w.end = e;
        w.folded = fold(text.substr(b, e - b));
        w.capital = upper_code_point(decode_at(text, b).value);
        words.push_back(std::move(w));
    };
    while (i < end) {
        CodePoint cp = decode_at(text, i);
        if (!word_code_point(cp.value)) {
            i += cp.size;
            continue;
        }
        std::size_t start = i;
        std::size_t word_start = i;
        i += cp.size;
        while (i < end) {
            CodePoint next = decode_at(text, i);
            if (word_code_point(next.value)) {
                i += next.size;
                continue;
            }
            std::size_t joiner = 0;
            bool apostrophe = apostrophe_at(text, i, &joiner);
            if (!apostrophe && (text[i] == '-' || text[i] == '.')) joiner = 1;
            // A hyphen or non-breaking hyphen (U+2010, U+2011): "Rostov‑on‑Don".
            if (!apostrophe && (text.substr(i, 3) == "\xE2\x80\x90" ||
                                text.substr(i, 3) == "\xE2\x80\x91"))
                joiner = 3;
            if (joiner == 0 || i + joiner >= end) break;
            if (!word_code_point(decode_at(text, i + joiner).value)) break;
            if (apostrophe && elision_prefix(text.substr(word_start, i - word_start))) {
                push(word_start, i);
                word_start = i + joiner;
            }
            i += joiner;
        }
        (void)start;
        push(word_start, i);
    }
    return words;
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> set)
{
    return std::find(set.begin(), set.end(), word) != set.end();
}

// ---------------------------------------------------------------------------
// Sentences.

struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;
    /// Which paragraph of the body it is in, from 0.
    int paragraph = 0;
    std::vector<Word> words;
};

bool blank(std::string_view line)
{
    return trim_view(line).empty();
}

// True when the '.' at `dot` follows the number of an item in a list set
// out one a line ("\n2. Kiribati"), at or after `floor`.
bool item_number_at(std::string_view text, std::size_t dot, std::size_t floor)
{
    constexpr std::size_t kLongestNumber = 2;
    std::size_t b = dot;
    while (b > floor && text[b - 1] >= '0' && text[b - 1] <= '9') --b;
    if (b == dot || dot - b > kLongestNumber) return false;
    while (b > floor && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
    return b > floor && text[b - 1] == '\n';
}

// True when the '.' at `dot` ends an abbreviation ("St.", "Mr.", "U.S.")
// rather than a sentence.
bool abbreviation_before(std::string_view text, std::size_t dot, std::size_t floor)
{
    std::size_t b = dot;
    while (b > floor && !is_space(text[b - 1]) && text[b - 1] != '(') --b;
    std::string_view word = text.substr(b, dot - b);
    if (word.empty()) return false;
    bool capital = word[0] >= 'A' && word[0] <= 'Z';
    return (capital && word.size() <= 3) || item_number_at(text, dot, floor);
}

bool is_weekday(std::string_view folded)
{
    return is_one_of(folded, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                              "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
                              "samedi", "dimanche", "lunes", "martes", "miercoles", "jueves",
                              "viernes", "sabado", "domingo"});
}

// The text without what its parentheses hold: "(Fiji time)", "(Ministry
// of Foreign Affairs)".
std::string without_parentheses(std::string text)
{
    for (std::size_t open = text.find('('); open != std::string::npos; open = text.find('(', open)) {
        std::size_t close = text.find(')', open);
        if (close == std::string::npos) break;
        text.erase(open, close - open + 1);
    }
    return text;
}

bool longer_than_a_month(const DateRange& r)
{
    int months = (r.end.year - r.start.year) * 12 + (r.end.month - r.start.month);
    return months > 1 || (months == 1 && r.end.day >= r.start.day);
}

// A heading over a list of States set out below it, on a line of its own
// without a colon: "Invited States", "Pays participants".
bool list_heading(std::string_view paragraph)
{
    std::size_t nl = paragraph.rfind('\n');
    std::string_view line = nl == std::string_view::npos ? paragraph : paragraph.substr(nl + 1);
    if (count_words(line) > 4) return false;
    return is_one_of(folded_key(line),
                     {"invited states", "states invited", "invited countries", "countries invited",
                      "participating states", "participating countries", "participating delegations",
                      "states participating", "etats invites", "pays invites", "etats participants",
                      "pays participants", "estados invitados", "paises invitados",
                      "estados participantes", "paises participantes"});
}

// The sentences of text[begin, end): a paragraph ends at a blank line, a
// sentence at '.', '!' or '?' before white space (not after an
// abbreviation), and at a line break after a line that ends with one.
std::vector<Sentence> split_sentences(std::string_view text, std::size_t begin, std::size_t end)
{
    std::vector<Sentence> out;
    int paragraph = 0;
    std::size_t start = begin;
    auto close = [&](std::size_t to) {
        std::string_view s = text.substr(start, to - start);
        std::string_view t = trim_view(s);
        if (!t.empty()) {
            Sentence sentence;
            sentence.begin = offset_in(text, t);
            sentence.end = sentence.begin + t.size();
            sentence.paragraph = paragraph;
            out.push_back(std::move(sentence));
        }
        start = to;
    };
    std::size_t i = begin;
    while (i < end) {
        char c = text[i];
        if (c == '\n') {
            std::size_t next = text.find('\n', i + 1);
            if (next == std::string_view::npos || next > end) next = end;
            if (blank(text.substr(i + 1, next - i - 1))) {
                // "... from the following countries:", then the list below
                // a blank line: one sentence.
                std::string_view before = trim_view(text.substr(start, i - start));
                if (!before.empty() && (before.back() == ':' || list_heading(before))) {
                    i = next;
                    continue;
                }
                close(i);
                if (!out.empty() && out.back().paragraph == paragraph) ++paragraph;
                i = next;
                continue;
            }
        }
        if ((c == '.' || c == '!' || c == '?') && (i + 1 >= end || is_space(text[i + 1])) &&
            !(c == '.' && abbreviation_before(text, i, start))) {
            close(i + 1);
        }
        ++i;
    }
    close(end);
    for (Sentence& s : out) s.words = split_prose_words(text, s.begin, s.end);
    return out;
}

// ---------------------------------------------------------------------------
// Phrases.

/// Where the word sequence `phrase` (folded words joined by spaces) starts
/// in `words` at or after `from`; npos when it does not occur.
std::size_t find_phrase(const std::vector<Word>& words, std::string_view phrase, std::size_t from)
{
    std::vector<std::string_view> parts;
    for (std::size_t at = 0; at <= phrase.size();) {
        std::size_t space = phrase.find(' ', at);
        if (space == std::string_view::npos) space = phrase.size();
        parts.push_back(phrase.substr(at, space - at));
        at = space + 1;
    }
    if (parts.empty() || words.size() < parts.size()) return std::string_view::npos;
    for (std::size_t i = from; i + parts.size() <= words.size(); ++i) {
        bool all = true;
        for (std::size_t k = 0; k < parts.size() && all; ++k) all = words[i + k].folded == parts[k];
        if (all) return i;
    }
    return std::string_view::npos;
}

bool has_word_starting(const std::vector<Word>& words, std::initializer_list<std::string_view> stems)
{
    for (const Word& w : words)
        for (std::string_view stem : stems)
            if (w.folded.starts_with(stem)) return true;
    return false;
}

bool closing_words(const std::vector<Word>& words)
{
    return has_word_starting(words,
                             {"clos", "ended", "conclu", "clotur", "clausur", "termin", "achev"});
}

bool opening_words(const std::vector<Word>& words)
{
    return has_word_starting(words, {"open", "began", "begin", "start", "ouvert", "inaugur",
                                     "commenc", "debut", "inici", "abri", "from", "du", "del",
                                     "desde"});
}

// Words that name an event or its holding, as stems: "held", "workshop",
// "atelier", "celebró".
bool names_event(const Sentence& s)
{
    return has_word_starting(
        s.words,
        {"held", "hold", "took", "take", "taking", "met", "meet", "conven", "ran", "run",
         "open", "organi", "host", "clos", "ended", "conclud", "workshop", "seminar", "course",
         "meeting", "conference", "roundtable", "round", "webinar", "dialogue", "exercise",
         "session", "train", "visit", "activit", "actividad", "forum", "consultation", "event", "series", "school",
         "atelier", "seminaire", "reunion", "rencontre", "formation", "tenu", "tiendra", "lieu",
         "ouvert", "clotur", "accueill", "reun", "abrit", "taller", "seminario", "curso",
         "sesion", "ejercicio", "celebr", "lugar", "realiz", "evento", "encuentro", "dialogo",
         "mesa", "jornada",
         // What the people did: "Officials from A and B discussed",
         // "des représentants ont examiné", "funcionarios se capacitaron".
         "discuss", "discut", "exchang", "examin", "capacit", "ronde", "gather", "brought",
         "retrouv", "rassembl", "echange", "journee",
         // "travelled to Nassau to present", "spent three days learning".
         "travel", "learn", "spent", "mission"}) ||
           // "UNLIREC llevó a cabo una misión", "se llevará a cabo".
           std::any_of(s.words.begin(), s.words.end(), [&s](const Word& w) {
               std::size_t i = static_cast<std::size_t>(&w - s.words.data());
               return w.folded.starts_with("llev") && i + 2 < s.words.size() &&
                      s.words[i + 1].folded == "a" && s.words[i + 2].folded == "cabo";
           });
}

// A relative clause set off by commas (", which was adopted in 2004,",
// ", qui s'était tenu à Dakar", ", que fue aprobada en 2004") or a
// parenthesis says something about a word before it, not about the
// sentence's event: the [begin, end) offsets of each in `s`.
std::vector<std::pair<std::size_t, std::size_t>> relative_clauses(std::string_view text,
                                                                   const Sentence& s)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const std::vector<Word>& w = s.words;
    for (std::size_t i = 0; i < w.size(); ++i) {
        // Also a participle in apposition: "resolution 1540, adopted in 2004".
        bool opener = is_one_of(w[i].folded, {"which", "who", "whose", "qui", "dont", "lequel",
                                              "laquelle", "que", "cual", "quien", "quienes",
                                              "adopted", "adopte", "adoptee", "aprobada",
                                              "aprobado"});
        std::size_t before = w[i].begin;
        while (before > s.begin && is_space(text[before - 1])) --before;
        if (!opener || before == s.begin || text[before - 1] != ',') continue;
        std::size_t end = text.find_first_of(",;)", w[i].end);
        if (end == std::string_view::npos || end > s.end) end = s.end;
        out.emplace_back(w[i].begin, end);
    }
    for (std::size_t at = s.begin; at < s.end; ++at) {
        if (text[at] != '(') continue;
        std::size_t close = text.find(')', at);
        if (close == std::string_view::npos || close > s.end) break;
        out.emplace_back(at, close);
        at = close;
    }
    return out;
}

// A sentence about another event than the document's: an earlier or a
// coming one, or one it followed. A word that says so inside a relative
// clause ("resolution 1540 (2004), which was adopted in 2004") speaks of
// the word the clause hangs on, and does not count.
bool about_other_event(std::string_view text, const Sentence& s)
{
    bool other = false, invited = false;
    std::vector<std::pair<std::size_t, std::size_t>> aside;
    bool aside_read = false;
    bool people = false;
    for (const Word& w : s.words) {
        invited = invited || w.folded.starts_with("invite") || w.folded.starts_with("invitad");
        // "Officials from A and B followed the sessions": people followed
        // the event itself; "The workshop followed one held in 2016" did not.
        if (w.folded == "followed" && people) continue;
        people = people || is_one_of(w.folded, {"officials", "participants", "delegates",
                                                "delegations", "representatives", "trainees"});
        if (other || !is_one_of(w.folded, {"earlier", "previous", "precedent", "precedente",
                                           "anterior", "adopted", "adopte", "adoptee", "aprobo",
                                           "followed", "preceding", "follows", "similar",
                                           "pasado", "next", "prochain", "prochaine", "proxima",
                                           "proximo",
                                           // "It builds on the series held in 2020".
                                           "builds"}))
            continue;
        if (!aside_read) {
            aside = relative_clauses(text, s);
            aside_read = true;
        }
        other = std::none_of(aside.begin(), aside.end(), [&](const auto& c) {
            return w.begin >= c.first && w.begin < c.second;
        });
    }
    return other && !invited;
}

// The Committee's own business, not an outreach event: its formal and
// informal meetings, its working groups, its programme of work ("The
// Committee held its 66th formal meeting", "Séance officielle du Comité",
// "el Grupo de Trabajo celebró una reunión oficiosa"), in words that name
// no workshop, course, visit or other outreach activity.
bool committee_business(const std::vector<Word>& words)
{
    if (has_word_starting(words, {"workshop", "seminar", "course", "training", "roundtable",
                                  "round-table", "visit", "conference", "dialogue", "exercise",
                                  "webinar", "forum", "atelier", "seminaire", "formation",
                                  "visite", "taller", "seminario", "curso", "capacitacion",
                                  "visita", "mesa", "dialogo", "ejercicio", "conferencia",
                                  "outreach"}))
        return false;
    for (std::string_view phrase :
         {"formal meeting", "formal meetings", "informal meeting", "informal meetings",
          "informal consultations", "programme of work", "program of work", "working group",
          "seance officielle", "seances officielles", "consultations officieuses",
          "programme de travail", "groupe de travail", "reunion oficiosa", "reunion oficial",
          "sesion oficial", "consultas oficiosas", "programa de trabajo", "grupo de trabajo"})
        if (find_phrase(words, phrase, 0) != std::string_view::npos) return true;
    return false;
}

// A sentence that dates a deadline, not the event: "Registration closes
// on 15 May", "les inscriptions sont ouvertes jusqu'au", "el plazo de
// inscripción vence".
bool about_deadline(const Sentence& s)
{
    return has_word_starting(s.words, {"registration", "deadline", "inscription", "inscripcion",
                                       "plazo", "nomination"});
}

// A sentence about who paid: "funded by", "financé par", "financiado
// por", "with financial support from".
bool about_funding(const Sentence& s)
{
    return has_word_starting(s.words, {"fund", "financ", "sponsor", "contribution"});
}

// A sentence that says someone took part or was invited.
bool about_taking_part(const Sentence& s)
{
    return has_word_starting(s.words, {"particip", "attend", "took", "take", "met", "came",
                                       "joined", "gather", "conven", "brought", "invite",
                                       "invitad", "asist", "reun", "pris", "prirent", "shared",
                                       "present", "review", "suivi", "assist", "completed",
                                       "followed", "tomaron", "represented"});
}

bool online_words(const std::vector<Word>& words)
{
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i].folded;
        if (w == "virtual" || w == "virtually" || w == "virtuel" || w == "virtuelle" ||
            w == "virtualmente" || w == "online" || w == "on-line" || w.starts_with("webinar") ||
            w.starts_with("webinaire") ||
            w.starts_with("videoconf") || w.starts_with("video-conf") ||
            w.starts_with("visioconf") || w.starts_with("teleconf") || w == "digitally" ||
            w == "remotely" ||
            // "via Zoom", "por medio de la plataforma Webex", "de forma
            // remota", "a web-based seminar".
            w == "zoom" || w == "webex" || w == "remota" || w == "remoto" || w == "web-based")
            return true;
        // "à distance", "a distancia", "by video link".
        bool after_a = i + 1 < words.size() && w == "a";
        if (after_a && (words[i + 1].folded == "distance" || words[i + 1].folded == "distancia"))
            return true;
        if (w == "video" && i + 1 < words.size() && words[i + 1].folded == "link") return true;
        bool next_line = i + 1 < words.size() &&
                         (words[i + 1].folded == "ligne" || words[i + 1].folded == "linea");
        if (w == "en" && next_line) return true;
        // "un seminario web", "un séminaire web": a webinar in two words.
        if ((w == "seminario" || w == "seminaire") && i + 1 < words.size() &&
            words[i + 1].folded == "web")
            return true;
        if (w == "video" && i + 1 < words.size() && words[i + 1].folded == "conference")
            return true;
    }
    return false;
}

// ---------------------------------------------------------------------------
// Country names in running text.

struct NameMatch {
    const Country* country = nullptr;
    std::size_t first_word = 0;
    std::size_t last_word = 0;  // inclusive
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The longest country name that starts at word `i` (a capitalized word):
// at most kMaxNameWords words, never across list punctuation, a code only
// as "US" or "USA", and never a name that a capitalized word carries on
// ("United States Department", "Panama City").
// True when every line break in text[begin, end) ends a long line: a
// paragraph wrapped in the middle of a name ("Côte\nd'Ivoire"), not a list
// set out one name a line.
bool wrapped_within(std::string_view text, std::size_t begin, std::size_t end)
{
    constexpr std::size_t kShortestWrappedLine = 40;
    for (std::size_t nl = text.find('\n', begin); nl < end; nl = text.find('\n', nl + 1)) {
        std::size_t line_start = text.rfind('\n', nl - 1);
        line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
        if (nl - line_start < kShortestWrappedLine) return false;
    }
    return true;
}

// True when a tab or at least three spaces start at `at`, before `to`,
// after something other than the start of the line: a table's columns.
bool column_gap(std::string_view text, std::size_t at, std::size_t to)
{
    constexpr std::size_t kNarrowestGap = 3;
    if (at == 0 || text[at - 1] == '\n' || text[at - 1] == ' ' || text[at - 1] == '\t')
        return false;
    if (text[at] == '\t') return true;
    std::size_t end = at;
    while (end < to && text[end] == ' ') ++end;
    return end - at >= kNarrowestGap && (end == to || text[end] != '\n');
}

std::optional<NameMatch> country_at(std::string_view text, const std::vector<Word>& words,
                                    std::size_t i, const CountryGazetteer& countries)
{
    constexpr std::size_t kMaxNameWords = 8;
    if (!words[i].capital) return std::nullopt;
    std::size_t last = std::min(words.size(), i + kMaxNameWords) - 1;
    for (std::size_t j = last + 1; j-- > i;) {
        std::string_view span = text.substr(words[i].begin, words[j].end - words[i].begin);
        if (span.find_first_of(",;:)") != std::string_view::npos) continue;
        if (!wrapped_within(text, words[i].begin, words[j].end)) continue;
        // A name with its parenthesis, as iso-codes writes some:
        // "Saint-Siège (État de la Cité du Vatican)".
        std::size_t span_end = words[j].end;
        if (span.find('(') != std::string_view::npos) {
            if (span_end >= text.size() || text[span_end] != ')') continue;
            span = text.substr(words[i].begin, ++span_end - words[i].begin);
        }
        const Country* c = countries.resolve(span);
        if (!c) continue;
        // Codes are read only where they are the usual way to write the
        // name; "IN", "TO", "AU" in prose are words or acronyms.
        bool code = fold(span) == fold(c->alpha2) || fold(span) == fold(c->alpha3);
        if (code && span != "US" && span != "USA") continue;
        // "United States Department", "Belize City": part of another name.
        if (j + 1 < words.size()) {
            const Word& next = words[j + 1];
            std::string_view between = text.substr(words[j].end, next.begin - words[j].end);
            bool only_space = trim_view(between, " \t").empty();
            // A table's next column is no part of the name.
            if (only_space && next.capital && !column_gap(text, words[j].end, next.begin))
                return std::nullopt;
        }
        return NameMatch{c, i, j, words[i].begin, span_end};
    }
    return std::nullopt;
}

// Every country name in the sentence, left to right, none overlapping.
std::vector<NameMatch> country_names(std::string_view text, const Sentence& s,
                                     const CountryGazetteer& countries)
{
    std::vector<NameMatch> out;
    for (std::size_t i = 0; i < s.words.size();) {
        if (auto m = country_at(text, s.words, i, countries)) {
            out.push_back(*m);
            i = m->last_word + 1;
        } else {
            ++i;
        }
    }
    return out;
}

// Where a parenthesized qualifier after a name ends ("Bolivia
// (Plurinational State of)", "Japan (observer)"); `at` when there is none.
std::size_t skip_qualifier(std::string_view text, std::size_t at, std::size_t limit)
{
    std::size_t p = at;
    while (p < limit && (text[p] == ' ' || text[p] == '\t')) ++p;
    if (p >= limit || text[p] != '(') return at;
    std::size_t close = text.find(')', p);
    if (close == std::string_view::npos || close >= limit || close - p > 60) return at;
    if (text.substr(p + 1, close - p - 1).find('(') != std::string_view::npos) return at;
    return close + 1;
}

bool list_word(std::string_view folded)
{
    // "au Togo, au Ghana et au Niger" after "envoyées"; "..., Suriname and
    // the host, Jamaica": the host is one of the list.
    return is_one_of(folded, {"the", "de", "du", "des", "d", "l", "la", "le", "les", "del", "el",
                              "los", "las", "of", "au", "aux", "host", "hote", "anfitrion",
                              "anfitriona"});
}

bool conjunction(std::string_view folded)
{
    return is_one_of(folded, {"and", "et", "y", "e"});
}

// How many words of a phrase that joins two parts of a list start at word
// `i` ("as well as", "ainsi que", "así como"), or 0.
std::size_t joining_phrase(const std::vector<Word>& words, std::size_t i)
{
    auto at = [&](std::size_t k, std::string_view w) {
        return i + k < words.size() && words[i + k].folded == w;
    };
    if (at(0, "as") && at(1, "well") && at(2, "as")) return 3;
    // "..., además de Chile como observador".
    if ((at(0, "ainsi") && at(1, "que")) || (at(0, "asi") && at(1, "como")) ||
        (at(0, "ademas") && at(1, "de")))
        return 2;
    // "...; and also D and E", "et aussi", "y también", "and then".
    if ((at(0, "and") || at(0, "et") || at(0, "y")) &&
        (at(1, "also") || at(1, "aussi") || at(1, "tambien") || at(1, "then")))
        return 2;
    return 0;
}

// True when text[from, to) only joins two names of a list: commas,
// conjunctions, and the articles French and Spanish lists put before names
// ("de la", "d'", "du", "des", "del"), with at least one comma or
// conjunction. One item the gazetteer does not know may stand between
// commas ("..., Saint-Siège (état de la cité du Vatican), ..."): a list
// goes on past a name it cannot read.
bool list_joint(std::string_view text, std::size_t from, std::size_t to)
{
    constexpr std::size_t kLongestJoint = 120;
    constexpr std::size_t kLongestUnknownItem = 6;  // words
    if (from > to || to - from > kLongestJoint) return false;
    std::string_view between = text.substr(from, to - from);
    // "(A, B and C) as well as D": a list in parentheses goes on after them.
    std::string_view opening = trim_view(between, " \t\n");
    if (opening.starts_with(")")) {
        std::size_t close = from + offset_in(between, opening);
        std::vector<Word> next = split_prose_words(text, close + 1, to);
        if (next.empty() || joining_phrase(next, 0) == 0) return false;
        from = close + 1;
        between = text.substr(from, to - from);
    }
    if (between.find(':') != std::string_view::npos) return false;
    for (std::size_t dot = between.find('.'); dot != std::string_view::npos;
         dot = between.find('.', dot + 1))
        if (!item_number_at(text, from + dot, from)) return false;
    bool joined = false;
    int unknown_items = 0;
    std::size_t part_begin = from;
    std::size_t p = from;
    std::size_t parts = 0;
    auto judge_part = [&](std::size_t b, std::size_t e, bool last) {
        ++parts;
        std::vector<Word> words = split_prose_words(text, b, e);
        bool separators = true;
        for (std::size_t i = 0; i < words.size(); ++i) {
            // "..., as well as (from) D and E", "ainsi que", "así como".
            std::size_t span = joining_phrase(words, i);
            if (span != 0) {
                joined = true;
                i += span - 1;
                if (i + 1 < words.size() && is_one_of(words[i + 1].folded, {"from", "by"})) ++i;
                continue;
            }
            if (conjunction(words[i].folded)) joined = true;
            else if (words[i].end < e && text[words[i].end] == '.' &&
                     item_number_at(text, words[i].end, from))
                continue;  // "2." before an item one a line
            else if (!list_word(words[i].folded)) separators = false;
        }
        if (separators) return true;
        // An unknown item: not right after the last name nor right before
        // the next, capitalized, short.
        if (parts == 1 || last || ++unknown_items > 1) return false;
        std::size_t lead = 0;
        while (lead < words.size() && list_word(words[lead].folded)) ++lead;
        return lead < words.size() && words[lead].capital && words.size() <= kLongestUnknownItem;
    };
    while (p < to) {
        char c = text[p];
        if (c == '(') {
            std::size_t close = text.find(')', p);
            if (close == std::string_view::npos || close >= to) return false;
            // A qualifier belongs to the unknown item before it.
            std::size_t q = close + 1;
            if (!judge_part(part_begin, p, false)) return false;
            --parts;  // the item and its qualifier are one part
            part_begin = q;
            p = q;
            continue;
        }
        if (c == ')') return false;
        // A semicolon, or a line break in a list set out one name a line
        // ("- Fiji" then "- Kiribati"), joins as a comma does.
        if (c == ',' || c == '&' || c == ';' || c == '\n') {
            joined = true;
            if (!judge_part(part_begin, p, false)) return false;
            part_begin = p + 1;
        }
        // A tab or a wide run of spaces inside a line parts the columns of
        // a list laid out as a table ("Algeria        Malawi").
        else if (column_gap(text, p, to)) {
            joined = true;
            if (!judge_part(part_begin, p, false)) return false;
            while (p < to && (text[p] == ' ' || text[p] == '\t')) ++p;
            part_begin = p;
            continue;
        }
        ++p;
    }
    if (!judge_part(part_begin, to, true)) return false;
    return joined;
}

/// A run of names joined as a list: indexes [first, last] into the matches.
struct NameList {
    std::size_t first = 0;
    std::size_t last = 0;
};

std::vector<NameList> name_lists(std::string_view text, const Sentence& s,
                                 const std::vector<NameMatch>& names)
{
    std::vector<NameList> lists;
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (!lists.empty() && lists.back().last + 1 == k) {
            const NameMatch& prev = names[k - 1];
            std::size_t from = skip_qualifier(text, prev.end, s.end);
            if (list_joint(text, from, names[k].begin)) {
                lists.back().last = k;
                continue;
            }
        }
        lists.push_back({k, k});
    }
    return lists;
}

// The phrases that introduce the States taking part, as folded words: the
// list follows them, after at most a few words ending in "of", "from",
// "de" or a colon ("Representatives of fifteen ministries and agencies of
// Mongolia", "the following 9 Member States took part: ...").
constexpr std::string_view kForwardCues[] = {
    "representatives", "delegations", "delegates", "officials", "participants", "experts",
    "officers", "points of contact", "the following", "participating states", "participant",
    "participating countries", "attended by", "brought together", "invited to participate",
    "invited to take part", "participation of", "delegates representing", "officials representing",
    "participants representing", "delegations representing", "participating states were",
    // "Member States represented at the meeting:", then the list.
    "states represented", "countries represented", "etats representes", "pays representes",
    "estados representados", "paises representados",
    // "The workshop will bring together twelve Pacific Island countries,
    // including A, B and C"; "Invited are A and B".
    "bring together", "brings together", "bringing together", "invited are", "invited were",
    "participating countries were", "participants were", "participating were", "attending were",
    // More people who take part: "Specialists from A, B and C reviewed",
    // "des agents des douanes du A", "oficiales de A y B", "técnicos de".
    "specialists", "practitioners", "parliamentarians", "legislators", "inspectors", "trainees",
    "regulators", "regulateurs", "reguladores", "specialistes", "agents", "parlementaires",
    "stagiaires", "oficiales", "especialistas", "tecnicos", "parlamentarios", "agentes",
    "servidores publicos",
    // Invitation lists: "the following States have been invited: ...".
    "have been invited", "are invited", "were invited", "following states", "invited states",
    // "Invitations to the two-day meeting have been sent to A".
    "have been sent to", "had been sent to", "were sent to",
    // "Hasta el momento confirmaron su participación A, B y C".
    "confirmed their participation", "confirmed their attendance",
    "ont confirme leur participation", "confirmaron su participacion",
    "han confirmado su participacion",
    // "invitations had been sent to A", "ha cursado invitaciones a los
    // Gobiernos de A", "des invitations ont été adressées à A".
    "invitations had been sent to", "invitations have been sent to", "invitations were sent to",
    "sent invitations to", "cursado invitaciones a", "enviado invitaciones a", "invitaciones a",
    "invitations ont ete adressees", "invitations ont ete envoyees", "states invited",
    "invited countries", "countries invited", "extended to",
    // French
    "representants", "delegues", "fonctionnaires", "responsables", "pays suivants", "ont participe",
    "reunissant", "en presence de", "pays participants", "etats participants", "participation de",
    "participation du", "participation des", "etats suivants", "sont invites", "ont ete invites",
    "etats invites", "pays invites", "sont convies", "ont ete convies",
    // Spanish
    "representantes", "delegaciones", "delegados", "funcionarios", "expertos", "participantes",
    "autoridades", "participacion de", "paises siguientes", "siguientes paises", "participaron",
    "asistieron", "invitados a participar", "invitadas a participar", "paises participantes",
    "estados participantes", "estados siguientes", "siguientes estados", "estan invitados",
    "fueron invitados", "sido invitados", "sido invitadas", "estados invitados", "paises invitados",
    "se invito a", "se ha invitado a", "se invito a participar a",
    "se invito a participar en el taller a"};

// Phrases that introduce the States invited, only in a sentence that
// invites: "Invitations have gone to A, B and C", "UNODA invites national
// authorities of A, B and C to a webinar", "des invitations sont parties
// vers", "se cursaron invitaciones a".
constexpr std::string_view kInvitationCues[] = {
    "have gone to", "has gone to", "had gone to", "have gone out to", "went out to",
    "have been extended to", "have been addressed to", "were addressed to", "went to",
    "will be sent to", "will be extended to", "have been issued to", "were issued to",
    "will be issued to",
    // "Invited to take part are A, B and C".
    "take part are", "to attend are", "to participate are",
    "invites", "invite", "invitent", "invita", "invitan", "convie", "convient",
    "ont ete adressees a", "ont ete envoyees a", "sont parties vers", "se cursaron invitaciones a",
    "han sido enviadas a", "fueron enviadas a", "se enviaron invitaciones a",
    // "Des invitations ont été envoyées au Mali", "... adressées aux".
    "envoyees au", "envoyees aux", "adressees au", "adressees aux",
    "cursado invitacion a", "invitados son", "invitadas son", "estan convocados",
    "estan convocadas", "han sido convocados", "fueron convocados", "sont convoques"};

// The addressees of a note verbale, who are invited to what it announces:
// "The Office ... presents its compliments to the Permanent Missions of A,
// B and C", "présente ses compliments aux Missions permanentes de", "saluda
// atentamente a las Misiones Permanentes de".
constexpr std::string_view kAddresseeCues[] = {
    "compliments to the permanent missions", "compliments to the permanent mission",
    "compliments to the permanent representatives", "compliments aux missions permanentes",
    "compliments a la mission permanente", "atentamente a las misiones permanentes",
    "atentamente a la mision permanente"};

// Phrases that open a course or meeting to more States, who are then
// invited: "The course is also open to A and B", "ouvert également aux
// délégations du A", "abierto también a funcionarios de A".
constexpr std::string_view kOpenToCues[] = {
    "open to", "also open to", "ouvert aux", "ouverte aux", "ouvert egalement aux",
    "ouverte egalement aux", "ouvert au", "ouverte au", "ouvert egalement au",
    "ouverte egalement au", "abierto a", "abierta a", "abierto tambien a", "abierta tambien a"};

// Phrases that introduce States only in a sentence that says they took
// part: "Twenty States took part, among them A, B and C"; "fifteen
// ministries and state bodies of Mongolia sent staff"; "they came from
// seven agencies of Jamaica".
constexpr std::string_view kTakingPartCues[] = {
    "among them", "among whom", "parmi eux", "parmi lesquels", "parmi lesquelles", "entre ellos",
    "entre ellas", "entre los cuales", "ministries", "agencies", "institutions", "state bodies",
    "departments", "ministeres", "organismes", "ministerios", "instituciones", "organismos"};

// The verbs that make a sentence say that someone took part.
bool says_took_part(const Sentence& s)
{
    return has_word_starting(s.words, {"particip", "attend", "took", "came", "sent", "envoy",
                                       "envi", "asist", "joined"});
}

// "Experts from Japan spoke on container screening", "Des formateurs du
// Maroc ont animé les séances": people from a State who taught or spoke
// at the event, and no word that the State's own officials took part.
bool resource_persons(const Sentence& s)
{
    const std::vector<Word>& w = s.words;
    bool teachers = false;
    for (std::size_t i = 0; i + 1 < w.size() && !teachers; ++i)
        teachers = is_one_of(w[i].folded, {"expert", "experts", "trainer", "trainers",
                                           "instructor", "instructors", "facilitator",
                                           "facilitators", "speaker", "speakers", "formateur",
                                           "formateurs", "intervenant", "intervenants",
                                           "instructores", "capacitadores", "ponentes"}) &&
                   is_one_of(w[i + 1].folded, {"from", "de", "du", "des", "d"});
    if (!teachers || says_took_part(s)) return false;
    // Delegations beside them take part; one representative of an
    // organization who spoke is another speaker.
    for (const Word& word : w)
        if (is_one_of(word.folded, {"officials", "delegations", "delegation", "delegates",
                                    "representatives", "fonctionnaires", "delegues",
                                    "representants", "funcionarios", "funcionarias",
                                    "delegados", "delegaciones", "representantes"}))
            return false;
    return has_word_starting(w, {"spoke", "speak", "present", "brief", "shared", "deliver",
                                 "explain", "describ", "walked", "contribut", "anim", "expus",
                                 "expone", "ran", "led", "taught", "lectur", "resource"});
}


// The verbs a list of States stands just before: "A, B and C took part".
constexpr std::string_view kBackwardCues[] = {
    "took part", "participated", "attended", "have been invited", "has been invited",
    // "... have also been invited", "..., which have been invited".
    "been invited", "were invited", "are invited", "is invited",
    // "Eritrea was invited to take part", "A and B were also invited but
    // ...", "Venezuela fue invitada", "Le Mali a été invité".
    "was invited", "was also invited", "were also invited", "fue invitado", "fue invitada",
    "fueron invitadas", "a ete invite", "a ete invitee", "ont ete invitees", "will participate",
    "will take part", "will attend", "shared", "hosted", "hosts", "participeront", "ont participe",
    "ont pris part", "ont ete invites", "sont invites", "sont convies", "ont ete convies",
    "participaron", "asistieron", "fueron invitados", "estan invitados", "participaran",
    // "A, B and C are expected to attend", "... devraient participer".
    "expected to attend", "expected to participate", "expected to take part",
    "devraient participer", "devraient prendre part",
    // A course or training followed: "The points of contact of A, B and C
    // completed the course", "... ont suivi la formation".
    "completed the", "followed the", "ont suivi", "ont assiste", "han participado",
    // "A, B and C concluded their trilateral peer review".
    "concluded their", "completed their", "conducted their",
    // "A, B and C have confirmed their participation".
    "confirmed their participation", "confirmed their attendance",
    "ont confirme leur participation", "confirmaron su participacion",
    "han confirmado su participacion", "tomaron parte",
    // "A, B and C were represented", "... sent delegations to the workshop".
    "were represented", "was represented", "sent representatives", "sent delegations",
    "sent delegates", "sent officials", "etaient representes", "etaient representees",
    "ont envoye des delegations", "ont envoye des representants", "estuvieron representados",
    "enviaron delegaciones", "enviaron representantes",
    // "Georgia joined the sessions remotely".
    "joined the meeting", "joined the workshop", "joined the sessions", "joined the session",
    "joined the discussions", "joined the training", "joined the course", "joined remotely",
    "joined online", "joined virtually",
    // One State in a role of its own: "C joined as an observer", "D sent
    // observers", "E participó como observador", "asistió en calidad de".
    "joined as", "attended as", "participated as", "took part as", "sent observers",
    "sent an observer", "participo como", "participo en calidad", "asistio como",
    "asistio en calidad", "a participe en tant", "a participe comme",
    "ont envoye des observateurs"};

// Words that may stand between a cue and its list without breaking it.
bool gap_allows(std::string_view text, const std::vector<Word>& words, std::size_t gap_first,
                std::size_t name_word, std::size_t name_begin, std::size_t cue_end)
{
    constexpr std::size_t kMaxGapWords = 12;
    if (name_word < gap_first || name_word - gap_first > kMaxGapWords) return false;
    std::string_view between = text.substr(cue_end, name_begin - cue_end);
    if (between.find(';') != std::string_view::npos) return false;
    // A full stop ends the cue's sentence, unless it numbers the first item
    // of a list one a line ("invited:" then "1. Fiji").
    std::size_t item_dot = std::string_view::npos;
    for (std::size_t dot = between.find('.'); dot != std::string_view::npos;
         dot = between.find('.', dot + 1)) {
        if (!item_number_at(text, cue_end + dot, cue_end)) return false;
        item_dot = dot;
    }
    if (name_word == gap_first) return true;
    // "a member of the Group of Experts, a national of Kenya": a person's
    // nationality, not a delegation.
    if (name_word >= 2 && is_one_of(words[name_word - 2].folded,
                                    {"national", "nationals", "ressortissant", "ressortissante",
                                     "ressortissants", "nacional", "nacionales"}))
        return false;
    std::string_view tail = trim_view(between, " \t\n");
    if (item_dot != std::string_view::npos) {
        std::string_view before = between.substr(0, item_dot);
        while (!before.empty() && before.back() >= '0' && before.back() <= '9')
            before.remove_suffix(1);
        tail = trim_view(before, " \t\n");
    }
    // The bullet of a list set out one name a line: "countries:", "- Fiji".
    for (std::string_view bullet : {"-", "*", "\xE2\x80\xA2"})
        if (tail.ends_with(bullet))
            tail = trim_view(tail.substr(0, tail.size() - bullet.size()), " \t\n");
    if (!tail.empty() && (tail.back() == ':' || tail.back() == '(')) return true;
    const std::string& last = words[name_word - 1].folded;
    return is_one_of(last, {"of", "from", "de", "du", "des", "d", "l", "la", "le", "les", "del",
                            "the", "el", "los", "las", "including", "notamment", "dont",
                            "incluidos", "entre",
                            // "Pacific Island countries, namely A, B", "à
                            // savoir", "a saber"; "Invited countries include A".
                            "namely", "notably", "savoir", "saber", "include", "includes",
                            "included", "incluyen", "comprennent"});
}

// True when word `i` says that someone did not come: "could not attend",
// "were not able to send delegations", "were unable to travel", "n'a pas
// pu participer", "no pudieron asistir" (a negation with a verb of coming
// or taking part within three words after it), or "absent" by itself.
bool absence_at(const std::vector<Word>& words, std::size_t i)
{
    const std::string& w = words[i].folded;
    if (is_one_of(w, {"absent", "absents", "absente", "absentes", "ausente", "ausentes",
                      "excused", "excuses", "excusados"}))
        return true;
    bool negation = is_one_of(w, {"not", "unable", "cannot", "pas", "no", "never", "jamais",
                                  "nunca", "neither", "nor", "ni"}) ||
                    w.starts_with("couldn") || w.starts_with("wasn") ||
                    w.starts_with("weren") || w.starts_with("didn") || w.starts_with("can't");
    // "n'ont pu prendre part", "n'a pu se rendre": the French negation
    // without "pas".
    if (w == "n" && i + 2 < words.size() && is_one_of(words[i + 2].folded, {"pu", "purent", "put"}))
        negation = true;
    if (!negation) return false;
    for (std::size_t j = i + 1; j < words.size() && j <= i + 3; ++j) {
        const std::string& v = words[j].folded;
        // "n'a pas eu lieu", "no tuvo lugar": what was planned did not happen.
        if (is_one_of(v, {"pu", "able", "position", "lieu", "lugar"}) ||
            has_word_starting(
                {words[j]}, {"particip", "attend", "send", "sent", "travel", "take", "took", "join",
                             "come", "came", "asist", "envoy", "envi", "pud", "pod", "pris",
                             "represent", "assist", "deleg", "vin", "ven", "acud", "concurr",
                             // Online: "who did not connect", "no se conectaron".
                             "connect", "conect"}))
            return true;
    }
    return false;
}

// A word that says a State was asked or had signed up to come: "invited",
// "invités", "invitados", "conviés", "registered", "inscrits",
// "confirmed", "confirmaron".
bool invited_word(const Word& w)
{
    return has_word_starting({w}, {"invite", "invitad", "convie", "convoc", "registered",
                                   "registrad", "inscrit", "confirm"});
}

// Words that open a clause of their own within a sentence: "A and B took
// part, while C could not attend".
bool clause_opener(std::string_view folded)
{
    return is_one_of(folded, {"while", "whereas", "but", "although", "though", "however",
                              "whilst", "mais", "tandis", "alors", "cependant", "pero",
                              "mientras", "aunque", "sino"});
}

// The byte ranges of the clauses of `s` that say someone did not come;
// a list of States that opens in one of them is no list of participants.
std::vector<std::pair<std::size_t, std::size_t>> absence_clauses(std::string_view text,
                                                                 const Sentence& s)
{
    std::vector<std::pair<std::size_t, std::size_t>> clauses;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
        if (!absence_at(s.words, i)) continue;
        std::size_t first = i, last = i;
        auto splits = [&](std::size_t a, std::size_t b) {
            // Between words a and b (a < b): a semicolon, or b opens a clause.
            std::string_view between = text.substr(s.words[a].end, s.words[b].begin - s.words[a].end);
            return between.find(';') != std::string_view::npos || clause_opener(s.words[b].folded);
        };
        while (first > 0 && !splits(first - 1, first)) --first;
        while (last + 1 < s.words.size() && !splits(last, last + 1)) ++last;
        // "A's participation had been planned but did not take place": what
        // was planned before "but" is the same absence.
        if (first > 0 && is_one_of(s.words[first].folded, {"but", "mais", "pero"})) {
            std::size_t k = first - 1;
            while (k > 0 && !splits(k - 1, k)) --k;
            for (std::size_t j = k; j < first; ++j)
                if (has_word_starting({s.words[j]}, {"expected", "planned", "envisag", "prevu",
                                                     "previst", "esperad", "contemplated"}) ||
                    invited_word(s.words[j])) {
                    first = k;
                    break;
                }
        }
        clauses.push_back({s.words[first].begin, s.words[last].end});
    }
    return clauses;
}

// A key that heads a list of invited States, however worded: "Invited
// participating States", "Estados invitados a participar", "Pays invités":
// a word of invitation and a word for States or those who take part, in a
// few words.
bool invited_states_key(std::string_view key)
{
    constexpr std::size_t kMostKeyWords = 5;
    std::vector<Word> words = split_prose_words(key, 0, key.size());
    return words.size() <= kMostKeyWords && has_word_starting(words, {"invit", "convi"}) &&
           has_word_starting(words, {"state", "countr", "etat", "pays", "estado", "pais",
                                     "particip", "delegation", "delegacion"});
}

// "... will attend as host", "en tant qu'hôte", "como anfitrión".
bool as_host(const Sentence& s)
{
    for (std::string_view phrase : {"as host", "as hosts", "as the host", "en tant qu hote",
                                    "comme hote", "como anfitrion", "como anfitriones",
                                    "como pais anfitrion", "en qualite d hote"})
        if (find_phrase(s.words, phrase, 0) != std::string_view::npos) return true;
    return false;
}

bool invitation(const Sentence& s, std::string_view text)
{
    // "invitation" is no invitee's word: "at the invitation of the
    // Government of ..." names the host.
    bool spanish = std::any_of(s.words.begin(), s.words.end(), [](const Word& w) {
        return is_one_of(w.folded, {"invita", "invitan", "invitamos"});
    });
    // "Invitations to take part have gone to officials of ...": the plural,
    // or an invitation *to* something, is sent to invitees.
    bool sent = false;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
        const std::string& w = s.words[i].folded;
        if (is_one_of(w, {"invitations", "invitaciones"})) sent = true;
        if (is_one_of(w, {"invitation", "invitacion"}) && i + 1 < s.words.size() &&
            is_one_of(s.words[i + 1].folded, {"to", "a"}))
            sent = true;
    }
    // "Están convocados A y B", "Sont convoqués": called to come, plural.
    bool called = std::any_of(s.words.begin(), s.words.end(), [](const Word& w) {
        return is_one_of(w.folded, {"convocados", "convocadas", "convoques", "convoquees"});
    });
    // "Officials from A, who had been invited at short notice, attended":
    // invited in a relative clause, while the sentence says they came.
    bool invited = has_word_starting(s.words, {"invite", "invitad", "invito", "convie"});
    if (invited) {
        std::vector<std::pair<std::size_t, std::size_t>> asides = relative_clauses(text, s);
        bool invited_aside = false, came = false;
        invited = false;
        for (const Word& w : s.words) {
            bool aside = std::any_of(asides.begin(), asides.end(), [&](const auto& c) {
                return w.begin >= c.first && w.begin < c.second;
            });
            if (has_word_starting({w}, {"invite", "invitad", "invito", "convie"}))
                (aside ? invited_aside : invited) = true;
            else if (!aside && is_one_of(w.folded, {"attended", "participated", "took", "joined",
                                                    "participaron", "asistieron", "participe"}))
                came = true;
        }
        invited = invited || (invited_aside && !came);
    }
    return spanish || sent || called || invited ||
           future_tense(text.substr(s.begin, s.end - s.begin));
}

// ---------------------------------------------------------------------------
// Places in running text.

/// A place named in a sentence: its text (city and country as written) and
/// where it stands.
struct PlacePhrase {
    std::size_t begin = 0;
    std::size_t end = 0;
};

bool place_connector(std::string_view folded)
{
    // "Port of Spain", "Frankfurt am Main".
    return is_one_of(folded, {"of", "de", "du", "des", "d", "l", "la", "le", "el", "del", "al",
                              "es", "da", "do", "dos", "am"});
}

// The run of capitalized words from word `i`, with connectors inside
// ("Port of Spain", "Ciudad de Panamá"); also "and"/"y"/"et" when
// `country_words` ("Trinidad and Tobago"). Returns the last word's index.
std::optional<std::size_t> capital_run(std::string_view text, const std::vector<Word>& words,
                                       std::size_t i, std::size_t limit, bool country_words)
{
    if (i >= limit || !words[i].capital) return std::nullopt;
    std::size_t last = i;
    std::size_t j = i + 1;
    while (j < limit) {
        std::string_view between = text.substr(words[j - 1].end, words[j].begin - words[j - 1].end);
        // "St. George's": the dot of a short abbreviation stays inside.
        bool abbreviation = words[j - 1].end - words[j - 1].begin <= 3 && between.starts_with(".");
        if (abbreviation) between.remove_prefix(1);
        // "en la Ciudad\nde México", "Port of\nSpain": a paragraph wrapped
        // at a connector inside the name, not a list set out one name a
        // line. Two capitalized words a line apart may be two names ("the
        // Hotel Hilton\nPodgorica"), unless they make a city the table
        // knows ("en Puerto\nEspaña").
        bool one_name = !(words[j - 1].capital && words[j].capital) ||
                        city_country(tidy(text.substr(words[i].begin,
                                                      words[j].end - words[i].begin)));
        bool wrapped = one_name && std::count(between.begin(), between.end(), '\n') == 1 &&
                       trim_view(between, " \t\n").empty() &&
                       wrapped_within(text, words[j - 1].end, words[j].begin);
        if (!trim_view(between, wrapped ? " \t\n" : " \t'\xE2\x80\x99").empty()) break;
        if (!wrapped && between.find('\n') != std::string_view::npos) break;
        if (words[j].capital) {
            last = j++;
            continue;
        }
        bool connector = place_connector(words[j].folded) ||
                         (country_words && is_one_of(words[j].folded, {"and", "y", "et"}));
        if (connector && j + 1 < limit && words[j + 1].capital) {
            j += 1;
            continue;
        }
        // "Santa Cruz de la Sierra", "Ville de la Paix": a preposition and
        // its article.
        if (connector && j + 2 < limit && !words[j + 1].capital &&
            is_one_of(words[j + 1].folded, {"la", "las", "los", "le", "les", "l"}) &&
            words[j + 2].capital) {
            j += 2;
            continue;
        }
        break;
    }
    return last;
}

}  // namespace

bool has_key_value_block(std::string_view text)
{
    TextLines lines(text);
    std::size_t count = std::min<std::size_t>(lines.count(), 30);
    for (std::size_t i = 0; i < count; ++i) {
        std::string key = folded_key(lines.line(i).substr(0, 40));
        if (key.starts_with("start date") || key.starts_with("end date") ||
            key.starts_with("fecha de inicio") || key.starts_with("fecha de finalizacion") ||
            key.starts_with("date de debut") || key.starts_with("date de fin"))
            return true;
    }
    return false;
}

namespace {

class ProseReader {
  public:
    ProseReader(std::string_view text, const CountryGazetteer& countries, const OrgContext& orgs)
        : text_(text), lines_(text), countries_(countries), orgs_(orgs)
    {
    }

    ProseReading run()
    {
        read_preamble();
        read_body();
        // A page on the Committee's meetings or programme of work reports
        // no outreach event, whatever its dated lines.
        if (!(have_title_ && committee_business(title_.words)) && !meetings_table())
            find_event_dates();
        if (event_found()) {
            read_states();
            find_venue();
            add_national_host();
            read_organizations();
        }
        r_.marks.event_found = event_found();
        r_.marks.future_event = event_ && future_tense(sentence_text(*event_));
        // Written before the event, a document can only say who is expected:
        // nobody has taken part yet. A speech read at the event speaks of
        // its days to come ("which will run until tomorrow") to those there.
        if ((r_.marks.future_event || r_.marks.upcoming) && !speech_)
            for (ParticipantState& state : r_.states) state.role = StateRole::Invited;
        // Invitees beside States that took part are those who did not come,
        // as a report after the event tells them: no announcement.
        r_.marks.invited =
            std::any_of(r_.states.begin(), r_.states.end(),
                        [](const auto& s) { return s.role == StateRole::Invited; }) &&
            std::none_of(r_.states.begin(), r_.states.end(),
                         [](const auto& s) { return s.role == StateRole::Participant; });
        report();
        return std::move(r_);
    }

    /// The States the whole text, a passage of prose, says took part or
    /// were invited: its sentences read as a document's are, with no event
    /// to find first.
    std::vector<PassageState> passage_states()
    {
        for (const Sentence& s : split_sentences(text_, 0, text_.size()))
            if (!about_other_event(text_, s)) read_sentence_states(s);
        std::vector<PassageState> found;
        for (const ParticipantState& state : r_.states)
            for (const CountryMatch& m : state_spans_)
                if (m.country->alpha2 == state.code) found.push_back({m, state.role});
        return found;
    }

  private:
    // --- The opening lines -------------------------------------------------

    void read_preamble()
    {
        constexpr std::size_t kPreambleLines = 20;
        std::size_t non_empty = 0;
        bool last_was_event_line = false;
        body_begin_ = text_.size();
        for (std::size_t i = 0; i < lines_.count(); ++i) {
            std::string_view line = lines_.line(i);
            std::string_view t = trim_view(line);
            if (t.empty()) continue;
            std::size_t at = offset_in(text_, t);
            if (is_council_record_line(t)) r_.marks.council_record = true;
            if (speech_line(t)) speech_ = true;
            bool upcoming = upcoming_heading(t);
            if (upcoming) r_.marks.upcoming = true;
            // "Tunis, 30/05/2024 - «Agency» (communiqué)": still a dateline.
            if (press_tag_line(t)) r_.marks.press_symbol = true;
            if (++non_empty > kPreambleLines) {
                body_begin_ = lines_.start(i);
                break;
            }
            bool was_event_line = last_was_event_line;
            last_was_event_line = false;
            if (is_press_symbol_line(t) || press_header(t)) {
                r_.marks.press_symbol = true;
                // "For immediate release - Kigali, Friday 10 May 2024".
                if (!publication_) {
                    DateSearch found = find_date_range(t);
                    if (found.range && found.range->start == found.range->end)
                        publication_ = found.range->start;
                }
                continue;
            }
            if (is_council_record_line(t)) continue;
            if (read_dated_cell(t)) continue;
            if (read_title_key(t, at)) continue;
            if (read_key_value(t, at)) continue;
            if (read_date_line(t, at)) {
                last_was_event_line = event_line_;
                continue;
            }
            if (was_event_line && read_place_line(t, at)) continue;
            if (looks_like_body(t) || wrapped_paragraph_at(i)) {
                body_begin_ = lines_.start(i);
                break;
            }
            // "Forthcoming event" above the headline is no headline;
            // "Upcoming event: Regional Course ..." is one.
            bool heading_alone = upcoming && t.find(':') == std::string_view::npos;
            if (!have_title_ && !banner_line(t) && !heading_alone) {
                r_.title = tidy(t);
                title_begin_ = at;
                title_end_ = at + t.size();
                have_title_ = true;
            }
        }
    }

    // The banner of a web page above its headline: the name of the office
    // or regional centre that publishes it ("United Nations Regional
    // Centre for Peace and Disarmament in Asia and the Pacific", "UNLIREC"),
    // or a navigation trail ("Home > Events", "News | UNREC"). No event
    // word in it, or it may be the headline.
    bool banner_line(std::string_view line) const
    {
        if (count_words(line) > 20) return false;
        std::vector<Word> words = split_prose_words(line, 0, line.size());
        if (has_word_starting(words, {"workshop", "seminar", "course", "training", "meeting",
                                      "conference", "roundtable", "webinar", "dialogue",
                                      "atelier", "seminaire", "formation", "taller", "seminario",
                                      "curso", "reunion", "held", "hosts", "host", "organi"}))
            return false;
        for (std::string_view trail : {" | ", " > ", " \xC2\xBB ", " / ", " \xE2\x80\xBA "})
            if (line.find(trail) != std::string_view::npos) return true;
        std::string key = folded_key(line);
        // A section's name: "News", "Actualités", "Noticias".
        if (is_one_of(key, {"news", "latest news", "news and events", "events", "updates",
                            "announcement", "announcements", "annonce", "annonces", "anuncio",
                            "anuncios", "upcoming events", "upcoming event",
                            "press releases", "press release", "home", "actualites",
                            "nouvelles", "evenements", "communiques", "noticias", "eventos",
                            "novedades", "comunicados", "inicio", "accueil"}))
            return true;
        for (std::string_view office :
             {"united nations regional centre", "united nations regional center",
              "un regional centre", "regional centre for peace", "centre regional des nations unies",
              "centro regional de las naciones unidas", "office for disarmament affairs",
              "bureau des affaires de desarmement", "oficina de asuntos de desarme"})
            if (key.starts_with(office)) return true;
        return known_organization(line, orgs_) != nullptr;
    }

    static bool press_header(std::string_view line)
    {
        if (count_words(line) > 14) return false;
        // A navigation trail or menu ("Home | PSC | Press Releases | Events",
        // "Home > News and press releases"): only its last part names the
        // page, and a section of news and releases together is no release.
        std::size_t cut = 0;
        for (std::string_view trail : {" | ", " > ", " \xE2\x80\xBA ", " \xC2\xBB "})
            if (std::size_t at = line.rfind(trail); at != std::string_view::npos)
                cut = std::max(cut, at + trail.size());
        std::string key = folded_key(line.substr(cut));
        if (cut > 0 && (key.find("news and") != std::string::npos ||
                        key.find("noticias y") != std::string::npos ||
                        key.find("actualites et") != std::string::npos))
            return false;
        for (std::string_view mark :
             {"press release", "communique de presse", "comunicado de prensa",
              "for immediate release", "pour diffusion immediate", "para difusion inmediata",
              "department of public information", "departement de l'information",
              "departamento de informacion publica", "press service", "press office",
              "press statement", "media statement", "media release", "news release",
              "service de presse", "nota de prensa", "oficina de prensa"})
            if (key.find(mark) != std::string::npos) return true;
        // A ministry's "COMMUNIQUÉ" above the text, or its trail "Inicio /
        // Noticias / Comunicados".
        std::size_t trail = line.find_last_of("/|>");
        std::string last = folded_key(line.substr(trail == std::string_view::npos ? 0 : trail + 1));
        return (trail != std::string_view::npos || count_words(key) == 1) &&
               is_one_of(last, {"communique", "communiques", "comunicado", "comunicados",
                                "press releases", "media releases"});
    }

    bool looks_like_body(std::string_view t) const
    {
        std::size_t words = count_words(t);
        if (words > 30) return true;
        // A sentence: a headline seldom ends with a full stop.
        if ((t.back() == '.' || t.back() == '!' || t.back() == '?') && words >= 4) return true;
        // A paragraph that goes on below: "... It will gather officials from
        // the following countries:" above a list.
        constexpr std::size_t kParagraphWords = 12;
        if (words >= kParagraphWords && (t.back() == ':' || t.find(". ") != std::string_view::npos))
            return true;
        return dateline_end(offset_in(text_, t)) != 0;
    }

    // A paragraph wrapped over several lines, as a page saved as text or a
    // release sent by mail is: its first line may read like a headline
    // ("More than sixty officials took part in a national workshop on"),
    // but the lines down to the next blank one hold a sentence that ends,
    // and more words than a headline has.
    bool wrapped_paragraph_at(std::size_t first) const
    {
        constexpr std::size_t kParagraphWords = 20;
        std::size_t last = first;
        while (last + 1 < lines_.count() && !blank(lines_.line(last + 1))) ++last;
        if (last == first) return false;
        std::size_t begin = lines_.start(first);
        std::string_view lastline = lines_.line(last);
        std::string_view paragraph =
            text_.substr(begin, offset_in(text_, lastline) + lastline.size() - begin);
        if (count_words(paragraph) < kParagraphWords) return false;
        for (std::size_t k = 0; k < paragraph.size(); ++k) {
            char c = paragraph[k];
            if ((c == '.' || c == '!' || c == '?') &&
                (k + 1 == paragraph.size() || is_space(paragraph[k + 1])) &&
                !(c == '.' && abbreviation_before(paragraph, k, 0)))
                return true;
        }
        return false;
    }

    // An announcement's "Title: Webinar on ...", "Evento: Taller ...": the
    // headline, when none stands above it.
    bool read_title_key(std::string_view t, std::size_t at)
    {
        std::size_t colon = t.find(':');
        if (colon == std::string_view::npos || colon > 30) return false;
        if (!is_one_of(folded_key(t.substr(0, colon)),
                       {"title", "event", "titre", "evenement", "titulo", "evento"}))
            return false;
        std::string_view value = trim_view(t.substr(colon + 1));
        if (have_title_ || value.empty()) return true;
        r_.title = tidy(value);
        title_begin_ = at + offset_in(t, value);
        title_end_ = title_begin_ + value.size();
        have_title_ = true;
        return true;
    }

    // Where a key set off by a table's column gap instead of a colon ends
    // ("When      Sunday 15 - Tuesday 17 January 2023", "Where<TAB>Muscat,
    // Oman"): only a date or place key, its value one cell (no second gap,
    // as a row of column headings "Date   Event   Venue" has); npos
    // otherwise.
    static std::size_t column_key_end(std::string_view t)
    {
        constexpr std::size_t kLongestKey = 12;
        std::size_t gap = t.find_first_of(" \t");
        while (gap != std::string_view::npos && gap <= kLongestKey &&
               !column_gap(t, gap, t.size()))
            gap = t.find_first_of(" \t", gap + 1);
        if (gap == std::string_view::npos || gap > kLongestKey) return std::string_view::npos;
        if (!is_one_of(folded_key(t.substr(0, gap)),
                       {"when", "where", "date", "dates", "venue", "location", "quand", "ou",
                        "lieu", "cuando", "donde", "fecha", "fechas", "lugar"}))
            return std::string_view::npos;
        std::string_view value = trim_view(t.substr(gap));
        std::size_t value_at = offset_in(t, value);
        for (std::size_t i = value_at; i < t.size(); ++i)
            if ((t[i] == ' ' || t[i] == '\t') && column_gap(t, i, t.size()))
                return std::string_view::npos;
        return gap;
    }

    // "No. 23-917          Date: 2023-11-23": a release's number, then, a
    // column gap away, the day it was issued in ISO form.
    bool read_dated_cell(std::string_view t)
    {
        std::size_t colon = t.rfind(':');
        if (colon == std::string_view::npos) return false;
        std::optional<Date> day = parse_iso_date(trim_view(t.substr(colon + 1)));
        if (!day) return false;
        std::size_t key_end = t.find_last_not_of(" \t", colon - 1);
        std::size_t key_begin = t.find_last_of(" \t", key_end);
        if (key_end == std::string_view::npos || key_begin == std::string_view::npos ||
            !column_gap(t, t.find_last_not_of(" \t", key_begin) + 1, t.size()))
            return false;
        std::string key = folded_key(t.substr(key_begin + 1, key_end - key_begin));
        if (!is_one_of(key, {"date", "fecha", "issued", "posted", "published"})) return false;
        if (!publication_) publication_ = *day;
        return true;
    }

    // "Start Date: Aug 2 2016", "End Date: ...", "Location: Minsk, Belarus".
    bool read_key_value(std::string_view t, std::size_t at)
    {
        std::size_t colon = t.find(':');
        // A key before a column gap reads as one before a colon, with no
        // colon to skip.
        std::size_t skip = 1;
        if (colon == std::string_view::npos || colon > 30) {
            colon = column_key_end(t);
            skip = 0;
        }
        if (colon == std::string_view::npos) return false;
        std::string key = folded_key(t.substr(0, colon));
        std::string_view value = trim_view(t.substr(colon + skip));
        std::size_t value_at = at + (value.empty() ? colon + skip : offset_in(t, value));
        // Also a page's "When:", "Event date:", "Date(s):".
        if (is_one_of(key, {"start date", "date", "dates", "date s", "fecha", "fechas",
                            "fecha s", "fecha de inicio", "date de debut", "when", "event date",
                            "event dates", "date of the event", "dates of the event", "quand",
                            "cuando", "fecha del evento"})) {
            key_start_ = {value_at, value_at + value.size()};
            r_.marks.event_found = true;
            return true;
        }
        if (key == "end date" || key == "fecha de finalizacion" || key == "fecha de termino" ||
            key == "fecha de fin" || key == "date de fin") {
            key_end_ = {value_at, value_at + value.size()};
            return true;
        }
        if (is_one_of(key, {"location", "venue", "place", "lugar", "lieu", "sede", "where", "ou",
                            "donde", "city", "ville", "ciudad"})) {
            key_location_ = {value_at, value_at + value.size()};
            return true;
        }
        // An announcement's "Format: online", "Modalidad: en línea": the
        // venue, when no place is given before it.
        if (is_one_of(key, {"format", "modality", "mode", "modalite", "modalidad", "formato"})) {
            std::vector<Word> words = split_prose_words(text_, value_at, value_at + value.size());
            if (!key_location_ && online_words(words))
                key_location_ = {value_at, value_at + value.size()};
            return true;
        }
        // "City: Minsk" then "Country: Belarus".
        if (is_one_of(key, {"country", "pays", "pais", "host country", "pays hote",
                            "pais anfitrion", "pais sede"})) {
            key_country_ = {value_at, value_at + value.size()};
            return true;
        }
        // "Participating States: A, B and C": the list of a page's block;
        // "States invited: ..." an announcement's.
        if (is_one_of(key, {"participating states", "participating countries", "participants",
                            "countries", "states", "countries represented", "etats participants",
                            "pays participants", "participants nationaux", "estados participantes",
                            "paises participantes", "participantes", "attended by",
                            "attendees", "beneficiary states", "beneficiary countries",
                            "beneficiaries", "etats beneficiaires", "pays beneficiaires",
                            "estados beneficiarios", "paises beneficiarios"})) {
            key_participants_.push_back({{at, at + t.size()}, StateRole::Participant});
            return true;
        }
        // A media advisory's "Who: officials of the following invited
        // States: A, B"; its "What:" names the event.
        if (key == "who" || key == "qui" || key == "quien" || key == "quienes") {
            StateRole role = fold(value).find("invit") != std::string::npos ? StateRole::Invited
                                                                            : StateRole::Participant;
            key_participants_.push_back({{at, at + t.size()}, role});
            return true;
        }
        if (key == "what" || key == "quoi" || key == "que") return true;
        if (is_one_of(key, {"states invited", "invited states", "countries invited",
                            "invited countries", "invitees", "etats invites", "pays invites",
                            "estados invitados", "paises invitados", "invitados", "invited",
                            "invites"}) ||
            invited_states_key(key)) {
            key_participants_.push_back({{at, at + t.size()}, StateRole::Invited});
            return true;
        }
        return is_one_of(key, {"meeting hosted by", "hosted by", "host", "organizer", "organizers",
                               "organiser", "organisers", "organized by", "organised by",
                               "organiza", "organizado por", "organizador", "organizadores",
                               "organisateur", "organisateurs", "organise par"});
    }

    // A line that is a date and nothing else, perhaps with "Posted on", a
    // weekday, a "| Category" tail or a place: the first dates the
    // document, a later one (or a range) the event, as in "27-28 September
    // 2017" or "8 – 10 May 2017, Ulaanbaatar, Mongolia".
    bool read_date_line(std::string_view t, std::size_t at)
    {
        event_line_ = false;
        // "JAKARTA, 21 August 2025 (Ministry of Foreign Affairs of the
        // Republic of Indonesia)": what the parentheses hold does not count.
        // "Posted on 31 July 2023 by «Name» | Category: ... | 6 min read":
        // a line of cells, each short.
        constexpr std::size_t kLongestDateLine = 12;
        for (std::string_view cell : split_top_level(t, "|"))
            if (count_words(without_parentheses(std::string(cell))) > kLongestDateLine)
                return false;
        // The cell of "By «Name» | 11 October 2021 | Politics" that holds
        // the date; a byline beside it says nothing of a place.
        // "Baku, Azerbaijan | 8th-11th of September 2026": a place may.
        std::string_view line = t;
        std::string_view place_cell;
        DateSearch found;
        for (std::size_t from = 0; from <= t.size();) {
            std::size_t bar = t.find('|', from);
            if (bar == std::string_view::npos) bar = t.size();
            line = trim_view(t.substr(from, bar - from));
            found = find_date_range(line);
            if (found.range || bar == t.size()) break;
            if (from == 0 && !line.empty() && !byline(line)) {
                if (!read_venue(line, countries_).venue.country && !city_country(line)) {
                    found = {};
                    break;
                }
                place_cell = line;
            }
            from = bar + 1;
        }
        if (!found.range) return false;
        std::string_view before = line.substr(0, found.range->text_begin);
        std::string_view after = line.substr(found.range->text_end);
        std::string rest =
            folded_key(without_parentheses(std::string(before) + " " + std::string(after)));
        // "Mis en ligne le 30 juin 2016", "Publicado en línea el ...":
        // put online is posted, no event held online.
        for (std::string_view posted : {"mis en ligne", "publie en ligne", "publicado en linea",
                                        "posted online", "published online"})
            if (std::size_t p = rest.find(posted); p != std::string::npos)
                rest.replace(p, posted.size(), "posted");
        std::string remaining;
        bool online_line = false;
        int time_numbers = 0;
        // "Posted on", "Actualizado el": the page's date, never the event's.
        bool publication_line = false;
        for (std::size_t p = 0; p <= rest.size();) {
            std::size_t space = rest.find(' ', p);
            if (space == std::string::npos) space = rest.size();
            std::string_view w = std::string_view(rest).substr(p, space - p);
            p = space + 1;
            if (w.empty() || is_weekday(w)) continue;
            if (publication_word(w)) {
                publication_line = publication_line || !is_one_of(w, {"on", "le", "el", "a", "date"});
                continue;
            }
            // "4 November 2021, 10:00-13:00 (Fiji time) - via Zoom": the
            // hours, and an event held online.
            if ((w.front() >= '0' && w.front() <= '9') ||
                is_one_of(w, {"h", "am", "pm", "gmt", "utc", "cet", "heure", "heures", "hora",
                              "horas"})) {
                ++time_numbers;
                continue;
            }
            if (is_one_of(w, {"via", "zoom", "webex", "teams", "online", "virtual", "en", "ligne",
                              "linea", "webinar", "videoconference"})) {
                online_line = true;
                continue;
            }
            remaining += std::string(w) + " ";
        }
        std::string_view place = trim_view(after.substr(0, after.find('(')),
                                           " \t,;-\xE2\x80\x93\xE2\x80\x94");
        // "Maputo, Mozambique — Tuesday 9 to Thursday 11 June 2026".
        if (place.empty()) {
            // "Suva (FJI), 4 September 2019": the city without its code.
            place = trim_view(before.substr(0, before.find('(')),
                              " \t,;-\xE2\x80\x93\xE2\x80\x94");
            std::size_t space = place.find_last_of(" \t");
            if (space != std::string_view::npos && is_weekday(fold(place.substr(space + 1))))
                place = trim_view(place.substr(0, space), " \t,;-\xE2\x80\x93\xE2\x80\x94");
        }
        if (place.empty()) place = place_cell;
        bool place_known = !place_cell.empty() && place == place_cell;
        if (!remaining.empty() && !place.empty() && !place_known)
            place_known = read_venue(place, countries_).venue.country || city_country(place);
        // "Posted by UNLIREC on 8 November 2023": whoever posted it.
        if (!remaining.empty() && !place_known && !publication_line) return false;
        // "14 January 2020 | Formal meeting of the Committee": a row of the
        // Committee's programme of work, no event.
        if (committee_business(split_prose_words(t, 0, t.size()))) return true;
        bool is_range = found.range->start != found.range->end;
        // "1 January to 31 December 2025": a period reported on, no event.
        if (is_range && longer_than_a_month(*found.range)) return false;
        std::size_t line_at = at + static_cast<std::size_t>(line.data() - t.data());
        std::size_t date_at = line_at + found.range->text_begin;
        std::size_t date_end = line_at + found.range->text_end;
        // A day with its hours, or held online, is the event's, not the
        // day the page was published.
        if (publication_line && publication_) return true;
        // "LIMA, 14 de junio de 2023 (Ministerio de Relaciones Exteriores)":
        // a ministry's release, dated and placed by its press office.
        if (std::size_t open = line.find('('); open != std::string_view::npos) {
            std::string inside = folded_key(line.substr(open));
            for (std::string_view office : {"ministry", "ministerio", "ministere", "press office"})
                if (inside.find(office) != std::string::npos) r_.marks.press_dateline = true;
        }
        // The hours an event runs ("10:00-13:00"), not the minute a page
        // was stamped ("December 11, 2025 - 18:40").
        bool timed = time_numbers >= 4;
        if (!publication_ && !is_range && !timed && !online_line) {
            publication_ = found.range->start;
            if (place_known) {
                std::size_t place_at = at + offset_in(t, place);
                publication_place_ = {place_at, place_at + place.size()};
            }
            return true;
        }
        if (event_dates_) return true;
        event_dates_ = *found.range;
        event_dates_at_ = {date_at, date_end};
        event_line_ = true;
        r_.marks.event_found = true;
        event_line_online_ = online_line;
        if (place_known) {
            std::size_t place_at = at + offset_in(t, place);
            event_place_ = {place_at, place_at + place.size()};
        }
        return true;
    }

    // Where a key's value ends that goes on over indented lines ("WHO:
    // Officials of the following States:", then "      A, B, C,").
    std::size_t continued_to(std::size_t end) const
    {
        while (end < text_.size() && text_[end] == '\n') {
            std::size_t next = end + 1;
            std::size_t stop = text_.find('\n', next);
            if (stop == std::string_view::npos) stop = text_.size();
            std::string_view line = text_.substr(next, stop - next);
            // An indented line, or an item of a list one a line ("- Fiji").
            bool item = line.starts_with("- ") || line.starts_with("* ") ||
                        line.starts_with("\xE2\x80\xA2");
            if (line.empty() || (line[0] != ' ' && line[0] != '\t' && !item) || blank(line)) break;
            end = stop;
        }
        return end;
    }

    // "By Jane Doe", "Par notre rédaction", "Por la redacción".
    static bool byline(std::string_view cell)
    {
        std::string key = folded_key(cell);
        if (count_words(key) > 6) return false;
        if (key.starts_with("by ") || key.starts_with("par ") || key.starts_with("por "))
            return true;
        // "Published Thursday | February 9, 2023".
        std::vector<Word> words = split_prose_words(cell, 0, cell.size());
        return !words.empty() && std::all_of(words.begin(), words.end(), [](const Word& w) {
            return publication_word(w.folded) || is_weekday(w.folded);
        });
    }

    static bool publication_word(std::string_view w)
    {
        return is_one_of(w, {"posted", "on", "published", "publie", "le", "publicado", "el",
                             "updated", "mis", "a", "jour", "date", "actualizado", "actualise",
                             "modifie", "last"});
    }

    // "Bangkok, Thailand" alone on the line under the event's dates.
    bool read_place_line(std::string_view t, std::size_t at)
    {
        if (count_words(t) > 6 || event_place_) return false;
        VenueReading v = read_venue(t, countries_);
        if (!v.venue.country) return false;
        event_place_ = {at, at + t.size()};
        return true;
    }

    // A page that is a table of meetings, one a row ("4 March 2019 | Joint
    // meeting with the African Union | Addis Ababa", "Addis Ababa<TAB>22
    // May 2019<TAB>...", or each cell on a line of its own): at least three
    // rows dated, at the start of the line or in a cell (a calendar's
    // rows may leave the year to its heading: "15-16 July | Meeting ..."),
    // three different dates months apart, and no sentence besides them
    // that dates an event (a page about one event may close with a list of
    // related events). It reports no one event.
    bool meetings_table() const
    {
        constexpr std::size_t kRows = 3;
        std::vector<Date> dates;
        std::vector<std::pair<std::size_t, std::size_t>> rows;
        for (std::size_t i = 0; i < lines_.count(); ++i) {
            std::string_view t = trim_view(lines_.line(i));
            if (t.empty() || count_words(t) > 30) continue;
            // A yearless row is dated in a year of its own, only to tell
            // its months apart.
            constexpr Date kCalendarYear{2001, 7, 1};
            DateSearch found = find_date_range(t);
            if (!found.range) found = find_date_range_near(t, kCalendarYear);
            if (!found.range) continue;
            bool cells = t.find_first_of("|\t") != std::string_view::npos;
            if (found.range->text_begin > 2 && !cells) continue;
            if (std::find(dates.begin(), dates.end(), found.range->start) == dates.end())
                dates.push_back(found.range->start);
            rows.push_back({offset_in(text_, t), offset_in(text_, t) + t.size()});
        }
        if (dates.size() < kRows) return false;
        for (const Sentence& s : sentences_) {
            bool in_row = std::any_of(rows.begin(), rows.end(), [&](const auto& row) {
                return s.begin < row.second && row.first < s.end;
            });
            if (in_row || !names_event(s)) continue;
            DateSearch found = find_date_range(sentence_text(s));
            if (found.range || found.problem.find("has no year") != std::string::npos) return false;
        }
        auto [low, high] = std::minmax_element(dates.begin(), dates.end());
        int months = (high->year - low->year) * 12 + high->month - low->month;
        return months >= 2;
    }

    // --- Datelines and sentences -------------------------------------------

    // Where the dateline that opens the paragraph at `at` ends (after its
    // dash), or 0: "NEW YORK, 17 October (Office for Disarmament Affairs)
    // —", "New York, le 4 avril 2019 (...) --", "GENEVA, 3 October 2022 —".
    std::size_t dateline_end(std::size_t at, bool* press = nullptr,
                             std::optional<Date>* date = nullptr,
                             std::pair<std::size_t, std::size_t>* place = nullptr,
                             std::optional<DateRange>* range = nullptr) const
    {
        constexpr std::size_t kLongestDateline = 200;
        std::string_view head = text_.substr(at, kLongestDateline);
        auto next_dash = [&head](std::size_t from, std::size_t* size) {
            std::size_t found = std::string_view::npos;
            // Spanish releases write ".-": "Quito, 24 de marzo de 2027.- El ...".
            // "ARUSHA, 7 December 2017: ...": a colon right after a year;
            // "San José, 22 de febrero de 2018. El Ministerio ...": a full
            // stop.
            for (std::string_view d :
                 {"\xE2\x80\x94", "\xE2\x80\x93", "--", " - ", ".-", ": ", ". "}) {
                std::size_t p = head.find(d, from);
                if ((d == ": " || d == ". ") && p != std::string_view::npos &&
                    (p < 4 || !std::all_of(head.begin() + static_cast<std::ptrdiff_t>(p - 4),
                                           head.begin() + static_cast<std::ptrdiff_t>(p),
                                           [](char c) { return c >= '0' && c <= '9'; })))
                    continue;
                if (p != std::string_view::npos && p < found) {
                    found = p;
                    *size = d.size();
                }
            }
            return found;
        };
        std::size_t dash_size = 0;
        std::size_t dash = next_dash(0, &dash_size);
        if (dash == std::string_view::npos || dash == 0) return 0;
        // "Mbabane, Eswatini, 31 May - 2 June 2010 - ...": a dash inside
        // the dates is not the dateline's.
        if (std::size_t comma = head.find(','); comma < dash) {
            std::size_t after = head.find_first_not_of(' ', dash + dash_size);
            std::size_t later_size = 0;
            std::size_t later = next_dash(dash + dash_size, &later_size);
            if (after < head.size() && head[after] >= '0' && head[after] <= '9' &&
                later != std::string_view::npos && head.substr(later, later_size) != ". " &&
                head.substr(0, later).find('\n') == std::string_view::npos) {
                DateSearch longer =
                    find_date_range_near(head.substr(comma, later - comma), publication_);
                if (longer.range && comma + longer.range->text_end > dash) {
                    dash = later;
                    dash_size = later_size;
                }
            }
        }
        std::string_view prefix = head.substr(0, dash);
        // One line, but for an office's name in parentheses wrapped onto a
        // second ("KATHMANDU, 25 June 2021 (UN Regional Centre for ... and
        // the" / "Pacific) - ...").
        if (std::size_t nl = prefix.find('\n'); nl != std::string_view::npos) {
            std::size_t open = prefix.rfind('(', nl);
            std::size_t close = prefix.find(')', nl);
            if (open == std::string_view::npos || close == std::string_view::npos ||
                prefix.find('\n', nl + 1) != std::string_view::npos ||
                prefix.find('(', nl) != std::string_view::npos)
                return 0;
        }
        // "November 22, 2023 -- The Ministry hosted ...": a dateline of its
        // date alone, no place.
        if (DateSearch alone = find_date_range_near(prefix, publication_);
            alone.range && alone.range->start == alone.range->end &&
            trim_view(prefix.substr(0, alone.range->text_begin)).empty() &&
            trim_view(prefix.substr(alone.range->text_end)).empty()) {
            if (date) *date = alone.range->start;
            if (place) *place = {at, at};
            return at + dash + dash_size;
        }
        std::size_t comma = prefix.find(',');
        if (comma == std::string_view::npos || comma == 0 || count_words(prefix.substr(0, comma)) > 5)
            return 0;
        if (!upper_code_point(decode_at(prefix, 0).value)) return 0;
        DateSearch found = find_date_range_near(prefix.substr(comma), publication_);
        // A full stop ends a dateline only right after its date: "Place,
        // «date». The ..."; a sentence's "was held on 4-5 June 2019. It"
        // is no dateline.
        if (head.substr(dash, dash_size) == ". " &&
            (!found.range || !trim_view(prefix.substr(comma + 1, found.range->text_begin - 1)).empty() ||
             !trim_view(prefix.substr(comma + found.range->text_end)).empty()))
            return 0;
        std::size_t after_date = 0;
        if (!found.range && found.problem.find("has no year") == std::string::npos) {
            // "Port of Spain, Trinidad and Tobago – 12 July 2019.": the
            // place, a dash, then the date and a full stop or a dash.
            std::string_view rest = head.substr(dash + dash_size);
            std::size_t stop = rest.find_first_of(".\n");
            if (stop == std::string_view::npos || stop > 40) return 0;
            found = find_date_range_near(rest.substr(0, stop), std::nullopt);
            if (!found.range || !trim_view(rest.substr(0, found.range->text_begin)).empty() ||
                !trim_view(rest.substr(found.range->text_end, stop - found.range->text_end))
                     .empty())
                return 0;
            after_date = dash_size + stop + 1;
        }
        if (date && found.range) *date = found.range->start;
        if (range && found.range) {
            *range = *found.range;
            // Offsets into the text, not into the dateline's tail.
            std::size_t base = at + (after_date ? dash + dash_size : comma);
            (*range)->text_begin += base;
            (*range)->text_end += base;
        }
        if (press) {
            std::string key = folded_key(prefix);
            *press = false;
            for (std::string_view office :
                 {"disarmament affairs", "public information", "affaires de desarmement",
                  "asuntos de desarme", "information publique", "informacion publica", "oda",
                  "dpi"})
                if ((" " + key + " ").find(" " + std::string(office) + " ") != std::string::npos)
                    *press = true;
            std::string city = folded_key(prefix.substr(0, comma));
            if (city == "new york" || city == "nueva york") *press = true;
        }
        if (place) {
            // The place is what stands before the date: "KATHMANDU, 1
            // December 2020 (...)" names Kathmandu; with the date after
            // the dash, the whole prefix.
            std::size_t place_end = after_date || !found.range
                                        ? (found.range ? prefix.size() : comma)
                                        : comma + found.range->text_begin;
            std::string_view named = trim_view(prefix.substr(0, place_end), " ,\t");
            *place = {at, at + named.size()};
        }
        return after_date ? at + dash + after_date : at + dash + dash_size;
    }

    // Where the prose ends when key lines close the page ("Date: 23-24
    // March 2015", "Location: Port of Spain, Trinidad and Tobago",
    // "Fecha:", "Lugar:"): those lines are read as the opening block's
    // would be, and are no sentence. The end of the text when there are none.
    std::size_t trailing_key_lines(std::size_t begin)
    {
        constexpr std::size_t kMostKeyLines = 8;
        std::size_t read = 0;
        std::size_t block = text_.size();
        bool known = false;
        for (std::size_t i = lines_.count(); i-- > 0 && read < kMostKeyLines;) {
            std::size_t start = lines_.start(i);
            if (start < begin) break;
            std::string_view t = trim_view(lines_.line(i));
            if (t.empty()) continue;
            if (count_words(t) > 16) break;
            if (read_key_value(t, offset_in(text_, t)))
                known = true;
            else if (!other_key_line(t))
                break;
            block = start;
            ++read;
        }
        return known ? block : text_.size();
    }

    // A key line of the page that says nothing infonote reads ("Partners:
    // CARICOM", "Funding: ...", "Contact: ..."), among keys that do.
    static bool other_key_line(std::string_view t)
    {
        constexpr std::size_t kMostKeyWords = 3;
        std::size_t colon = t.find(':');
        if (colon == std::string_view::npos || colon == 0 || colon > 30) return false;
        unsigned char first = static_cast<unsigned char>(t[0]);
        return (std::isupper(first) || first >= 0x80) &&
               count_words(t.substr(0, colon)) <= kMostKeyWords;
    }

    // Where a news page's links to other stories begin ("Related stories:",
    // "Read more", "À lire aussi", "Noticias relacionadas"), below which
    // headlines of other events stand; the text's end when there are none.
    std::size_t related_links(std::size_t begin) const
    {
        constexpr std::size_t kMostHeadingWords = 4;
        for (std::size_t i = 0; i < lines_.count(); ++i) {
            std::size_t start = lines_.start(i);
            if (start < begin) continue;
            std::string_view t = trim_view(lines_.line(i));
            if (t.empty() || count_words(t) > kMostHeadingWords) continue;
            if (t.back() == ':') t.remove_suffix(1);
            std::string key = folded_key(t);
            if (is_one_of(key, {"related stories", "related news", "related articles",
                                "related content", "read more", "see also", "more news",
                                "articles connexes", "a lire aussi", "lire aussi",
                                "voir aussi", "noticias relacionadas", "lea tambien",
                                "ver tambien", "te puede interesar"}))
                return start;
        }
        return text_.size();
    }

    void read_body()
    {
        std::size_t begin = body_begin_;
        // The dateline opens the first paragraph; the text after its dash
        // is the event's, the city before it is not the venue.
        while (begin < text_.size() && is_space(text_[begin])) ++begin;
        if (begin < text_.size()) {
            bool press = false;
            std::optional<Date> date;
            std::pair<std::size_t, std::size_t> place;
            std::optional<DateRange> range;
            if (std::size_t end = dateline_end(begin, &press, &date, &place, &range)) {
                if (press) r_.marks.press_dateline = true;
                if (place.second > place.first) dateline_place_ = place;
                // "Nairobi, 28 a 30 de marzo de 2023 -", "Abidjan, du 5 au
                // 7 juin 2022 -": a dateline that spans days dates the event
                // itself, where it was held.
                if (range && range->start != range->end) {
                    dateline_event_ = range;
                    r_.marks.event_found = true;
                } else if (!publication_ && date) {
                    publication_ = date;
                }
                begin = end;
            }
        }
        std::size_t end = std::min(trailing_key_lines(begin), related_links(begin));
        sentences_ = split_sentences(text_, begin, end);
        if (have_title_) {
            title_.begin = title_begin_;
            title_.end = title_end_;
            title_.words = split_prose_words(text_, title_begin_, title_end_);
            title_.paragraph = -1;
        }
    }

    std::string_view sentence_text(const Sentence& s) const
    {
        return text_.substr(s.begin, s.end - s.begin);
    }

    Evidence evidence(std::size_t begin, std::size_t end, const Sentence& s) const
    {
        return lines_.evidence(EvidenceSource::Prose, begin, end, s.begin, s.end);
    }

    Evidence line_evidence(std::size_t begin, std::size_t end) const
    {
        return lines_.line_evidence(EvidenceSource::Prose, begin, end);
    }

    // --- Dates -------------------------------------------------------------

    bool event_found() const { return event_ != nullptr || r_.start_date || !no_year_.empty(); }

    void set_dates(const DateRange& range, Evidence e)
    {
        r_.start_date = range.start;
        r_.end_date = range.end;
        r_.dates_evidence = std::move(e);
    }

    void find_event_dates()
    {
        // The sentence that dates the event, or failing that the first
        // that names one, tells its tense and where it was held.
        // Without a dateline or publication line, a yearless date takes
        // its year from the first full date the text gives elsewhere,
        // never from a sentence about another event.
        std::optional<Date> reference = publication_;
        if (!reference)
            for (const Sentence& s : sentences_) {
                if (about_other_event(text_, s)) continue;
                DateSearch found = find_date_range(sentence_text(s));
                if (found.range) {
                    reference = found.range->start;
                    break;
                }
            }
        for (const Sentence& s : sentences_) {
            if (about_other_event(text_, s) || !names_event(s) || committee_business(s.words) ||
                about_deadline(s))
                continue;
            DateSearch found = find_date_range_near(sentence_text(s), reference);
            if (found.range) {
                event_ = &s;
                event_range_ = found.range;
                break;
            }
            if (found.problem.find("has no year") != std::string::npos) {
                event_ = &s;
                no_year_ = found.problem;
                break;
            }
        }
        if (!event_ && publication_) event_on_relative_day();
        // A page's "Date:" key; without a year ("Fecha: miércoles 9 de
        // septiembre"), the publication line's.
        bool keyed = false;
        if (key_start_) {
            std::string_view value = text_.substr(key_start_->first, key_start_->second - key_start_->first);
            DateSearch start = find_date_range_near(value, reference);
            if (start.range) {
                DateRange range = *start.range;
                if (key_end_) {
                    std::string_view end_value =
                        text_.substr(key_end_->first, key_end_->second - key_end_->first);
                    DateSearch end = find_date_range_near(end_value, reference);
                    if (end.range && end.range->end >= range.start) range.end = end.range->end;
                }
                std::size_t last = key_end_ ? key_end_->second : key_start_->second;
                set_dates(range, line_evidence(key_start_->first, last));
                no_year_.clear();
                keyed = true;
            }
        }
        if (keyed) {
            // The key's dates stand.
        } else if (event_dates_) {
            set_dates(*event_dates_, line_evidence(event_dates_at_.first, event_dates_at_.second));
            no_year_.clear();
        } else if (dateline_event_) {
            set_dates(*dateline_event_,
                      line_evidence(dateline_event_->text_begin, dateline_event_->text_end));
            no_year_.clear();
        } else if (event_range_) {
            DateRange range = *event_range_;
            std::size_t base = event_->begin;
            extend_to_closing_day(range, *event_);
            // "A two-day workshop ... concluded in «City» on December 10":
            // the length counts back from the day it closed.
            bool closed_then = relative_closing_ || (closing_words(event_->words) &&
                                                     !opening_words(event_->words));
            const Sentence* lead = sentences_.empty() || &sentences_.front() == event_
                                       ? nullptr
                                       : &sentences_.front();
            extend_by_duration(range, *event_, closed_then, lead);
            set_dates(range, evidence(base + event_range_->text_begin,
                                      base + event_range_->text_end, *event_));
        } else if (have_title_ && names_event(title_) && !committee_business(title_.words)) {
            // "Regional workshop, Addis Ababa, 4-6 December 2019" above a
            // text that dates nothing: the headline dates the event.
            DateSearch found = find_date_range(sentence_text(title_));
            if (found.range)
                set_dates(*found.range, evidence(title_.begin + found.range->text_begin,
                                                 title_.begin + found.range->text_end, title_));
        }
        if (!event_ && !sentences_.empty() && r_.start_date) {
            for (const Sentence& s : sentences_)
                if (names_event(s) && !about_other_event(text_, s) && !committee_business(s.words)) {
                    event_ = &s;
                    break;
                }
        }
    }

    // "today", "hoy", "aujourd'hui", "this Tuesday", "este martes", "ce
    // mardi": the event was under way on the day the text was written.
    static bool held_on_the_day(const Sentence& s)
    {
        const std::vector<Word>& w = s.words;
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (is_one_of(w[i].folded, {"today", "hoy", "aujourd'hui"})) return true;
            if (i + 1 < w.size() && is_one_of(w[i].folded, {"this", "este", "ce"}) &&
                is_weekday(w[i + 1].folded))
                return true;
        }
        return false;
    }

    // "Berne, 30.10.2024 - Experts met yesterday in Geneva": a release
    // that dates its event by the day it was issued.
    void event_on_relative_day()
    {
        for (const Sentence& s : sentences_) {
            if (about_other_event(text_, s) || !names_event(s) || committee_business(s.words))
                continue;
            for (const Word& w : s.words) {
                int back = -1;
                if (is_one_of(w.folded, {"yesterday", "hier", "ayer"})) back = 1;
                else if (is_one_of(w.folded, {"today", "aujourd'hui", "hoy"})) back = 0;
                if (back < 0) continue;
                DateRange range;
                range.start = add_days(*publication_, -back);
                range.end = range.start;
                range.text_begin = w.begin - s.begin;
                range.text_end = w.end - s.begin;
                event_ = &s;
                event_range_ = range;
                relative_closing_ = closing_words(s.words);
                return;
            }
        }
    }

    // "Opened on Thursday 20 March ..., the workshop closed on Friday 21
    // March": a single day, then the day the event closed.
    void extend_to_closing_day(DateRange& range, const Sentence& s) const
    {
        if (range.start != range.end) return;
        std::size_t after = s.begin + range.text_end;
        std::string_view rest = text_.substr(after, s.end - after);
        DateSearch second = find_date_range_near(rest, range.start);
        if (!second.range || second.range->start < range.start) return;
        std::string key = folded_key(rest.substr(0, second.range->text_begin));
        bool closing = false;
        for (std::string_view w : {"clos", "ended", "conclu", "clotur", "clausur", "finaliz",
                                   "termin", "achev"})
            if (key.find(w) != std::string::npos) closing = true;
        if (!closing) return;
        // Within a month: a later date in the sentence may be another
        // matter altogether.
        Date limit = range.start;
        limit.month += 1;
        if (second.range->end > limit && limit.month <= 12) return;
        range.end = second.range->end;
        range.text_end = range.text_end + second.range->text_end;
    }

    // "A three-day course opened on 29 November", "Over three days from
    // 30 April", "un taller de tres días", "pendant trois jours": a single
    // day and the event's length in days give its last day.
    // The length an event is said to have: "three-day", "over three days",
    // "de tres días"; 0 when the sentence gives none.
    static int days_told(const Sentence& s)
    {
        auto number = [](std::string_view w) {
            static constexpr std::pair<std::string_view, int> kNumbers[] = {
                {"two", 2},  {"three", 3}, {"four", 4},   {"five", 5},   {"six", 6},
                {"deux", 2}, {"trois", 3}, {"quatre", 4}, {"cinq", 5},   {"dos", 2},
                {"tres", 3}, {"cuatro", 4}, {"cinco", 5}, {"seis", 6}};
            for (auto [name, n] : kNumbers)
                if (w == name) return n;
            if (w.size() == 1 && w[0] >= '2' && w[0] <= '9') return w[0] - '0';
            if (w == "10") return 10;
            return 0;
        };
        int days = 0;
        const std::vector<Word>& w = s.words;
        for (std::size_t i = 0; i < w.size() && days == 0; ++i) {
            const std::string& word = w[i].folded;
            // "three-day", "3-day".
            if (std::size_t dash = word.find('-'); dash != std::string::npos &&
                                                   word.substr(dash + 1) == "day")
                days = number(std::string_view(word).substr(0, dash));
            // "over three days", "for three days", "de tres días", "de
            // trois jours", "pendant trois jours", "durante tres días".
            else if (i > 0 && i + 1 < w.size() &&
                     is_one_of(w[i - 1].folded, {"over", "for", "during", "de", "pendant",
                                                 "durante", "sur"}) &&
                     is_one_of(w[i + 1].folded, {"days", "jours", "dias"}))
                days = number(word);
        }
        return days;
    }

    static void extend_by_duration(DateRange& range, const Sentence& s, bool closing_day = false,
                                   const Sentence* lead = nullptr)
    {
        constexpr int kLongest = 10;
        if (range.start != range.end) return;
        int days = days_told(s);
        // "Officials today concluded a two-day dialogue." then "The
        // dialogue, which opened on Wednesday, 13 November 2024, ...": the
        // length told by the lead sentence, counted from the day it opened.
        if (days == 0 && lead && opening_words(s.words)) days = days_told(*lead);
        if (days < 2 || days > kLongest) return;
        // "A three-day workshop ... closed today": the days before it.
        if (closing_day)
            range.start = add_days(range.start, 1 - days);
        else
            range.end = add_days(range.end, days - 1);
    }

    // --- States ------------------------------------------------------------

    void add_state(const NameMatch& m, StateRole role, const Sentence& s)
    {
        for (std::size_t k = 0; k < r_.states.size(); ++k) {
            ParticipantState& known = r_.states[k];
            if (known.code != m.country->alpha2) continue;
            // A State both invited and said to take part took part.
            if (role == StateRole::Participant) known.role = role;
            // Named again earlier in the sentence that first named it:
            // it stands there in the sentence's order.
            if (k >= sentence_states_ && k < state_at_.size())
                state_at_[k] = std::min(state_at_[k], m.begin);
            return;
        }
        ParticipantState state;
        state.code = m.country->alpha2;
        state.written = collapse_spaces(text_.substr(m.begin, m.end - m.begin));
        state.role = role;
        state.evidence = evidence(m.begin, m.end, s);
        state_spans_.push_back({m.country, m.begin, m.end});
        r_.states.push_back(std::move(state));
        state_at_.push_back(m.begin);
    }

    // The States added since the first `known` ones, put in the order the
    // sentence names them: "representatives of Macedonian ministries, as
    // well as delegations from Serbia" names North Macedonia first, though
    // its adjective is read after the lists.
    void in_text_order(std::size_t known)
    {
        if (r_.states.size() - known < 2 || state_at_.size() != r_.states.size()) return;
        std::vector<std::size_t> order(r_.states.size() - known);
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = known + k;
        std::stable_sort(order.begin(), order.end(),
                         [this](std::size_t a, std::size_t b) { return state_at_[a] < state_at_[b]; });
        std::vector<ParticipantState> states;
        std::vector<std::size_t> at;
        for (std::size_t k : order) {
            states.push_back(std::move(r_.states[k]));
            at.push_back(state_at_[k]);
        }
        for (std::size_t k = 0; k < order.size(); ++k) {
            r_.states[known + k] = std::move(states[k]);
            state_at_[known + k] = at[k];
        }
    }

    void read_states()
    {
        for (auto [span, role] : key_participants_) {
            Sentence s;
            s.begin = span.first;
            s.end = continued_to(span.second);
            s.paragraph = -1;
            s.words = split_prose_words(text_, s.begin, s.end);
            read_key_participants(s, role);
        }
        // Told in the past, the event is over: a sentence in the future
        // speaks of the next one ("A and B will take part in a second
        // edition planned for November").
        bool past = event_ && !future_tense(sentence_text(*event_)) && !r_.marks.upcoming;
        for (const Sentence& s : sentences_) {
            if (about_other_event(text_, s)) continue;
            if (past && &s != event_ && future_tense(sentence_text(s))) continue;
            read_sentence_states(s);
        }
        add_host_government();
    }

    // The States one sentence names as taking part or invited, in its
    // order. "funded by the following countries: ..." gives none; a
    // sentence that also says who took part keeps its lists, which stop at
    // the donors' phrase.
    void read_sentence_states(const Sentence& s)
    {
        if (about_funding(s) && !about_taking_part(s)) return;
        std::size_t known = r_.states.size();
        sentence_states_ = known;
        read_states_in(s);
        read_demonyms_in(s);
        in_text_order(known);
    }

    // Whether words a and b (a < b) stand with nothing but spaces between.
    bool spaced(const std::vector<Word>& w, std::size_t a, std::size_t b) const
    {
        return trim_view(text_.substr(w[a].end, w[b].begin - w[a].end), " \t\n").empty();
    }

    // The adjective of nationality that starts at word `i` ("togolais",
    // "South African", "sud-africain"), the longest there is.
    std::optional<NameMatch> demonym_at(const std::vector<Word>& w, std::size_t i) const
    {
        std::size_t longest = std::min(countries_.longest_demonym_words(), w.size() - i);
        for (std::size_t n = longest; n >= 1; --n) {
            std::string key = w[i].folded;
            bool joined = true;
            for (std::size_t k = i + 1; k < i + n && joined; ++k) {
                joined = spaced(w, k - 1, k);
                key += ' ';
                key += w[k].folded;
            }
            if (!joined) continue;
            if (const Country* c = countries_.demonym(key))
                return NameMatch{c, i, i + n - 1, w[i].begin, w[i + n - 1].end};
        }
        return std::nullopt;
    }

    // Words for people who take part, in the plural (a speaker, "the
    // Mexican representative", is no delegation), and a delegation.
    static bool people_word(std::string_view folded)
    {
        return is_one_of(
            folded,
            {"officials", "representatives", "delegates", "delegations", "delegation", "experts",
             "participants", "authorities", "officers", "agencies", "institutions", "ministries",
             "stakeholders", "practitioners", "trainees", "parliamentarians", "legislators",
             "inspectors", "delegues", "representants", "responsables", "fonctionnaires",
             "acteurs", "agents", "autorites", "ministeres", "services", "cadres",
             "parlementaires", "stagiaires", "officiers", "funcionarios", "funcionarias",
             "representantes", "delegados", "delegadas", "delegaciones", "delegacion",
             "expertos", "expertas", "participantes", "autoridades",
             "instituciones", "agencias", "servidores", "parlamentarios", "oficiales", "actores",
             "entidades", "ministerios",
             // "joined Indonesian counterparts", "leurs homologues
             // guinéens", "sus pares peruanos".
             "counterparts", "peers", "homologues", "pares", "homologos", "homologas",
             // "in addition to the Chilean hosts", "además de los
             // anfitriones chilenos", "aux côtés des hôtes sénégalais".
             "hosts", "hotes", "anfitriones", "anfitrionas"});
    }

    // "délégués togolais", "représentants burkinabè", "funcionarios
    // paraguayos", "some forty Thai and Vietnamese officials", "la
    // délégation togolaise": people named by the adjective of their State,
    // right beside a word for those who take part (at most two words
    // between, no punctuation). The State takes part, or is invited when
    // the sentence invites.
    void read_demonyms_in(const Sentence& s)
    {
        constexpr std::size_t kMaxGap = 2;
        if (countries_.longest_demonym_words() == 0) return;
        const std::vector<Word>& w = s.words;
        std::vector<std::pair<std::size_t, std::size_t>> absent;
        bool absent_read = false;
        for (std::size_t i = 0; i < w.size(); ++i) {
            std::vector<NameMatch> chain;
            for (std::size_t j = i; j < w.size();) {
                std::optional<NameMatch> m = demonym_at(w, j);
                if (!m) break;
                chain.push_back(*m);
                j = m->last_word + 1;
                // "Thai and Vietnamese", "ivoiriens, ghanéens et libériens".
                if (j < w.size() && demonym_at(w, j) &&
                    trim_view(text_.substr(w[j - 1].end, w[j].begin - w[j - 1].end), " \t\n") ==
                        ",")
                    continue;
                if (j + 1 < w.size() && conjunction(w[j].folded) && spaced(w, j - 1, j) &&
                    spaced(w, j, j + 1) && demonym_at(w, j + 1))
                    ++j;
                else
                    break;
            }
            if (chain.empty()) continue;
            std::size_t first = chain.front().first_word, last = chain.back().last_word;
            bool people = false;
            // English order: the adjectives, then the people.
            for (std::size_t k = last + 1; k < w.size() && k <= last + 1 + kMaxGap; ++k) {
                if (!spaced(w, k - 1, k)) break;
                if (people_word(w[k].folded)) people = true;
                if (people || w[k].capital) break;
            }
            // French and Spanish order: the people, then the adjectives;
            // not an adjective that opens a proper name ("officials of the
            // Philippine Nuclear Research Institute").
            bool opens_name =
                last + 1 < w.size() && w[last + 1].capital && spaced(w, last, last + 1);
            for (std::size_t k = first;
                 !people && !opens_name && k-- > 0 && k + 1 + kMaxGap >= first;) {
                if (!spaced(w, k, k + 1)) break;
                if (people_word(w[k].folded)) people = true;
                if (w[k].capital) break;
            }
            i = last;
            if (!people) continue;
            if (!absent_read) {
                absent = absence_clauses(text_, s);
                absent_read = true;
            }
            std::size_t head = chain.front().begin;
            if (std::any_of(absent.begin(), absent.end(),
                            [&](const auto& c) { return head >= c.first && head < c.second; }))
                continue;
            StateRole role = invitation(s, text_) ? StateRole::Invited : StateRole::Participant;
            // "Kenyan agencies will attend as host": the host, not invited.
            if (role == StateRole::Invited && as_host(s)) continue;
            for (const NameMatch& m : chain) add_state(m, role, s);
        }
    }

    // A key line of States ("Participating States: A, B and C"): the list
    // that opens its value, or follows a few words that end in "from" or
    // "of" ("officials from A, B and C"), nothing after it.
    void read_key_participants(const Sentence& s, StateRole role)
    {
        std::vector<NameMatch> names = country_names(text_, s, countries_);
        if (names.empty()) return;
        std::vector<NameList> lists = name_lists(text_, s, names);
        std::size_t colon = text_.find(':', s.begin);
        // The value may start on the next line, after a bullet.
        std::size_t value = text_.find_first_not_of(" \t\n-*", colon + 1);
        if (value != std::string_view::npos && text_.substr(value).starts_with("\xE2\x80\xA2"))
            value = text_.find_first_not_of(" \t", value + 3);
        if (lists.empty()) return;
        const NameMatch& head = names[lists.front().first];
        if (head.begin != value) {
            std::size_t first_word = 0;
            while (first_word < s.words.size() && s.words[first_word].begin < value) ++first_word;
            if (!gap_allows(text_, s.words, first_word, head.first_word, head.begin, value) ||
                head.first_word == first_word)
                return;
        }
        for (std::size_t k = lists.front().first; k <= lists.front().last; ++k)
            add_state(names[k], role, s);
    }

    // Past an aside set off by commas after a list and before its verb
    // ("Germany, as initiator of the process, was represented", "C and D,
    // which joined the Community recently, sent observers"): the offset
    // after the aside's closing comma, or `at` when there is none. An aside
    // is short and names no State.
    std::size_t skip_aside(std::size_t at, std::size_t limit,
                           const std::vector<NameMatch>& names) const
    {
        constexpr std::size_t kLongestAside = 10;  // words
        std::size_t p = at;
        while (p < limit && is_space(text_[p])) ++p;
        if (p >= limit || text_[p] != ',') return at;
        std::size_t close = text_.find(',', p + 1);
        if (close == std::string_view::npos || close >= limit) return at;
        std::string_view aside = text_.substr(p + 1, close - p - 1);
        // A date or a count between commas is no aside about the State
        // ("Muscat, Oman, on 22-24 January, hosted by ...").
        if (aside.find_first_of(";:.()0123456789") != std::string_view::npos) return at;
        std::size_t words = count_words(aside);
        if (words == 0 || words > kLongestAside) return at;
        for (const NameMatch& m : names)
            if (m.begin > p && m.begin < close) return at;
        return close + 1;
    }

    void read_states_in(const Sentence& s)
    {
        if (resource_persons(s)) return;
        // Cheap test first: most sentences name no cue.
        std::vector<std::pair<std::size_t, std::size_t>> forward;  // word after cue, cue end byte
        for (std::string_view cue : kForwardCues)
            for (std::size_t at = find_phrase(s.words, cue, 0); at != std::string_view::npos;
                 at = find_phrase(s.words, cue, at + 1)) {
                std::size_t len = count_words(cue);
                forward.push_back({at + len, s.words[at + len - 1].end});
            }
        if (says_took_part(s))
            for (std::string_view cue : kTakingPartCues)
                for (std::size_t at = find_phrase(s.words, cue, 0); at != std::string_view::npos;
                     at = find_phrase(s.words, cue, at + 1)) {
                    std::size_t len = count_words(cue);
                    forward.push_back({at + len, s.words[at + len - 1].end});
                }
        bool opened = false;
        std::vector<std::pair<std::size_t, std::size_t>> addressees;  // as `forward`
        auto add_cues = [&](const auto& cues, bool* found, auto* into) {
            for (std::string_view cue : cues)
                for (std::size_t at = find_phrase(s.words, cue, 0); at != std::string_view::npos;
                     at = find_phrase(s.words, cue, at + 1)) {
                    std::size_t len = count_words(cue);
                    into->push_back({at + len, s.words[at + len - 1].end});
                    if (found) *found = true;
                }
        };
        bool invites = invitation(s, text_);
        if (invites) add_cues(kInvitationCues, nullptr, &forward);
        add_cues(kOpenToCues, &opened, &forward);
        add_cues(kAddresseeCues, nullptr, &addressees);
        std::vector<std::size_t> backward;  // the cue's first word
        for (std::string_view cue : kBackwardCues)
            for (std::size_t at = find_phrase(s.words, cue, 0); at != std::string_view::npos;
                 at = find_phrase(s.words, cue, at + 1))
                backward.push_back(at);
        std::vector<std::pair<std::size_t, std::size_t>> absent = absence_clauses(text_, s);
        if (forward.empty() && backward.empty() && addressees.empty() &&
            !invited_absence_in(s, absent))
            return;

        std::vector<NameMatch> names = country_names(text_, s, countries_);
        if (names.empty()) return;
        std::vector<NameList> lists = name_lists(text_, s, names);
        StateRole role = invites || (opened && !says_took_part(s)) ? StateRole::Invited
                                                                   : StateRole::Participant;
        std::vector<bool> taken(lists.size(), false), addressed(lists.size(), false);
        auto take_after = [&](const auto& cues, std::vector<bool>* also) {
            for (auto [gap_first, cue_end] : cues) {
                for (std::size_t l = 0; l < lists.size(); ++l) {
                    const NameMatch& head = names[lists[l].first];
                    if (head.begin < cue_end) continue;
                    if (gap_allows(text_, s.words, gap_first, head.first_word, head.begin,
                                   cue_end)) {
                        taken[l] = true;
                        if (also) (*also)[l] = true;
                    }
                    break;
                }
            }
        };
        take_after(forward, nullptr);
        take_after(addressees, &addressed);
        for (std::size_t cue_word : backward) {
            for (std::size_t l = lists.size(); l-- > 0;) {
                const NameMatch& tail = names[lists[l].last];
                if (tail.last_word >= cue_word) continue;
                bool adjacent = true;
                std::size_t after = skip_aside(skip_qualifier(text_, tail.end, s.end),
                                               s.words[cue_word].begin, names);
                // "..., Nauru and Niue, which have been invited": a
                // relative clause after the list's last name.
                bool relative = false;
                for (std::size_t w = tail.last_word + 1; w < cue_word; ++w) {
                    if (s.words[w].begin < after) continue;
                    if (w == tail.last_word + 1 &&
                        is_one_of(s.words[w].folded, {"which", "who", "qui", "que"})) {
                        relative = true;
                        continue;
                    }
                    if (!is_one_of(s.words[w].folded,
                                   {"have", "has", "been", "were", "are", "is", "all", "also",
                                    "will", "both", "y", "han", "ont", "se"}))
                        adjacent = false;
                }
                std::string_view between =
                    text_.substr(after, s.words[cue_word].begin - std::min(after, s.words[cue_word].begin));
                std::string_view marks = between;
                if (relative && trim_view(marks, " \t\n").starts_with(","))
                    marks = trim_view(marks, " \t\n").substr(1);
                if (marks.find_first_of(",;:") != std::string_view::npos) adjacent = false;
                if (adjacent) taken[l] = true;
                break;
            }
        }
        for (std::size_t l = 0; l < lists.size(); ++l) {
            const NameMatch& head = names[lists[l].first];
            auto clause = std::find_if(absent.begin(), absent.end(), [&](const auto& c) {
                return head.begin >= c.first && head.begin < c.second;
            });
            StateRole list_role = addressed[l] ? StateRole::Invited : role;
            if (clause != absent.end()) {
                // "A and B, though invited, could not attend", "Delegations
                // from C had confirmed their attendance but were unable to
                // travel": invited, not taking part. Without such a word, a
                // State that did not come is neither.
                if (!invited_absence(s, *clause) ||
                    !(taken[l] || opens_clause(s, clause->first, head.first_word)))
                    continue;
                list_role = StateRole::Invited;
            } else if (!taken[l]) {
                continue;
            }
            for (std::size_t k = lists[l].first; k <= lists[l].last; ++k)
                add_state(names[k], list_role, s);
        }
    }

    // True when the clause [c.first, c.second) of `s` that says someone did
    // not come also says they were invited, had registered or had confirmed.
    static bool invited_absence(const Sentence& s, std::pair<std::size_t, std::size_t> c)
    {
        return std::any_of(s.words.begin(), s.words.end(), [&](const Word& w) {
            return w.begin >= c.first && w.begin < c.second && invited_word(w);
        });
    }

    static bool invited_absence_in(const Sentence& s,
                                   const std::vector<std::pair<std::size_t, std::size_t>>& absent)
    {
        return std::any_of(absent.begin(), absent.end(),
                           [&](const auto& c) { return invited_absence(s, c); });
    }

    // True when the list at word `head` is the subject of the clause that
    // starts at byte `clause_begin`: before it only an article, a
    // conjunction that opens the clause, "Note:", or the people the States
    // sent ("Officials from", "Des représentants du", "The points of
    // contact of").
    static bool opens_clause(const Sentence& s, std::size_t clause_begin, std::size_t head)
    {
        for (std::size_t k = 0; k < head; ++k) {
            const Word& w = s.words[k];
            if (w.begin < clause_begin) continue;
            if (is_one_of(w.folded, {"the", "le", "la", "les", "l", "el", "los", "las", "note",
                                     "but", "mais", "pero", "while", "whereas", "however",
                                     "des", "du", "de", "d", "del", "of", "from", "points",
                                     "contact", "government", "governments", "gouvernement",
                                     "gobierno"}) ||
                (people_word(w.folded) && !is_one_of(w.folded, {"hosts", "hotes", "anfitriones",
                                                                "anfitrionas"})))
                continue;
            return false;
        }
        return true;
    }

    // --- Venue -------------------------------------------------------------

    bool set_venue_from(std::size_t begin, std::size_t end, const Evidence& e)
    {
        std::string_view place = text_.substr(begin, end - begin);
        std::string name = tidy(place);
        // A city named alone ("Ciudad de Panamá", "Belize City") is read
        // whole, before its last word is taken for a country.
        bool alone = place.find_first_of(",(") == std::string_view::npos;
        // A part of the place that is a city the table knows and no
        // country's name is the venue, whatever stands beside it.
        auto known_city = [&](std::string_view part) {
            std::string city = tidy(part);
            auto code = city_country(city);
            if (!code || countries_.resolve(city)) return false;
            r_.venue.city = city;
            r_.venue.country = std::string(*code);
            r_.venue_evidence = e;
            return true;
        };
        // "Port Moresby (PNG)": its country in whatever form.
        if (std::size_t paren = place.find('('); paren != std::string_view::npos &&
                                                 place.find(',') == std::string_view::npos &&
                                                 known_city(place.substr(0, paren)))
            return true;
        // "Hotel Real InterContinental, San Salvador": a building, then a
        // city whose last word may read as a country.
        if (std::size_t comma = place.rfind(','); comma != std::string_view::npos &&
                                                  known_city(place.substr(comma + 1)))
            return true;
        VenueReading v;
        // "in Singapore": a country alone, as a note's venue reads it, even
        // where a city has its name.
        if (!alone || countries_.resolve(name) ||
            (!city_country(name) && !city_named_for_country(name)))
            v = read_venue(place, countries_);
        if (!v.venue.country && !v.venue.online) {
            if (auto code = city_country(name)) {
                r_.venue.city = name;
                r_.venue.country = std::string(*code);
            } else if (const Country* c = city_named_for_country(name)) {
                r_.venue.city = name;
                r_.venue.country = c->alpha2;
            } else if (std::optional<std::string> city = city_among_parts(place)) {
                // "Venue: Hotel Guaraní, Asunción": a building, then its city.
                r_.venue.city = *city;
                r_.venue.country = std::string(*city_country(*city));
            } else if (std::optional<std::string> last = city_ending(place)) {
                r_.venue.city = *last;
                r_.venue.country = std::string(*city_country(*last));
            } else {
                return false;
            }
        } else {
            r_.venue.city = v.venue.city;
            r_.venue.country = v.venue.country;
            r_.venue.online = r_.venue.online || v.venue.online;
            // "Jeju Island (Republic of Korea)", or a city the table knows
            // named with a country the gazetteer does not.
            if (!r_.venue.city && v.venue.country && !v.place.empty()) {
                std::string whole = tidy(place);
                if (countries_.resolve(whole) == nullptr) r_.venue.city = std::nullopt;
            }
        }
        r_.venue_evidence = e;
        return true;
    }

    // The last comma-separated part of `place` that is a city the table
    // knows, if any.
    static std::optional<std::string> city_among_parts(std::string_view place)
    {
        for (std::size_t end = place.size(); end != std::string_view::npos && end > 0;) {
            std::size_t comma = place.rfind(',', end - 1);
            std::size_t begin = comma == std::string_view::npos ? 0 : comma + 1;
            std::string part = tidy(place.substr(begin, end - begin));
            if (city_country(part)) return part;
            end = comma;
        }
        return std::nullopt;
    }

    // "the Lotte Hotel Seoul", "l'Hôtel de l'Amitié de Bamako", "Noom de
    // Conakry": a building whose name ends with the city it stands in (at
    // most three words, no country's name, something before it).
    std::optional<std::string> city_ending(std::string_view place) const
    {
        constexpr std::size_t kLongestCity = 3;
        std::vector<Word> w = split_prose_words(place, 0, place.size());
        for (std::size_t n = std::min(kLongestCity, w.size() > 0 ? w.size() - 1 : 0); n >= 1; --n) {
            const Word& first = w[w.size() - n];
            if (!first.capital) continue;
            std::string city = tidy(place.substr(first.begin, w.back().end - first.begin));
            if (city_country(city) && !countries_.resolve(city)) return city;
        }
        return std::nullopt;
    }

    // "Belize City", "Kuwait City", "Ciudad de Panamá": a city named after
    // its country.
    const Country* city_named_for_country(const std::string& name) const
    {
        if (name.ends_with(" City")) return countries_.resolve(name.substr(0, name.size() - 5));
        if (name.starts_with("Ciudad de ")) return countries_.resolve(name.substr(10));
        return nullptr;
    }

    // The places a sentence names after "in", "at", "à", "en", "on":
    // capitalized words, then ", Country" or " (Country)" when given.
    /// The last word of the longest country name that starts at word `k`
    /// of one line, small words inside included ("República Unida de
    /// Tanzanía", "Democratic Republic of the Congo"), if any.
    std::optional<std::size_t> country_run(const std::vector<Word>& w, std::size_t k) const
    {
        constexpr std::size_t kMaxCountryWords = 7;
        if (k >= w.size() || !w[k].capital) return std::nullopt;
        std::size_t longest = std::min(kMaxCountryWords, w.size() - k);
        for (std::size_t n = longest; n >= 1; --n) {
            std::string_view name = text_.substr(w[k].begin, w[k + n - 1].end - w[k].begin);
            if (name.find('\n') != std::string_view::npos) continue;
            if (countries_.resolve(name)) return k + n - 1;
        }
        return std::nullopt;
    }

    // The last word of a known city that follows, after a comma, the
    // capitalized words [first, last] when they name no place the tables
    // know ("Hyatt Regency, Port of Spain"); nullopt otherwise.
    std::optional<std::size_t> city_after_building(const std::vector<Word>& w, std::size_t first,
                                                   std::size_t last) const
    {
        std::string run(text_.substr(w[first].begin, w[last].end - w[first].begin));
        if (last + 1 >= w.size() || city_country(run) || countries_.resolve(run))
            return std::nullopt;
        std::string_view between = text_.substr(w[last].end, w[last + 1].begin - w[last].end);
        if (trim_view(between, " \t") != ",") return std::nullopt;
        std::optional<std::size_t> city = capital_run(text_, w, last + 1, w.size(), false);
        if (!city) return std::nullopt;
        std::string name(text_.substr(w[last + 1].begin, w[*city].end - w[last + 1].begin));
        if (!city_country(name)) return std::nullopt;
        return city;
    }

    // "its Regional Centre in Lima", "con sede en Lima", "based in
    // Vienna", "the Embassy in Nairobi": where an office stands, not the
    // event.
    static bool seat_before(const std::vector<Word>& w, std::size_t preposition)
    {
        if (preposition == 0) return false;
        const std::string& before = w[preposition - 1].folded;
        if (is_one_of(before, {"sede", "based", "headquartered", "base", "basee", "basado",
                               "basada", "embassy", "ambassade", "embajada", "mission", "mision"}))
            return true;
        if (preposition < 2) return false;
        const std::string& two = w[preposition - 2].folded;
        return (before == "regional" && is_one_of(two, {"centre", "center", "centro"})) ||
               (two == "regional" && is_one_of(before, {"centre", "center", "office"}));
    }

    std::vector<PlacePhrase> places_in(const Sentence& s) const
    {
        std::vector<PlacePhrase> out;
        const std::vector<Word>& w = s.words;
        for (std::size_t i = 0; i + 1 < w.size(); ++i) {
            if (!is_one_of(w[i].folded, {"in", "at", "a", "au", "en", "on", "dans"})) continue;
            if (seat_before(w, i)) continue;
            std::size_t j = i + 1;
            if (is_one_of(w[j].folded, {"the", "la", "le", "l", "el"}) && j + 1 < w.size() &&
                !w[j].capital)
                ++j;
            // "à l'hôtel Noom de Conakry": a building's common noun before
            // its name.
            if (j + 1 < w.size() && !w[j].capital && w[j + 1].capital &&
                is_one_of(w[j].folded, {"hotel", "hotels", "centre", "center", "centro"}))
                ++j;
            // "in the city of «City»", "en la ciudad de «City»", "dans la
            // ville de «City»".
            if (j + 2 < w.size() && !w[j].capital &&
                is_one_of(w[j].folded, {"city", "ciudad", "ville", "capital", "capitale"}) &&
                is_one_of(w[j + 1].folded, {"of", "de", "d"}))
                j += 2;
            std::optional<std::size_t> last = capital_run(text_, w, j, w.size(), false);
            if (!last) continue;
            // "at the Sheraton Hotel, Asunción, Paraguay": a building, then
            // the city it stands in.
            if (std::optional<std::size_t> city = city_after_building(w, j, *last)) {
                j = *last + 1;
                last = city;
            }
            // "in Sao Tome and Principe", "en République démocratique du
            // Congo": a country whose name holds small words.
            if (auto longer = country_run(w, j); longer && *longer > *last) last = longer;
            std::size_t end = w[*last].end;
            // ", Country" or " (Country)".
            std::size_t k = *last + 1;
            if (k < w.size()) {
                std::string_view between = text_.substr(end, w[k].begin - end);
                std::string_view t = trim_view(between, " \t");
                if (t == "," || t == "(") {
                    if (auto country_last = country_run(w, k)) {
                        std::size_t cend = w[*country_last].end;
                        std::string_view name = text_.substr(w[k].begin, cend - w[k].begin);
                        if (countries_.resolve(name)) {
                            end = cend;
                            if (t == "(" && end < s.end && text_[end] == ')') ++end;
                            *last = *country_last;
                        }
                    }
                }
            }
            out.push_back({w[j].begin, end});
            i = *last;
        }
        return out;
    }

    bool venue_from_sentence(const Sentence& s)
    {
        if (about_other_event(text_, s)) return false;
        for (const PlacePhrase& p : places_in(s))
            if (set_venue_from(p.begin, p.end, evidence(p.begin, p.end, s))) return true;
        return false;
    }

    // A later sentence that comes back to the event to say where it was
    // held: "took part in the meeting, held at the Ministry of Foreign
    // Affairs in Chisinau", "la réunion, tenue au siège de l'UNREC à
    // Lomé", "el taller, celebrado en la Cancillería en Quito". Only the
    // places after the participle count.
    bool venue_where_held(const Sentence& s)
    {
        if (about_other_event(text_, s) || about_funding(s)) return false;
        const std::vector<Word>& w = s.words;
        for (std::size_t i = 2; i + 1 < w.size(); ++i) {
            if (!is_one_of(w[i].folded, {"held", "tenu", "tenue", "celebrado", "celebrada",
                                         "realizado", "realizada"}))
                continue;
            std::string_view between = text_.substr(w[i - 1].end, w[i].begin - w[i - 1].end);
            if (trim_view(between) != "," ||
                !is_one_of(w[i - 1].folded,
                           {"meeting", "workshop", "roundtable", "seminar", "course", "training",
                            "event", "activity", "conference", "dialogue", "reunion", "atelier",
                            "seminaire", "formation", "activite", "taller", "seminario", "curso",
                            "evento", "encuentro", "actividad"}) ||
                !is_one_of(w[i - 2].folded, {"the", "this", "la", "l", "le", "cette", "cet", "el",
                                             "este", "esta"}))
                continue;
            for (const PlacePhrase& p : places_in(s))
                if (p.begin > w[i].end && set_venue_from(p.begin, p.end, evidence(p.begin, p.end, s)))
                    return true;
            // "celebrada en el Salón Dorado de la Cancillería": the
            // ministry's own building, in the city of its dateline.
            auto issued_at = dateline_place_ ? dateline_place_ : publication_place_;
            if (issued_at && at_the_ministry(s)) {
                auto [b, e] = *issued_at;
                return set_venue_from(b, e, line_evidence(b, e));
            }
            return false;
        }
        return false;
    }

    // A known city standing in the sentence without a preposition:
    // "Nairobi accueillera ...", "Lomé accueille ...".
    bool venue_from_city_name(const Sentence& s)
    {
        std::optional<std::string_view> code;
        auto span = city_run_in(s, false, [&code](std::string_view name) {
            code = city_country(name);
            return code.has_value();
        });
        if (!span) return false;
        r_.venue.city = std::string(text_.substr(span->first, span->second - span->first));
        r_.venue.country = std::string(*code);
        r_.venue_evidence = evidence(span->first, span->second, s);
        return true;
    }

    // The byte span of the first run of capitalized words in `s`, or of the
    // longest start of one ("the Kigali Convention Centre": a building
    // named after its city), that `is_city` accepts. With
    // `skip_countries`, a country's name is passed over whole.
    template <class Accept>
    std::optional<std::pair<std::size_t, std::size_t>> city_run_in(const Sentence& s,
                                                                   bool skip_countries,
                                                                   Accept is_city) const
    {
        const std::vector<Word>& w = s.words;
        for (std::size_t i = 0; i < w.size(); ++i) {
            std::optional<std::size_t> last = capital_run(text_, w, i, w.size(), false);
            if (!last) continue;
            if (skip_countries) {
                if (auto country = country_run(w, i)) {
                    i = std::max(*country, *last);
                    continue;
                }
            }
            for (std::size_t end = *last + 1; end-- > i;)
                if (is_city(text_.substr(w[i].begin, w[end].end - w[i].begin)))
                    return std::make_pair(w[i].begin, w[end].end);
            i = *last;
        }
        return std::nullopt;
    }

    void find_venue()
    {
        find_place();
        complete_city();
        city_from_capital();
        city_as_the_text_writes_it();
    }

    // "se desarrolló en la sede de la Cancillería", "opened at the Ministry
    // of Foreign Affairs": a ministry's release whose event was held in its
    // own building, no city named: the dateline's city is the ministry's.
    // Never under a UN dateline, whose city is New York's press office.
    bool at_the_ministry(const Sentence& s) const
    {
        if (r_.marks.press_dateline) return false;
        std::string issuer = folded_key(text_.substr(0, std::min(body_begin_, text_.size())));
        if (issuer.find("minist") == std::string::npos &&
            issuer.find("cancilleria") == std::string::npos)
            return false;
        const std::vector<Word>& w = s.words;
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (!is_one_of(w[i].folded, {"cancilleria", "ministry", "ministerio", "ministere"}))
                continue;
            // "en la (sede de la) Cancillería", "at the Ministry", "au
            // ministère": a preposition of place, then only articles and a
            // word for the premises.
            // A room's name may stand before it: "en el Salón Dorado de
            // la Cancillería".
            for (std::size_t k = i; k-- > 0 && i - k <= 7;) {
                if (is_one_of(w[k].folded, {"en", "at", "au"})) return true;
                if (!w[k].capital &&
                    !is_one_of(w[k].folded, {"la", "el", "the", "l", "le", "de", "del", "of",
                                             "du", "sede", "headquarters", "siege", "premises",
                                             "locaux", "salon", "sala", "salle", "room"}))
                    break;
            }
        }
        return false;
    }

    // "in the Fijian capital", "dans la capitale guinéenne", "en la capital
    // ecuatoriana": a venue named as its country's capital, the adjective
    // of nationality right before or after the word: its State.
    std::optional<NameMatch> capital_phrase(const Sentence& s) const
    {
        if (s.paragraph < 0 || about_other_event(text_, s) || about_funding(s)) return std::nullopt;
        const std::vector<Word>& w = s.words;
        for (std::size_t i = 1; i < w.size(); ++i) {
            if (!is_one_of(w[i].folded, {"capital", "capitale"})) continue;
            for (std::size_t j = i >= 3 ? i - 3 : 0; j < i; ++j)
                if (auto d = demonym_at(w, j); d && d->last_word + 1 == i && j > 0 &&
                                               is_one_of(w[j - 1].folded, {"the", "its"}))
                    return d;
            if (i + 1 < w.size() && is_one_of(w[i - 1].folded, {"la", "l"}))
                if (auto d = demonym_at(w, i + 1)) return d;
        }
        return std::nullopt;
    }

    // A city read from a dateline or headline in capitals ("CHISINAU, 14
    // March - ...", "... PEER REVIEW IN MANILA") as the text's sentences
    // write it ("ended today in Chisinau", "the Port of Manila").
    void city_as_the_text_writes_it()
    {
        if (!r_.venue.city) return;
        const std::string& city = *r_.venue.city;
        bool lower = std::any_of(city.begin(), city.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (lower) return;
        std::string key = folded_key(city);
        std::size_t n = count_words(city);
        if (n == 0) return;
        for (const Sentence& s : sentences_) {
            const std::vector<Word>& w = s.words;
            for (std::size_t i = 0; i + n <= w.size(); ++i) {
                std::string_view written = text_.substr(w[i].begin, w[i + n - 1].end - w[i].begin);
                if (!std::any_of(written.begin(), written.end(),
                                 [](char c) { return c >= 'a' && c <= 'z'; }) ||
                    folded_key(written) != key)
                    continue;
                r_.venue.city = tidy(written);
                return;
            }
        }
    }

    // A venue named only as a capital sets the country; the city comes from
    // the text where it names one of that country, else from the table of
    // capitals.
    bool venue_from_capital(const std::vector<const Sentence*>& candidates)
    {
        for (const Sentence* s : candidates) {
            if (auto m = capital_phrase(*s)) {
                r_.venue.country = m->country->alpha2;
                r_.venue_evidence = evidence(m->begin, m->end, *s);
                return true;
            }
        }
        return false;
    }

    // The table's capital for a venue known by its country alone, when a
    // sentence about the event names the venue as that country's capital
    // ("Curso nacional en Ecuador" above "en la capital ecuatoriana").
    void city_from_capital()
    {
        if (r_.venue.city || !r_.venue.country || r_.venue.online) return;
        for (const Sentence& s : sentences_) {
            if (!(s.paragraph == 0 || &s == event_ || (event_ && s.paragraph == event_->paragraph)))
                continue;
            auto m = capital_phrase(s);
            if (!m || m->country->alpha2 != *r_.venue.country) continue;
            if (auto city = countries_.capital(*r_.venue.country)) r_.venue.city = std::string(*city);
            return;
        }
    }

    // A venue known by its country alone ("in the Bangladeshi capital",
    // "hosted by the Government of Guatemala") takes its city from the
    // event's sentence ("..., Dhaka, on 18 and 19 October") or the
    // dateline ("Ciudad de Guatemala, Guatemala - Los días ..."), when that
    // city lies in the same country.
    void complete_city()
    {
        if (r_.venue.city || !r_.venue.country || r_.venue.online) return;
        auto same_country = [this](std::string_view name) {
            auto code = city_country(tidy(name));
            return code && *code == *r_.venue.country;
        };
        // A country's name ("Singapur", "Sao Tome and Principe") is no city
        // here, as a venue named by its country alone has none.
        if (event_) {
            if (auto span = city_run_in(*event_, true, same_country)) {
                r_.venue.city = tidy(text_.substr(span->first, span->second - span->first));
                return;
            }
        }
        for (const auto& place : {dateline_place_, publication_place_}) {
            if (!place) continue;
            std::string_view line = text_.substr(place->first, place->second - place->first);
            std::string_view city = trim_view(line.substr(0, line.find_first_of(",(")));
            if (same_country(city)) {
                r_.venue.city = tidy(city);
                return;
            }
        }
    }

    void find_place()
    {
        if (key_location_) {
            auto [b, e] = *key_location_;
            if (set_venue_from(b, e, line_evidence(b, e))) {
                if (!r_.venue.country && key_country_) {
                    auto [cb, ce] = *key_country_;
                    std::string_view name = text_.substr(cb, ce - cb);
                    if (const Country* c = countries_.resolve(name)) r_.venue.country = c->alpha2;
                }
                return;
            }
        }
        if (key_country_) {
            auto [b, e] = *key_country_;
            if (set_venue_from(b, e, line_evidence(b, e))) return;
        }
        if (event_place_) {
            auto [b, e] = *event_place_;
            if (set_venue_from(b, e, line_evidence(b, e))) return;
        }
        // The place of a dateline that dates the event, a press office's
        // too; so does one whose event ends on the day it was written
        // ("SUVA, 5 September - Pacific officials today concluded ...",
        // "Santo Domingo, 9 de agosto.- Concluyó este martes el taller").
        if (dateline_place_ && (dateline_event_ || (event_ && held_on_the_day(*event_)))) {
            auto [b, e] = *dateline_place_;
            if (set_venue_from(b, e, line_evidence(b, e))) return;
        }
        bool online = (event_ && online_words(event_->words)) || event_line_online_;
        if (online) r_.venue.online = true;
        std::vector<const Sentence*> candidates;
        if (event_) candidates.push_back(event_);
        for (const Sentence& s : sentences_)
            if (s.paragraph == 0 || (event_ && s.paragraph == event_->paragraph))
                candidates.push_back(&s);
        if (have_title_) candidates.push_back(&title_);
        if (!online) {
            for (const Sentence* s : candidates)
                if (venue_from_sentence(*s)) return;
            for (const Sentence& s : sentences_)
                if (venue_where_held(s)) return;
            if (venue_from_capital(candidates)) return;
            // The dateline, or the place on the release's own date line.
            auto issued_at = dateline_place_ ? dateline_place_ : publication_place_;
            if (issued_at && std::any_of(candidates.begin(), candidates.end(),
                                         [this](const Sentence* s) {
                                             return s != &title_ && at_the_ministry(*s);
                                         })) {
                auto [b, e] = *issued_at;
                if (set_venue_from(b, e, line_evidence(b, e))) return;
            }
            if (event_ && venue_from_city_name(*event_)) return;
            if (have_title_ && venue_from_city_name(title_)) return;
        } else if (event_ && venue_from_sentence(*event_)) {
            return;
        }
        if (!online && have_title_ && online_words(title_.words)) r_.venue.online = true;
        // "El seminario se realizará en línea." beside the sentence that
        // dates it: no place named, the event's paragraph says online.
        for (const Sentence* s : candidates)
            if (!r_.venue.online && s != &title_ && online_words(s->words)) r_.venue.online = true;
        if (r_.venue.online && event_)
            r_.venue_evidence = evidence(event_->begin, event_->end, *event_);
        if (!r_.venue.online) venue_from_dateline();
        if (!r_.venue.city && !r_.venue.country && !r_.venue.online)
            venue_from_government(candidates);
    }

    // "hosted by the Government of Ghana", "At the invitation of the
    // Government of Mongolia", "Le Gouvernement du Burkina Faso a
    // accueilli", "Por invitación del Gobierno de Costa Rica": when nothing
    // else names the place, the country of the one Government the event's
    // sentences name (never in a sentence about donors or another event).
    void venue_from_government(const std::vector<const Sentence*>& candidates)
    {
        for (const Sentence* s : candidates) {
            if (about_funding(*s) || about_other_event(text_, *s)) continue;
            if (std::optional<NameMatch> m = government_named(*s)) {
                r_.venue.country = m->country->alpha2;
                r_.venue_evidence = evidence(m->begin, m->end, *s);
                return;
            }
        }
    }

    // The country of the first "Government of «A»" ("Gouvernement du «A»",
    // "Gobierno de «A»") the sentence names, in the singular.
    std::optional<NameMatch> government_named(const Sentence& s) const
    {
        const std::vector<Word>& w = s.words;
        for (std::size_t i = 0; i + 1 < w.size(); ++i) {
            if (!is_one_of(w[i].folded, {"government", "gouvernement", "gobierno"})) continue;
            std::size_t j = i + 1;
            while (j < w.size() && j <= i + 3 && !w[j].capital && list_word(w[j].folded)) ++j;
            if (j >= w.size()) continue;
            if (std::optional<NameMatch> m = country_at(text_, w, j, countries_)) return m;
        }
        return std::nullopt;
    }

    // A national event ("At the invitation of the Government of Zambia, a
    // delegation of the Committee visited Lusaka"): the Government that
    // hosted or invited is the one State taking part when the text names
    // no other; among others it takes part only where they list it.
    void add_host_government()
    {
        // An announcement's invited States are named too: the host is not
        // among them unless their list says so.
        if (!r_.states.empty()) return;
        for (const Sentence& s : sentences_) {
            if (about_funding(s) || about_other_event(text_, s)) continue;
            if (!has_word_starting(s.words, {"host", "invitation", "invitacion", "accueil",
                                             "anfitri", "auspic"}))
                continue;
            if (std::optional<NameMatch> m = government_named(s)) {
                add_state(*m, StateRole::Participant, s);
                return;
            }
        }
    }

    // "Representatives of eleven institutions took part in a national
    // workshop ... in Montevideo": a national event held at home is its
    // State's, when the text names no State as taking part. Not before
    // it is held: who is invited is the invitation's to say.
    void add_national_host()
    {
        if (!r_.states.empty() || !event_ || !r_.venue.country || r_.venue.online) return;
        // Nobody has taken part in an event to come ("Call for nominations").
        if (future_tense(sentence_text(*event_)) || r_.marks.upcoming) return;
        auto national = [](const std::vector<Word>& words) {
            return has_word_starting(words, {"national", "nacional"});
        };
        if (!national(event_->words) && !(have_title_ && national(title_.words))) return;
        const Country* host = countries_.by_code(*r_.venue.country);
        if (!host) return;
        ParticipantState state;
        state.code = host->alpha2;
        state.written = host->name;
        state.role = StateRole::Participant;
        state.evidence = r_.venue_evidence ? *r_.venue_evidence : Evidence{};
        r_.states.push_back(std::move(state));
    }

    // When nothing else names the place, a regional centre's or a
    // ministry's dateline does ("Port of Spain, Trinidad and Tobago – 12
    // July 2019. ... at the Hyatt Regency hotel"); never a press office's
    // (New York, Geneva, Vienna), whose dateline is where the release was
    // issued.
    void venue_from_dateline()
    {
        // Or the place beside a page's date ("Suva (FJI), 4 September
        // 2019") when there is no dateline.
        const auto& place = dateline_place_ ? dateline_place_ : publication_place_;
        if (!place || r_.marks.press_dateline || r_.marks.press_symbol) return;
        auto [b, e] = *place;
        std::string city = folded_key(text_.substr(b, text_.find(',', b) - b));
        if (is_one_of(city, {"new york", "nueva york", "geneva", "geneve", "ginebra", "vienna",
                             "vienne", "viena", "washington", "brussels", "bruxelles"}))
            return;
        set_venue_from(b, e, line_evidence(b, e));
    }

    // --- Organizations -----------------------------------------------------

    // Known organizations the event's sentences name by acronym or full
    // name, except those that funded it and the 1540 Committee itself.
    void read_organizations()
    {
        for (const Sentence& s : sentences_) {
            if (about_other_event(text_, s)) continue;
            if (about_funding(s)) continue;
            read_organizations_in(s);
        }
    }

    void read_organizations_in(const Sentence& s)
    {
        constexpr std::size_t kMaxOrgWords = 12;
        const std::vector<Word>& w = s.words;
        // "Belize and Nicaragua, also members of SICA, did not send
        // delegations": an organization named where someone did not come.
        std::vector<std::pair<std::size_t, std::size_t>> absent = absence_clauses(text_, s);
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (!w[i].capital) continue;
            if (std::any_of(absent.begin(), absent.end(), [&](const auto& c) {
                    return w[i].begin >= c.first && w[i].begin < c.second;
                }))
                continue;
            std::optional<std::size_t> run = capital_run(text_, w, i, w.size(), true);
            std::size_t last = std::min(run.value_or(i), i + kMaxOrgWords - 1);
            bool found = false;
            for (std::size_t j = last + 1; j-- > i && !found;) {
                std::string_view span = text_.substr(w[i].begin, w[j].end - w[i].begin);
                const OrgEntry* entry = orgs_.orgs.resolve(span);
                if (!entry && j == i) {
                    if (const std::string* name = orgs_.learned.name_of(span))
                        entry = orgs_.orgs.resolve(*name);
                }
                if (!entry || entry->kind != OrgKind::International) continue;
                if (entry->name.find("1540") != std::string::npos) continue;
                // "Las sesiones ...": a word that opens a sentence is no
                // acronym ("LAS") unless written as one.
                if (j == i && entry->acronym && fold(span) == fold(*entry->acronym) &&
                    span != *entry->acronym)
                    continue;
                add_organization(*entry, span, s);
                found = true;
                i = j;
                // "(IAEA)" after the full name is the same organization.
                std::size_t after = skip_qualifier(text_, w[j].end, s.end);
                while (i + 1 < w.size() && w[i + 1].end <= after) ++i;
            }
        }
    }

    void add_organization(const OrgEntry& entry, std::string_view written, const Sentence& s)
    {
        for (const Organization& o : r_.organizations)
            if (o.name == entry.name) return;
        Organization org;
        org.acronym = entry.acronym;
        org.name = entry.name;
        org.written = collapse_spaces(written);
        org.kind = entry.kind;
        std::size_t begin = offset_in(text_, written);
        org.evidence = evidence(begin, begin + written.size(), s);
        r_.organizations.push_back(std::move(org));
    }

    // --- Diagnostics -------------------------------------------------------

    void report()
    {
        auto warn = [this](int line, std::string message) {
            r_.diagnostics.push_back({Severity::Warning, line, std::move(message)});
        };
        if (!event_found()) {
            r_.states.clear();
            r_.organizations.clear();
            r_.venue = {};
            r_.venue_evidence.reset();
            warn(0, "no note header and no event found; indexing the text only");
            return;
        }
        if (!r_.start_date) {
            if (!no_year_.empty() && event_)
                warn(lines_.line_of(event_->begin),
                     no_year_ + ", and no dateline or publication line gives one");
            else
                warn(0, "no event date found");
        }
        if (!r_.venue.city && !r_.venue.country && !r_.venue.online) warn(0, "no venue found");
    }

    std::string_view text_;
    TextLines lines_;
    const CountryGazetteer& countries_;
    const OrgContext& orgs_;
    ProseReading r_;
    // The text is a speech read at the event ("OPENING REMARKS").
    bool speech_ = false;

    std::size_t body_begin_ = 0;
    bool have_title_ = false;
    std::size_t title_begin_ = 0;
    std::size_t title_end_ = 0;
    Sentence title_;
    std::optional<Date> publication_;
    bool event_line_ = false;
    /// The line that dates the event says it is held online ("- via Zoom").
    bool event_line_online_ = false;
    std::optional<DateRange> event_dates_;
    std::pair<std::size_t, std::size_t> event_dates_at_;
    std::optional<std::pair<std::size_t, std::size_t>> event_place_;
    std::optional<std::pair<std::size_t, std::size_t>> key_start_, key_end_, key_location_;
    /// A page's "Country:" line, beside its "City:".
    std::optional<std::pair<std::size_t, std::size_t>> key_country_;
    /// The place a dateline names, before its date.
    std::optional<std::pair<std::size_t, std::size_t>> dateline_place_;
    /// The place beside the publication date ("Montevideo, 12 de abril").
    std::optional<std::pair<std::size_t, std::size_t>> publication_place_;
    /// The days a dateline spans, which are the event's.
    std::optional<DateRange> dateline_event_;
    /// The "Participating States:" lines of a key:value block.
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, StateRole>> key_participants_;
    std::vector<Sentence> sentences_;
    const Sentence* event_ = nullptr;
    std::optional<DateRange> event_range_;
    std::string no_year_;
    /// The event was dated by "today" or "yesterday" in a sentence that
    /// says it closed then.
    bool relative_closing_ = false;
    /// Where each of r_.states was read, in the same order.
    std::vector<std::size_t> state_at_;
    /// The first of r_.states read from the sentence being read.
    std::size_t sentence_states_ = 0;
    /// Where each of r_.states was first named, in reading order (r_.states
    /// is put in text order after each sentence; this is not).
    std::vector<CountryMatch> state_spans_;
};

}  // namespace

ProseReading read_prose(std::string_view text, const CountryGazetteer& countries,
                        const OrgContext& orgs)
{
    return ProseReader(text, countries, orgs).run();
}

std::vector<PassageState> read_passage_states(std::string_view passage,
                                              const CountryGazetteer& countries,
                                              const OrgContext& orgs)
{
    return ProseReader(passage, countries, orgs).passage_states();
}

}  // namespace infonote
