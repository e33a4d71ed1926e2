#include "listing.h"

#include <algorithm>

#include "schema.h"

namespace infonote {

std::string listing_value(const Listing& l)
{
    std::string value;
    if (l.start_date.empty()) {
        value.assign(kListingDateBytes, '0');
    } else {
        for (char c : l.start_date)
            if (c != '-') value += c;
    }
    const std::string* fields[] = {&l.id,   &l.path,    &l.title, &l.start_date,  &l.end_date,
                                   &l.city, &l.country, nullptr,  &l.participants};
    bool first = true;
    for (const std::string* field : fields) {
        if (!first) value += kListSeparator;
        first = false;
        value += field ? without_separator(*field) : (l.online ? "online" : "");
    }
    return value;
}

Listing listing_of(std::string_view slot_value)
{
    std::string_view value = slot_value.substr(std::min(kListingDateBytes, slot_value.size()));
    Listing l;
    std::string online;
    std::string* parts[] = {&l.id,   &l.path,    &l.title, &l.start_date,  &l.end_date,
                            &l.city, &l.country, &online,  &l.participants};
    std::size_t at = 0;
    for (std::string* part : parts) {
        std::size_t end = value.find(kListSeparator, at);
        part->assign(value.substr(std::min(at, value.size()),
                                  end == std::string_view::npos ? std::string_view::npos
                                                                : end - at));
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    l.online = online == "online";
    return l;
}

}  // namespace infonote
