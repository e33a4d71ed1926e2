// The command line's errors in infonote's own words, for both programs:
// "PROGRAM: error: WHAT", naming the flag and what it takes, then a line
// pointing at --help, as GNU tools do. CLI11's own messages never reach
// the user.
#ifndef INFONOTE_COMMON_CLI_MESSAGES_H
#define INFONOTE_COMMON_CLI_MESSAGES_H

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace infonote::cli {

/// A value among the names of `choices` (case ignored), turned into the
/// number paired with it, for an option held in an enum. Anything else is
/// refused as "must be a, b or c, not 'x'": an enum's number is not one of
/// its names (CLI11's CheckedTransformer takes both).
CLI::Validator one_of_values(std::vector<std::pair<std::string, int>> choices);

template <typename Enum>
CLI::Validator one_of(const std::vector<std::pair<std::string, Enum>>& choices)
{
    std::vector<std::pair<std::string, int>> numbered;
    for (const auto& [name, value] : choices) numbered.emplace_back(name, static_cast<int>(value));
    return one_of_values(std::move(numbered));
}

/// A value among `names` (case ignored), kept as the name in lower case,
/// for an option held in a string.
CLI::Validator one_of(std::vector<std::string> names);

/// A whole number from `least` to `most`, checked on the text (CLI11 reads
/// "-1" as a huge unsigned number).
CLI::Validator whole_number(unsigned long long least, unsigned long long most);

/// A number of seconds, 0 or more (or more than 0 when `positive`), with
/// a fraction allowed; at most `most` when given (a wait may be of any
/// length, a timeout must fit in milliseconds).
CLI::Validator seconds(bool positive, std::optional<double> most = std::nullopt);

/// "a, b or c".
std::string join_alternatives(const std::vector<std::string>& names);

/// What went wrong, in one line and our words, for any error CLI11 raises
/// on a bad command line; `command` is the subcommand named, or "".
std::string describe(const CLI::ParseError& e);

/// The first word of argv that is not an option nor the value of one of
/// `valued_options` (the program's own options that take a value), or "".
std::string named_command(int argc, char** argv, const std::vector<std::string>& valued_options);

/// When `named` is not one of `commands` (or is empty), the message saying
/// so and listing them, with a suggestion for a near miss; else "".
std::string unknown_command(std::string_view named, const std::vector<std::string>& commands);

/// Prints "PROGRAM: error: MESSAGE" and "Try 'PROGRAM [COMMAND] --help' for
/// more information." on stderr, `message` escaped (it quotes the user's
/// arguments); returns the usage exit status.
int usage_error(std::string_view program, std::string_view command, const std::string& message);

/// For a parse that failed: help and --version printed as CLI11 prints them
/// (status 0), anything else through usage_error().
int report(CLI::App& app, std::string_view program, std::string_view command,
           const CLI::ParseError& e);

/// "PROGRAM VERSION (Xapian X.Y.Z)", what --version prints.
std::string version_line(std::string_view program, std::string_view xapian_version);

}  // namespace infonote::cli

#endif
