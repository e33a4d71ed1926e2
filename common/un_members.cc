#include "un_members.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "country_gazetteer.h"
#include "tsv_file.h"

namespace infonote {

std::vector<UnState> read_un_members(const std::filesystem::path& tsv)
{
    std::vector<UnState> out;
    std::set<std::string> seen;
    read_tsv(tsv, "the UN membership list", [&](const TsvLine& line) {
        std::string code(line.fields[0]);
        std::string status(line.fields.size() == 2 ? line.fields[1] : "");
        bool alpha2 = code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) {
                          return c >= 'A' && c <= 'Z';
                      });
        std::string where = line.where + ": ";
        if (!alpha2 || (status != "member" && status != "observer"))
            throw std::runtime_error(where + "expected 'ALPHA2<TAB>member' or 'ALPHA2<TAB>observer'");
        if (!seen.insert(code).second) throw std::runtime_error(where + code + " is listed twice");
        out.push_back({code, status == "observer"});
    });
    std::sort(out.begin(), out.end(),
              [](const UnState& a, const UnState& b) { return a.code < b.code; });
    return out;
}

const std::vector<UnState>& un_members()
{
    static const std::vector<UnState> list = read_un_members(data_dir() / "un_members.tsv");
    return list;
}

}  // namespace infonote
