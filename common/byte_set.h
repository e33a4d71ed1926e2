// A set of bytes as a table, for scanning text for the first of a few
// bytes: std::string_view::find_first_of looks for each of the set's bytes
// in turn at every position, several times slower on long text.
#ifndef INFONOTE_COMMON_BYTE_SET_H
#define INFONOTE_COMMON_BYTE_SET_H

#include <cstddef>
#include <string_view>

namespace infonote {

struct ByteSet {
    constexpr explicit ByteSet(std::string_view bytes)
    {
        for (char c : bytes) in[static_cast<unsigned char>(c)] = true;
    }

    /// The first byte of the set in `s` from `from`, or npos.
    constexpr std::size_t find(std::string_view s, std::size_t from) const
    {
        for (std::size_t i = from; i < s.size(); ++i)
            if (in[static_cast<unsigned char>(s[i])]) return i;
        return std::string_view::npos;
    }

    bool in[256] = {};
};

}  // namespace infonote

#endif
