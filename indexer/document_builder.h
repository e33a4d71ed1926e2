// From a parsed Note to a Xapian document, following the schema table.
#ifndef INFONOTE_INDEXER_DOCUMENT_BUILDER_H
#define INFONOTE_INDEXER_DOCUMENT_BUILDER_H

#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "country_gazetteer.h"
#include "note.h"

namespace infonote {

/// One builder per thread: build() keeps a cache.
class DocumentBuilder {
  public:
    explicit DocumentBuilder(const CountryGazetteer& countries);

    /// The document for a note: its words (title weighted above body, with
    /// positions for phrases and stems for plain words), a filter term for
    /// each attending country, venue country, organization and year, the
    /// dates in value slots, the unique id term, and the note's summary JSON
    /// as document data.
    Xapian::Document build(const Note& note) const;

  private:
    void index_text(Xapian::Document& doc, std::string_view text, std::string_view prefix,
                    unsigned weight, Xapian::termpos& position) const;
    const std::string& stem(const std::string& word) const;

    const CountryGazetteer& countries_;
    Xapian::Stem stemmer_;
    /// Stems of the words seen so far: the notes share most of their words,
    /// and a lookup costs far less than the stemmer.
    mutable std::unordered_map<std::string, std::string> stems_;
};

/// The unique id term of a note, the key for replace_document.
std::string id_term(const std::string& note_id);

}  // namespace infonote

#endif
