// The snippet stemmer (query/snippet_stem.h) must cut exactly the snippets
// Xapian's own English stemmer cuts: compared on the bundled notes and on
// words whose stems are irregular, for queries of one and several words.
#include "snippet_stem.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

namespace infonote {
namespace {

std::vector<std::string> texts()
{
    std::vector<std::string> all;
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(INFONOTE_SOURCE_DIR) / "corpus")) {
        if (entry.path().filename() == "README.md") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        all.push_back(text.str());
    }
    // The English stemmer's exceptions and irregular endings.
    all.push_back(
        "Dying and lying, skies over the Andes, news of early, only and ugly plans; idly and "
        "gently, singly. Generously, happily, the nationalization of controls; relational "
        "conditions; 'quoted' words and Yemen's yearly yields. Ébauche, état, Côte d'Ivoire.");
    return all;
}

TEST(SnippetStemTest, SameSnippetsAsXapiansStemmer)
{
    std::vector<std::string> notes = texts();
    ASSERT_GE(notes.size(), 5u);
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("en"));
    for (const std::string& text : notes) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(text);
        db.add_document(doc);
    }
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("en"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_database(db);
    int marked = 0;
    for (const char* words :
         {"export controls", "nuclear security workshop", "customs", "dying", "lie", "sky", "early",
          "ugly yields", "generous", "national", "relate condition", "yearly", "\"export control\"",
          "regional OR Yemen", "état", "Ivoire", "gently happy", "states", "organization"}) {
        Xapian::Query query = parser.parse_query(words);
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        Xapian::MSet mset = enquire.get_mset(0, notes.size());
        for (const std::string& text : notes) {
            std::string expected = mset.snippet(text, 200, Xapian::Stem("en"), 0, "[", "]", "...");
            Xapian::Stem ours(new SnippetStem(query));
            EXPECT_EQ(mset.snippet(text, 200, ours, 0, "[", "]", "..."), expected) << words;
            marked += expected.find('[') != std::string::npos;
        }
    }
    // The comparisons are not all of snippets without a marked word.
    EXPECT_GT(marked, 30);
}

TEST(SnippetStemTest, StemsOnlyWordsThatCouldMatch)
{
    Xapian::Query query(Xapian::Query::OP_AND, Xapian::Query("Zcontrol"), Xapian::Query("export"));
    SnippetStem stem(query);
    EXPECT_EQ(stem("controls"), "control");
    EXPECT_EQ(stem("conditional"), "condit");
    // No stemmed query term starts with 'e' or 'n': left as they are.
    EXPECT_EQ(stem("exports"), "exports");
    EXPECT_EQ(stem("nations"), "nations");
    EXPECT_EQ(stem(""), "");
}

}  // namespace
}  // namespace infonote
