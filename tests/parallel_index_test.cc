// How a build's files are shared between worker threads.
#include <gtest/gtest.h>

#include "parallel_index.h"

namespace {

using infonote::CorpusFile;
using infonote::split_by_size;

std::vector<CorpusFile> files_of_sizes(const std::vector<std::uintmax_t>& sizes)
{
    std::vector<CorpusFile> files;
    for (std::uintmax_t size : sizes) {
        CorpusFile f;
        f.relative = "note-" + std::to_string(files.size()) + ".txt";
        f.stamp.size = size;
        files.push_back(f);
    }
    return files;
}

// Sizes of the runs, and a check that they cover the list in order.
std::vector<std::size_t> run_lengths(const std::vector<CorpusFile>& files, std::size_t parts)
{
    std::vector<std::size_t> lengths;
    const CorpusFile* next = files.data();
    for (auto run : split_by_size(files, parts)) {
        EXPECT_EQ(run.data(), next);
        next += run.size();
        lengths.push_back(run.size());
    }
    EXPECT_EQ(next, files.data() + files.size());
    return lengths;
}

TEST(SplitBySize, EqualFilesGetEqualRuns)
{
    EXPECT_EQ(run_lengths(files_of_sizes(std::vector<std::uintmax_t>(12, 100)), 3),
              (std::vector<std::size_t>{4, 4, 4}));
}

TEST(SplitBySize, RunsHoldEqualBytesNotEqualCounts)
{
    // One large file takes a run of its own.
    EXPECT_EQ(run_lengths(files_of_sizes({900, 100, 100, 100, 100, 100, 100, 100, 100, 100}), 2),
              (std::vector<std::size_t>{1, 9}));
}

TEST(SplitBySize, NeverAnEmptyRun)
{
    EXPECT_EQ(run_lengths(files_of_sizes({1000, 1, 1}), 3), (std::vector<std::size_t>{1, 1, 1}));
    EXPECT_EQ(run_lengths(files_of_sizes({0, 0, 0, 0}), 2), (std::vector<std::size_t>{2, 2}));
    EXPECT_EQ(run_lengths(files_of_sizes({5, 5}), 8), (std::vector<std::size_t>{1, 1}));
}

TEST(SplitBySize, AnEmptyCorpusIsOneEmptyRun)
{
    EXPECT_EQ(run_lengths({}, 4), (std::vector<std::size_t>{0}));
}

}  // namespace
