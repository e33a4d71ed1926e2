// What the shell completion scripts ask infonote-query for and cannot read
// from --help: `infonote-query __complete countries` prints every country's
// name and code, one a line. Hidden from --help: it is for the scripts.
#ifndef INFONOTE_QUERY_COMPLETION_H
#define INFONOTE_QUERY_COMPLETION_H

#include <ostream>
#include <string_view>

namespace infonote {

/// The word that asks for completion words, as argv[1].
inline constexpr std::string_view kCompleteCommand = "__complete";

/// Prints the words for `what` ("countries"); the usage exit status for
/// anything else.
int print_completion(std::ostream& out, std::string_view what);

}  // namespace infonote

#endif
