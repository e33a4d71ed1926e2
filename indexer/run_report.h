// What one build or update did: counts, rejected files, durations.
#ifndef INFONOTE_INDEXER_RUN_REPORT_H
#define INFONOTE_INDEXER_RUN_REPORT_H

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace infonote {

/// The version of the run report's JSON (docs/run-report.md), raised when
/// a key changes meaning.
inline constexpr int kRunReportSchemaVersion = 1;

/// A file that could not be indexed, with the reason.
struct RejectedFile {
    std::string path;
    std::string reason;
};

struct RunReport {
    /// "build" or "update" (an update that had to rebuild says "build").
    std::string command;
    std::string database;
    std::string corpus;
    /// The build serving readers after the run.
    std::string live_build;

    std::size_t files = 0;    ///< note files found in the corpus
    std::size_t indexed = 0;  ///< parsed and written (build), added + changed (update)
    std::size_t added = 0;
    std::size_t changed = 0;
    std::size_t touched = 0;  ///< modification time changed, content did not
    std::size_t unchanged = 0;
    std::size_t removed = 0;
    std::size_t skipped = 0;  ///< rejected as bad input
    std::size_t warned = 0;   ///< indexed, with warnings
    /// Notes kept as they were because their files exist but could not be
    /// read (or no longer parse): carried into a new build, left by an update.
    std::size_t kept = 0;
    std::size_t notes = 0;    ///< notes in the live index after the run
    std::vector<RejectedFile> rejected;

    /// "ok", "some_rejected", "failed" or "interrupted".
    std::string outcome = "ok";
    std::string error;
    /// Seconds per phase, in the order the phases ran.
    std::vector<std::pair<std::string, double>> seconds;

    /// Counts a file as skipped and lists it among the rejected.
    void reject(const std::string& relative, const std::string& reason)
    {
        ++skipped;
        rejected.push_back({relative, reason});
    }

    /// Writes the report as JSON (docs/run-report.md), replacing the file
    /// atomically. Throws std::runtime_error when it cannot.
    void write_json(const std::filesystem::path& file) const;
};

/// Times one phase of a run into a report.
class PhaseTimer {
  public:
    PhaseTimer(RunReport& report, std::string phase);
    ~PhaseTimer();

    PhaseTimer(const PhaseTimer&) = delete;
    PhaseTimer& operator=(const PhaseTimer&) = delete;

  private:
    RunReport& report_;
    std::string phase_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace infonote

#endif
