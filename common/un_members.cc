#include "un_members.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <stdexcept>

#include "country_gazetteer.h"
#include "text_spans.h"

namespace infonote {

std::vector<UnState> read_un_members(const std::filesystem::path& tsv)
{
    std::ifstream in(tsv);
    if (!in) throw std::runtime_error(tsv.string() + ": cannot read the UN membership list");
    std::vector<UnState> out;
    std::set<std::string> seen;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        std::string_view l = trim_view(line, " \t\r");
        if (l.empty() || l.front() == '#') continue;
        std::size_t tab = l.find('\t');
        std::string code(trim_view(l.substr(0, tab), " "));
        std::string status(tab == std::string_view::npos ? "" : trim_view(l.substr(tab + 1), " \t"));
        bool alpha2 = code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) {
                          return c >= 'A' && c <= 'Z';
                      });
        std::string where = tsv.string() + ":" + std::to_string(number) + ": ";
        if (!alpha2 || (status != "member" && status != "observer"))
            throw std::runtime_error(where + "expected 'ALPHA2<TAB>member' or 'ALPHA2<TAB>observer'");
        if (!seen.insert(code).second) throw std::runtime_error(where + code + " is listed twice");
        out.push_back({code, status == "observer"});
    }
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
