#include "command.h"

#include <string_view>

#include "cli_messages.h"
#include "diagnostic.h"
#include "exit_codes.h"
#include "terminal_text.h"

namespace infonote::cli {

namespace {

constexpr std::string_view kProgram = "infonote-query";

// --limit, --offset, --all, --sort, --reverse.
void add_paging(CLI::App* cmd, Paging& o)
{
    cmd->add_option("--limit", o.limit,
                    "Print at most N hits (default 20 for word searches, all for listings)")
        ->check(hit_count(1));
    cmd->add_option("--offset", o.offset, "Skip the first N hits")->check(hit_count(0));
    cmd->add_flag("--all", o.all, "Print every hit");
    cmd->add_option("--sort", o.sort, "relevance or date (oldest first)")
        ->type_name("ORDER")
        ->transform(one_of(std::vector<std::pair<std::string, SortOrder>>{
            {"relevance", SortOrder::Relevance}, {"date", SortOrder::Date}}));
    cmd->add_flag("--reverse", o.reverse, "Reverse the order: newest or weakest first");
}

// --facets, --facet-limit.
void add_facets(CLI::App* cmd, std::vector<std::string>& facets, std::size_t& facet_limit)
{
    cmd->add_option("--facets", facets,
                    "Count notes per value over all matches, for these fields (comma-separated): "
                    "country, org, year, venue_country, region, type, kind");
    cmd->add_option("--facet-limit", facet_limit,
                    "Values to show per facet, most frequent first (0: all)")
        ->check(hit_count(0))
        ->capture_default_str();
}

}  // namespace

void add_db(CLI::App* cmd, Common& o)
{
    // Not required by CLI11: a missing database is told after the rest of
    // the command line is checked (an unknown option first), and may come
    // from the environment or a configuration file (config_file.h).
    cmd->add_option("--db", o.db,
                    "Database folder, or a Xapian stub file listing shards (local, or "
                    "'remote HOST:PORT' served by xapian-tcpsrv); default $INFONOTE_DB, "
                    "else 'db = PATH' in $XDG_CONFIG_HOME/infonote/config (~/.config), else "
                    "in /etc/infonote/config");
    cmd->add_option_function<double>(
           "--timeout",
           [&o](double seconds) { o.open.timeout_ms = static_cast<unsigned>(seconds * 1000); },
           "Give up on a remote shard that takes longer than SECONDS to connect or answer "
           "(default 10)")
        ->check(seconds(true, 1e6));
    cmd->add_flag("--allow-partial", o.open.allow_partial,
                  "When a shard cannot be reached, answer from the others (with a warning on "
                  "stderr naming it) instead of failing");
}

void add_format(CLI::App* cmd, Common& o, bool csv,
                const std::vector<std::pair<std::string, std::string>>& own)
{
    std::vector<std::pair<std::string, OutputFormat>> formats{
        {"text", OutputFormat::Text}, {"json", OutputFormat::JSON}, {"jsonl", OutputFormat::JSONL}};
    if (csv) formats.emplace_back("csv", OutputFormat::CSV);
    std::vector<std::string> names;
    for (const auto& f : formats) names.push_back(f.first);
    if (csv) names.emplace_back("xlsx");
    std::vector<std::string> told{"text (default)", "json", "jsonl (one object per line)"};
    if (csv) {
        told.emplace_back("csv (RFC 4180)");
        told.emplace_back("xlsx (an Excel workbook, written to stdout: redirect it to a file)");
    }
    for (const auto& [name, what] : own) {
        names.push_back(name);
        told.push_back(name + " (" + what + ")");
    }
    std::string help;
    for (std::size_t i = 0; i < told.size(); ++i)
        help += (i == 0 ? "" : i + 1 == told.size() ? " or " : ", ") + told[i];
    cmd->add_option_function<std::string>(
           "--format",
           [&o, formats](const std::string& name) {
               // xlsx writes the rows CSV would, as a workbook.
               o.xlsx = name == "xlsx";
               o.format = o.xlsx ? OutputFormat::CSV : OutputFormat::Text;
               o.own_format = name;
               for (const auto& [known, format] : formats)
                   if (known == name) o.format = format, o.own_format.clear();
               if (o.xlsx) o.own_format.clear();
           },
           help)
        ->type_name("FORMAT")
        ->transform(one_of(names));
    if (csv)
        cmd->add_flag("--bom", o.bom,
                      "With --format csv, begin with a UTF-8 byte order mark, by which Excel "
                      "reads the file as UTF-8");
    cmd->add_option("--color", o.colour,
                    "Colour matched words in text output: auto (the default: on a terminal, "
                    "unless $NO_COLOR is set or $TERM is dumb), always or never")
        ->type_name("WHEN")
        ->transform(one_of(
            std::vector<std::pair<std::string, ColourChoice>>{{"auto", ColourChoice::Auto},
                                                              {"always", ColourChoice::Always},
                                                              {"never", ColourChoice::Never}}));
    if (csv)
        cmd->add_flag("--csv-raw", o.csv_raw,
                      "CSV cells exactly as stored: a text cell beginning with =, +, -, @, tab "
                      "or CR keeps no leading ' (which stops a spreadsheet running it as a "
                      "formula)");
}

void add_filters(CLI::App* cmd, SearchRequest& f)
{
    cmd->add_option("--country", f.countries,
                    "Attended by this country, as participant or host: name, alias or ISO "
                    "code. Repeat: every one must have attended.");
    cmd->add_flag("--any-country", f.any_country,
                  "With several --country: attended by any one of them");
    cmd->add_option("--org", f.organizations,
                    "Organized or attended by this organization: acronym or name. Repeat: "
                    "every one.");
    cmd->add_option("--org-role", f.org_role,
                    "With --org: only where the organization was among the organizers, or "
                    "only among the participants")
        ->type_name("ROLE")
        ->transform(one_of(std::vector<std::string>{"organizer", "participant"}));
    cmd->add_option("--venue-country", f.venue_countries,
                    "Held in this country. Repeat: any of them.");
    cmd->add_option("--region", f.regions,
                    "Held in this UN M49 region or sub-region (\"Central Asia\", \"Africa\"). "
                    "Repeat: any of them.");
    cmd->add_option("--from", f.from,
                    "Ending on or after this date: YYYY, YYYY-MM or YYYY-MM-DD (rounded down)");
    cmd->add_option("--to", f.to,
                    "Starting on or before this date: YYYY, YYYY-MM or YYYY-MM-DD (rounded up)");
    cmd->add_option("--year", f.years, "Taking place (in part) in this year. Repeat: any.");
    cmd->add_option("--type", f.types,
                    "Of this event type: workshop, roundtable, peer review, conference, "
                    "training, seminar, meeting, webinar, ... Repeat: any.");
    cmd->add_option("--kind", f.kinds,
                    "Of this document kind: information-note, press-release, web-update, "
                    "announcement, other. Repeat: any.");
    cmd->add_flag("--include-invited", f.include_invited,
                  "Let --country (and attended's COUNTRY) also match States an announcement "
                  "only invited");
}

// Checked on the text: CLI11 would read "-1" as a huge count, and the
// searcher would cut 4294967296 to 0.
CLI::Validator hit_count(unsigned least)
{
    return whole_number(least, 4294967295ULL);
}

HitDetail hit_detail(const Common& common)
{
    if (common.format == OutputFormat::Text) return HitDetail::Listing;
    if (common.xlsx) return HitDetail::Summary;
    return common.format == OutputFormat::CSV ? HitDetail::Cells : HitDetail::Record;
}

void add_hits_options(CLI::App* cmd, Common& common, HitsQuery& query)
{
    add_db(cmd, common);
    add_filters(cmd, query.filters);
    add_paging(cmd, query.paging);
    add_facets(cmd, query.facets, query.facet_limit);
    add_format(cmd, common);
}

std::string format_conflict(const Common& common)
{
    if (common.csv_raw && (common.format != OutputFormat::CSV || common.xlsx))
        return "--csv-raw goes with --format csv";
    if (common.bom && (common.format != OutputFormat::CSV || common.xlsx))
        return "--bom goes with --format csv";
    return "";
}

int guarded(const Common& common, const std::function<int(Engine&)>& command)
{
    try {
        Engine engine(common.db, common.open);
        if (common.verbose)
            engine.on_query([](const std::string& description) {
                std::cerr << "infonote-query: query: " << escape_controls(description) << '\n';
            });
        return command(engine);
    } catch (const QueryError& e) {
        std::cerr << program_error(kProgram, e.what()) << '\n';
        return kExitUsage;
    } catch (const DatabaseError& e) {
        std::cerr << program_error(kProgram, e.what()) << '\n';
        return kExitFailure;
    } catch (const std::exception& e) {
        std::cerr << program_error(kProgram, e.what()) << '\n';
        return kExitFailure;
    }
}

}  // namespace infonote::cli
