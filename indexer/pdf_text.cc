#include "pdf_text.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "ascii.h"

namespace infonote {

namespace {

// Poppler reports each repair and each unreadable object on stderr ("Syntax
// Error: ..."), several per damaged file and none naming it; the diagnostics
// below name the file and say what happens to it.
void ignore_poppler_message(const std::string&, void*) {}

void silence_poppler()
{
    static const bool silenced = [] {
        poppler::set_debug_error_function(ignore_poppler_message, nullptr);
        return true;
    }();
    (void)silenced;
}

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

// Readers accept the header anywhere in the first 1024 bytes and the end
// marker anywhere in the last 1024, since some writers add a few bytes around
// them.
constexpr std::size_t kMarkerWindow = 1024;

bool has_pdf_header(std::string_view bytes)
{
    return contains(bytes.substr(0, kMarkerWindow), "%PDF-");
}

bool has_pdf_end(std::string_view bytes)
{
    return contains(bytes.substr(bytes.size() - std::min(bytes.size(), kMarkerWindow)), "%%EOF");
}

std::string to_string(const poppler::ustring& text)
{
    poppler::byte_array utf8 = text.to_utf8();
    return std::string(utf8.begin(), utf8.end());
}

// "16 MiB", "64 KiB".
std::string mib(std::size_t bytes)
{
    return bytes >= (std::size_t{1} << 20) ? std::to_string(bytes >> 20) + " MiB"
                                           : std::to_string(bytes >> 10) + " KiB";
}

// Poppler's part, run in the child: the text, or why there is none.
FileText extract(std::string_view bytes, const PdfLimits& limits)
{
    if (!has_pdf_header(bytes)) return refused("not a PDF file (no %PDF- header); skipped");
    const bool truncated = !has_pdf_end(bytes);
    if (bytes.size() > INT_MAX) return refused("PDF too large for poppler; skipped");

    // load_from_raw_data reads `bytes` in place; they outlive the document.
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc)
        return refused(truncated ? "truncated PDF (no %%EOF at the end); skipped"
                                 : "damaged PDF (poppler cannot read it); skipped");
    // Poppler opens a PDF whose user password is empty by itself; one that
    // stays locked needs a password we do not have. A locked document must
    // not be asked for its pages: poppler 22.12 crashes.
    if (doc->is_locked()) return refused("encrypted PDF (needs a password); skipped");

    FileText out;
    out.read_as = "PDF";
    std::string text;
    const int pages = doc->pages();
    for (int i = 0; i < pages; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        // Neither physical layout (which pads columns with spaces) nor raw
        // content-stream order: poppler's reading order, one line per line.
        std::string page_text =
            to_string(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
        // Poppler ends each page with a form feed; pages are separated by a
        // blank line instead, as paragraphs are in text notes.
        while (!page_text.empty() &&
               (page_text.back() == '\f' || page_text.back() == '\n' || page_text.back() == ' '))
            page_text.pop_back();
        if (page_text.empty()) continue;
        if (!text.empty()) text += "\n\n";
        text += page_text;
        if (text.size() > limits.text_bytes)
            return refused("PDF text is more than " + mib(limits.text_bytes) + "; skipped");
    }
    if (pages == 0) return refused("PDF has no pages; skipped");
    if (is_ascii_blank(text))
        return refused("PDF has no text layer (scanned pages?); skipped");
    text += '\n';
    if (truncated)
        out.diagnostics.push_back(
            {Severity::Warning, 0,
             "truncated PDF (no %%EOF at the end); indexing the text poppler could read"});
    out.text = std::move(text);
    return out;
}

// --- the child process ------------------------------------------------------
//
// The child sends its FileText down a pipe as length-prefixed fields: read_as,
// whether there is text, the text, then each diagnostic's severity, line and
// message.

void put(std::string& out, std::string_view field)
{
    std::uint64_t n = field.size();
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
    out.append(field);
}

std::string serialise(const FileText& file)
{
    std::string out;
    put(out, file.read_as);
    put(out, file.text ? "1" : "0");
    put(out, file.text ? *file.text : "");
    for (const Diagnostic& d : file.diagnostics) {
        put(out, d.severity == Severity::Error ? "E" : "W");
        put(out, std::to_string(d.line));
        put(out, d.message);
    }
    return out;
}

bool take(std::string_view& in, std::string& field)
{
    std::uint64_t n = 0;
    if (in.size() < sizeof n) return false;
    std::memcpy(&n, in.data(), sizeof n);
    in.remove_prefix(sizeof n);
    if (in.size() < n) return false;
    field.assign(in.substr(0, n));
    in.remove_prefix(n);
    return true;
}

std::optional<FileText> deserialise(std::string_view in)
{
    FileText file;
    std::string has_text, text;
    if (!take(in, file.read_as) || !take(in, has_text) || !take(in, text)) return std::nullopt;
    if (has_text == "1") file.text = std::move(text);
    while (!in.empty()) {
        std::string severity, line, message;
        if (!take(in, severity) || !take(in, line) || !take(in, message)) return std::nullopt;
        file.diagnostics.push_back({severity == "E" ? Severity::Error : Severity::Warning,
                                    std::atoi(line.c_str()), std::move(message)});
    }
    return file;
}

#if !defined(__SANITIZE_ADDRESS__)
// The address space the process maps now, in bytes (0 when unknown).
std::size_t mapped_bytes()
{
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    if (!statm) return 0;
    unsigned long pages = 0;
    int got = std::fscanf(statm, "%lu", &pages);
    std::fclose(statm);
    return got == 1 ? pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE)) : 0;
}
#endif

bool write_all(int fd, std::string_view data)
{
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool read_all(int fd, std::string& out)
{
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) return true;
        out.append(buffer, static_cast<std::size_t>(n));
    }
}

// --- the child process ------------------------------------------------------
//
// The child is this same program, started afresh (posix_spawn of
// /proc/self/exe) with kChildVariable in its environment. A fork without
// exec would copy a process whose other threads may hold locks (the
// allocator's, a library's) that nobody would ever release in the copy:
// poppler's first allocation there could wait forever, and a good PDF be
// refused at the deadline. A program started afresh holds none.
//
// The variable holds the limits, "SECONDS TEXT_BYTES MEMORY_BYTES"; the PDF
// arrives on standard input and the serialised FileText leaves on standard
// output.

constexpr char kChildVariable[] = "INFONOTE_PDF_CHILD";

std::string seconds_of(double seconds)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", seconds);
    return buf;
}

// Whole milliseconds, so that no locale's decimal comma comes between.
std::string limits_value(const PdfLimits& limits)
{
    return std::to_string(std::llround(limits.seconds * 1000)) + " " +
           std::to_string(limits.text_bytes) + " " + std::to_string(limits.memory_bytes);
}

[[noreturn]] void run_child(const char* value)
{
    PdfLimits limits;
    long long milliseconds = 0;
    if (std::sscanf(value, "%lld %zu %zu", &milliseconds, &limits.text_bytes,
                    &limits.memory_bytes) != 3)
        _exit(6);
    limits.seconds = static_cast<double>(milliseconds) / 1000;
    rlimit cpu{};
    cpu.rlim_cur = cpu.rlim_max = static_cast<rlim_t>(std::ceil(limits.seconds)) + 1;
    setrlimit(RLIMIT_CPU, &cpu);
#if !defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer maps its shadow memory as it goes; a limit would stop it.
    if (std::size_t now = mapped_bytes()) {
        rlimit memory{};
        memory.rlim_cur = memory.rlim_max = now + limits.memory_bytes;
        setrlimit(RLIMIT_AS, &memory);
    }
#endif
    silence_poppler();
    int status = 0;
    try {
        std::string bytes;
        if (!read_all(STDIN_FILENO, bytes)) _exit(3);
        status = write_all(STDOUT_FILENO, serialise(extract(bytes, limits))) ? 0 : 3;
    } catch (const std::bad_alloc&) {
        status = 4;
    } catch (...) {
        status = 5;
    }
    _exit(status);
}

// Runs before main() and before the program's own static objects are built:
// the child needs none of them, only poppler, whose library is set up first.
[[gnu::constructor(101)]] void become_child_when_asked()
{
    if (const char* value = std::getenv(kChildVariable)) run_child(value);
}

// The parent's environment, with the child's variable set to `value`.
std::vector<std::string> child_environment(const std::string& value)
{
    std::vector<std::string> out;
    const std::string prefix = std::string(kChildVariable) + "=";
    for (char** e = environ; *e; ++e)
        if (std::string_view(*e).rfind(prefix, 0) != 0) out.emplace_back(*e);
    out.push_back(prefix + value);
    return out;
}

// Starts the child with `input` (holding the PDF) as its standard input and
// `output` as its standard output. Returns its pid, or -1 with errno set.
pid_t spawn_child(int input, int output, const PdfLimits& limits)
{
    std::vector<std::string> environment = child_environment(limits_value(limits));
    std::vector<char*> envp;
    for (std::string& e : environment) envp.push_back(e.data());
    envp.push_back(nullptr);
    char name[] = "infonote (reading a PDF)";
    char* argv[] = {name, nullptr};

    posix_spawn_file_actions_t actions;
    if (int error = posix_spawn_file_actions_init(&actions)) {
        errno = error;
        return -1;
    }
    int error = posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO);
    if (!error) error = posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO);
    // Another thread's pipe to its own child would otherwise stay open in
    // this one, and that child's end not be seen until this one exits.
    if (!error) error = posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    pid_t pid = -1;
    if (!error) error = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (error) {
        errno = error;
        return -1;
    }
    return pid;
}

// A file in memory holding `bytes`, positioned at its start; -1 on failure.
int memory_file(std::string_view bytes)
{
    int fd = memfd_create("infonote-pdf", MFD_CLOEXEC);
    if (fd < 0) return -1;
    if (!write_all(fd, bytes) || lseek(fd, 0, SEEK_SET) != 0) {
        int error = errno;
        close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

}  // namespace

FileText pdf_to_text(std::string_view bytes, const PdfLimits& limits)
{
    if (!has_pdf_header(bytes)) return refused("not a PDF file (no %PDF- header); skipped");
    auto cannot_start = [](int error) {
        return refused(std::string("cannot start reading the PDF: ") + std::strerror(error));
    };
    int input = memory_file(bytes);
    if (input < 0) return cannot_start(errno);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        int error = errno;
        close(input);
        return cannot_start(error);
    }
    pid_t pid = spawn_child(input, fds[1], limits);
    int spawn_error = errno;
    close(input);
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return cannot_start(spawn_error);
    }

    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline =
        Clock::now() +
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limits.seconds));
    // The text, its framing and the diagnostics; more means too much text.
    const std::size_t most = limits.text_bytes + (std::size_t{1} << 20);
    std::string received;
    std::optional<std::string> stopped;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            stopped = "PDF took more than " + seconds_of(limits.seconds) +
                      " s to read (a decompression bomb?); skipped";
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), INT_MAX)));
        if (ready < 0 && errno != EINTR) {
            stopped = std::string("cannot read the PDF's text: ") + std::strerror(errno);
            break;
        }
        if (ready <= 0) continue;
        char buffer[1 << 16];
        ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        received.append(buffer, static_cast<std::size_t>(n));
        if (received.size() > most) {
            stopped = "PDF text is more than " + mib(limits.text_bytes) + "; skipped";
            break;
        }
    }
    close(fds[0]);
    if (stopped) kill(pid, SIGKILL);
    int wstatus = 0;
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    if (stopped) return refused(*stopped);
    if (WIFSIGNALED(wstatus)) {
        int signal = WTERMSIG(wstatus);
        if (signal == SIGXCPU)
            return refused("PDF took more than " + seconds_of(limits.seconds) +
                           " s to read (a decompression bomb?); skipped");
        return refused("poppler failed on this PDF (" + std::string(strsignal(signal)) +
                       "); skipped");
    }
    int code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
    if (code == 4)
        return refused("PDF needs more than " + mib(limits.memory_bytes) +
                       " of memory to read; skipped");
    std::optional<FileText> file = code == 0 ? deserialise(received) : std::nullopt;
    if (!file)
        return refused("poppler failed on this PDF (status " + std::to_string(code) + "); skipped");
    return *file;
}

}  // namespace infonote
