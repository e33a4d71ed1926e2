#include "checked_stdout.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <streambuf>

#include "exit_codes.h"

namespace infonote {

namespace {

class StdoutBuffer : public std::streambuf {
  public:
    StdoutBuffer() { setp(buffer_, buffer_ + sizeof buffer_); }

    /// errno of the first write that failed, or 0.
    int error() const { return error_; }

  protected:
    int_type overflow(int_type c) override
    {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

    int sync() override { return drain() ? 0 : -1; }

  private:
    // Writes out what the buffer holds; false once a write has failed.
    bool drain()
    {
        const char* at = pbase();
        while (error_ == 0 && at < pptr()) {
            ssize_t n = ::write(STDOUT_FILENO, at, static_cast<std::size_t>(pptr() - at));
            if (n >= 0)
                at += n;
            else if (errno != EINTR)
                error_ = errno;
        }
        setp(buffer_, buffer_ + sizeof buffer_);
        return error_ == 0;
    }

    char buffer_[1 << 16];
    int error_ = 0;
};

StdoutBuffer* g_buffer = nullptr;

}  // namespace

void check_stdout()
{
    // Never destroyed: std::cout may be flushed at exit, after main.
    g_buffer = new StdoutBuffer;
    std::cout.rdbuf(g_buffer);
}

int finish_stdout(std::string_view program, int status)
{
    std::cout.flush();
    if (!g_buffer || g_buffer->error() == 0) return status;
    std::cerr << program << ": error: writing output: " << std::strerror(g_buffer->error()) << '\n';
    return kExitWriteError;
}

}  // namespace infonote
