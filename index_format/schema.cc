#include "schema.h"

#include <algorithm>

namespace infonote {

std::string filter_term(FieldId id, std::string_view value)
{
    std::string term(field(id).prefix);
    if (!value.empty() && value[0] >= 'A' && value[0] <= 'Z') term += ':';
    term += value;
    return term;
}

std::string_view filter_value(FieldId id, std::string_view term)
{
    term.remove_prefix(field(id).prefix.size());
    if (term.size() > 1 && term[0] == ':' && term[1] >= 'A' && term[1] <= 'Z')
        term.remove_prefix(1);
    return term;
}

std::string without_separator(std::string value)
{
    std::replace(value.begin(), value.end(), kListSeparator, ' ');
    return value;
}

}  // namespace infonote
