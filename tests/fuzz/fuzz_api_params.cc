// libFuzzer target: the web server's query-parameter path, on arbitrary
// bytes as the query string after /api/COMMAND? (the first byte picks the
// command).
//
// Checks that every answer is either what the command gives or a JSON
// error {"error", "status"} with a 400 or 404, never another exception or a
// crash; the database is missing, so a request that gets as far as the
// index throws DatabaseError (503 in the server).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include <httplib.h>

#include "api.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    static const char* const kCommands[] = {"search",    "attended", "show",
                                            "countries", "stats",    "timeline",
                                            "profile",   "coattend", "coverage"};
    std::string command = kCommands[data[0] % 9];
    std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    infonote::server::Params params;
    httplib::detail::parse_query_text(text, params);
    static infonote::Engine engine(std::filesystem::path("/nonexistent/infonote-fuzz-db"));
    try {
        infonote::server::Reply reply = infonote::server::api_reply(command, params, engine);
        INFONOTE_FUZZ_CHECK(reply.status == 400 || reply.status == 404);
        infonote::Json body = infonote::Json::parse(reply.body, nullptr, false);
        INFONOTE_FUZZ_CHECK(body.is_object() && body["status"] == reply.status &&
                            body["error"].is_string());
    } catch (const infonote::DatabaseError&) {
        // The index was needed: answered 503 by the server.
    }
    return 0;
}
