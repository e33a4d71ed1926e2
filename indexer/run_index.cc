#include "run_index.h"

#include <iostream>

#include <spdlog/spdlog.h>

#include "corpus_reader.h"
#include "document_builder.h"
#include "exit_codes.h"
#include "index_writer.h"
#include "note_json.h"
#include "note_parser.h"
#include "note_reader.h"

namespace infonote {

namespace {

void print_diagnostics(const std::string& source, const Diagnostics& diagnostics)
{
    for (const Diagnostic& d : diagnostics) std::cerr << format_diagnostic(source, d) << '\n';
}

bool has_error(const Diagnostics& diagnostics)
{
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error) return true;
    return false;
}

std::string plural(std::size_t n, const char* word)
{
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Reads and parses one file; nullopt (with its diagnostics printed) when it
// cannot be read as a note.
std::optional<ParseResult> parse_file(const std::filesystem::path& path, const std::string& name)
{
    FileText file = read_note_file(path);
    print_diagnostics(name, file.diagnostics);
    if (!file.text || has_error(file.diagnostics)) return std::nullopt;
    ParseResult parsed = parse_note(*file.text, name, default_gazetteer());
    print_diagnostics(name, parsed.diagnostics);
    parsed.diagnostics.insert(parsed.diagnostics.begin(), file.diagnostics.begin(),
                              file.diagnostics.end());
    return parsed;
}

}  // namespace

int run_build(const BuildOptions& options)
{
    try {
        const CountryGazetteer& countries = default_gazetteer();
        CorpusListing listing = list_corpus(options.corpus);
        for (const SkippedEntry& s : listing.skipped)
            std::cerr << (options.corpus / s.relative).generic_string() << ": error: " << s.reason
                      << '\n';

        IndexWriter writer(options.db);
        DocumentBuilder builder(countries);
        std::size_t indexed = 0, warned = 0, skipped = listing.skipped.size();
        for (const CorpusFile& file : listing.files) {
            std::string name = (options.corpus / file.relative).generic_string();
            std::optional<ParseResult> parsed = parse_file(file.path, name);
            if (!parsed) {
                ++skipped;
                continue;
            }
            // The id and path come from the place in the corpus, not from
            // the name shown in diagnostics.
            parsed->note.id = note_id(file.relative);
            parsed->note.source = file.relative;
            writer.put(id_term(parsed->note.id), builder.build(parsed->note));
            ++indexed;
            if (!parsed->diagnostics.empty()) ++warned;
        }
        Xapian::doccount removed = writer.commit();
        std::cout << "indexed " << plural(indexed, "note") << " (" << warned
                  << " with warnings), skipped " << plural(skipped, "file") << ", removed "
                  << plural(removed, "old note") << " from " << options.db.string() << '\n';
        return skipped > 0 ? kExitSomeRejected : kExitOk;
    } catch (const std::exception& e) {
        // Corpus and database failures, and a missing iso-codes file: one
        // line, and the database as it was.
        std::cerr << "infonote-index: error: " << e.what() << '\n';
        return kExitFailure;
    }
}

int run_parse(const ParseOptions& options)
{
    try {
        const CountryGazetteer& countries = default_gazetteer();
        Json all = Json::array();
        bool any_skipped = false;
        for (const std::filesystem::path& path : options.files) {
            std::string name = path.generic_string();
            std::optional<ParseResult> parsed = parse_file(path, name);
            if (!parsed) {
                any_skipped = true;
                continue;
            }
            parsed->note.id = note_id(name);
            if (options.format == OutputFormat::Json) {
                all.push_back(note_full_json(parsed->note, countries));
                continue;
            }
            const Note& n = parsed->note;
            std::cout << name << '\n'
                      << "  title:     " << n.title << '\n'
                      << "  dates:     " << (n.start_date ? n.start_date->iso() : "?") << " .. "
                      << (n.end_date ? n.end_date->iso() : "?") << '\n'
                      << "  venue:     " << n.venue.city.value_or("?") << ", "
                      << n.venue.country.value_or(n.venue.online ? "online" : "?") << '\n'
                      << "  states:    ";
            for (const ParticipantState& s : n.states) std::cout << s.code << ' ';
            std::cout << "(" << n.states.size() << ")\n  orgs:      ";
            for (const Organization& o : n.organizations)
                std::cout << o.acronym.value_or(o.name) << "; ";
            std::cout << "\n  sections:  " << n.sections.size() << '\n';
        }
        if (options.format == OutputFormat::Json) std::cout << all.dump(2) << '\n';
        return any_skipped ? kExitSomeRejected : kExitOk;
    } catch (const std::exception& e) {
        std::cerr << "infonote-index: error: " << e.what() << '\n';
        return kExitFailure;
    }
}

}  // namespace infonote
