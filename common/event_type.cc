#include "event_type.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <string>
#include <unordered_map>

#include "text_normalizer.h"
#include "text_spans.h"

namespace infonote {

namespace {

struct TypeWords {
    std::string_view type;
    /// How titles write it: "|"-separated phrases, as written in English,
    /// French and Spanish, singular and plural. They are folded on loading,
    /// and hyphens count as spaces ("round-table" is "round table").
    std::string_view phrases;
};

// In alphabetical order of type, the order event_types() lists them.
constexpr std::array<TypeWords, 17> kTypeWords{{
    {"briefing",
     "briefing|briefings|séance d'information|séances d'information|session d'information|"
     "sessions d'information|réunion d'information|réunions d'information|sesión informativa|"
     "sesiones informativas"},
    {"conference", "conference|conferences|conférence|conférences|conferencia|conferencias"},
    {"consultation", "consultation|consultations|consulta|consultas"},
    {"course", "course|courses|cours|curso|cursos"},
    {"dialogue", "dialogue|dialogues|dialog|dialogs|diálogo|diálogos"},
    {"exercise", "exercise|exercises|exercice|exercices|ejercicio|ejercicios"},
    {"forum", "forum|forums|fora|foro|foros"},
    {"meeting", "meeting|meetings|réunion|réunions|reunión|reuniones"},
    {"peer review",
     "peer review|peer reviews|examen par les pairs|examens par les pairs|examen collégial|"
     "examens collégiaux|revisión entre pares|revisiones entre pares|examen entre pares|"
     "exámenes entre pares|examen por pares"},
    {"roundtable",
     "roundtable|roundtables|round table|round tables|table ronde|tables rondes|mesa redonda|"
     "mesas redondas"},
    {"seminar", "seminar|seminars|séminaire|séminaires|seminario|seminarios"},
    {"side event",
     "side event|side events|événement parallèle|événements parallèles|manifestation parallèle|"
     "manifestations parallèles|evento paralelo|eventos paralelos|actividad paralela|"
     "actividades paralelas"},
    {"symposium", "symposium|symposiums|symposia|simposio|simposios"},
    {"training",
     "training|trainings|formation|formations|formación|capacitación|capacitaciones|"
     "entrenamiento"},
    {"visit", "visit|visits|visite|visites|visita|visitas"},
    {"webinar",
     "webinar|webinars|webinaire|webinaires|séminaire en ligne|séminaires en ligne|webinario|"
     "webinarios|seminario web|seminarios web"},
    {"workshop", "workshop|workshops|atelier|ateliers|taller|talleres"},
}};

// Types that, closing a compound, only say that people met or practised;
// a more telling type word just before them names the event.
constexpr std::array<std::string_view, 2> kGenericHeads{"exercise", "meeting"};

bool is_generic_head(std::string_view type)
{
    return std::find(kGenericHeads.begin(), kGenericHeads.end(), type) != kGenericHeads.end();
}

// Folded phrases to an index in kTypeWords, and the most words a phrase has.
struct PhraseTable {
    std::unordered_map<std::string, std::size_t> by_phrase;
    std::size_t longest = 1;
};

const PhraseTable& phrase_table()
{
    static const PhraseTable table = [] {
        PhraseTable t;
        for (std::size_t i = 0; i < kTypeWords.size(); ++i) {
            for (std::string_view phrase : split_top_level(kTypeWords[i].phrases, "|")) {
                std::string key = folded_key(phrase);
                auto spaces = static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
                t.longest = std::max(t.longest, spaces + 1);
                [[maybe_unused]] auto [it, inserted] = t.by_phrase.emplace(key, i);
                // Two types sharing a phrase would make one of them unreachable.
                assert(inserted || it->second == i);
            }
        }
        return t;
    }();
    return table;
}

// A type phrase found in a title, as word indices [begin, end).
struct PhraseMatch {
    std::size_t type = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The longest phrase starting at word `at`, if any.
std::optional<PhraseMatch> phrase_at(const std::vector<Word>& words, std::size_t at)
{
    const PhraseTable& table = phrase_table();
    std::size_t most = std::min(table.longest, words.size() - at);
    for (std::size_t n = most; n >= 1; --n) {
        std::string key;
        for (std::size_t i = at; i < at + n; ++i) {
            if (i > at) key += ' ';
            key += words[i].folded;
        }
        auto it = table.by_phrase.find(key);
        if (it != table.by_phrase.end()) return PhraseMatch{it->second, at, at + n};
    }
    return std::nullopt;
}

// True when only spaces and hyphens stand between two words, as between
// the words of "Training Course" or "Peer-Review Meeting".
bool side_by_side(std::string_view title, const Word& left, const Word& right)
{
    std::string_view gap = title.substr(left.end, right.begin - left.end);
    return trim_view(gap, " \t\r\n-").empty();
}

}  // namespace

std::optional<std::string_view> event_type(std::string_view title)
{
    std::vector<Word> words = split_words(title);
    // The first run of type phrases written side by side.
    std::vector<PhraseMatch> run;
    for (std::size_t at = 0; at < words.size();) {
        std::optional<PhraseMatch> match = phrase_at(words, at);
        if (!match) {
            if (!run.empty()) break;
            ++at;
            continue;
        }
        if (!run.empty() && !side_by_side(title, words[run.back().end - 1], words[match->begin]))
            break;
        run.push_back(*match);
        at = match->end;
    }
    if (run.empty()) return std::nullopt;
    std::size_t head = run.back().type;
    if (is_generic_head(kTypeWords[head].type) && run.size() > 1) head = run[run.size() - 2].type;
    return kTypeWords[head].type;
}

const std::vector<std::string_view>& event_types()
{
    static const std::vector<std::string_view> types = [] {
        std::vector<std::string_view> out;
        for (const TypeWords& t : kTypeWords) out.push_back(t.type);
        return out;
    }();
    return types;
}

std::optional<std::string_view> resolve_event_type(std::string_view typed)
{
    const PhraseTable& table = phrase_table();
    auto it = table.by_phrase.find(folded_key(typed));
    if (it == table.by_phrase.end()) return std::nullopt;
    return kTypeWords[it->second].type;
}

}  // namespace infonote
