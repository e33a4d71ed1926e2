#include "cli_messages.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <type_traits>

#include "config.h"
#include "exit_codes.h"
#include "terminal_text.h"
#include "text_spans.h"

namespace infonote::cli {

namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool starts_with(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

// The option or argument a CLI11 message begins with ("--limit: ...",
// "--db is required"), or "".
std::string leading_name(std::string_view message)
{
    std::size_t end = message.find_first_of(": ");
    return std::string(message.substr(0, end));
}

// How a positional argument is shown: "country" as COUNTRY.
std::string shown_name(const std::string& name)
{
    if (starts_with(name, "-")) return name;
    std::string out = name;
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string join_alternatives(const std::vector<std::string>& names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

CLI::Validator one_of_values(std::vector<std::pair<std::string, int>> choices)
{
    std::string listed = "{";
    std::vector<std::string> names;
    for (const auto& [name, value] : choices) {
        listed += (names.empty() ? "" : ",") + name;
        names.push_back(name);
    }
    listed += "}";
    return CLI::Validator(
        [choices, names](std::string& value) -> std::string {
            std::string wanted = lower(value);
            for (const auto& [name, number] : choices)
                if (name == wanted) {
                    value = std::to_string(number);
                    return "";
                }
            return "must be " + join_alternatives(names) + ", not '" + value + "'";
        },
        listed);
}

CLI::Validator one_of(std::vector<std::string> names)
{
    std::vector<std::pair<std::string, int>> choices;
    for (std::size_t i = 0; i < names.size(); ++i)
        choices.emplace_back(names[i], static_cast<int>(i));
    CLI::Validator v = one_of_values(choices);
    // The value stays the name: a string option keeps what was asked for,
    // in lower case.
    return CLI::Validator(
        [v, names](std::string& value) -> std::string {
            std::string copy = value;
            std::string error = v(copy);
            if (error.empty()) value = names[std::stoul(copy)];
            return error;
        },
        v.get_description());
}

CLI::Validator whole_number(unsigned long long least, unsigned long long most)
{
    return CLI::Validator(
        [least, most](std::string& value) -> std::string {
            bool digits = !value.empty() && value.size() <= 19 &&
                          value.find_first_not_of("0123456789") == std::string::npos;
            if (digits) {
                unsigned long long n = std::stoull(value);
                if (n >= least && n <= most) return "";
            }
            return "takes a whole number from " + std::to_string(least) + " to " +
                   std::to_string(most) + ", not '" + value + "'";
        },
        "");
}

CLI::Validator seconds(bool positive, std::optional<double> most)
{
    return CLI::Validator(
        [positive, most](std::string& value) -> std::string {
            char* end = nullptr;
            double n = value.empty() ? -1 : std::strtod(value.c_str(), &end);
            bool number = end != nullptr && *end == '\0' && std::isfinite(n) && (!most || n <= *most);
            if (number && (positive ? n > 0 : n >= 0)) return "";
            std::string bound = most ? std::to_string(static_cast<long long>(*most)) : "";
            std::string range = positive ? "greater than 0" : "from 0";
            if (most) range += positive ? " and at most " + bound : " to " + bound;
            return "takes a number of seconds " + range + ", not '" + value + "'";
        },
        "");
}

std::string describe(const CLI::ParseError& e)
{
    const std::string what = e.what();
    // By type: CLI11 names some errors after the app that raised them.
    auto is = [&e](auto* type) {
        return dynamic_cast<const std::remove_pointer_t<decltype(type)>*>(&e) != nullptr;
    };
    const std::string name = leading_name(what);
    if (is(static_cast<const CLI::ValidationError*>(nullptr))) {
        // Our validators' words after CLI11's "NAME: ".
        std::string rest = what.substr(std::min(what.size(), name.size() + 2));
        return shown_name(name) + ": " + rest;
    }
    if (is(static_cast<const CLI::RequiredError*>(nullptr))) return "missing " + shown_name(name);
    if (is(static_cast<const CLI::ExtrasError*>(nullptr))) {
        std::size_t colon = what.find(": ");
        std::string args = colon == std::string::npos ? what : what.substr(colon + 2);
        std::string first = args.substr(0, args.find(' '));
        if (starts_with(first, "-"))
            return "unknown option '" + first.substr(0, first.find('=')) + "'";
        return "unexpected argument '" + first + "'";
    }
    if (is(static_cast<const CLI::ArgumentMismatch*>(nullptr))) {
        if (what.find("missing") != std::string::npos) return name + " needs a value";
        if (what.find("flag override") != std::string::npos) return name + " takes no value";
        return name + ": wrong number of values";
    }
    if (is(static_cast<const CLI::ConversionError*>(nullptr))) {
        if (starts_with(what, "Could not convert: ")) {
            std::string rest = what.substr(19);
            std::size_t eq = rest.find(" = ");
            if (eq != std::string::npos)
                return rest.substr(0, eq) + " cannot be '" + rest.substr(eq + 3) + "'";
        }
        if (what.find("true/false") != std::string::npos ||
            what.find("too many inputs for a flag") != std::string::npos)
            return name + " takes no value";
    }
    std::string out = what;
    if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string named_command(int argc, char** argv, const std::vector<std::string>& valued_options)
{
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (std::find(valued_options.begin(), valued_options.end(), arg) != valued_options.end()) {
            ++i;
            continue;
        }
        if (!starts_with(arg, "-")) return std::string(arg);
    }
    return "";
}

std::string unknown_command(std::string_view named, const std::vector<std::string>& commands)
{
    if (std::find(commands.begin(), commands.end(), named) != commands.end()) return "";
    std::string list;
    for (const std::string& c : commands) list += (list.empty() ? "" : ", ") + c;
    if (named.empty()) return "no command given; the commands are: " + list;
    std::string near;
    std::size_t best = 3;
    for (const std::string& c : commands) {
        std::size_t d = edit_distance(lower(named), c);
        if (d < best) best = d, near = c;
    }
    std::string out = "unknown command '" + std::string(named) + "'";
    if (!near.empty()) out += " (did you mean '" + near + "'?)";
    return out + "; the commands are: " + list;
}

int usage_error(std::string_view program, std::string_view command, const std::string& message)
{
    std::string help = std::string(program) + (command.empty() ? "" : " ") + std::string(command);
    std::cerr << program << ": error: " << escape_controls(message) << "\nTry '"
              << escape_controls(help) << " --help' for more information.\n";
    return kExitUsage;
}

int report(CLI::App& app, std::string_view program, std::string_view command,
           const CLI::ParseError& e)
{
    if (dynamic_cast<const CLI::Success*>(&e) != nullptr) {
        app.exit(e);
        return kExitOk;
    }
    return usage_error(program, command, describe(e));
}

std::string version_line(std::string_view program, std::string_view xapian_version)
{
    return std::string(program) + " " + kVersion + " (Xapian " +
           std::string(xapian_version) + ")";
}

}  // namespace infonote::cli
