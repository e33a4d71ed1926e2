// Cities where 1540 events are held, to the country they lie in, for prose
// that names the city alone ("took place on 26 and 27 June in Dushanbe",
// "à Libreville", "en Santiago"). Capitals and the other cities that host
// such meetings, with their usual French and Spanish spellings.
#ifndef INFONOTE_COMMON_CITY_NAMES_H
#define INFONOTE_COMMON_CITY_NAMES_H

#include <optional>
#include <string_view>

namespace infonote {

/// The alpha-2 code of the country a known city lies in, by the city's name
/// in any case and with or without accents ("Lomé", "LOME", "Ciudad de
/// México"); nullopt for a name the table does not hold.
std::optional<std::string_view> city_country(std::string_view name);

}  // namespace infonote

#endif
