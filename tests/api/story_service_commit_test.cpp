// StoryService and its store. Over a store whose commits can be made to fail: a PUT or DELETE
// whose commit fails is not acknowledged and leaves the index as it was (the previous version
// back in its thread); once the store recovers, writes go through again. Threading follows the
// store: the store ends up with every article's current thread, also when versions of one
// article race each other, and a restart threads the articles stored without one (the
// process ended in between).
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <map>
#include <thread>
#include <vector>

#include "../store/gated_store.h"
#include "../support/articles.h"
#include "../support/scratch_dir.h"
#include "../support/service_store.h"
#include "api/story_service.h"

namespace storyline {
namespace {

Article article(const std::string& id, const std::string& title, const std::string& text) {
  return testing::english_article(id, title, text, 1650000000);
}

TEST(StoryServiceCommit, AFailedCommitIsNotAcknowledgedAndLeavesTheIndexAsStored) {
  const testing::ScratchDir dir("service-commit");
  auto gated = std::make_unique<testing::GatedStore>(open_sqlite_store(dir));
  testing::GatedStore& store = *gated;
  ServiceOptions options;
  options.engine.use_dictionaries = false;
  options.engines = 1;
  StoryService service(options, std::move(gated));
  service.start();

  EXPECT_EQ(service.put(article("a", "Flood in Valencia", "Rain flooded the streets of Valencia overnight."), {}),
            PutOutcome::Created);
  const std::string thread = (*service.article("a"))["thread"];

  store.fail = true;
  EXPECT_THROW(service.put(article("b", "Election results announced", "Votes were counted overnight."), {}),
               std::runtime_error);
  EXPECT_FALSE(service.article("b"));
  EXPECT_THROW(service.put(article("a", "Storm hits Valencia", "A different text entirely."), {}), std::runtime_error);
  EXPECT_EQ((*service.article("a"))["title"], "Flood in Valencia");  // the stored version, back in its thread
  EXPECT_EQ((*service.article("a"))["thread"], thread);
  EXPECT_THROW(service.remove("a"), std::runtime_error);
  EXPECT_TRUE(service.article("a"));
  EXPECT_EQ(service.article_count(), 1u);

  store.fail = false;
  EXPECT_EQ(service.put(article("b", "Election results announced", "Votes were counted overnight."), {}),
            PutOutcome::Created);
  EXPECT_EQ(store.size(), 2u);
  EXPECT_TRUE(service.remove("a"));
  EXPECT_FALSE(service.article("a"));
  EXPECT_EQ(store.size(), 1u);
}

const char* const kTopics[] = {"Flood in Valencia", "Election results announced", "Wildfire near Athens",
                               "Central bank raises rates"};

Article version(int writer, int k) {
  const int id = k % 12;  // the writers share ids: versions of one article race each other
  const std::string topic = kTopics[(writer + k) % 4];
  return article("a" + std::to_string(id), topic, topic + ". Reported by writer " + std::to_string(writer) +
                                                       ", update " + std::to_string(k) + ".");
}

TEST(StoryServiceThreading, TheStoreEndsWithEveryArticlesCurrentThread) {
  const testing::ScratchDir dir("service-threading");
  std::map<std::string, std::string> title, thread;
  {
    StoryService service(testing::small_service_options(), open_sqlite_store(dir));
    service.start();
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w)
      writers.emplace_back([&, w] {
        for (int k = 0; k < 40; ++k) service.put(version(w, k), {});
      });
    for (auto& w : writers) w.join();
    for (int id = 0; id < 12; ++id) {
      auto a = service.article("a" + std::to_string(id));  // sees every acknowledged version
      ASSERT_TRUE(a);
      title[(*a)["id"]] = (*a)["title"];
      thread[(*a)["id"]] = (*a)["thread"];
    }
  }  // closing commits the assignments still queued
  auto rows = testing::stored_articles(dir);
  ASSERT_EQ(rows.size(), 12u);
  for (const auto& [id, row] : rows) {
    EXPECT_EQ(row.article.title, title[id]) << id;
    EXPECT_EQ(row.thread_id, thread[id]) << id;  // not an older version's thread
  }
}

// Version 2 of an article is queued for the store while version 1 is being committed. When
// version 1 reaches the index, its thread must not be stored: the write would come after
// version 2's and land on its row (a crash before version 2's own thread is stored would
// then restore version 2 into version 1's thread). Only version 2's thread is stored.
TEST(StoryServiceThreading, AnOlderVersionsThreadNeverLandsOnANewerVersion) {
  const testing::ScratchDir dir("service-versions");
  auto gated = std::make_unique<testing::GatedStore>(open_sqlite_store(dir));
  testing::GatedStore& store = *gated;
  StoryService service(testing::small_service_options(), std::move(gated));
  service.start();
  service.put(article("e1", "Election results announced", "The ruling party lost its majority in parliament."), {});
  // Its thread stored first, so that the commit held below is version 1's.
  ASSERT_TRUE(testing::eventually([&] { return !store.history("e1").empty(); }));

  store.close_gate();
  auto v1 = std::async(std::launch::async, [&] {
    return service.put(article("x", "Flood in Valencia", "Rain flooded the streets of Valencia overnight."), {});
  });
  store.wait_until_applying();  // version 1 is being committed
  auto v2 = std::async(std::launch::async, [&] {
    return service.put(article("x", "Election results announced", "The ruling party lost its majority again."), {});
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // version 2 analysed and queued behind it
  store.open_gate();
  EXPECT_EQ(v1.get(), PutOutcome::Created);
  EXPECT_EQ(v2.get(), PutOutcome::Updated);
  const std::string thread = (*service.article("x"))["thread"];
  EXPECT_EQ(thread, (*service.article("e1"))["thread"]);  // version 2 is about the election
  // Version 2's thread stored (after version 1's, had that been written).
  ASSERT_TRUE(testing::eventually([&] {
    const auto h = store.history("x");
    return !h.empty() && h.back().event == "updated";
  }));
  const auto history = store.history("x");
  ASSERT_EQ(history.size(), 1u);  // no "joined" of version 1's thread
  EXPECT_EQ(history[0].event, "updated");
  EXPECT_EQ(history[0].thread_id, thread);
  EXPECT_EQ(testing::stored_articles(dir)["x"].thread_id, thread);
}

// Version 1 of an article carries a time to live; while it waits for the index, an article
// dated later moves the index's clock past its expiry. Version 2 (no time to live) reaches the
// index in the same batch of changes. Version 1's expiry must not delete version 2's row: the
// store keeps the article the client was last told it holds. The commits are held so that both
// versions are threaded together, as under load; each round is a fresh service.
TEST(StoryServiceThreading, AnOlderVersionsExpiryNeverDeletesANewerVersion) {
  constexpr std::int64_t kHour = 3600;
  for (int round = 0; round < 3; ++round) {
    const testing::ScratchDir dir("service-expiry-" + std::to_string(round));
    {
      auto gated = std::make_unique<testing::GatedStore>(open_sqlite_store(dir));
      testing::GatedStore& store = *gated;
      StoryService service(testing::small_service_options(), std::move(gated));
      service.start();
      Article clock = article("b", "Wildfire near Athens", "Firefighters fought a wildfire near Athens.");
      clock.published = 1650000000 + kHour / 2;
      service.put(clock, {});  // the index's clock: 0:30

      store.close_gate();
      Article later = article("a", "Central bank raises rates", "The central bank raised its rates again.");
      later.published = 1650000000 + 2 * kHour;
      auto moves_clock = std::async(std::launch::async, [&] { return service.put(later, {}); });
      store.wait_until_applying();  // held, so the clock stays at 0:30 for version 1
      auto v1 = std::async(std::launch::async, [&] {
        return service.put(article("x", "Flood in Valencia", "Rain flooded the streets of Valencia."), kHour);
      });
      std::this_thread::sleep_for(std::chrono::milliseconds(200));  // version 1 queued first
      auto v2 = std::async(std::launch::async, [&] {
        return service.put(article("x", "Flood in Valencia", "Rain flooded Valencia; the river burst its banks."), {});
      });
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      store.open_gate();
      EXPECT_EQ(moves_clock.get(), PutOutcome::Created);
      EXPECT_EQ(v1.get(), PutOutcome::Created);  // not expired on arrival: the clock said 0:30
      EXPECT_EQ(v2.get(), PutOutcome::Updated);
      ASSERT_TRUE(service.article("x")) << "round " << round;
    }  // closing commits the writes still queued
    auto rows = testing::stored_articles(dir);
    ASSERT_TRUE(rows.contains("x")) << "round " << round << ": version 2 deleted by version 1's expiry";
    EXPECT_EQ(rows["x"].article.text, "Rain flooded Valencia; the river burst its banks.");
  }
}

TEST(StoryServiceThreading, ARestartThreadsArticlesStoredWithoutAThread) {
  const testing::ScratchDir dir("service-unthreaded");
  std::string valencia_thread;
  {
    StoryService service(testing::small_service_options(), open_sqlite_store(dir));
    service.start();
    service.put(article("v1", "Flood in Valencia", "Rain flooded the streets of Valencia overnight."), {});
    service.put(article("e1", "Election results announced", "The ruling party lost its majority in parliament."), {});
    valencia_thread = (*service.article("v1"))["thread"];
    ASSERT_NE((*service.article("e1"))["thread"], valencia_thread);
  }
  {
    // As if the process ended after acknowledging these and before storing their threads.
    auto store = open_sqlite_store(dir);
    for (const auto& [id, text] : std::vector<std::pair<std::string, std::string>>{
             {"v2", "Rain flooded the streets of Valencia overnight, and the river burst its banks."},
             {"v3", "Streets of Valencia flooded overnight after heavy rain."}}) {
      StoredArticle s;
      s.article = article(id, "Flood in Valencia", text);
      store->put(s);  // no profile: re-analysed on restart; no thread
    }
  }
  {
    StoryService service(testing::small_service_options(), open_sqlite_store(dir));
    service.start();
    EXPECT_EQ(service.article_count(), 4u);
    EXPECT_EQ((*service.article("v2"))["thread"], valencia_thread);
    EXPECT_EQ((*service.article("v3"))["thread"], valencia_thread);
    EXPECT_NE((*service.article("e1"))["thread"], valencia_thread);
  }
  auto rows = testing::stored_articles(dir);
  EXPECT_EQ(rows["v2"].thread_id, valencia_thread);  // stored this time
  EXPECT_EQ(rows["v3"].thread_id, valencia_thread);
}

}  // namespace
}  // namespace storyline
