#include "packed_text.h"

#include <libdeflate.h>

#include <cstdint>
#include <limits>
#include <memory>

namespace infonote {

namespace {

constexpr std::size_t kLengthBytes = 4;

// libdeflate writes and reads the zlib format with whole buffers, about
// twice as fast as zlib itself. Level 1: twice zlib's level-1 speed, and
// smaller output than it.
constexpr int kLevel = 1;

struct FreeCompressor {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
struct FreeDecompressor {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// One of each per thread: they keep state between calls and are not to be
// shared, and allocating them for every note would cost more than the work.
libdeflate_compressor* compressor()
{
    thread_local std::unique_ptr<libdeflate_compressor, FreeCompressor> c(
        libdeflate_alloc_compressor(kLevel));
    return c.get();
}

libdeflate_decompressor* decompressor()
{
    thread_local std::unique_ptr<libdeflate_decompressor, FreeDecompressor> d(
        libdeflate_alloc_decompressor());
    return d.get();
}

}  // namespace

std::string pack_text(std::string_view text)
{
    if (text.size() > std::numeric_limits<std::uint32_t>::max()) text = {};
    libdeflate_compressor* c = compressor();
    if (!c) return {};
    std::size_t room = libdeflate_zlib_compress_bound(c, text.size());
    std::string packed(kLengthBytes + room, '\0');
    auto length = static_cast<std::uint32_t>(text.size());
    for (std::size_t i = 0; i < kLengthBytes; ++i)
        packed[i] = static_cast<char>((length >> (8 * i)) & 0xFF);
    std::size_t written =
        libdeflate_zlib_compress(c, text.data(), text.size(), packed.data() + kLengthBytes, room);
    if (written == 0) return {};
    packed.resize(kLengthBytes + written);
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
    libdeflate_decompressor* d = decompressor();
    if (!d) return std::nullopt;
    std::string text(length, '\0');
    std::size_t size = 0;
    libdeflate_result status =
        libdeflate_zlib_decompress(d, packed.data() + kLengthBytes, packed.size() - kLengthBytes,
                                   text.data(), text.size(), &size);
    if (status != LIBDEFLATE_SUCCESS || size != length) return std::nullopt;
    return text;
}

}  // namespace infonote
