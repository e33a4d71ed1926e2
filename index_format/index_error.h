// How the index format's code says that a database cannot be used.
#ifndef INFONOTE_INDEX_FORMAT_INDEX_ERROR_H
#define INFONOTE_INDEX_FORMAT_INDEX_ERROR_H

#include <stdexcept>
#include <string>

#include <xapian.h>

namespace infonote {

/// The database cannot be opened or written: an environment failure.
class IndexError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A Xapian error as one message: its text, the system's reason when it
/// has one, and "disk full" first when that is the reason.
std::string xapian_error_text(const Xapian::Error& e);

}  // namespace infonote

#endif
