#include "table.h"

namespace infonote {

Table countries_table(const CountriesAnswer& answer)
{
    Table table{{"code", "country", "attended", "hosted"}, {false, false, true, true}, {}};
    for (const CountryCount& c : answer.countries)
        table.rows.push_back(
            {c.code, c.name, std::to_string(c.attended), std::to_string(c.hosted)});
    return table;
}

Table coattend_table(const CoattendAnswer& answer)
{
    Table table{{"a", "b", "events", "names"}, {false, false, true, false}, {}};
    for (const CoattendPair& p : answer.pairs)
        table.rows.push_back({p.a, p.b, std::to_string(p.events),
                              answer.states.at(p.a).name + " / " + answer.states.at(p.b).name});
    return table;
}

}  // namespace infonote
