// The 64-bit FNV-1a hash, fed in pieces: note ids hash a note's path
// (note.h), file stamps a file's bytes (indexer/file_stamp.h), both
// written as 16 lower-case hex digits; a note's shard is its id's hash
// modulo the shard count (index_format/index_layout.h).
#ifndef INFONOTE_COMMON_FNV1A_H
#define INFONOTE_COMMON_FNV1A_H

#include <cstdint>
#include <string>
#include <string_view>

namespace infonote {

class Fnv1a {
  public:
    void add(std::string_view bytes)
    {
        for (unsigned char c : bytes) {
            hash_ ^= c;
            hash_ *= 1099511628211ULL;
        }
    }

    std::uint64_t value() const { return hash_; }

    /// The hash as 16 hex digits; by hand, as snprintf costs more than
    /// hashing a path, which is done once per note per run.
    std::string hex() const
    {
        static constexpr char kDigits[] = "0123456789abcdef";
        std::string out(16, '0');
        std::uint64_t h = hash_;
        for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kDigits[h & 0xF];
        return out;
    }

  private:
    std::uint64_t hash_ = 14695981039346656037ULL;
};

}  // namespace infonote

#endif
