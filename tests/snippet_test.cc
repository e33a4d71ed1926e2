// Snippets cut by infonote (query/snippet.h): which words are marked, which
// stretch of the note is shown, and that what is shown is the note's own
// text, within the length asked for.
#include "snippet.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "text_normalizer.h"

namespace infonote {
namespace {

constexpr std::size_t kLength = 200;

class SnippetTest : public ::testing::Test {
  protected:
    /// The snippet of `text` for `words` (parsed as infonote's searches
    /// are: English stems for lower-case words), marks as [ and ].
    static std::string snippet(const std::string& words, const std::string& text)
    {
        SnippetCutter cutter = cutter_for(words, text);
        EXPECT_TRUE(cutter.usable()) << words;
        return cutter.cut(text, kLength, "[", "]");
    }

    static SnippetCutter cutter_for(const std::string& words, const std::string& text)
    {
        db_ = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("en"));
        for (const std::string& t : {text, std::string("filler note about other things")}) {
            Xapian::Document doc;
            generator.set_document(doc);
            generator.index_text(fold(t));
            db_.add_document(doc);
        }
        Xapian::QueryParser parser;
        parser.set_stemmer(Xapian::Stem("en"));
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.set_database(db_);
        parser.add_prefix("title", "S");
        query_ = parser.parse_query(
            words, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
        Xapian::Enquire enquire(db_);
        enquire.set_query(query_);
        mset_ = enquire.get_mset(0, 10);
        return SnippetCutter(query_, mset_);
    }

    /// The snippet without its marks and "...": a slice of the text.
    static std::string shown(std::string s)
    {
        for (const char* cut : {"[", "]", "..."})
            for (std::size_t at; (at = s.find(cut)) != std::string::npos;)
                s.erase(at, std::string(cut).size());
        return s;
    }

    static inline Xapian::WritableDatabase db_;
    static inline Xapian::Query query_;
    static inline Xapian::MSet mset_;
};

TEST_F(SnippetTest, MarksStemmedWordsAndAccentedSpellings)
{
    std::string s = snippet("export control cote",
                            "Export controls were reviewed, with the contrôle des exportations "
                            "of Côte d'Ivoire.");
    EXPECT_EQ(s,
              "[Export] [controls] were reviewed, with the [contrôle] des [exportations] of "
              "[Côte] d'Ivoire.");
}

TEST_F(SnippetTest, APhraseIsMarkedWhereItsWordsFollowEachOther)
{
    std::string s =
        snippet("\"export control\"", "A control of exports. Then export control, in one stretch.");
    EXPECT_EQ(s, "A control of exports. Then [export control], in one stretch.");
    // Words the index cut apart are one phrase: R&D is marked whole.
    EXPECT_EQ(snippet("\"r d\"", "The R&D unit met."), "The [R&D] unit met.");
}

TEST_F(SnippetTest, TheStretchWithMostDifferentWordsIsShown)
{
    std::string filler = "Delegations discussed many matters. Delegations discussed more. ";
    std::string text = "Export licensing came first. " + filler + filler +
                       "Later on, the delegates saw that the export control lists were compared, " + filler +
                       filler + filler + filler;
    std::string s = snippet("export control", text);
    EXPECT_NE(s.find("[export] [control] lists were compared"), std::string::npos) << s;
    EXPECT_EQ(s.find("licensing"), std::string::npos) << s;
    // One word said again and again does not outweigh two different ones.
    std::string repeated = "Export export export export export. " + filler + "Export control.";
    EXPECT_NE(snippet("export control", repeated).find("[Export] [control]."), std::string::npos);
    // Reading stops a passage's length past the best stretch found, as
    // Xapian's snippets do: a better stretch much further on is not seen.
    std::string far = "Export licensing came first. " + filler + filler + filler + filler + filler +
                      filler + "Then export control.";
    EXPECT_EQ(snippet("export control", far).rfind("[Export] licensing came first.", 0), 0u);
}

TEST_F(SnippetTest, AStretchNearTheStartOpensTheText)
{
    std::string filler;
    for (int i = 0; i < 30; ++i) filler += "Delegations discussed many matters. ";
    std::string s = snippet("workshop", "Information Note. The workshop met in Astana. " + filler);
    EXPECT_EQ(s.rfind("Information Note. The [workshop] met in Astana.", 0), 0u) << s;
    EXPECT_LE(shown(s).size(), kLength) << s;
    // Cut inside a sentence, the passage ends with "...".
    s = snippet("workshop", "The workshop met in Astana, " + filler);
    EXPECT_EQ(s.substr(s.size() - 3), "...") << s;
}

TEST_F(SnippetTest, WhatIsShownIsTheTextWithinTheLength)
{
    std::mt19937 random(7);
    const std::vector<std::string> words = {
        "export", "controls", "Côte",        "d'Ivoire", "licensing", "the", "of",
        "1,540",  "R&D",      "exportation", "—",        "(2004)",    "\n",  "État"};
    for (int round = 0; round < 200; ++round) {
        std::string text;
        for (int i = 0; i < 300; ++i) {
            text += words[random() % words.size()];
            text += random() % 9 == 0 ? ". " : " ";
        }
        std::string s = snippet("export licensing etat", text);
        ASSERT_FALSE(s.empty());
        std::string plain = shown(s);
        EXPECT_LE(plain.size(), kLength) << s;
        EXPECT_NE(text.find(plain), std::string::npos) << s;
        EXPECT_NE(s.find('['), std::string::npos) << s;
    }
}

TEST_F(SnippetTest, NothingToMarkGivesNothing)
{
    EXPECT_EQ(snippet("customs", "Export controls only."), "");
    // Words the note must not hold, and words of other fields, mark nothing.
    EXPECT_EQ(snippet("export NOT customs", "Customs and export."), "Customs and [export].");
    EXPECT_EQ(snippet("title:export", "Export controls only."), "");
}

TEST_F(SnippetTest, WildcardsAreLeftToXapian)
{
    EXPECT_FALSE(cutter_for("expo*", "Export controls.").usable());
    EXPECT_TRUE(cutter_for("export", "Export controls.").usable());
}

}  // namespace
}  // namespace infonote
