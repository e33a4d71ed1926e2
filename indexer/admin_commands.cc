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
#include "stop_signal.h"
#include "terminal_text.h"
#include "text_normalizer.h"
#include "writer_lock.h"

namespace infonote {

namespace {

/// The version of `status --format json`, raised when a key changes meaning.
constexpr int kStatusSchemaVersion = 1;

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
        out["error"] = "cannot be opened: " + xapian_error_text(e);
    }
    return out;
}

// The member `key` of `object` as text, escaped for the terminal
// (terminal_text.h); "?" when absent or null. (A const
// Json's operator[] on a missing key is undefined behaviour.)
std::string text_of(const Json& object, const char* key)
{
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return "?";
    return escape_controls(it->is_string() ? it->get<std::string>() : it->dump());
}

void print_status_text(const Json& status)
{
    const Json& live = status["live"];
    std::cout << "database:        " << text_of(status, "database") << '\n'
              << "live build:      " << text_of(live, "name") << '\n';
    if (live.contains("error")) {
        std::cout << "  error:         " << text_of(live, "error") << '\n';
    } else {
        std::cout << "  notes:         " << text_of(live, "notes") << '\n'
                  << "  shards:        " << text_of(live, "shards") << '\n'
                  << "  built:         " << text_of(live, "built") << '\n'
                  << "  updated:       " << text_of(live, "updated") << '\n'
                  << "  corpus:        " << text_of(live, "corpus") << '\n'
                  << "  schema:        " << text_of(live, "schema") << " (this program reads "
                  << kSchemaVersion << ")\n"
                  << "  text pipeline: " << text_of(live, "text_pipeline")
                  << " (this program writes " << kTextPipelineVersion << ")\n";
    }
    const Json& previous = status["previous"];
    if (previous.is_null())
        std::cout << "previous build:  none\n";
    else if (previous.contains("error"))
        std::cout << "previous build:  " << text_of(previous, "name") << " ("
                  << text_of(previous, "error") << ")\n";
    else
        std::cout << "previous build:  " << text_of(previous, "name") << " ("
                  << text_of(previous, "notes") << " notes, built " << text_of(previous, "built")
                  << ")\n";
}

// Removes what killed writers left, when no writer is running now; a
// status run by a user who cannot write the folder leaves it. The lock is
// tried only when there is something to remove, so that status seldom
// stands in a starting writer's way, and then only for a moment.
void clean_up_if_idle(const IndexLayout& layout)
{
    std::error_code ec;
    if (!std::filesystem::exists(layout.root() / "infonote.lock", ec)) return;
    bool leftovers = false;
    for (std::filesystem::directory_iterator it(layout.root(), ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() > kUnfinishedSuffix.size() &&
            name.compare(name.size() - kUnfinishedSuffix.size(), kUnfinishedSuffix.size(),
                         kUnfinishedSuffix) == 0)
            leftovers = true;
    }
    if (!leftovers) return;
    try {
        WriterLock lock(layout.root(), 0);
        layout.remove_unfinished();
    } catch (const std::exception&) {
        // A writer holds the lock: its folders are its own.
    }
}

}  // namespace

int run_status(const AdminOptions& options)
{
    IndexLayout layout(options.db);
    std::optional<std::string> live;
    try {
        live = layout.live();
    } catch (const DamagedStub& e) {
        std::cerr << "infonote-index: error: " << e.what() << '\n';
        return kExitFailure;
    }
    if (!live) {
        std::cerr << program_error("infonote-index", options.db.string() +
                                                         ": no index built yet (run "
                                                         "infonote-index build)")
                  << '\n';
        return kExitFailure;
    }
    clean_up_if_idle(layout);
    std::optional<std::string> previous = layout.previous();
    Json status = {
        {"schema_version", kStatusSchemaVersion},
        {"database", options.db.string()},
        {"live", build_json(layout, *live)},
        {"previous", previous ? build_json(layout, *previous) : Json(nullptr)},
    };
    if (options.format == OutputFormat::JSON)
        std::cout << status.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    else
        print_status_text(status);
    int exit_status = kExitOk;
    for (const char* which : {"live", "previous"}) {
        const Json& build = status[which];
        if (build.is_null() || !build.contains("error")) continue;
        std::cerr << "infonote-index: error: " << layout.path_of(build["name"]).string() << ": "
                  << which << " build " << build["error"].get<std::string>() << '\n';
        exit_status = kExitFailure;
    }
    return exit_status;
}

int run_rollback(const AdminOptions& options)
{
    install_stop_handlers();
    try {
        IndexLayout layout(options.db);
        WriterLock lock(options.db, options.wait_seconds);
        layout.remove_unfinished();
        // With a damaged stub there is no live build to go back from: the
        // newest complete build is the one to serve again.
        std::string was;
        std::optional<std::string> target;
        if (std::string problem = layout.stub_problem(); !problem.empty()) {
            std::vector<std::string> builds = layout.builds();
            if (!builds.empty()) target = builds.back();
            was = "damaged stub: " + problem;
        } else {
            std::optional<std::string> live = layout.live();
            if (live) target = layout.previous();
            if (live) was = *live;
        }
        if (!target)
            throw IndexError(options.db.string() + ": no previous build to roll back to");
        // A build that cannot serve readers would fail every query after
        // the switch: it is checked first, as a new build is.
        if (std::string problem = build_problem(layout.path_of(*target)); !problem.empty())
            throw IndexError(layout.path_of(*target).string() + ": previous build " + problem +
                             "; not rolled back");
        layout.switch_to(*target);
        std::cout << "rolled back " << escape_controls(options.db.string()) << " to "
                  << escape_controls(*target) << " (was " << escape_controls(was) << ")\n";
        return kExitOk;
    } catch (const Interrupted&) {
        std::cerr << "infonote-index: interrupted; " << options.db.string()
                  << " serves what it served before this run\n";
        return kExitInterrupted;
    } catch (const std::exception& e) {
        std::cerr << program_error("infonote-index", e.what()) << '\n';
        return kExitFailure;
    }
}

}  // namespace infonote
