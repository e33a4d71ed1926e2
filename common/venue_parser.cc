#include "venue_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <vector>

#include "city_names.h"
#include "text_normalizer.h"
#include "text_spans.h"

namespace infonote {

namespace {

// Words, in lower case, that say a meeting was held (wholly or partly)
// online, in English, French and Spanish.
constexpr std::string_view kOnlineWords[] = {
    "virtual", "online", "on-line", "videoconference", "video conference", "video-conference",
    "webinar", "remote", "hybrid", "teleconference", "zoom",
    // French
    "en ligne", "virtuel", "visioconf", "hybride",
    // Spanish ("virtual" as in English)
    "en l\xC3\xADnea", "en linea", "videoconferencia", "h\xC3\xAD" "brid", "hibrid"};

// Phrases that join a physical place to its online part: "Vienna, Austria
// and online", "Geneva with virtual participation".
constexpr std::string_view kOnlineJoiners[] = {" and ", " with ", " or ", " & ",  " + ",
                                               " et ",  " avec ", " y ",  " con "};

struct PlaceCountry {
    std::string city;  // may be empty
    const Country* country = nullptr;
};

// Where the first online word starts in `text`; npos when there is none.
// The words are ASCII, so lower-casing ASCII letters alone keeps offsets.
std::size_t online_word_at(std::string_view text)
{
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    std::size_t first = std::string::npos;
    for (std::string_view word : kOnlineWords) first = std::min(first, lower.find(word));
    return first;
}

// The text without parenthesized remarks about online attendance.
std::string drop_online_remarks(std::string_view text, bool& online)
{
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t open = text.find('(', at);
        std::size_t close = open == std::string_view::npos ? open : text.find(')', open);
        if (close == std::string_view::npos) break;
        std::string_view inside = text.substr(open, close + 1 - open);
        out += text.substr(at, open - at);
        if (online_word_at(inside) != std::string::npos)
            online = true;
        else
            out += inside;
        at = close + 1;
    }
    if (at < text.size()) out += text.substr(at);
    return out;
}

// The physical part of one comma-separated piece: all of it, the part
// before "and online", or nothing for "Virtual meeting".
std::string_view physical_part(std::string_view piece, bool& online)
{
    std::size_t word = online_word_at(piece);
    if (word == std::string::npos) return piece;
    online = true;
    std::size_t cut = std::string_view::npos;
    for (std::string_view joiner : kOnlineJoiners) {
        std::size_t at = piece.rfind(joiner, word);
        if (at != std::string_view::npos && (cut == std::string_view::npos || at > cut)) cut = at;
    }
    return cut == std::string_view::npos ? std::string_view{} : trim_view(piece.substr(0, cut));
}

// The place with every online mention removed, pieces rejoined by ", ".
std::string physical_place(std::string_view text, bool& online)
{
    std::string kept = drop_online_remarks(text, online);
    std::string place;
    for (std::string_view piece : split_top_level(kept, ",;/")) {
        std::string part = tidy(physical_part(piece, online));
        if (part.empty()) continue;
        if (!place.empty()) place += ", ";
        place += part;
    }
    return place;
}

// "Astana (Kazakhstan)" or "Kazakhstan (Astana)".
std::optional<PlaceCountry> parenthesized_country(std::string_view part,
                                                  const CountryGazetteer& countries)
{
    std::size_t open = part.rfind('(');
    if (open == std::string_view::npos || part.back() != ')') return std::nullopt;
    std::string inner = tidy(part.substr(open + 1, part.size() - open - 2));
    std::string outer = tidy(part.substr(0, open));
    if (const Country* c = countries.resolve(inner)) return PlaceCountry{outer, c};
    if (const Country* c = countries.resolve(outer)) return PlaceCountry{inner, c};
    return std::nullopt;
}

// "Port of Spain Trinidad and Tobago": a country name ending the part,
// for venues whose comma PDF conversion lost.
std::optional<PlaceCountry> trailing_country(std::string_view part,
                                             const CountryGazetteer& countries)
{
    CountryMatch m = countries.trailing_name(part);
    if (!m.country || m.begin == 0) return std::nullopt;
    return PlaceCountry{tidy(part.substr(0, m.begin)), m.country};
}

// The first of several comma-separated parts when it is a city with its
// country in parentheses ("Asunción (Paraguay), Hotel Sheraton"): the
// parts after it name the building.
std::optional<PlaceCountry> leading_city_and_country(const std::vector<std::string_view>& parts,
                                                     const CountryGazetteer& countries)
{
    if (parts.size() < 2) return std::nullopt;
    return parenthesized_country(trim_view(parts.front()), countries);
}

// The last comma-separated part that the city table knows, with its
// country: "Labadi Beach Hotel, Accra" was in Accra, Ghana.
std::optional<std::size_t> known_city_part(const std::vector<std::string_view>& parts)
{
    for (std::size_t i = parts.size(); i-- > 0;)
        if (city_country(tidy(parts[i]))) return i;
    return std::nullopt;
}

// Words that end the name of a building or a site rather than a city.
constexpr std::string_view kBuildingEndings[] = {
    "centre",  "center", "hotel",   "hall",     "palace", "building", "resort",
    "complex", "campus", "academy", "auditorium", "headquarters", "house", "club"};

// The last word of `part`, lower-cased: the run of letters and digits
// (and of bytes of characters beyond ASCII, never split) that ends it,
// punctuation after it left out. Folded when it holds such characters.
std::string last_word(std::string_view part)
{
    auto in_word = [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
    };
    std::size_t end = part.size();
    while (end > 0 && !in_word(part[end - 1])) --end;
    std::size_t begin = end;
    bool ascii = true;
    while (begin > 0 && in_word(part[begin - 1])) {
        --begin;
        ascii = ascii && static_cast<unsigned char>(part[begin]) < 0x80;
    }
    std::string word(part.substr(begin, end - begin));
    if (!ascii) return fold(word);
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return word;
}

// A city named as a building ("Dead Sea Convention Centre") is no city;
// one that opens with a city the table knows ("Kigali Convention Centre")
// was in that city. Most parts name no building: only their last word is
// looked at before splitting them into words.
std::optional<std::string> city_of_part(const std::string& part)
{
    bool building = std::find(std::begin(kBuildingEndings), std::end(kBuildingEndings),
                              last_word(part)) != std::end(kBuildingEndings);
    if (!building) return part;
    std::vector<Word> words = split_words(part);
    if (words.size() <= 1) return part;
    for (std::size_t end = words.size() - 1; end-- > 0;) {
        std::string start = part.substr(0, words[end].end);
        if (city_country(start)) return start;
    }
    return std::nullopt;
}

// Where the first dash between spaces (" - ", " – ", " — ") stands in
// `text`; npos when none does.
std::size_t dash_at(std::string_view text)
{
    std::size_t first = std::string_view::npos;
    for (std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "})
        first = std::min(first, text.find(dash));
    return first;
}

std::string_view drop_leading_preposition(std::string_view text)
{
    for (std::string_view word : {"held in ", "in ", "at "})
        if (starts_with_ci(text, 0, word) && text.size() > word.size())
            return text.substr(word.size());
    return text;
}

}  // namespace

VenueReading read_venue(std::string_view text, const CountryGazetteer& countries)
{
    VenueReading reading;
    std::string tidied = tidy(text);
    // "(Bangkok)": the place in parentheses, a city the table knows.
    bool parenthesized = tidied.size() > 2 && tidied.front() == '(' && tidied.back() == ')' &&
                         tidied.find_first_of("()", 1) == tidied.size() - 1;
    if (parenthesized) {
        tidied = tidy(tidied.substr(1, tidied.size() - 2));
        if (auto code = city_country(tidied); code && !countries.resolve(tidied)) {
            reading.place = tidied;
            reading.venue.city = tidied;
            reading.venue.country = std::string(*code);
            return reading;
        }
    }
    reading.place = physical_place(drop_leading_preposition(tidied), reading.venue.online);
    if (reading.place.empty()) return reading;

    std::vector<std::string_view> parts = split_top_level(reading.place, ",");
    std::string_view last = trim_view(parts.back());
    // "Nouakchott, Mauritanie - hôtel Azalaï", "Accra, Ghana – Kempinski
    // Hotel": the building after a dash that follows the country.
    if (std::size_t dash = dash_at(last); dash != std::string_view::npos &&
                                          parts.size() > 1 && countries.resolve(last.substr(0, dash)))
        last = trim_view(last.substr(0, dash));
    std::optional<std::string> city;
    if (const Country* c = countries.resolve(last)) {
        reading.venue.country = c->alpha2;
        parts.pop_back();
    } else if (auto found = parenthesized_country(last, countries)) {
        reading.venue.country = found->country->alpha2;
        parts.pop_back();
        if (!found->city.empty()) city = found->city;
    } else if (auto trailing = trailing_country(last, countries)) {
        reading.venue.country = trailing->country->alpha2;
        parts.pop_back();
        if (!trailing->city.empty()) city = trailing->city;
    } else if (auto first = leading_city_and_country(parts, countries)) {
        // "Cotonou (Bénin), Palais des Congrès": the city and its country
        // first, the building after them.
        reading.venue.country = first->country->alpha2;
        parts.clear();
        if (!first->city.empty()) city = first->city;
    } else if (std::optional<std::size_t> known = known_city_part(parts)) {
        city = tidy(parts[*known]);
        reading.venue.country = std::string(*city_country(*city));
        parts.clear();
    } else {
        reading.country_unknown = true;
    }
    // The city is the part just before the country: "Palais des Nations,
    // Geneva, Switzerland" was in Geneva.
    if (!city && !parts.empty()) {
        std::string part = tidy(parts.back());
        if (!part.empty()) city = city_of_part(part);
    }
    reading.venue.city = city;
    return reading;
}

std::string city_in_usual_case(std::string city)
{
    // Capitals: no lower-case ASCII letter, and at least four letters (a
    // letter beyond ASCII counted by its lead byte).
    std::size_t letters = 0;
    for (char c : city) {
        if (c >= 'a' && c <= 'z') return city;
        if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0xC0) ++letters;
    }
    if (letters < 4) return city;
    bool word_start = true;
    for (std::size_t i = 0; i < city.size(); ++i) {
        auto c = static_cast<unsigned char>(city[i]);
        if (c >= 'A' && c <= 'Z') {
            if (!word_start) city[i] = static_cast<char>(c - 'A' + 'a');
            word_start = false;
        } else if (c >= 0xC0) {
            // A Latin-1 capital in UTF-8 (C3 80 to C3 9E, not the sign C3
            // 97) inside a word: "LOMÉ".
            if (!word_start && c == 0xC3 && i + 1 < city.size()) {
                auto next = static_cast<unsigned char>(city[i + 1]);
                if (next >= 0x80 && next <= 0x9E && next != 0x97)
                    city[i + 1] = static_cast<char>(next + 0x20);
            }
            word_start = false;
        } else if (c < 0x80 && c != '\'') {
            word_start = true;  // a space, hyphen, parenthesis; "NUKU'ALOFA"
        }
    }
    // Connectors inside the name: "Port of Spain", "Ciudad de Panamá".
    for (std::string_view small : {" Of ", " De ", " Du ", " Del ", " La ", " El ", " Am ", " And ",
                                   " Des ", " Los ", " Las ", " Es "})
        for (std::size_t at = city.find(small); at != std::string::npos;
             at = city.find(small, at + 1))
            city[at + 1] = static_cast<char>(city[at + 1] - 'A' + 'a');
    return city;
}

}  // namespace infonote
