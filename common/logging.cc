#include "logging.h"

#include <memory>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace infonote {

void setup_logging(const std::string& program, bool verbose)
{
    auto logger = std::make_shared<spdlog::logger>(
        program, std::make_shared<spdlog::sinks::stderr_sink_mt>());
    logger->set_pattern("%n: %l: %v");
    logger->set_level(verbose ? spdlog::level::info : spdlog::level::warn);
    spdlog::set_default_logger(std::move(logger));
}

}  // namespace infonote
