// infonote-index status and rollback.
#include <iostream>

#include <xapian.h>

#include "diagnostic.h"
#include "exit_codes.h"
#include "index_layout.h"
#include "index_writer.h"
#include "note_json.h"
#include "run_index.h"
#include "schema.h"
#include "terminal_text.h"
#include "text_normalizer.h"
#include "writer_lock.h"

namespace infonote {

namespace {

Json build_json(const IndexLayout& layout, const std::string& build)
{
    Json out = {{"name", build}};
    try {
        Xapian::Database db(layout.path_of(build).string());
        auto meta = [&db](std::string_view key) {
            std::string value = db.get_metadata(std::string(key));
            return value.empty() ? Json(nullptr) : Json(value);
        };
        out["notes"] = db.get_doccount();
        out["shards"] = shards_of(layout.path_of(build)).size();
        out["built"] = meta(kBuildTimeKey);
        out["updated"] = meta(kUpdateTimeKey);
        out["corpus"] = meta(kCorpusKey);
        out["schema"] = meta(kSchemaVersionKey);
        out["text_pipeline"] = meta(kTextPipelineKey);
    } catch (const Xapian::Error& e) {
        out["error"] = e.get_msg();
    }
    return out;
}

// A value as status shows it, escaped for the terminal (terminal_text.h).
std::string text_of(const Json& value)
{
    return escape_controls(value.is_string() ? value.get<std::string>()
                           : value.is_null() ? "?"
                                             : value.dump());
}

void print_status_text(const Json& status)
{
    const Json& live = status["live"];
    std::cout << "database:        " << text_of(status["database"]) << '\n'
              << "live build:      " << text_of(live["name"]) << '\n'
              << "  notes:         " << text_of(live["notes"]) << '\n'
              << "  shards:        " << text_of(live["shards"]) << '\n'
              << "  built:         " << text_of(live["built"]) << '\n'
              << "  updated:       " << text_of(live["updated"]) << '\n'
              << "  corpus:        " << text_of(live["corpus"]) << '\n'
              << "  schema:        " << text_of(live["schema"]) << " (this program reads "
              << kSchemaVersion << ")\n"
              << "  text pipeline: " << text_of(live["text_pipeline"]) << " (this program writes "
              << kTextPipelineVersion << ")\n";
    const Json& previous = status["previous"];
    if (previous.is_null())
        std::cout << "previous build:  none\n";
    else
        std::cout << "previous build:  " << text_of(previous["name"]) << " ("
                  << text_of(previous["notes"]) << " notes, built " << text_of(previous["built"])
                  << ")\n";
}

}  // namespace

int run_status(const AdminOptions& options)
{
    IndexLayout layout(options.db);
    std::optional<std::string> live = layout.live();
    if (!live) {
        std::cerr << program_error("infonote-index", options.db.string() +
                                                         ": no index built yet (run "
                                                         "infonote-index build)")
                  << '\n';
        return kExitFailure;
    }
    std::optional<std::string> previous = layout.previous();
    Json status = {
        {"schema_version", 1},
        {"database", options.db.string()},
        {"live", build_json(layout, *live)},
        {"previous", previous ? build_json(layout, *previous) : Json(nullptr)},
    };
    if (options.format == OutputFormat::JSON)
        std::cout << status.dump(2) << '\n';
    else
        print_status_text(status);
    return status["live"].contains("error") ? kExitFailure : kExitOk;
}

int run_rollback(const AdminOptions& options)
{
    try {
        IndexLayout layout(options.db);
        WriterLock lock(options.db, options.wait_seconds);
        std::optional<std::string> live = layout.live();
        std::optional<std::string> previous = layout.previous();
        if (!live || !previous)
            throw IndexError(options.db.string() + ": no previous build to roll back to");
        layout.switch_to(*previous);
        std::cout << "rolled back " << escape_controls(options.db.string()) << " to "
                  << escape_controls(*previous) << " (was " << escape_controls(*live) << ")\n";
        return kExitOk;
    } catch (const std::exception& e) {
        std::cerr << program_error("infonote-index", e.what()) << '\n';
        return kExitFailure;
    }
}

}  // namespace infonote
