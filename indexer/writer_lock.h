// One infonote writer per database folder.
#ifndef INFONOTE_INDEXER_WRITER_LOCK_H
#define INFONOTE_INDEXER_WRITER_LOCK_H

#include <filesystem>
#include <stdexcept>

namespace infonote {

/// Another build, update or rollback holds the database: an environment
/// failure, reported in one line.
class LockError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// An exclusive lock on DB/infonote.lock, held for the life of the object.
///
/// Builds write into a new folder that Xapian's own lock does not cover, so
/// infonote keeps a lock of its own for the whole database folder. It is an
/// flock(2) lock: it dies with the process that holds it, so a crash never
/// leaves it behind and the file is never deleted to get in.
class WriterLock {
  public:
    /// Takes the lock, waiting up to `wait_seconds` for another writer to
    /// finish (0: fail at once). Throws LockError when it cannot.
    WriterLock(const std::filesystem::path& db, double wait_seconds);
    ~WriterLock();

    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

  private:
    int fd_ = -1;
};

}  // namespace infonote

#endif
