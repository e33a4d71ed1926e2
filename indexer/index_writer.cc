#include "index_writer.h"

#include <chrono>
#include <ctime>
#include <vector>

#include "schema.h"
#include "text_normalizer.h"

namespace infonote {

namespace {

std::string utc_now()
{
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& db) : path_(db)
{
    try {
        db_ = Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OPEN);
        db_.begin_transaction();
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(db.string() +
                         ": database is being written by another process; "
                         "try again when it has finished");
    } catch (const Xapian::Error& e) {
        throw IndexError(db.string() +
                         ": cannot open database for writing: " + e.get_description());
    }
}

IndexWriter::~IndexWriter()
{
    // An unfinished run leaves the database as it was before it started.
    if (!committed_) {
        try {
            db_.cancel_transaction();
        } catch (const Xapian::Error&) {
        }
    }
    try {
        db_.close();
    } catch (const Xapian::Error&) {
    }
}

void IndexWriter::put(const std::string& unique_term, const Xapian::Document& doc)
{
    try {
        db_.replace_document(unique_term, doc);
    } catch (const Xapian::Error& e) {
        throw IndexError(path_.string() + ": cannot write: " + e.get_description());
    }
    kept_.insert(unique_term);
}

Xapian::doccount IndexWriter::commit()
{
    try {
        const std::string id_prefix(field(FieldId::Id).prefix);
        std::vector<std::string> stale;
        for (auto t = db_.allterms_begin(id_prefix); t != db_.allterms_end(id_prefix); ++t)
            if (!kept_.count(*t)) stale.push_back(*t);
        for (const std::string& term : stale) db_.delete_document(term);
        db_.set_metadata(std::string(kSchemaVersionKey), std::to_string(kSchemaVersion));
        db_.set_metadata(std::string(kTextPipelineKey), std::to_string(kTextPipelineVersion));
        db_.set_metadata(std::string(kBuildTimeKey), utc_now());
        db_.commit_transaction();
        committed_ = true;
        return static_cast<Xapian::doccount>(stale.size());
    } catch (const Xapian::Error& e) {
        throw IndexError(path_.string() + ": cannot commit: " + e.get_description());
    }
}

}  // namespace infonote
