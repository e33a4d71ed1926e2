// A write that fails where Xapian cannot throw: the run still ends as a
// failed run, with one error line, status 4 and no unfinished build.
//
// Xapian 1.4's glass backend writes the last chunk of each changed value
// stream from a destructor while it commits (its value updater), so a
// commit that runs out of room there (a full disk, a file size limit)
// throws out of a destructor, and C++ ends the process with std::terminate:
// no catch block runs, no temporary folder is removed. The handler
// installed here takes that path instead: it names what was being
// written, removes the folders registered as unfinished, writes the run
// report and exits with status 4. A database whose commit stopped half
// way keeps its previous revision, as after SIGKILL.
#ifndef INFONOTE_INDEXER_WRITE_FAILURE_H
#define INFONOTE_INDEXER_WRITE_FAILURE_H

#include <filesystem>
#include <functional>
#include <string>

namespace infonote {

/// What the calling thread is writing, for as long as it lives: `what`
/// about `path` ("cannot commit" about a part's folder; both must outlive
/// the step). The error line of a failure that ends the process names the
/// innermost one.
class WritingStep {
  public:
    WritingStep(const std::filesystem::path& path, const char* what);
    ~WritingStep();
    WritingStep(const WritingStep&) = delete;
    WritingStep& operator=(const WritingStep&) = delete;

    /// The calling thread's innermost step, or null.
    static const WritingStep* current();

    /// Makes `step` (another thread's) the calling thread's current step
    /// until the returned scope ends; for threads a writer starts.
    class Inherited {
      public:
        explicit Inherited(const WritingStep* step);
        ~Inherited();
        Inherited(const Inherited&) = delete;
        Inherited& operator=(const Inherited&) = delete;

      private:
        const WritingStep* saved_;
    };

    /// "PATH: what".
    std::string describe() const;

  private:
    const std::filesystem::path& path_;
    const char* what_;
    const WritingStep* outer_;
};

/// A folder removed if the process ends through the handler, until
/// forget_unfinished(path).
void register_unfinished(const std::filesystem::path& folder);
void forget_unfinished(const std::filesystem::path& folder);

/// Installs the handler for `program` ("infonote-index"). `what` names the
/// run's work when no step is current ("DB: cannot build"); `last_words`,
/// when set, is called with the error line's message (for the run report)
/// before the process exits. Later calls replace both.
void install_write_failure_handler(std::string program, std::string what,
                                   std::function<void(const std::string&)> last_words = {});

}  // namespace infonote

#endif
