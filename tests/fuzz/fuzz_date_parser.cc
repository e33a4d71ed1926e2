// libFuzzer target: find_date_range and parse_iso_date on arbitrary bytes.
//
// Checks the contract in date_parser.h: a range found lies inside the text,
// its days are real and in order, and an ISO date read back from iso() is
// the same day.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "date_parser.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);

    infonote::DateSearch found = infonote::find_date_range(text);
    if (found.range) {
        const infonote::DateRange& r = *found.range;
        INFONOTE_FUZZ_CHECK(r.text_begin <= r.text_end);
        INFONOTE_FUZZ_CHECK(r.text_end <= text.size());
        INFONOTE_FUZZ_CHECK(r.start.valid());
        INFONOTE_FUZZ_CHECK(r.end.valid());
        INFONOTE_FUZZ_CHECK(r.start <= r.end);
        INFONOTE_FUZZ_CHECK(found.problem.empty());
    }

    if (std::optional<infonote::Date> date = infonote::parse_iso_date(text)) {
        INFONOTE_FUZZ_CHECK(date->valid());
        std::optional<infonote::Date> again = infonote::parse_iso_date(date->iso());
        INFONOTE_FUZZ_CHECK(again && *again == *date);
        INFONOTE_FUZZ_CHECK(date->compact().size() == 8);
    }
    return 0;
}
