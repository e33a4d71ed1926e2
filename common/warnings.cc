#include "warnings.h"

#include <atomic>
#include <iostream>

namespace infonote {

namespace {

void to_stderr(const std::string& message)
{
    std::cerr << "warning: " << message << '\n';
}

std::atomic<WarningSink> g_sink{to_stderr};

}  // namespace

void set_warning_sink(WarningSink sink)
{
    g_sink = sink ? sink : to_stderr;
}

void warn(const std::string& message)
{
    g_sink.load()(message);
}

}  // namespace infonote
