// libFuzzer target: the note parser on arbitrary bytes.
//
// Besides "no crash, no leak, no sanitizer report", it checks what every
// caller relies on: dates in a Note are real days in order, every
// participating State is a known country, and a note read from valid UTF-8
// turns into JSON that can be printed (nlohmann::json throws on invalid
// UTF-8, which would abort `infonote-index parse` and the indexer).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "country_gazetteer.h"
#include "fuzz_check.h"
#include "note_json.h"
#include "note_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Loaded once: the gazetteer is read-only after construction.
    static const infonote::CountryGazetteer& countries = infonote::default_gazetteer();
    std::string_view text(reinterpret_cast<const char*>(data), size);

    infonote::ParseResult result = infonote::parse_note(text, "fuzz.txt", countries);
    const infonote::Note& note = result.note;

    INFONOTE_FUZZ_CHECK(note.start_date.has_value() == note.end_date.has_value());
    if (note.start_date) {
        INFONOTE_FUZZ_CHECK(note.start_date->valid());
        INFONOTE_FUZZ_CHECK(note.end_date->valid());
        INFONOTE_FUZZ_CHECK(*note.start_date <= *note.end_date);
    }
    // Evidence points at a line of the text; a document without a note
    // header (the prose reader's) says every fact came from the prose.
    const int lines = 1 + static_cast<int>(std::count(note.text.begin(), note.text.end(), '\n'));
    const bool prose = note.kind != infonote::DocumentKind::InformationNote;
    if (note.start_date) INFONOTE_FUZZ_CHECK(note.dates_evidence.has_value());
    for (const infonote::ParticipantState& state : note.states) {
        INFONOTE_FUZZ_CHECK(countries.by_code(state.code) != nullptr);
        INFONOTE_FUZZ_CHECK(state.evidence.line >= 1 && state.evidence.line <= lines);
        if (prose) INFONOTE_FUZZ_CHECK(state.evidence.source == infonote::EvidenceSource::Prose);
        // A note may hold invited States too (a group "Invited, not
        // represented:", or a note told in prose that says who was invited
        // and did not come), so the role says nothing of the kind.
    }
    if (note.venue.country) INFONOTE_FUZZ_CHECK(countries.by_code(*note.venue.country) != nullptr);

    if (infonote::fuzz::valid_utf8(text)) {
        // Throws nlohmann::json::type_error on a string cut inside a UTF-8
        // sequence; libFuzzer reports the uncaught exception as a crash.
        std::string json = infonote::note_full_json(note, countries).dump();
        INFONOTE_FUZZ_CHECK(!json.empty());
    }
    return 0;
}
