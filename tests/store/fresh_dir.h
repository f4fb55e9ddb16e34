// Test helper: an empty data directory for a store test, unique per test process.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace storyline::testing {

inline std::string fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("storyline-store-test-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  return dir.string();
}

}  // namespace storyline::testing
