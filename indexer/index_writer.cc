#include "index_writer.h"

#include <chrono>
#include <ctime>

#include "write_failure.h"

namespace infonote {

std::string utc_timestamp()
{
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

IndexWriter::IndexWriter(const std::filesystem::path& db, WriteMode mode, std::size_t batch)
    : path_(db), mode_(mode), batch_(batch)
{
    try {
        // A fresh database is a part of a build, compacted into the build
        // and then thrown away: nothing is gained by forcing it to disk.
        int flags = mode == WriteMode::Fresh ? Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC
                                             : Xapian::DB_OPEN;
        db_ = Xapian::WritableDatabase(db.string(), flags);
        if (mode == WriteMode::InPlace) db_.begin_transaction();
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(db.string() + ": database is locked by another writer");
    } catch (const Xapian::Error& e) {
        throw IndexError(db.string() + ": cannot open database for writing: " +
                         xapian_error_text(e));
    }
}

IndexWriter::~IndexWriter()
{
    if (write_failed_) {
        // An update's transaction is still dropped; the rest is left to the
        // database's destructor.
        try {
            if (!finished_ && mode_ == WriteMode::InPlace) db_.cancel_transaction();
        } catch (...) {
        }
        return;
    }
    try {
        if (!finished_ && mode_ == WriteMode::InPlace) db_.cancel_transaction();
        db_.close();
    } catch (const Xapian::Error&) {
        // Closing releases the lock even when the database is unhappy; an
        // uncommitted transaction is lost, which is the point.
    }
}

void IndexWriter::fail(const char* what, const Xapian::Error& e) const
{
    write_failed_ = true;
    throw IndexError(path_.string() + ": " + what + ": " + xapian_error_text(e));
}

void IndexWriter::after_change()
{
    ++changes_;
    if (mode_ == WriteMode::Fresh && ++uncommitted_ >= batch_) {
        db_.commit();
        uncommitted_ = 0;
    }
}

// Xapian's spelling data, for "did you mean", holds every plain word of the
// notes (unprefixed terms; prefixed ones open with a capital), letters only.
bool is_spelling_word(const std::string& word)
{
    if (word.size() < 3 || word.size() > 32) return false;
    unsigned char first = static_cast<unsigned char>(word[0]);
    if (first >= 'A' && first <= 'Z') return false;
    return word.find_first_of("0123456789") == std::string::npos;
}

// An update adds each note's words as it goes. Words of notes since removed
// stay in the data, which only makes a suggestion possible.
void IndexWriter::add_spellings(const Xapian::Document& doc)
{
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if (is_spelling_word(*t)) db_.add_spelling(*t);
}

// A fresh database gets its spelling data once, from its own words after
// the last batch: each word once with the number of notes holding it, the
// same data as note by note, without rewriting Xapian's spelling table at
// every batch.
void IndexWriter::add_all_spellings()
{
    for (auto t = db_.allterms_begin(); t != db_.allterms_end(); ++t) {
        if (is_spelling_word(*t)) db_.add_spelling(*t, t.get_termfreq());
    }
}

void IndexWriter::put(const std::string& unique_term, const Xapian::Document& doc)
{
    WritingStep step(path_, "cannot write");
    try {
        db_.replace_document(unique_term, doc);
        if (mode_ == WriteMode::InPlace) add_spellings(doc);
        after_change();
    } catch (const Xapian::InvalidArgumentError& e) {
        throw DocumentRejected(e.get_msg());
    } catch (const Xapian::Error& e) {
        fail("cannot write", e);
    }
}

void IndexWriter::remove(const std::string& unique_term)
{
    WritingStep step(path_, "cannot delete");
    try {
        db_.delete_document(unique_term);
        after_change();
    } catch (const Xapian::Error& e) {
        fail("cannot delete", e);
    }
}

void IndexWriter::finish(const std::map<std::string, std::string>& metadata)
{
    WritingStep step(path_, "cannot commit");
    try {
        for (const auto& [key, value] : metadata) db_.set_metadata(key, value);
        if (mode_ == WriteMode::InPlace) {
            db_.commit_transaction();
        } else {
            db_.commit();
            add_all_spellings();
            db_.commit();
        }
        finished_ = true;
    } catch (const Xapian::Error& e) {
        fail("cannot commit", e);
    }
}

}  // namespace infonote
