// GNU gettext message catalogues (.mo files), read without libintl.
//
// iso-codes ships the translations of every country name as one catalogue
// per language; the country gazetteer reads the original (English) and
// translated strings straight from them. The format is a fixed header, two
// tables of (length, offset) pairs and the strings they point at.
#ifndef INFONOTE_COMMON_MO_CATALOG_H
#define INFONOTE_COMMON_MO_CATALOG_H

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace infonote {

/// One translated message.
struct MoMessage {
    /// The msgid: for iso-codes, the English name.
    std::string original;
    /// The msgstr: the name in the catalogue's language.
    std::string translation;
};

/// Parses the bytes of a .mo file of either byte order. Skips the header
/// entry (empty msgid) and untranslated messages; keeps the singular of a
/// plural message and drops a message context. Throws std::runtime_error
/// saying what is wrong when the bytes are not a well-formed catalogue.
std::vector<MoMessage> parse_mo(std::string_view bytes);

/// Reads and parses a .mo file. Throws std::runtime_error naming the file
/// when it cannot be read or is malformed.
std::vector<MoMessage> read_mo_file(const std::filesystem::path& path);

}  // namespace infonote

#endif
