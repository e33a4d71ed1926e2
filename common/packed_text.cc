#include "packed_text.h"

#include <zlib.h>

#include <cstdint>
#include <limits>

namespace infonote {

namespace {

constexpr std::size_t kLengthBytes = 4;

}  // namespace

std::string pack_text(std::string_view text)
{
    if (text.size() > std::numeric_limits<std::uint32_t>::max()) text = {};
    uLongf room = compressBound(static_cast<uLong>(text.size()));
    std::string packed(kLengthBytes + room, '\0');
    auto length = static_cast<std::uint32_t>(text.size());
    for (std::size_t i = 0; i < kLengthBytes; ++i)
        packed[i] = static_cast<char>((length >> (8 * i)) & 0xFF);
    int status = compress2(reinterpret_cast<Bytef*>(packed.data() + kLengthBytes), &room,
                           reinterpret_cast<const Bytef*>(text.data()),
                           static_cast<uLong>(text.size()), Z_BEST_SPEED);
    if (status != Z_OK) return {};
    packed.resize(kLengthBytes + room);
    return packed;
}

std::optional<std::string> unpack_text(std::string_view packed)
{
    if (packed.size() < kLengthBytes) return std::nullopt;
    std::uint32_t length = 0;
    for (std::size_t i = 0; i < kLengthBytes; ++i)
        length |= static_cast<std::uint32_t>(static_cast<unsigned char>(packed[i])) << (8 * i);
    if (length == 0) return std::string();
    // Deflate shrinks by at most about 1032 to 1: a larger claim is not a
    // length pack_text wrote, and must not size an allocation.
    if (length / 1100 > packed.size()) return std::nullopt;
    std::string text(length, '\0');
    uLongf size = length;
    int status = uncompress(reinterpret_cast<Bytef*>(text.data()), &size,
                            reinterpret_cast<const Bytef*>(packed.data() + kLengthBytes),
                            static_cast<uLong>(packed.size() - kLengthBytes));
    if (status != Z_OK || size != length) return std::nullopt;
    return text;
}

}  // namespace infonote
