// The JSON API: /api/COMMAND?PARAMETERS answered by the command line's own
// commands (query/cli/), so that a parameter means what the option of the
// same name means and the body is, byte for byte, what
// `infonote-query COMMAND --OPTION=VALUE... --format json` prints.
//
// Parameters are the options' names with '_' for '-' (venue_country,
// facet_limit), repeated where the option may be. `q` holds search's
// words; for attended and profile the first `country` is the State asked
// about and any further ones filter as --country does; `note` (or `id`)
// is show's note or event. Options that reach outside the index (--db,
// --timeout, --allow-partial) and --color are not parameters. `format`
// defaults to json.
#ifndef INFONOTE_QUERY_SERVER_API_H
#define INFONOTE_QUERY_SERVER_API_H

#include <map>
#include <string>
#include <string_view>

#include "cli/command.h"
#include "engine.h"

namespace infonote::server {

/// A query string's parameters, in order, repeats kept.
using Params = std::multimap<std::string, std::string>;

struct Reply {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    /// For an export: the file name a browser saves it under, or "".
    std::string filename;
};

/// {"error": MESSAGE, "status": STATUS}, as every error is answered.
Reply error_reply(int status, const std::string& message);

/// Whether `command` is one the API answers (search, attended, ...).
bool api_command(std::string_view command);

/// Fills `common` and `requests` from `params` as `command`'s options
/// would be from the command line; "" when they parse, else the message
/// saying what is wrong, in parameter names.
std::string parse_params(std::string_view command, const Params& params, cli::Common& common,
                         cli::Requests& requests);

/// An export to stream (search's or attended's rows as CSV or JSON Lines,
/// or every hit): the parsed request, ready to run once the answer's
/// headers are out.
struct Export {
    const cli::Command* command = nullptr;
    cli::Common common;
    cli::Requests requests;
    std::string content_type;
    std::string filename;
};

/// Whether /api/COMMAND with `params` is answered as a stream: search or
/// attended asking for format csv or jsonl, or for all hits. Other
/// commands' answers are a few hundred rows at most.
bool streamed(std::string_view command, const Params& params);

/// Parses `params` into `job` and runs the query once for no hits, so that
/// a bad parameter or query is answered with its error before any row is
/// sent: a reply with status 200 when `job` may run, else the error.
/// Throws the engine's DatabaseError as api_reply does.
Reply prepare_export(std::string_view command, const Params& params, Engine& engine, Export& job);

/// Writes `job`'s answer to `out`, row by row as the writer produces it:
/// the same bytes as api_reply's body. Throws what the engine throws.
void run_export(Export& job, Engine& engine, std::ostream& out);

/// Answers /api/COMMAND with `params` on `engine`. Throws the engine's
/// DatabaseError when the index cannot be read; every other failure is an
/// error reply (400 for a bad parameter or query, 404 for show's unknown
/// note).
Reply api_reply(std::string_view command, const Params& params, Engine& engine);

}  // namespace infonote::server

#endif
