// Standard output that notices when what is written to it is lost: a full
// disk (`> /dev/full`), a file past its size limit, an I/O error.
#ifndef INFONOTE_COMMON_CHECKED_STDOUT_H
#define INFONOTE_COMMON_CHECKED_STDOUT_H

#include <string_view>

namespace infonote {

/// Puts a buffer under std::cout that writes to file descriptor 1 with
/// write(2) and remembers the first error; after one, the rest of the
/// output is dropped rather than attempted. Called once, at the start of
/// main, before anything is printed.
void check_stdout();

/// `status` when everything written to std::cout reached stdout; otherwise
/// prints "PROGRAM: error: writing output: REASON" on stderr and returns
/// kExitWriteError. Flushes std::cout first: called as main returns.
int finish_stdout(std::string_view program, int status);

}  // namespace infonote

#endif
