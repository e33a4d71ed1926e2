#include "index_versions.h"

#include "schema.h"
#include "text_normalizer.h"

namespace infonote {

std::map<std::string, std::string> version_metadata()
{
    return {{std::string(kSchemaVersionKey), std::to_string(kSchemaVersion)},
            {std::string(kTextPipelineKey), std::to_string(kTextPipelineVersion)}};
}

std::optional<VersionMismatch> version_mismatch(const Xapian::Database& db)
{
    using What = VersionMismatch::What;
    std::string schema = db.get_metadata(std::string(kSchemaVersionKey));
    if (schema.empty()) return VersionMismatch{What::NoSchema, schema, kSchemaVersion};
    if (schema != std::to_string(kSchemaVersion))
        return VersionMismatch{What::Schema, schema, kSchemaVersion};
    std::string pipeline = db.get_metadata(std::string(kTextPipelineKey));
    if (pipeline != std::to_string(kTextPipelineVersion))
        return VersionMismatch{What::TextPipeline, pipeline, kTextPipelineVersion};
    return std::nullopt;
}

}  // namespace infonote
