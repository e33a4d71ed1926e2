// Exit statuses of infonote-index and infonote-query, as the README lists them.
#ifndef INFONOTE_COMMON_EXIT_CODES_H
#define INFONOTE_COMMON_EXIT_CODES_H

namespace infonote {

/// Success; for infonote-query, at least one note matched.
inline constexpr int kExitOk = 0;
/// infonote-query: the query was fine but no note matched.
inline constexpr int kExitNoMatch = 1;
/// Bad command line or query: unknown option, unknown country, bad syntax.
inline constexpr int kExitUsage = 2;
/// infonote-index: finished, but some files were skipped as bad input.
inline constexpr int kExitSomeRejected = 3;
/// The database could not be opened, read or written; nothing was changed.
inline constexpr int kExitFailure = 4;
/// Both programs: what was written to stdout was lost (disk full, an I/O
/// error); the one line on stderr says why. infonote-index's run itself
/// finished as its other messages say: only its report on stdout is lost.
inline constexpr int kExitWriteError = 5;
/// infonote-index: stopped by SIGINT or SIGTERM; the live index is as it was
/// (or as the last committed batch left it).
inline constexpr int kExitInterrupted = 130;

}  // namespace infonote

#endif
