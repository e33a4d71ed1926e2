// The formats a program's results are written in, shared by infonote-index
// (text and JSON) and infonote-query (all four).
#ifndef INFONOTE_COMMON_OUTPUT_FORMAT_H
#define INFONOTE_COMMON_OUTPUT_FORMAT_H

namespace infonote {

/// Text for people; JSON, JSON Lines (one object a line) and CSV (RFC 4180)
/// for scripts.
enum class OutputFormat { Text, JSON, JSONL, CSV };

}  // namespace infonote

#endif
