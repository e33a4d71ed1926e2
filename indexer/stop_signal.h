// SIGINT and SIGTERM as a polite request to stop.
#ifndef INFONOTE_INDEXER_STOP_SIGNAL_H
#define INFONOTE_INDEXER_STOP_SIGNAL_H

#include <stdexcept>

namespace infonote {

/// Thrown where a long run notices a stop request; caught in run_*(), which
/// cleans up and exits with status 130.
class Interrupted : public std::runtime_error {
  public:
    Interrupted() : std::runtime_error("interrupted") {}
};

/// Installs handlers for SIGINT and SIGTERM that only record the request;
/// the work stops at its next check, never in the middle of a write. Also
/// ignores SIGXFSZ, so a file size limit fails a write instead of killing.
void install_stop_handlers();

/// True once SIGINT or SIGTERM has arrived.
bool stop_requested();

/// Throws Interrupted when a stop was requested.
void check_stop();

}  // namespace infonote

#endif
