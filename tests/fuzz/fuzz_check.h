// Helpers shared by the fuzz targets.
#ifndef INFONOTE_TESTS_FUZZ_FUZZ_CHECK_H
#define INFONOTE_TESTS_FUZZ_FUZZ_CHECK_H

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string_view>

/// Aborts with the failed condition when a parser contract is broken:
/// libFuzzer saves the input, the replay runner fails its test. Unlike
/// assert() it stays on in release builds.
#define INFONOTE_FUZZ_CHECK(condition)                                                     \
    do {                                                                                   \
        if (!(condition)) {                                                                \
            std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__,     \
                         #condition);                                                      \
            std::abort();                                                                  \
        }                                                                                  \
    } while (false)

namespace infonote::fuzz {

/// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code
/// points past U+10FFFF): the text the file readers hand to the parser.
inline bool valid_utf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
        unsigned char c = byte(i);
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) low = 0xA0;
            if (c == 0xED) high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) low = 0x90;
            if (c == 0xF4) high = 0x8F;
        } else {
            return false;
        }
        if (s.size() - i < length) return false;
        if (byte(i + 1) < low || byte(i + 1) > high) return false;
        for (std::size_t k = 2; k < length; ++k)
            if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return false;
        i += length;
    }
    return true;
}

}  // namespace infonote::fuzz

#endif
