// Helpers shared by the article tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "article/reader.h"

namespace storyline::test {

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string fixture(const std::string& name) {
  return slurp(std::string(STORYLINE_SOURCE_DIR) + "/tests/fixtures/article/" + name);
}

// All error messages of a batch, for readable failure output.
inline std::string describe_errors(const ReadBatch& b) {
  std::string s;
  for (const auto& e : b.errors) s += e.origin + ": " + e.message + "\n";
  return s;
}

}  // namespace storyline::test
