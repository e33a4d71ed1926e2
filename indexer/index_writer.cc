#include "index_writer.h"

#include <chrono>
#include <ctime>

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
        int flags = mode == WriteMode::Fresh ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_OPEN;
        db_ = Xapian::WritableDatabase(db.string(), flags);
        if (mode == WriteMode::InPlace) db_.begin_transaction();
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(db.string() + ": database is locked by another writer");
    } catch (const Xapian::Error& e) {
        throw IndexError(db.string() + ": cannot open database for writing: " + e.get_msg());
    }
}

IndexWriter::~IndexWriter()
{
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
    throw IndexError(path_.string() + ": " + what + ": " + e.get_msg());
}

void IndexWriter::after_change()
{
    ++changes_;
    if (mode_ == WriteMode::Fresh && ++uncommitted_ >= batch_) {
        db_.commit();
        uncommitted_ = 0;
    }
}

// Xapian's spelling data, for "did you mean": every plain word of the note
// (unprefixed terms; prefixed ones open with a capital), letters only. Words
// of notes since removed stay in it, which only makes a suggestion possible.
void IndexWriter::add_spellings(const Xapian::Document& doc)
{
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& word = *t;
        if (word.size() < 3 || word.size() > 32) continue;
        unsigned char first = static_cast<unsigned char>(word[0]);
        if (first >= 'A' && first <= 'Z') continue;
        if (word.find_first_of("0123456789") != std::string::npos) continue;
        db_.add_spelling(word);
    }
}

void IndexWriter::put(const std::string& unique_term, const Xapian::Document& doc)
{
    try {
        db_.replace_document(unique_term, doc);
        add_spellings(doc);
        after_change();
    } catch (const Xapian::InvalidArgumentError& e) {
        throw DocumentRejected(e.get_msg());
    } catch (const Xapian::Error& e) {
        fail("cannot write", e);
    }
}

void IndexWriter::remove(const std::string& unique_term)
{
    try {
        db_.delete_document(unique_term);
        after_change();
    } catch (const Xapian::Error& e) {
        fail("cannot delete", e);
    }
}

void IndexWriter::finish(const std::map<std::string, std::string>& metadata)
{
    try {
        for (const auto& [key, value] : metadata) db_.set_metadata(key, value);
        if (mode_ == WriteMode::InPlace)
            db_.commit_transaction();
        else
            db_.commit();
        finished_ = true;
    } catch (const Xapian::Error& e) {
        fail("cannot commit", e);
    }
}

}  // namespace infonote
