// The pages a browser reads: the search page, a country's page, an
// event's and a document's, rendered on the server from the templates in
// the web folder (share/web/templates, Mustache, which escapes every value
// unless a template says otherwise), over the engine's answers as the JSON
// writer gives them. They work without JavaScript; assets/app.js adds
// keyboard moves and submits a facet's tick at once.
//
// The URL holds the whole state of the search page: q, country, year,
// type, region, kind, venue_country, org (each repeatable), from, to, sort,
// reverse and offset, parsed by the search command's own options. Several
// values of one facet are any of them (OR), facets together all (AND).
#ifndef INFONOTE_QUERY_SERVER_PAGES_H
#define INFONOTE_QUERY_SERVER_PAGES_H

#include <filesystem>
#include <map>
#include <string>

#include "api.h"
#include "engine.h"

namespace infonote::server {

class Pages {
  public:
    /// Reads the templates in `web`/templates; without them (or with an
    /// empty `web`) every page is a 404 saying so.
    explicit Pages(const std::filesystem::path& web);

    Reply search(const Params& params, Engine& engine) const;
    /// `code`: a country's code, name or alias.
    Reply country(const std::string& code, Engine& engine) const;
    /// An event's id (`event`) or a note's id or path.
    Reply show(const std::string& id, bool event, Engine& engine) const;

  private:
    /// `name`.mustache over `model`, inside the layout.
    Reply render(const std::string& name, const Json& model, int status = 200) const;
    Reply error_page(int status, const std::string& message) const;

    std::map<std::string, std::string> templates_;
};

}  // namespace infonote::server

#endif
