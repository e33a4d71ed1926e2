// Golden notes: `infonote-index parse --format json NAME.EXT`, run from
// tests/golden so that the paths (and ids) in the output do not depend on
// the machine, must print NAME.expected.json on stdout and
// NAME.expected.stderr on stderr, byte for byte. scripts/update-golden.sh
// rewrites the expected files; review its diff before committing.
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(INFONOTE_SOURCE_DIR) / "tests" / "golden";
constexpr std::string_view kExpectedJson = ".expected.json";

std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// One golden case: the input's file name and the stem its expected files share.
struct GoldenCase {
    std::string input;
    std::string stem;
};

// Every NAME.expected.json with its input NAME.EXT beside it.
std::vector<GoldenCase> golden_cases()
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(kGoldenDir, ec))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    std::vector<GoldenCase> cases;
    for (const std::string& name : names) {
        if (!name.ends_with(kExpectedJson)) continue;
        std::string stem = name.substr(0, name.size() - kExpectedJson.size());
        auto input = std::find_if(names.begin(), names.end(), [&](const std::string& n) {
            return n.starts_with(stem + ".") && n.find(".expected.") == std::string::npos;
        });
        cases.push_back({input == names.end() ? "" : *input, stem});
    }
    return cases;
}

// Names the case by its input file in gtest's messages.
void PrintTo(const GoldenCase& c, std::ostream* os)
{
    *os << c.input;
}

std::string shell_quote(const std::string& s)
{
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

class GoldenTest : public testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, ParseOutputMatches)
{
    const GoldenCase& c = GetParam();
    ASSERT_FALSE(c.input.empty()) << "no input file for " << c.stem << kExpectedJson;
    // A folder of its own: two runs of the suite at once must not share it.
    std::string pattern = (fs::temp_directory_path() / ("infonote-golden-" + c.stem + "-XXXXXX"));
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr) << pattern;
    fs::path out_dir = pattern;
    fs::path out = out_dir / "stdout", err = out_dir / "stderr";
    std::string command = "cd " + shell_quote(kGoldenDir.string()) + " && " +
                          shell_quote(INFONOTE_INDEX_BIN) + " parse --format json " +
                          shell_quote(c.input) + " >" + shell_quote(out.string()) + " 2>" +
                          shell_quote(err.string());
    int status = std::system(command.c_str());
    // 0, or 3 when the file is skipped as bad input; anything else is a crash.
    EXPECT_TRUE(WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 3))
        << command << " ended with status " << status;
    EXPECT_EQ(read_file(out), read_file(kGoldenDir / (c.stem + std::string(kExpectedJson))));
    fs::path expected_stderr = kGoldenDir / (c.stem + ".expected.stderr");
    EXPECT_EQ(read_file(err), fs::exists(expected_stderr) ? read_file(expected_stderr) : "");
    fs::remove_all(out_dir);
}

std::string test_name(const testing::TestParamInfo<GoldenCase>& info)
{
    std::string name = info.param.stem;
    for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Notes, GoldenTest, testing::ValuesIn(golden_cases()), test_name);

}  // namespace
