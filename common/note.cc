#include "note.h"

#include <array>
#include <utility>

#include "fnv1a.h"
#include "text_spans.h"

namespace infonote {

namespace {

constexpr std::array<std::pair<DocumentKind, std::string_view>, 5> kKindNames{{
    {DocumentKind::InformationNote, "information-note"},
    {DocumentKind::PressRelease, "press-release"},
    {DocumentKind::WebUpdate, "web-update"},
    {DocumentKind::Announcement, "announcement"},
    {DocumentKind::Other, "other"},
}};

}  // namespace

std::string_view kind_name(DocumentKind kind)
{
    for (const auto& [k, name] : kKindNames)
        if (k == kind) return name;
    return "other";
}

std::optional<DocumentKind> kind_from_name(std::string_view name)
{
    for (const auto& [k, known] : kKindNames)
        if (name.size() == known.size() && starts_with_ci(name, 0, known)) return k;
    return std::nullopt;
}

std::string note_id(std::string_view relative_path)
{
    Fnv1a hash;
    hash.add(relative_path);
    return hash.hex();
}

}  // namespace infonote
