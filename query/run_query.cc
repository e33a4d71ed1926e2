#include "run_query.h"

#include <iostream>

#include <xapian.h>

#include "country_gazetteer.h"
#include "exit_codes.h"
#include "query_builder.h"
#include "result_printer.h"
#include "schema.h"
#include "text_normalizer.h"

namespace infonote {

namespace {

/// The database cannot be used: exit status 4.
class DatabaseError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

Xapian::Database open_index(const std::filesystem::path& path)
{
    Xapian::Database db;
    try {
        db = Xapian::Database(path.string());
    } catch (const Xapian::Error& e) {
        throw DatabaseError(path.string() + ": cannot open database: " + e.get_msg());
    }
    std::string schema = db.get_metadata(std::string(kSchemaVersionKey));
    if (schema.empty())
        throw DatabaseError(path.string() + ": not an infonote index (no schema version)");
    if (schema != std::to_string(kSchemaVersion))
        throw DatabaseError(path.string() + ": index has schema version " + schema +
                            ", this infonote-query reads version " +
                            std::to_string(kSchemaVersion) +
                            "; rebuild it with infonote-index build");
    std::string pipeline = db.get_metadata(std::string(kTextPipelineKey));
    if (pipeline != std::to_string(kTextPipelineVersion))
        throw DatabaseError(path.string() + ": index was built with text pipeline " + pipeline +
                            ", this infonote-query searches with " +
                            std::to_string(kTextPipelineVersion) +
                            "; rebuild it with infonote-index build");
    return db;
}

ResultPage run_enquire(Xapian::Database& db, const BuiltQuery& query, std::size_t limit)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(query.query);
    Xapian::doccount everything = db.get_doccount();
    if (!query.ranked) {
        // A listing: by start date, ties by document order, nothing cut.
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value(kStartDateSlot, false);
        limit = everything;
    }
    // Asking Xapian to check every document makes the total exact.
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit), everything);
    ResultPage page;
    page.ranked = query.ranked;
    page.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Json summary = Json::parse(it.get_document().get_data(), nullptr, false);
        if (summary.is_discarded()) summary = Json::object();
        page.hits.push_back({std::move(summary), it.get_percent()});
    }
    return page;
}

}  // namespace

int run_search(const SearchOptions& options)
{
    try {
        SearchRequest request;
        for (const std::string& w : options.words)
            request.words += (request.words.empty() ? "" : " ") + w;
        request.countries = options.countries;
        request.organizations = options.organizations;
        BuiltQuery query = build_query(request, default_gazetteer());

        Xapian::Database db = open_index(options.db);
        ResultPage page;
        // An update committed while we read makes Xapian throw
        // DatabaseModifiedError, and a build switched in meanwhile is only
        // seen by opening the stub again (reopen() does not re-read it). The
        // answer from the reopened index is complete, so try again.
        for (int attempt = 0;; ++attempt) {
            try {
                page = run_enquire(db, query, options.limit);
                break;
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == 3) throw;
                db.close();
                db = open_index(options.db);
            }
        }
        if (options.format == ResultFormat::JSON)
            print_json(std::cout, page);
        else
            print_text(std::cout, page);
        return page.total > 0 ? kExitOk : kExitNoMatch;
    } catch (const QueryError& e) {
        std::cerr << "infonote-query: error: " << e.what() << '\n';
        return kExitUsage;
    } catch (const DatabaseError& e) {
        std::cerr << "infonote-query: error: " << e.what() << '\n';
        return kExitFailure;
    } catch (const Xapian::Error& e) {
        std::cerr << "infonote-query: error: " << options.db.string() << ": " << e.get_description()
                  << '\n';
        return kExitFailure;
    } catch (const std::exception& e) {
        std::cerr << "infonote-query: error: " << e.what() << '\n';
        return kExitFailure;
    }
}

}  // namespace infonote
