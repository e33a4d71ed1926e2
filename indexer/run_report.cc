#include "run_report.h"

#include <fstream>
#include <stdexcept>

#include "note_json.h"

namespace infonote {

void RunReport::write_json(const std::filesystem::path& file) const
{
    Json rejected_json = Json::array();
    for (const RejectedFile& r : rejected)
        rejected_json.push_back({{"path", r.path}, {"reason", r.reason}});
    Json durations = Json::object();
    double total = 0;
    for (const auto& [phase, s] : seconds) {
        durations[phase] = s;
        total += s;
    }
    durations["total"] = total;
    Json doc = {
        {"schema_version", 1},
        {"command", command},
        {"database", database},
        {"corpus", corpus},
        {"outcome", outcome},
        {"error", error.empty() ? Json(nullptr) : Json(error)},
        {"live_build", live_build.empty() ? Json(nullptr) : Json(live_build)},
        {"counts",
         {{"files", files},
          {"indexed", indexed},
          {"added", added},
          {"changed", changed},
          {"touched", touched},
          {"unchanged", unchanged},
          {"removed", removed},
          {"skipped", skipped},
          {"with_warnings", warned},
          {"notes", notes}}},
        {"rejected", rejected_json},
        {"seconds", durations},
    };
    std::filesystem::path temporary = file;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << doc.dump(2) << '\n';
        if (!out) throw std::runtime_error(temporary.string() + ": cannot write run report");
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (ec) throw std::runtime_error(file.string() + ": cannot write run report: " + ec.message());
}

PhaseTimer::PhaseTimer(RunReport& report, std::string phase)
    : report_(report), phase_(std::move(phase)), start_(std::chrono::steady_clock::now())
{
}

PhaseTimer::~PhaseTimer()
{
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    report_.seconds.emplace_back(phase_, elapsed.count());
}

}  // namespace infonote
