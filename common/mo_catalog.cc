#include "mo_catalog.h"

#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace infonote {

namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kSwappedMagic = 0xde120495;
// The header: magic, revision, message count, offsets of the two tables.
constexpr std::size_t kHeaderSize = 5 * 4;
// iso-codes' largest catalogue holds under 500 messages; a count far above
// anything plausible is a damaged file, not a reason to allocate gigabytes.
constexpr std::uint32_t kMaxMessages = 1'000'000;

class MoBytes {
  public:
    explicit MoBytes(std::string_view bytes) : bytes_(bytes)
    {
        if (bytes_.size() < kHeaderSize) throw std::runtime_error("too short for a .mo header");
        std::uint32_t magic = raw_word(0);
        if (magic == kSwappedMagic)
            swapped_ = true;
        else if (magic != kMagic)
            throw std::runtime_error("not a .mo file (bad magic number)");
        // Only the major revision changes the layout; gettext writes 0 or 1.
        if ((word(4) >> 16) > 1) throw std::runtime_error("unsupported .mo revision");
    }

    std::uint32_t word(std::size_t at) const
    {
        std::uint32_t w = raw_word(at);
        if (!swapped_) return w;
        return (w >> 24) | ((w >> 8) & 0xff00) | ((w << 8) & 0xff0000) | (w << 24);
    }

    /// The string described by the (length, offset) pair at `entry`.
    std::string_view string_at(std::size_t entry) const
    {
        std::uint32_t length = word(entry);
        std::uint32_t offset = word(entry + 4);
        if (offset > bytes_.size() || length > bytes_.size() - offset)
            throw std::runtime_error("string outside the file");
        return bytes_.substr(offset, length);
    }

    /// Checks that a table of `count` pairs at `offset` lies in the file.
    void check_table(std::uint32_t offset, std::uint32_t count) const
    {
        std::uint64_t end = std::uint64_t{offset} + std::uint64_t{count} * 8;
        if (end > bytes_.size()) throw std::runtime_error("string table outside the file");
    }

  private:
    std::uint32_t raw_word(std::size_t at) const
    {
        if (at > bytes_.size() || bytes_.size() - at < 4)
            throw std::runtime_error("truncated .mo file");
        const auto* p = reinterpret_cast<const unsigned char*>(bytes_.data() + at);
        return std::uint32_t{p[0]} | (std::uint32_t{p[1]} << 8) | (std::uint32_t{p[2]} << 16) |
               (std::uint32_t{p[3]} << 24);
    }

    std::string_view bytes_;
    bool swapped_ = false;
};

// "context\x04msgid" -> "msgid"; "singular\0plural" -> "singular".
std::string_view message_text(std::string_view s)
{
    if (auto eot = s.find('\x04'); eot != std::string_view::npos) s.remove_prefix(eot + 1);
    if (auto nul = s.find('\0'); nul != std::string_view::npos) s = s.substr(0, nul);
    return s;
}

}  // namespace

std::vector<MoMessage> parse_mo(std::string_view bytes)
{
    MoBytes mo(bytes);
    std::uint32_t count = mo.word(8);
    std::uint32_t originals = mo.word(12);
    std::uint32_t translations = mo.word(16);
    if (count > kMaxMessages) throw std::runtime_error("implausible message count");
    mo.check_table(originals, count);
    mo.check_table(translations, count);

    std::vector<MoMessage> messages;
    messages.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string_view original = message_text(mo.string_at(originals + std::size_t{i} * 8));
        std::string_view translation =
            message_text(mo.string_at(translations + std::size_t{i} * 8));
        if (original.empty() || translation.empty()) continue;
        messages.push_back({std::string(original), std::string(translation)});
    }
    return messages;
}

std::vector<MoMessage> read_mo_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot read message catalogue");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        return parse_mo(bytes);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
}

}  // namespace infonote
