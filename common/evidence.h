// Line numbers and quoted phrases for facts read from a document, so that
// each State, organization, date and venue says where it came from.
#ifndef INFONOTE_COMMON_EVIDENCE_H
#define INFONOTE_COMMON_EVIDENCE_H

#include <cstddef>
#include <string_view>
#include <vector>

#include "note.h"

namespace infonote {

/// The longest phrase an Evidence quotes, in bytes; longer stretches are cut
/// at word boundaries around the fact, with "..." where text was left out.
inline constexpr std::size_t kMaxEvidenceBytes = 160;

/// The lines of one text, by byte offset. Holds a view: the text must
/// outlive it.
class TextLines {
  public:
    explicit TextLines(std::string_view text);

    /// The 1-based line holding byte `offset`.
    int line_of(std::size_t offset) const;
    std::size_t count() const { return starts_.size(); }
    /// Offset of the first byte of 0-based line `index`.
    std::size_t start(std::size_t index) const { return starts_[index]; }
    /// 0-based line `index`, without its line feed.
    std::string_view line(std::size_t index) const;

    /// Evidence for the fact at [begin, end): its line, and the stretch
    /// [context_begin, context_end) quoted from `quoted` (a text of the same
    /// layout, e.g. the header with its markup blanked; this text when
    /// empty), white space collapsed and cut around the fact to
    /// kMaxEvidenceBytes.
    Evidence evidence(EvidenceSource source, std::size_t begin, std::size_t end,
                      std::size_t context_begin, std::size_t context_end,
                      std::string_view quoted = {}) const;

    /// evidence() with the fact's own line(s) as context.
    Evidence line_evidence(EvidenceSource source, std::size_t begin, std::size_t end,
                           std::string_view quoted = {}) const;

  private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

}  // namespace infonote

#endif
