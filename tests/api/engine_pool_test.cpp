// EnginePool under concurrent requests: with more requests than engines, each waits for
// whichever engine comes free, none is lost or woken too late (a lost wake-up would hang this
// test), and each gets the analysis of its own article.
#include "api/engine_pool.h"

#include <gtest/gtest.h>

#include <thread>

namespace storyline {
namespace {

Article numbered(std::size_t i) {
  Article a;
  a.id = "a" + std::to_string(i);
  a.title = "Flood number " + std::to_string(i) + " forces residents of Valencia from their homes";
  a.text = "Torrential rain flooded " + std::to_string(i * 7) + " streets in Valencia on Thursday, the city said.";
  a.lang = "en";
  a.published = 1650000000 + std::int64_t(i);
  return a;
}

TEST(EnginePool, ConcurrentRequestsEachGetTheirOwnAnalysis) {
  EngineOptions options;
  options.use_dictionaries = false;
  EnginePool pool(options, 2);
  constexpr std::size_t kThreads = 6, kEach = 25;
  std::vector<std::vector<std::string>> seen(kThreads);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (std::size_t k = 0; k < kEach; ++k) {
        const std::size_t i = t * kEach + k;
        Profile p = pool.profile(numbered(i));
        seen[t].push_back(p.id + "|" + p.title + "|" + pool.fold(p.title));
      }
    });
  for (auto& t : threads) t.join();
  for (std::size_t t = 0; t < kThreads; ++t)
    for (std::size_t k = 0; k < kEach; ++k) {
      const std::size_t i = t * kEach + k;
      const std::string title = numbered(i).title;
      EXPECT_EQ(seen[t][k], "a" + std::to_string(i) + "|" + title + "|" + pool.fold(title));
    }
}

// The server is ready only after wait_loaded(): loading every dictionary takes seconds, so a
// wait that returned at once would leave loaded() false here.
TEST(EnginePool, WaitLoadedReturnsWhenEveryEngineHasItsDictionaries) {
  EngineOptions options;
  EnginePool pool(options, 2);
  pool.wait_loaded();
  EXPECT_TRUE(pool.loaded());
  pool.wait_loaded();  // again: nothing left to wait for
  Article german;
  german.id = "de";
  german.lang = "de";
  german.title = "Hochwasser in Valencia";
  german.text = "Starker Regen hat am Donnerstag die Straßen von Valencia überflutet, teilte die Stadt mit.";
  EXPECT_FALSE(pool.profile(german).bridge_terms.empty());
}

}  // namespace
}  // namespace storyline
