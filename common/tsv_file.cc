#include "tsv_file.h"

#include <fstream>
#include <stdexcept>

#include "ascii.h"

namespace infonote {

void read_tsv(const std::filesystem::path& path, std::string_view what,
              const std::function<void(const TsvLine&)>& each)
{
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path.string() + ": cannot read " + std::string(what));
    std::string text;
    TsvLine line;
    for (int number = 1; std::getline(in, text); ++number) {
        std::string_view stripped = trim_ascii(text);
        if (stripped.empty() || stripped[0] == '#') continue;
        line.number = number;
        line.where = path.string() + ":" + std::to_string(number);
        line.fields.clear();
        for (std::size_t start = 0;;) {
            std::size_t tab = stripped.find('\t', start);
            line.fields.push_back(trim_ascii(stripped.substr(start, tab - start)));
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        each(line);
    }
}

}  // namespace infonote
