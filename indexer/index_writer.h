// Writing notes into one Xapian database.
#ifndef INFONOTE_INDEXER_INDEX_WRITER_H
#define INFONOTE_INDEXER_INDEX_WRITER_H

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

#include <xapian.h>

#include "index_error.h"

namespace infonote {

/// Xapian refused one document (a term too long, say): bad input, so the
/// note is skipped and the run goes on.
class DocumentRejected : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class WriteMode {
    /// A new database that no reader sees yet: committed in batches, so
    /// memory stays bounded however large the corpus, and not forced to
    /// disk (a build compacts it into the database readers get).
    Fresh,
    /// The live database: every change in one transaction, so readers see
    /// the index before the run or after it, never in between, and a crash
    /// leaves it as it was.
    InPlace,
};

class IndexWriter {
  public:
    /// Opens the database and takes Xapian's write lock. A Fresh database
    /// is committed every `batch` documents. Throws IndexError.
    IndexWriter(const std::filesystem::path& db, WriteMode mode, std::size_t batch = 2000);
    /// Without finish(), an InPlace run's changes are discarded.
    ~IndexWriter();

    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Adds or replaces the document whose unique term is `unique_term`.
    /// Throws DocumentRejected for a document Xapian will not take, and
    /// IndexError when the database cannot be written.
    void put(const std::string& unique_term, const Xapian::Document& doc);

    /// Deletes the document whose unique term is `unique_term`.
    void remove(const std::string& unique_term);

    /// Stores the metadata and commits.
    void finish(const std::map<std::string, std::string>& metadata);

    /// Documents put or removed so far.
    std::size_t changes() const { return changes_; }

    /// For reading what the database holds before changing it.
    const Xapian::WritableDatabase& database() const { return db_; }

    /// For rewriting documents in place (their event fields), inside the
    /// run's transaction; count_changes() then says how many were made.
    Xapian::WritableDatabase& writable_database() { return db_; }
    void count_changes(std::size_t n) { changes_ += n; }

  private:
    void add_spellings(const Xapian::Document& doc);
    void add_all_spellings();
    void after_change();
    [[noreturn]] void fail(const char* what, const Xapian::Error& e) const;

    std::filesystem::path path_;
    WriteMode mode_;
    std::size_t batch_;
    Xapian::WritableDatabase db_;
    std::size_t uncommitted_ = 0;
    std::size_t changes_ = 0;
    bool finished_ = false;
    /// A write failed (disk full, file too large): the database is left to
    /// its destructor, which swallows what a second failing flush throws,
    /// rather than closed, which Xapian lets end the process.
    mutable bool write_failed_ = false;
};

/// A term that goes into the spelling data ("did you mean").
bool is_spelling_word(const std::string& term);

/// "2026-11-26T17:08:00Z".
std::string utc_timestamp();

}  // namespace infonote

#endif
