// Rows of plain values under a header: what the text and CSV writers lay
// out (text_output.h, csv_output.h).
#ifndef INFONOTE_QUERY_TABLE_H
#define INFONOTE_QUERY_TABLE_H

#include <string>
#include <vector>

#include "engine.h"

namespace infonote {

/// Numbers right-aligned in text, and never defused in CSV, when
/// `numeric[i]`.
struct Table {
    std::vector<std::string> header;
    std::vector<bool> numeric;
    std::vector<std::vector<std::string>> rows;
};

/// The columns text and CSV share: code, country, attended, hosted.
Table countries_table(const CountriesAnswer& answer);

/// a, b, events, names ("Kazakhstan / Kyrgyzstan").
Table coattend_table(const CoattendAnswer& answer);

}  // namespace infonote

#endif
