#include "completion.h"

#include "country_gazetteer.h"
#include "exit_codes.h"

namespace infonote {

int print_completion(std::ostream& out, std::string_view what)
{
    if (what != "countries") return kExitUsage;
    // English names (the ones shown everywhere), then the codes: enough to
    // complete what a user types; every alias would swamp the list.
    for (const Country& c : english_gazetteer().countries()) out << c.name << '\n';
    for (const Country& c : english_gazetteer().countries()) out << c.alpha2 << '\n';
    return kExitOk;
}

}  // namespace infonote
