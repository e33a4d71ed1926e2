#include "org_gazetteer.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include "country_gazetteer.h"
#include "text_normalizer.h"
#include "text_spans.h"
#include "tsv_file.h"

namespace infonote {

namespace {

// Words written apart, hyphenated or joined ("counter terrorism",
// "counter-terrorism", "counterterrorism") are joined in the key.
constexpr std::array<std::string_view, 5> kJoinedPrefixes{"co", "counter", "non", "anti", "inter"};

// British and French-influenced spellings to the American ones, word by word.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kSpellings{{
    {"organisation", "organization"},
    {"organisations", "organizations"},
    {"organisation's", "organization's"},
    {"centre", "center"},
    {"centres", "centers"},
    {"programme", "program"},
    {"programmes", "programs"},
    {"defence", "defense"},
}};

std::string american_spelling(std::string word)
{
    for (const auto& [british, american] : kSpellings)
        if (word == british) return std::string(american);
    return word;
}

bool is_joined_prefix(std::string_view word)
{
    return std::find(kJoinedPrefixes.begin(), kJoinedPrefixes.end(), word) != kJoinedPrefixes.end();
}

std::optional<OrgKind> kind_named(std::string_view name)
{
    if (name == "international") return OrgKind::International;
    if (name == "national") return OrgKind::National;
    if (name == "industry") return OrgKind::Industry;
    if (name == "civil_society") return OrgKind::Civil;
    if (name == "other") return OrgKind::Other;
    return std::nullopt;
}

}  // namespace

std::string org_key(std::string_view name)
{
    std::vector<std::string> words;
    bool join_next = false;
    for (const Word& w : split_words(name)) {
        if (w.folded == "the" || w.folded == "and") {
            join_next = false;
            continue;
        }
        if ((w.hyphen_joined || join_next) && !words.empty())
            words.back() += w.folded;
        else
            words.push_back(w.folded);
        join_next = is_joined_prefix(w.folded);
    }
    std::string key;
    for (std::string& word : words) {
        if (!key.empty()) key += ' ';
        key += american_spelling(std::move(word));
    }
    return key;
}

OrgGazetteer::OrgGazetteer(const std::filesystem::path& organizations_tsv)
{
    read_tsv(organizations_tsv, "organizations", [this](const TsvLine& line) {
        // ACRONYM, kind, name, aliases ("|"-separated, may be empty).
        const std::vector<std::string_view>& fields = line.fields;
        const std::string& where = line.where;
        std::optional<OrgKind> kind = fields.size() >= 3 ? kind_named(fields[1]) : std::nullopt;
        if (fields.size() > 4 || !kind || fields[2].empty())
            throw std::runtime_error(where +
                                     ": expected 'ACRONYM<TAB>kind<TAB>name<TAB>alias|alias'");
        OrgEntry entry;
        if (fields[0] != "-") entry.acronym = std::string(fields[0]);
        entry.name = std::string(fields[2]);
        entry.kind = *kind;
        std::size_t index = entries_.size();
        entries_.push_back(entry);
        if (entry.acronym) add_name(*entry.acronym, index, where);
        add_name(entry.name, index, where);
        if (fields.size() == 4)
            for (std::string_view alias : split_top_level(fields[3], "|"))
                if (!trim_view(alias).empty()) add_name(trim_view(alias), index, where);
    });
}

void OrgGazetteer::add_name(std::string_view name, std::size_t index, const std::string& where)
{
    std::string key = org_key(name);
    if (key.empty()) return;
    auto [it, inserted] = by_key_.emplace(key, index);
    // A shared name would make resolve() depend on the order of the file.
    if (!inserted && it->second != index)
        throw std::runtime_error(where + ": '" + std::string(name) + "' already names " +
                                 entries_[it->second].name);
}

const OrgEntry* OrgGazetteer::resolve(std::string_view name_or_acronym) const
{
    auto it = by_key_.find(org_key(name_or_acronym));
    return it == by_key_.end() ? nullptr : &entries_[it->second];
}

const OrgGazetteer& default_org_gazetteer()
{
    static const OrgGazetteer gazetteer(data_dir() / "organizations.tsv");
    return gazetteer;
}

}  // namespace infonote
