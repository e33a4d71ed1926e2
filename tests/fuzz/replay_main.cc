// A main() for the fuzz targets when libFuzzer is not used: runs every file
// given, or every file under each folder given, through
// LLVMFuzzerTestOneInput once. This is how the corpus the fuzzers found
// stays a regression test in the ordinary (and the asan) build.
//
//   fuzz_note_parser tests/fuzz/corpus/note_parser [more files or folders]
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

/// The inputs under `path`, sorted so that runs are reproducible; hidden
/// files and READMEs are not inputs.
std::vector<fs::path> inputs_under(const fs::path& path, std::error_code& ec)
{
    std::vector<fs::path> files;
    if (!fs::is_directory(path, ec)) {
        if (!ec) files.push_back(path);
        return files;
    }
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.starts_with('.') || name.starts_with("README")) continue;
        if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " FILE_OR_FOLDER...\n";
        return 2;
    }
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        std::vector<fs::path> files = inputs_under(argv[i], ec);
        if (ec || files.empty()) {
            // A mistyped corpus path must fail the test, not pass it empty.
            std::cerr << argv[i] << ": error: no inputs"
                      << (ec ? " (" + ec.message() + ")" : std::string()) << '\n';
            return 1;
        }
        for (const fs::path& file : files) {
            std::ifstream in(file, std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (!in.eof() && in.fail()) {
                std::cerr << file.string() << ": error: cannot read\n";
                return 1;
            }
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                   bytes.size());
            ++replayed;
        }
    }
    std::cout << "replayed " << replayed << " inputs\n";
    return 0;
}
