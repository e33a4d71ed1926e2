// How a build's files are shared between worker threads.
#include <gtest/gtest.h>

#include <set>

#include "index_layout.h"
#include "note.h"
#include "parallel_index.h"

namespace {

using infonote::CorpusFile;
using infonote::group_by_shard;
using infonote::shard_of;
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

// The files of each shard, in list order: what each shard of a build gets.
std::vector<std::vector<std::string>> expected_shards(const std::vector<CorpusFile>& files,
                                                      std::size_t shards)
{
    std::vector<std::vector<std::string>> out(shards);
    for (const CorpusFile& f : files)
        out[shard_of(infonote::note_id(f.relative), shards)].push_back(f.relative);
    return out;
}

TEST(GroupByShard, EachShardGetsItsFilesInListOrder)
{
    std::vector<CorpusFile> listed = files_of_sizes(std::vector<std::uintmax_t>(300, 10));
    for (std::size_t shards : {1u, 2u, 3u, 4u, 7u}) {
        std::vector<CorpusFile> files = listed;
        std::vector<std::vector<std::string>> expected = expected_shards(listed, shards);
        std::vector<std::span<const CorpusFile>> runs = group_by_shard(files, shards);
        ASSERT_EQ(runs.size(), shards);
        // The runs lie end to end over the reordered list, which holds each
        // file once.
        const CorpusFile* next = files.data();
        for (std::size_t s = 0; s < shards; ++s) {
            EXPECT_EQ(runs[s].data(), next) << shards << " shards, shard " << s;
            next += runs[s].size();
            std::vector<std::string> got;
            for (const CorpusFile& f : runs[s]) got.push_back(f.relative);
            EXPECT_EQ(got, expected[s]) << shards << " shards, shard " << s;
        }
        EXPECT_EQ(next, files.data() + files.size());
        std::set<std::string> names;
        for (const CorpusFile& f : files) names.insert(f.relative);
        EXPECT_EQ(names.size(), listed.size());
    }
}

TEST(GroupByShard, StampsTravelWithTheirFiles)
{
    std::vector<std::uintmax_t> sizes;
    for (std::uintmax_t i = 0; i < 50; ++i) sizes.push_back(1000 + i);
    std::vector<CorpusFile> files = files_of_sizes(sizes);
    group_by_shard(files, 4);
    for (const CorpusFile& f : files)
        EXPECT_EQ(f.relative, "note-" + std::to_string(f.stamp.size - 1000) + ".txt");
}

TEST(GroupByShard, ShardsWithoutFilesGetEmptyRuns)
{
    std::vector<CorpusFile> files = files_of_sizes({10});
    std::vector<std::span<const CorpusFile>> runs = group_by_shard(files, 3);
    ASSERT_EQ(runs.size(), 3u);
    std::size_t shard = shard_of(files[0].id(), 3);
    for (std::size_t s = 0; s < 3; ++s) EXPECT_EQ(runs[s].size(), s == shard ? 1u : 0u);

    std::vector<CorpusFile> none;
    EXPECT_EQ(group_by_shard(none, 4).size(), 4u);
    // No shard count is one shard, the list as it was.
    std::vector<CorpusFile> listed = files_of_sizes({1, 2, 3});
    runs = group_by_shard(listed, 0);
    ASSERT_EQ(runs.size(), 1u);
    ASSERT_EQ(runs[0].size(), 3u);
    EXPECT_EQ(runs[0][2].relative, "note-2.txt");
}

TEST(CorpusFile, PathAndIdComeFromTheRelativePath)
{
    CorpusFile f;
    f.relative = "2021/week 3/note.md";
    EXPECT_EQ(f.id(), infonote::note_id("2021/week 3/note.md"));
    EXPECT_EQ(f.path_in("corpus").string(), "corpus/2021/week 3/note.md");
    EXPECT_EQ(f.path_in("corpus/").string(), "corpus/2021/week 3/note.md");
    EXPECT_EQ(f.path_in("/").string(), "/2021/week 3/note.md");
}

}  // namespace
