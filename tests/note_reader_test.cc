// The reader layer: real files, written byte by byte into a temporary folder,
// read back as UTF-8 text or refused with one exact diagnostic.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <libdeflate.h>

#include "corpus_reader.h"
#include "file_stamp.h"
#include "logging.h"
#include "note_reader.h"
#include "pdf_text.h"
#include "process_helpers.h"

namespace {

namespace fs = std::filesystem;
using infonote::Diagnostic;
using infonote::FileText;
using infonote::read_note_file;
using infonote::test::Outcome;
using infonote::test::TempDir;
using infonote::test::write_file;

// --- files -------------------------------------------------------------------

/// Every diagnostic as `format_diagnostic` prints it, for a file named "f".
std::vector<std::string> messages(const FileText& file)
{
    std::vector<std::string> out;
    for (const Diagnostic& d : file.diagnostics) out.push_back(infonote::format_diagnostic("f", d));
    return out;
}

using Messages = std::vector<std::string>;

class NoteReaderTest : public ::testing::Test {
  protected:
    // As in the programs: info messages (which encoding a file was read in)
    // only when verbose.
    static void SetUpTestSuite() { infonote::setup_logging("reader_tests"); }

    /// Reads bytes written to a file called `name`.
    FileText read(const std::string& name, const std::string& bytes)
    {
        return read_note_file(write(name, bytes));
    }

    /// Writes `bytes` to NAME in the scratch folder; its path.
    fs::path write(const std::string& name, const std::string& bytes)
    {
        fs::path p = folder_.path() / name;
        write_file(p, bytes);
        return p;
    }

    /// Expects the file to be read as `text`, in `read_as`, with `warnings`.
    void expect_text(const FileText& file, const std::string& text, const std::string& read_as,
                     const Messages& warnings = {})
    {
        EXPECT_EQ(messages(file), warnings);
        ASSERT_TRUE(file.text.has_value());
        EXPECT_EQ(*file.text, text);
        EXPECT_EQ(file.read_as, read_as);
    }

    /// Expects the file to be refused with exactly one error.
    void expect_refused(const FileText& file, const std::string& error)
    {
        EXPECT_FALSE(file.text.has_value()) << *file.text;
        EXPECT_EQ(messages(file), Messages{"f: error: " + error});
    }

    TempDir folder_;
};

// --- which files are notes ----------------------------------------------------

TEST(NoteReaderFiles, NoteFilesByExtensionInAnyCaseExceptReadmes)
{
    struct Case {
        const char* path;
        bool is_note;
    } cases[] = {
        {"a.txt", true},        {"b.md", true},       {"c.pdf", true},       {"d.html", true},
        {"e.htm", true},        {"F.TXT", true},      {"g.Pdf", true},       {"h.HTM", true},
        {"dir/i.Html", true},   {"README.md", false}, {"readme.txt", false}, {"ReadMe.pdf", false},
        {"README.html", false}, {"j.doc", false},     {"k.docx", false},     {"l.txt.gz", false},
        {"html", false},        {"m", false},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.path);
        EXPECT_EQ(infonote::is_note_file(c.path), c.is_note);
    }
}

// --- encodings ----------------------------------------------------------------

// A file's content hash is 64-bit FNV-1a over the bytes read for its text,
// as 16 hex digits (the values below are FNV-1a's own).
TEST(NoteReaderFiles, ContentHashIsFnv1aOfTheBytesRead)
{
    TempDir dir;
    const std::pair<std::string, const char*> cases[] = {
        {"", "cbf29ce484222325"},
        {"a", "af63dc4c8601ec8c"},
        {std::string(70000, 'a'), "35519c4a74a6b895"},
    };
    for (const auto& [bytes, hash] : cases) {
        write_file(dir.path() / "f", bytes);
        infonote::NoteBytes read = infonote::read_note_bytes(dir.path() / "f");
        EXPECT_EQ(read.failure, "") << bytes.size();
        EXPECT_EQ(infonote::content_hash(read.bytes), hash) << bytes.size();
    }
    infonote::NoteBytes missing = infonote::read_note_bytes(dir.path() / "missing");
    EXPECT_EQ(missing.failure, "cannot read file: No such file or directory");
    EXPECT_EQ(missing.error, ENOENT);
}

TEST_F(NoteReaderTest, Utf8IsReadAsIs)
{
    expect_text(read("a.txt", "Venue: Abidjan, C\xC3\xB4te d'Ivoire\n"),
                "Venue: Abidjan, C\xC3\xB4te d'Ivoire\n", "UTF-8");
}

TEST_F(NoteReaderTest, Utf8ByteOrderMarkIsDropped)
{
    expect_text(read("a.txt", "\xEF\xBB\xBFT\xC3\xBCrkiye\n"), "T\xC3\xBCrkiye\n", "UTF-8");
}

TEST_F(NoteReaderTest, Utf16LittleEndianWithByteOrderMark)
{
    // "Türkiye\r\n" after the mark FF FE.
    std::string bytes(
        "\xFF\xFE"
        "T\0\xFC\0r\0k\0i\0y\0e\0\r\0\n\0",
        20);
    expect_text(read("a.txt", bytes), "T\xC3\xBCrkiye\n", "UTF-16LE");
}

TEST_F(NoteReaderTest, Utf16BigEndianWithByteOrderMark)
{
    // "Côte\n" and U+1F600 as a surrogate pair, after the mark FE FF.
    std::string bytes(
        "\xFE\xFF"
        "\0C\0\xF4\0t\0e\0\n\xD8\x3D\xDE\x00",
        16);
    expect_text(read("a.txt", bytes), "C\xC3\xB4te\n\xF0\x9F\x98\x80", "UTF-16BE");
}

// Latin-1 text as UTF-16 code units, without a byte order mark.
std::string utf16_of(const std::string& latin1, bool big_endian)
{
    std::string out;
    for (char c : latin1) {
        if (big_endian) out += '\0';
        out += c;
        if (!big_endian) out += '\0';
    }
    return out;
}

TEST_F(NoteReaderTest, Utf16WithoutByteOrderMarkIsToldByItsNulBytes)
{
    const std::string note =
        "Event: Workshop in T\xFCrkiye\r\nDate and Venue: 5 June 2018, Ankara\r\n";
    const std::string utf8 =
        "Event: Workshop in T\xC3\xBCrkiye\nDate and Venue: 5 June 2018, Ankara\n";
    expect_text(read("le.txt", utf16_of(note, false)), utf8, "UTF-16LE");
    expect_text(read("be.txt", utf16_of(note, true)), utf8, "UTF-16BE");
    // UTF-32 has NULs at both parities: still binary for want of a mark.
    std::string utf32;
    for (char c : std::string("Event: Workshop\n"))
        utf32 += std::string(1, c) + std::string(3, '\0');
    expect_refused(read("utf32.txt", utf32), "binary file (NUL bytes); skipped");
    // UTF-16 of control characters is still a binary file.
    expect_refused(read("ctl.txt", utf16_of(std::string(40, '\x01') + "text", false)),
                   "binary file (control characters); skipped");
}

TEST_F(NoteReaderTest, Utf32LittleEndianWithByteOrderMark)
{
    std::string bytes(
        "\xFF\xFE\0\0"
        "A\0\0\0\xE9\0\0\0",
        12);
    expect_text(read("a.txt", bytes), "A\xC3\xA9", "UTF-32LE");
}

TEST_F(NoteReaderTest, DamagedUtf16IsReplacedWithWarning)
{
    // A lone high surrogate on line 2, and an odd byte at the end.
    std::string bytes(
        "\xFF\xFE"
        "a\0\n\0\x3D\xD8"
        "b\0c",
        11);
    expect_text(read("a.txt", bytes),
                "a\n\xEF\xBF\xBD"
                "b\xEF\xBF\xBD",
                "UTF-16LE", {"f:2: warning: 2 invalid UTF-16LE sequence(s) replaced by U+FFFD"});
}

TEST_F(NoteReaderTest, Windows1252IsDetectedAndConverted)
{
    // Curly quotes, an en dash and the euro sign exist only in windows-1252.
    expect_text(read("a.txt", "Venue: C\xF4te d'Ivoire \x93T\xFCrkiye\x94 \x96 \x80\n"),
                "Venue: C\xC3\xB4te d'Ivoire \xE2\x80\x9CT\xC3\xBCrkiye\xE2\x80\x9D \xE2\x80\x93 "
                "\xE2\x82\xAC\n",
                "windows-1252");
}

TEST_F(NoteReaderTest, Latin1IsReadAsWindows1252)
{
    // ICU calls this ISO-8859-1; windows-1252 agrees on every letter.
    expect_text(read("a.txt", "Participants: C\xF4te d'Ivoire, T\xFCrkiye, Ghana\n"),
                "Participants: C\xC3\xB4te d'Ivoire, T\xC3\xBCrkiye, Ghana\n", "windows-1252");
}

TEST_F(NoteReaderTest, OneLegacyLetterInAsciiIsWindows1252)
{
    // Too little text for the detector: the fallback decides.
    expect_text(read("a.txt", "T\xFCrkiye\n"), "T\xC3\xBCrkiye\n", "windows-1252");
}

TEST_F(NoteReaderTest, OtherLegacyEncodingsAreGuessedWithWarning)
{
    // "Участники: Казахстан, Кыргызстан, Таджикистан, Туркменистан" and
    // more, in windows-1251.
    std::string cp1251 =
        "\xCC\xE5\xF0\xEE\xEF\xF0\xE8\xFF\xF2\xE8\xE5: \xD0\xE5\xE3\xE8\xEE\xED\xE0\xEB\xFC"
        "\xED\xFB\xE9 \xF1\xE5\xEC\xE8\xED\xE0\xF0 \xEF\xEE \xF0\xE5\xE7\xEE\xEB\xFE\xF6\xE8"
        "\xE8 1540\n\xC4\xE0\xF2\xE0 \xE8 \xEC\xE5\xF1\xF2\xEE: 5 \xE8\xFE\xED\xFF 2018 "
        "\xE3\xEE\xE4\xE0, \xC0\xEB\xEC\xE0\xF2\xFB, \xCA\xE0\xE7\xE0\xF5\xF1\xF2\xE0\xED\n"
        "\xD3\xF7\xE0\xF1\xF2\xED\xE8\xEA\xE8: \xCA\xE0\xE7\xE0\xF5\xF1\xF2\xE0\xED, \xCA"
        "\xFB\xF0\xE3\xFB\xE7\xF1\xF2\xE0\xED, \xD2\xE0\xE4\xE6\xE8\xEA\xE8\xF1\xF2\xE0\xED"
        ", \xD2\xF3\xF0\xEA\xEC\xE5\xED\xE8\xF1\xF2\xE0\xED\n";
    FileText file = read("a.txt", cp1251);
    EXPECT_EQ(file.read_as, "windows-1251");
    EXPECT_EQ(messages(file),
              Messages{"f: warning: not UTF-8; read as windows-1251, the charset detector's "
                       "guess (33% confidence)"});
    ASSERT_TRUE(file.text.has_value());
    EXPECT_NE(file.text->find("\xD0\xA3\xD1\x87\xD0\xB0\xD1\x81\xD1\x82\xD0\xBD\xD0\xB8\xD0\xBA"
                              "\xD0\xB8: \xD0\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD1\x85\xD1\x81\xD1\x82"
                              "\xD0\xB0\xD0\xBD,"),
              std::string::npos)
        << *file.text;
}

TEST_F(NoteReaderTest, CrLfAndCrLineEndsBecomeLf)
{
    expect_text(read("a.txt", "one\r\ntwo\rthree\n\r\nfour\r"), "one\ntwo\nthree\n\nfour\n",
                "UTF-8");
}

TEST_F(NoteReaderTest, InvalidUtf8IsReplacedWithWarningOnFirstLine)
{
    // Mostly UTF-8 (two valid sequences) with one stray windows-1252 byte on
    // line 3 and another on line 4: a damaged UTF-8 file, not a legacy one.
    expect_text(read("a.txt", "C\xC3\xB4te\r\nR\xC3\xA9union\rT\xFCrkiye\n\xE9\n"),
                "C\xC3\xB4te\nR\xC3\xA9union\nT\xEF\xBF\xBDrkiye\n\xEF\xBF\xBD\n", "UTF-8",
                {"f:3: warning: 2 invalid UTF-8 byte(s) replaced by U+FFFD"});
}

TEST_F(NoteReaderTest, OverlongAndSurrogateUtf8AreInvalid)
{
    // An overlong '/' and an encoded surrogate, among enough valid 'é's to
    // keep the file UTF-8.
    expect_text(read("a.txt", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 \xC0\xAF \xED\xA0\x80\n"),
                "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD "
                "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n",
                "UTF-8", {"f:1: warning: 5 invalid UTF-8 byte(s) replaced by U+FFFD"});
}

// --- bad text files -----------------------------------------------------------

TEST_F(NoteReaderTest, EmptyFilesAreRefused)
{
    expect_refused(read("a.txt", ""), "empty file; skipped");
    expect_refused(read("b.md", " \r\n\t\n"), "empty file; skipped");
    expect_refused(read("c.txt", "\xEF\xBB\xBF\n"), "empty file; skipped");
    expect_refused(read("d.txt", std::string("\xFF\xFE \0\n\0", 6)), "empty file; skipped");
    expect_refused(read("e.pdf", ""), "empty file; skipped");
    expect_refused(read("f.html", "\n"), "empty file; skipped");
}

TEST_F(NoteReaderTest, BinaryFilesAreRefused)
{
    expect_refused(read("a.md", std::string("\x7F"
                                            "ELF\x02\x01\x01\0\0\0",
                                            10)),
                   "binary file (NUL bytes); skipped");
    // No NUL, but control characters no text has.
    expect_refused(read("b.txt", "PK\x03\x04\x14\x06\x08\x08\x21\x8C\x9A\x10"),
                   "binary file (control characters); skipped");
    // A byte order mark, then UTF-16 NULs.
    expect_refused(read("c.txt", std::string("\xFF\xFE"
                                             "a\0\0\0b\0",
                                             8)),
                   "binary file (NUL bytes); skipped");
}

TEST_F(NoteReaderTest, OversizedFileIsRefusedWithoutReadingIt)
{
    fs::path big = write("big.txt", "");
    // Sparse: no disk space, no time.
    fs::resize_file(big, infonote::kMaxNoteBytes + 1);
    expect_refused(read_note_file(big),
                   "file is 64 MiB, more than a note can be (64 MiB); skipped");
}

TEST_F(NoteReaderTest, MissingFileIsRefused)
{
    expect_refused(read_note_file(folder_.path() / "gone.txt"),
                   "cannot read file: No such file or directory");
}

// Root reads any file whatever its mode, and tests run as root in CI: there
// the reading is done by a child process that has given root up.
TEST_F(NoteReaderTest, UnreadableFileIsRefused)
{
    fs::path p = write("locked.txt", "Event: secret\n");
    fs::permissions(p, fs::perms::none);
    fs::permissions(folder_.path(), fs::perms::all);  // the folder itself is open to all

    if (geteuid() != 0) {
        expect_refused(read_note_file(p), "cannot read file: Permission denied");
        return;
    }
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        close(pipe_fds[0]);
        const uid_t nobody = 65534;
        if (setgid(nobody) != 0 || setuid(nobody) != 0) _exit(2);
        FileText file = read_note_file(p);
        std::string report = messages(file).empty() ? "" : messages(file).front();
        if (file.text) report = "read: " + *file.text;
        ssize_t written = ::write(pipe_fds[1], report.data(), report.size());
        _exit(written == static_cast<ssize_t>(report.size()) ? 0 : 3);
    }
    close(pipe_fds[1]);
    std::string report;
    char buffer[256];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
        report.append(buffer, static_cast<std::size_t>(n));
    close(pipe_fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
    EXPECT_EQ(report, "f: error: cannot read file: Permission denied");
}

// --- PDF ------------------------------------------------------------------------

struct PdfOptions {
    /// Adds a standard-security /Encrypt dictionary whose user password is
    /// not empty, so that no reader can open the file without it.
    bool encrypted = false;
    /// Each page's text drawn this many times over itself, as a
    /// decompression bomb does: poppler's cost grows with the square.
    std::size_t copies = 1;
    /// Content streams compressed (FlateDecode).
    bool deflate = false;
};

std::string zlib_compressed(const std::string& data)
{
    libdeflate_compressor* c = libdeflate_alloc_compressor(12);
    std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
    out.resize(libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size()));
    libdeflate_free_compressor(c);
    return out;
}

/// A minimal valid PDF: one page per entry of `pages`, each line of a page
/// drawn in Helvetica (WinAnsiEncoding, so "\xF4" is "ô"), with a correct
/// cross-reference table. A page with no lines draws a rectangle and no text.
std::string make_pdf(const std::vector<std::vector<std::string>>& pages,
                     const PdfOptions& options = {})
{
    std::vector<std::string> objects;
    std::string kids;
    const std::size_t first_page = 4;  // 1 catalog, 2 page tree, 3 font
    for (std::size_t i = 0; i < pages.size(); ++i)
        kids += std::to_string(first_page + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                      std::to_string(pages.size()) + " >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        std::string content;
        if (pages[i].empty()) {
            content = "72 600 200 100 re f\n";
        } else {
            std::string block = "BT /F1 11 Tf 14 TL 72 760 Td\n";
            for (const std::string& line : pages[i]) block += "(" + line + ") Tj T*\n";
            block += "ET\n";
            for (std::size_t copy = 0; copy < options.copies; ++copy) content += block;
        }
        objects.push_back(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            "/Resources << /Font << /F1 3 0 R >> >> /Contents " +
            std::to_string(first_page + 2 * i + 1) + " 0 R >>");
        if (options.deflate) content = zlib_compressed(content);
        objects.push_back("<< /Length " + std::to_string(content.size()) +
                          (options.deflate ? " /Filter /FlateDecode" : "") + " >>\nstream\n" +
                          content + "\nendstream");
    }
    std::string trailer_extra;
    if (options.encrypted) {
        objects.push_back("<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, '1') + "> /U <" +
                          std::string(64, '2') + "> /P -44 >>");
        trailer_extra = " /Encrypt " + std::to_string(objects.size()) +
                        " 0 R /ID [<00112233445566778899aabbccddeeff> "
                        "<00112233445566778899aabbccddeeff>]";
    }
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        std::string digits = std::to_string(offset);
        pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" +
           trailer_extra + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

const std::vector<std::string> kPdfNote = {
    "Event: Regional workshop on resolution 1540",
    "Date and Venue: 5 June 2018, Abidjan, C\xF4te d'Ivoire",
    "Participants: States: C\xF4te d'Ivoire, Ghana, T\xFCrkiye",
};

TEST_F(NoteReaderTest, PdfTextInReadingOrderWithLineBreaks)
{
    expect_text(read("a.pdf", make_pdf({kPdfNote})),
                "Event: Regional workshop on resolution 1540\n"
                "Date and Venue: 5 June 2018, Abidjan, C\xC3\xB4te d'Ivoire\n"
                "Participants: States: C\xC3\xB4te d'Ivoire, Ghana, T\xC3\xBCrkiye\n",
                "PDF");
}

TEST_F(NoteReaderTest, PdfPagesAreSeparatedByBlankLine)
{
    expect_text(read("a.PDF", make_pdf({{"page one"}, {}, {"page (three)", "end"}})),
                "page one\n\npage (three)\nend\n", "PDF");
}

// 50 lines drawn 2000 times over each other: 11 kB that inflate to 2 MB
// and would keep poppler busy for minutes. Stopped at the deadline.
TEST_F(NoteReaderTest, PdfBombIsStoppedAtTheDeadline)
{
    std::vector<std::string> lines(50, "Export controls workshop on licensing and enforcement");
    PdfOptions bomb;
    bomb.copies = 2000;
    bomb.deflate = true;
    std::string pdf = make_pdf({lines}, bomb);
    EXPECT_LT(pdf.size(), 64u << 10);
    infonote::PdfLimits limits;
    limits.seconds = 1.5;
    auto start = std::chrono::steady_clock::now();
    FileText file = infonote::pdf_to_text(pdf, limits);
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_FALSE(file.text.has_value());
    EXPECT_EQ(messages(file),
              Messages{"f: error: PDF took more than 1.5 s to read (a decompression bomb?); "
                       "skipped"});
    EXPECT_LT(took, 5.0);
    // The same text drawn once is read, compressed or not.
    PdfOptions once;
    once.deflate = true;
    FileText plain = infonote::pdf_to_text(make_pdf({lines}, once), limits);
    ASSERT_TRUE(plain.text.has_value()) << messages(plain).front();
    EXPECT_EQ(plain.text->rfind(lines[0] + "\n" + lines[1] + "\n", 0), 0u);
}

TEST_F(NoteReaderTest, PdfWithTooMuchTextIsRefused)
{
    std::vector<std::vector<std::string>> pages(40,
                                                std::vector<std::string>(40, std::string(60, 'x')));
    infonote::PdfLimits limits;
    limits.text_bytes = 64 << 10;
    expect_refused(infonote::pdf_to_text(make_pdf(pages), limits),
                   "PDF text is more than 64 KiB; skipped");
    EXPECT_TRUE(infonote::pdf_to_text(make_pdf(pages)).text.has_value());
}

// The indexer reads PDFs on several threads while others parse, allocate and
// log. Each PDF's reader must start clean of the locks those threads hold:
// every file read, none stopped at the deadline.
TEST_F(NoteReaderTest, PdfsReadOnSeveralThreadsWhileOthersWorkAreAllRead)
{
    const std::string good = make_pdf({kPdfNote});
    const std::string locked =
        infonote::test::read_file(std::filesystem::path(INFONOTE_SOURCE_DIR) /
                                  "tests/golden/bad-encrypted.pdf");
    infonote::PdfLimits limits;
    limits.seconds = 10;
    std::atomic<bool> done{false};
    std::vector<std::thread> busy;
    for (int t = 0; t < 2; ++t)
        busy.emplace_back([&done] {
            while (!done) {
                std::vector<std::string> churn(64, std::string(512, 'x'));
                std::map<std::string, int> counts;
                for (const std::string& s : churn) ++counts[s];
            }
        });
    std::vector<std::vector<std::string>> results(4);
    std::vector<std::thread> readers;
    for (std::size_t t = 0; t < results.size(); ++t)
        readers.emplace_back([&, t] {
            for (int i = 0; i < 6; ++i) {
                FileText file = infonote::pdf_to_text(i % 2 ? locked : good, limits);
                results[t].push_back(file.text ? "text" : file.diagnostics.front().message);
            }
        });
    for (std::thread& r : readers) r.join();
    done = true;
    for (std::thread& b : busy) b.join();
    for (const std::vector<std::string>& got : results)
        EXPECT_EQ(got, (std::vector<std::string>{"text", "encrypted PDF (needs a password); skipped",
                                                 "text", "encrypted PDF (needs a password); skipped",
                                                 "text", "encrypted PDF (needs a password); skipped"}));
}

TEST_F(NoteReaderTest, PdfUnderATextNameIsReadAsPdf)
{
    expect_text(read("a.txt", make_pdf({{"Event: misnamed"}})), "Event: misnamed\n", "PDF");
}

TEST_F(NoteReaderTest, EncryptedPdfIsRefused)
{
    expect_refused(read("a.pdf", make_pdf({kPdfNote}, {.encrypted = true})),
                   "encrypted PDF (needs a password); skipped");
}

TEST_F(NoteReaderTest, TruncatedPdfIsRefused)
{
    std::string pdf = make_pdf({kPdfNote});
    expect_refused(read("a.pdf", pdf.substr(0, pdf.size() / 2)),
                   "truncated PDF (no %%EOF at the end); skipped");
}

TEST_F(NoteReaderTest, DamagedPdfIsRefused)
{
    expect_refused(read("a.pdf", "%PDF-1.4\nnot objects at all\n%%EOF\n"),
                   "damaged PDF (poppler cannot read it); skipped");
}

TEST_F(NoteReaderTest, PdfWithoutTextLayerIsRefused)
{
    expect_refused(read("a.pdf", make_pdf({{}, {}})),
                   "PDF has no text layer (scanned pages?); skipped");
}

TEST_F(NoteReaderTest, FileNamedPdfThatIsNotOneIsRefused)
{
    expect_refused(read("a.pdf", "<html>404 Not Found</html>\n"),
                   "not a PDF file (no %PDF- header); skipped");
}

// --- HTML -----------------------------------------------------------------------

TEST_F(NoteReaderTest, HtmlVisibleTextWithBlocksOnTheirOwnLines)
{
    std::string html =
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Not shown</title>\n"
        "<style>p { color: red }</style><script>var s = \"<p>Event: fake</p>\";</script>"
        "</head>\n<body>\r\n<h1>Information  Note</h1>\n"
        "<p><b>Event:</b> Regional workshop on\n   resolution&nbsp;1540</p>\n"
        "<p><b>Date and Venue:</b> 5&ndash;6 June 2018, Abidjan, C&ocirc;te d&#39;Ivoire</p>\n"
        "<div><b>Participants:</b><ul><li>States: Ghana, T&uuml;rkiye<li>Organizations: "
        "UNODA</ul></div>\n"
        "<table><tr><td>Organizer:</td><td>UNODA</td></tr><tr><th>A</th><td>B</td></table>\n"
        "line<br>break<br><br>after a blank line\n"
        "<pre>  kept\n   as is</pre>\n"
        "<div hidden>hidden</div><!-- comment --><noscript>no script</noscript>\n"
        "<p>a &amp; b &lt;c&gt;</p>\n</body></html>\n";
    expect_text(read("a.html", html),
                "Information Note\n\n"
                "Event: Regional workshop on resolution 1540\n\n"
                "Date and Venue: 5\xE2\x80\x93"
                "6 June 2018, Abidjan, C\xC3\xB4te d'Ivoire\n\n"
                "Participants:\n"
                "States: Ghana, T\xC3\xBCrkiye\n"
                "Organizations: UNODA\n"
                "Organizer: UNODA\n"
                "A B\n"
                "line\nbreak\n\nafter a blank line\n"
                "  kept\n   as is\n\n"
                "a & b <c>\n",
                "HTML in UTF-8");
}

TEST_F(NoteReaderTest, HtmlDeclaredCharsetIsUsed)
{
    // Detection alone would say windows-1252; the declaration says KOI8-R.
    expect_text(read("a.htm",
                     "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                     "charset=KOI8-R\"><p>\xEB\xC1\xDA\xC1\xC8\xD3\xD4\xC1\xCE</p>"),
                "\xD0\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD1\x85\xD1\x81\xD1\x82\xD0\xB0\xD0\xBD\n",
                "HTML in koi8-r");
}

TEST_F(NoteReaderTest, HtmlInWindows1252IsDetected)
{
    expect_text(read("a.html", "<p>C\xF4te d'Ivoire, T\xFCrkiye</p>"),
                "C\xC3\xB4te d'Ivoire, T\xC3\xBCrkiye\n", "HTML in windows-1252");
}

TEST_F(NoteReaderTest, HtmlWithNoVisibleTextIsRefused)
{
    expect_refused(read("a.html",
                        "<html><head><title>t</title></head><body><script>x()"
                        "</script></body></html>"),
                   "no visible text in the HTML; skipped");
}

TEST_F(NoteReaderTest, DeeplyNestedHtmlIsRefusedBeforeParsing)
{
    std::string html;
    for (int i = 0; i < 3000; ++i) html += "<div>";
    html += "x";
    expect_refused(read("a.html", html), "HTML nests elements 3000 deep, more than 2000; skipped");
}

TEST_F(NoteReaderTest, LongSloppyHtmlIsNotTakenForDeep)
{
    // Thousands of unclosed <p> and <li>: each closes the one before.
    std::string html = "<ul>";
    for (int i = 0; i < 5000; ++i) html += "<li>item <p>para";
    FileText file = read("a.html", html);
    EXPECT_EQ(messages(file), Messages{});
    ASSERT_TRUE(file.text.has_value());
    EXPECT_EQ(file.text->substr(0, 22), "item\n\npara\n\nitem\n\npara");
}

// --- a whole build ------------------------------------------------------------

TEST_F(NoteReaderTest, BuildSurvivesSymlinkLoopsAndIndexesTheRest)
{
    fs::path corpus = folder_.path() / "corpus";
    fs::create_directories(corpus / "sub");
    write("corpus/note.txt",
          "Event: Regional workshop\nDate and Venue: 5 June 2018, Accra, Ghana\n"
          "Participants: States: Ghana, Togo\n");
    fs::create_directory_symlink("..", corpus / "sub" / "up");  // a loop through the parent
    fs::create_symlink("self.txt", corpus / "self.txt");        // a file link to itself
    // A walk that followed the loop would not end, and the test would time out.
    Outcome r = infonote::test::run(
        {INFONOTE_INDEX_BIN, "build", corpus.string(), "--db", (folder_.path() / "db").string()});
    // 3: done, but some files were skipped.
    EXPECT_EQ(r.status, 3) << infonote::test::describe(r);
    EXPECT_NE(r.out.find("indexed 1 note"), std::string::npos) << r.out;
    // Each link is named on a line of its own.
    EXPECT_NE(r.err.find(corpus.string() + "/self.txt: error: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(corpus.string() + "/sub/up: error: "), std::string::npos) << r.err;
}

std::vector<std::string> relative_names(const infonote::CorpusListing& listing)
{
    std::vector<std::string> names;
    for (const infonote::CorpusFile& f : listing.files) names.push_back(f.relative);
    return names;
}

TEST_F(NoteReaderTest, CorpusListingSortedWithSkipsNamed)
{
    fs::path corpus = folder_.path() / "corpus";
    fs::create_directories(corpus / "b" / "deep");
    fs::create_directories(corpus / ".hidden");
    write("corpus/b/deep/z.txt", "note");
    write("corpus/b-c.md", "note");
    write("corpus/a.TXT", "note");
    write("corpus/.hidden/n.txt", "note");
    write("corpus/.n.txt", "note");
    write("corpus/README.md", "not a note");
    write("corpus/notes.csv", "not a note");
    fs::create_symlink("a.TXT", corpus / "link.txt");
    fs::create_directory_symlink("b", corpus / "linked-folder");
    fs::create_symlink("gone.txt", corpus / "dangling.txt");

    infonote::CorpusListing listing = infonote::list_corpus(corpus);
    // Sorted by the relative path as a string: '-' comes before '/'.
    EXPECT_EQ(relative_names(listing),
              (std::vector<std::string>{"a.TXT", "b-c.md", "b/deep/z.txt", "link.txt"}));
    EXPECT_EQ(listing.files[0].stamp.size, 4u);
    EXPECT_EQ(listing.files[3].stamp.size, 4u);  // the link's target, not the link
    ASSERT_EQ(listing.skipped.size(), 2u);
    std::map<std::string, std::string> skipped;
    for (const infonote::SkippedEntry& s : listing.skipped) skipped[s.relative] = s.reason;
    EXPECT_EQ(skipped["linked-folder"], "symbolic link to a folder, not followed");
    EXPECT_EQ(skipped["dangling.txt"], "No such file or directory");
}

TEST_F(NoteReaderTest, CorpusFolderGivenAsLinkIsWalked)
{
    fs::create_directories(folder_.path() / "real" / "sub");
    write("real/sub/n.txt", "note");
    fs::create_directory_symlink("real", folder_.path() / "corpus");
    infonote::CorpusListing listing = infonote::list_corpus(folder_.path() / "corpus");
    EXPECT_EQ(relative_names(listing), std::vector<std::string>{"sub/n.txt"});
    EXPECT_TRUE(listing.skipped.empty());
    EXPECT_THROW(infonote::list_corpus(folder_.path() / "real" / "sub" / "n.txt"),
                 infonote::CorpusError);
}

}  // namespace
