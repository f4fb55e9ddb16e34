// Test helpers for a StoryService over a store the test holds on to: the options the
// in-process tests run with, polling for writes nobody waits for, and what the store holds.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <thread>

#include "api/story_service.h"
#include "store/store.h"

namespace storyline::testing {

// No dictionaries (fast start), `engines` analysers.
inline ServiceOptions small_service_options(std::size_t engines = 2) {
  ServiceOptions options;
  options.engine.use_dictionaries = false;
  options.engines = engines;
  return options;
}

// Polls `done` for up to 10 s: writes nobody waits for (a thread's assignment) are committed
// a few milliseconds after the write that caused them.
template <typename F>
bool eventually(F done) {
  for (int i = 0; i < 10000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

// Every article the store in `dir` holds, by id (open it only while no service holds it).
inline std::map<std::string, StoredArticle> stored_articles(const std::string& dir) {
  std::map<std::string, StoredArticle> out;
  open_sqlite_store(dir)->scan([&](StoredArticle&& s) { out[s.article.id] = std::move(s); });
  return out;
}

}  // namespace storyline::testing
