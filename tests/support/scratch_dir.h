// An empty temporary directory removed with all it holds when the test ends, also when an ASSERT fails.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace storyline::testing {

class ScratchDir {
 public:
  // temp_directory_path()/storyline-test-<name>-<pid>, emptied if an earlier run left it.
  explicit ScratchDir(const std::string& name)
      : path_((std::filesystem::temp_directory_path() / ("storyline-test-" + name + "-" + std::to_string(::getpid())))
                  .string()) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  operator const std::string&() const { return path_; }  // implicit: passes where a path string is taken

 private:
  std::string path_;
};

}  // namespace storyline::testing
