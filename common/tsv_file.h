// The project's data files (data/*.tsv): one record a line, fields
// separated by tabs, '#' starting a comment line.
#ifndef INFONOTE_COMMON_TSV_FILE_H
#define INFONOTE_COMMON_TSV_FILE_H

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace infonote {

/// One record of a data file.
struct TsvLine {
    int number = 0;
    /// "PATH:NUMBER", to begin a message about the line.
    std::string where;
    /// The line split at its tabs, each field without white space around it.
    std::vector<std::string_view> fields;
};

/// Calls `each` for every line of the file at `path` that is neither blank
/// nor a comment, in order. Throws std::runtime_error "PATH: cannot read
/// WHAT" when the file cannot be read; `each` throws for a bad line.
void read_tsv(const std::filesystem::path& path, std::string_view what,
              const std::function<void(const TsvLine&)>& each);

}  // namespace infonote

#endif
