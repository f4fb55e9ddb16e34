// Test helper: one default Engine per test process (loading its gazetteer, model and
// dictionaries takes seconds), and the profiles of fixture files read and profiled with it.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "article/reader.h"
#include "stories/engine.h"

namespace storyline::testing {

inline Engine& shared_engine() {
  static Engine engine{EngineOptions{}};
  return engine;
}

// Every file must read without error.
inline std::vector<Profile> profile_files(const std::vector<std::string>& paths) {
  ReadBatch batch = read_paths(paths);
  EXPECT_TRUE(batch.errors.empty());
  return shared_engine().profile_all(std::move(batch.articles));
}

// The profile of one article, given by its headline and text.
inline Profile profile_text(std::string title, std::string text, std::string lang = "en") {
  Article a;
  a.id = "x";
  a.title = std::move(title);
  a.text = std::move(text);
  a.lang = std::move(lang);
  std::vector<Article> one;
  one.push_back(std::move(a));
  return shared_engine().profile_all(std::move(one)).front();
}

}  // namespace storyline::testing
