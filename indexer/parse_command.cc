// infonote-index parse: what the parser reads from each file.
#include <iostream>

#include "diagnostic.h"
#include "corpus_reader.h"
#include "exit_codes.h"
#include "note_indexer.h"
#include "note_json.h"
#include "run_index.h"
#include "terminal_text.h"

namespace infonote {

namespace {

// Every value from the file escaped (terminal_text.h): a note cannot drive
// the terminal it is checked on.
void print_note_text(const std::string& name, const Note& n)
{
    std::cout << escape_controls(name) << '\n'
              << "  title:     " << escape_controls(n.title) << '\n'
              << "  dates:     " << (n.start_date ? n.start_date->iso() : "?") << " .. "
              << (n.end_date ? n.end_date->iso() : "?") << '\n'
              << "  venue:     " << escape_controls(n.venue.city.value_or("?")) << ", "
              << escape_controls(n.venue.country.value_or(n.venue.online ? "online" : "?")) << '\n'
              << "  states:    ";
    for (const ParticipantState& s : n.states) std::cout << escape_controls(s.code) << ' ';
    std::cout << "(" << n.states.size() << ")\n  orgs:      ";
    for (const Organization& o : n.organizations)
        std::cout << escape_controls(o.acronym.value_or(o.name)) << "; ";
    std::cout << "\n  sections:  " << n.sections.size() << '\n';
}

}  // namespace

int run_parse(const ParseOptions& options)
{
    try {
        Json all = Json::array();
        bool any_skipped = false;
        for (const std::filesystem::path& path : options.files) {
            // Shown, and stored in the JSON, as text: a name that is not
            // UTF-8 is shown escaped.
            std::string name = escaped_file_name(path.generic_string());
            std::optional<ParseResult> parsed = read_and_parse(path, name);
            if (!parsed) {
                any_skipped = true;
                continue;
            }
            parsed->note.id = note_id(name);
            if (options.format == OutputFormat::JSON)
                all.push_back(note_full_json(parsed->note, default_gazetteer()));
            else
                print_note_text(name, parsed->note);
        }
        if (options.format == OutputFormat::JSON) std::cout << all.dump(2) << '\n';
        return any_skipped ? kExitSomeRejected : kExitOk;
    } catch (const std::exception& e) {
        std::cerr << program_error("infonote-index", e.what()) << '\n';
        return kExitFailure;
    }
}

}  // namespace infonote
