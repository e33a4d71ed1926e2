// From a parsed Note to a Xapian document, following the schema table.
#ifndef INFONOTE_INDEXER_DOCUMENT_BUILDER_H
#define INFONOTE_INDEXER_DOCUMENT_BUILDER_H

#include <string>
#include <string_view>

#include <xapian.h>

#include "country_gazetteer.h"
#include "note.h"

namespace infonote {

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

    const CountryGazetteer& countries_;
    Xapian::Stem stemmer_;
};

/// The unique id term of a note, the key for replace_document.
std::string id_term(const std::string& note_id);

}  // namespace infonote

#endif
