#include "event_values.h"

namespace infonote {

namespace {

constexpr char kFieldEnd = '\x1e';

}  // namespace

std::string event_of(const Xapian::Document& doc)
{
    std::string event = doc.get_value(kEventSlot);
    return event.empty() ? doc.get_value(kNoteIdSlot) : event;
}

std::string event_values(const Xapian::Document& doc, std::string_view event_id)
{
    std::string out(event_id);
    out += kFieldEnd;
    for (unsigned slot : kEventValueSlots) {
        out += doc.get_value(slot);
        out += kFieldEnd;
    }
    return out;
}

std::string_view EventValues::of(unsigned slot) const
{
    for (std::size_t i = 0; i < kEventValueSlots.size(); ++i)
        if (kEventValueSlots[i] == slot) return slots[i];
    return {};
}

std::optional<EventValues> read_event_values(std::string_view value)
{
    auto next = [&value](std::string_view& field) {
        std::size_t end = value.find(kFieldEnd);
        if (end == std::string_view::npos) return false;
        field = value.substr(0, end);
        value.remove_prefix(end + 1);
        return true;
    };
    EventValues out;
    if (!next(out.event) || out.event.empty()) return std::nullopt;
    for (std::string_view& field : out.slots)
        if (!next(field)) return std::nullopt;
    if (!value.empty()) return std::nullopt;
    return out;
}

}  // namespace infonote
