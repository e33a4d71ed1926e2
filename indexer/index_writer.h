// Writing notes into a Xapian database, all or nothing.
#ifndef INFONOTE_INDEXER_INDEX_WRITER_H
#define INFONOTE_INDEXER_INDEX_WRITER_H

#include <filesystem>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include <xapian.h>

namespace infonote {

/// The database cannot be opened or written: an environment failure.
class IndexError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Replaces a database's notes with a new set inside one transaction, so
/// that readers see either the old index or the new one, never a mixture.
class IndexWriter {
  public:
    /// Opens (or creates) the database and takes its write lock. Throws
    /// IndexError when another writer holds the lock or the folder is not
    /// writable.
    explicit IndexWriter(const std::filesystem::path& db);
    ~IndexWriter();

    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Adds or replaces the document whose unique term is `unique_term`.
    void put(const std::string& unique_term, const Xapian::Document& doc);

    /// Deletes the notes not put in this run, records the schema and text
    /// pipeline versions, and commits. Returns how many notes were removed.
    Xapian::doccount commit();

  private:
    std::filesystem::path path_;
    Xapian::WritableDatabase db_;
    std::unordered_set<std::string> kept_;
    bool committed_ = false;
};

}  // namespace infonote

#endif
