// Which schema and text pipeline wrote an index: recorded in its metadata
// by every writer, checked by every reader and by `update` before it adds
// to a build. A database of another version would answer differently from
// this program's, so it is refused or rebuilt, never mixed.
#ifndef INFONOTE_INDEX_FORMAT_INDEX_VERSIONS_H
#define INFONOTE_INDEX_FORMAT_INDEX_VERSIONS_H

#include <map>
#include <optional>
#include <string>

#include <xapian.h>

namespace infonote {

/// The metadata recording this program's versions (schema.h's
/// kSchemaVersionKey and kTextPipelineKey), as writers store it.
std::map<std::string, std::string> version_metadata();

/// How a database's versions differ from this program's.
struct VersionMismatch {
    enum class What {
        /// No schema version at all: not an infonote index.
        NoSchema,
        Schema,
        TextPipeline,
    };
    What what;
    /// The database's value ("" when absent).
    std::string found;
    /// This program's.
    int expected = 0;
};

/// The first way `db`'s versions differ from this program's, schema
/// first; nullopt when they match. Throws Xapian::Error.
std::optional<VersionMismatch> version_mismatch(const Xapian::Database& db);

}  // namespace infonote

#endif
