#include "text_spans.h"

#include <algorithm>

#include "text_normalizer.h"

namespace infonote {

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view lower_word)
{
    if (at > text.size() || text.size() - at < lower_word.size()) return false;
    for (std::size_t i = 0; i < lower_word.size(); ++i) {
        char c = text[at + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower_word[i]) return false;
    }
    return true;
}

std::string_view trim_view(std::string_view s, std::string_view chars)
{
    auto b = s.find_first_not_of(chars);
    if (b == std::string_view::npos) return s.substr(s.size());
    auto e = s.find_last_not_of(chars);
    return s.substr(b, e - b + 1);
}

std::string tidy(std::string_view s)
{
    return collapse_spaces(trim_view(s, " \t\r\n,;:.-"));
}

std::string_view drop_leading_the(std::string_view s)
{
    if (s.size() > 4 && (s.substr(0, 4) == "the " || s.substr(0, 4) == "The ")) return s.substr(4);
    return s;
}

bool is_upper_word(std::string_view s)
{
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
        if (is_space(c)) return false;
    }
    return letter;
}

std::size_t count_words(std::string_view s)
{
    std::size_t words = 0;
    bool in_word = false;
    for (char c : s) {
        bool space = is_space(c);
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

std::vector<std::string_view> split_top_level(std::string_view text, std::string_view separators)
{
    std::vector<std::string_view> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '(')
            ++depth;
        else if (c == ')' && depth > 0)
            --depth;
        else if (depth == 0 && separators.find(c) != std::string_view::npos) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

std::size_t find_blank_line(std::string_view v)
{
    bool seen_text = false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!is_space(v[i])) seen_text = true;
        if (v[i] != '\n' || !seen_text) continue;
        std::size_t j = i + 1;
        while (j < v.size() && (v[j] == ' ' || v[j] == '\t')) ++j;
        if (j < v.size() && v[j] == '\n') return i;
    }
    return std::string_view::npos;
}

std::size_t offset_in(std::string_view whole, std::string_view part)
{
    return static_cast<std::size_t>(part.data() - whole.data());
}

std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::vector<std::size_t> closest_names(std::string_view key,
                                       const std::unordered_map<std::string, std::size_t>& names,
                                       std::size_t count, std::size_t max)
{
    if (key.empty()) return {};
    std::size_t limit = std::max<std::size_t>(1, key.size() / 4);
    std::vector<std::size_t> best(count, std::string::npos);
    const std::string padded_key = " " + std::string(key) + " ";
    for (const auto& [name, index] : names) {
        // Names whose length alone is too far off cannot be within the
        // limit; skipping them keeps this cheap with thousands of names.
        std::size_t gap =
            name.size() > key.size() ? name.size() - key.size() : key.size() - name.size();
        if (gap <= limit) best[index] = std::min(best[index], edit_distance(key, name));
        if ((" " + name + " ").find(padded_key) != std::string::npos)
            best[index] = std::min<std::size_t>(best[index], 1);
    }
    std::vector<std::pair<std::size_t, std::size_t>> scored;  // distance, index
    for (std::size_t i = 0; i < best.size(); ++i)
        if (best[i] <= limit) scored.emplace_back(best[i], i);
    std::sort(scored.begin(), scored.end());
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < scored.size() && out.size() < max; ++i)
        out.push_back(scored[i].second);
    return out;
}

}  // namespace infonote
