// TextLines: line numbers and the phrases quoted as evidence.
#include "evidence.h"

#include <string>

#include <gtest/gtest.h>

namespace infonote {
namespace {

TEST(TextLines, LinesAreCountedFromOne)
{
    const std::string text = "first\nsecond\n\nfourth";
    TextLines lines(text);
    EXPECT_EQ(lines.count(), 4u);
    EXPECT_EQ(lines.line_of(0), 1);
    EXPECT_EQ(lines.line_of(5), 1);  // the line feed belongs to its line
    EXPECT_EQ(lines.line_of(6), 2);
    EXPECT_EQ(lines.line_of(text.size()), 4);
    EXPECT_EQ(lines.line(1), "second");
    EXPECT_EQ(lines.line(2), "");
    EXPECT_EQ(lines.line(3), "fourth");
}

TEST(TextLines, LineEvidenceQuotesTheWholeShortLine)
{
    const std::string text = "Event: Workshop\nStates:  Kazakhstan,\tKyrgyzstan\nEnd";
    TextLines lines(text);
    std::size_t at = text.find("Kyrgyzstan");
    Evidence e = lines.line_evidence(EvidenceSource::Header, at, at + 10);
    EXPECT_EQ(e.source, EvidenceSource::Header);
    EXPECT_EQ(e.line, 2);
    EXPECT_EQ(e.text, "States: Kazakhstan, Kyrgyzstan");
}

TEST(TextLines, QuotedTextOfTheSameLayoutIsQuotedInstead)
{
    const std::string text = "**States:** Kazakhstan";
    const std::string blanked = "  States:   Kazakhstan";
    TextLines lines(text);
    Evidence e = lines.line_evidence(EvidenceSource::Header, 12, 22, blanked);
    EXPECT_EQ(e.text, "States: Kazakhstan");
}

TEST(TextLines, LongContextIsCutAtWordsAroundTheFact)
{
    std::string text;
    for (int i = 0; i < 60; ++i) text += "word" + std::to_string(i) + " ";
    text += "Mongolia";
    for (int i = 0; i < 60; ++i) text += " other" + std::to_string(i);
    TextLines lines(text);
    std::size_t at = text.find("Mongolia");
    Evidence e = lines.line_evidence(EvidenceSource::Prose, at, at + 8);
    EXPECT_EQ(e.source, EvidenceSource::Prose);
    EXPECT_NE(e.text.find("Mongolia"), std::string::npos);
    EXPECT_EQ(e.text.substr(0, 3), "...");
    EXPECT_EQ(e.text.substr(e.text.size() - 3), "...");
    EXPECT_LE(e.text.size(), kMaxEvidenceBytes + 6);
    // Whole words only: after the leading dots comes the start of a word.
    EXPECT_TRUE(e.text.compare(3, 4, "word") == 0 || e.text.compare(3, 5, "other") == 0)
        << e.text;
    EXPECT_EQ(e.text.find("  "), std::string::npos);
}

TEST(TextLines, ContextBoundsTheQuote)
{
    const std::string text = "Organizers: UNODA Date and Venue: 5 May 2014, Vienna Participants: ...";
    TextLines lines(text);
    std::size_t label = text.find("Date and Venue");
    std::size_t end = text.find(" Participants");
    std::size_t date = text.find("5 May");
    Evidence e = lines.evidence(EvidenceSource::Header, date, date + 10, label, end);
    EXPECT_EQ(e.text, "Date and Venue: 5 May 2014, Vienna");
}

TEST(TextLines, OffsetsOutOfOrderOrPastTheTextQuoteWithinIt)
{
    const std::string text = "States: Kazakhstan";
    TextLines lines(text);
    Evidence past = lines.evidence(EvidenceSource::Header, 40, 50, 0, 60);
    EXPECT_EQ(past.text, "States: Kazakhstan");
    Evidence backwards = lines.evidence(EvidenceSource::Header, 12, 3, 10, 5);
    EXPECT_LE(backwards.text.size(), text.size());
    EXPECT_EQ(backwards.line, 1);
}

TEST(TextLines, NoQuoteSplitsAMultiByteCharacter)
{
    // A run of two-byte letters with no space: the cut must fall between
    // characters, whatever the byte count.
    std::string word;
    for (int i = 0; i < 200; ++i) word += "\xC3\xA9";  // é
    const std::string text = word + " Côte d'Ivoire " + word;
    TextLines lines(text);
    std::size_t at = text.find("Côte");
    Evidence e = lines.line_evidence(EvidenceSource::Prose, at, at + 15);
    ASSERT_FALSE(e.text.empty());
    for (std::size_t i = 0; i < e.text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(e.text[i]);
        if (c == 0xC3) {
            ASSERT_LT(i + 1, e.text.size()) << "cut inside a character";
            EXPECT_EQ(static_cast<unsigned char>(e.text[i + 1]) & 0xC0, 0x80);
        }
        if ((c & 0xC0) == 0x80) {
            EXPECT_GT(i, 0u) << "quote starts inside a character";
        }
    }
    EXPECT_NE(e.text.find("Côte d'Ivoire"), std::string::npos);
}

}  // namespace
}  // namespace infonote
