// StoryService under odd sequences of writes: versions and deletes of one id racing from
// several clients, a profile that does not decode, an old data directory; the store and the
// index must agree afterwards, also across a restart.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <map>
#include <thread>
#include <vector>

#include "../store/gated_store.h"
#include "../support/articles.h"
#include "../support/scratch_dir.h"
#include "../support/service_store.h"
#include "api/story_service.h"
#include "store/sqlite_db.h"

namespace storyline {
namespace {

Article article(const std::string& id, const std::string& title, const std::string& text) {
  return testing::english_article(id, title, text, 1650000000);
}

TEST(StoryServiceSequences, PutDeletePutOfOneIdFromSeveralClients) {
  const testing::ScratchDir dir("sequences-pdp");
  std::map<std::string, std::string> thread;
  std::size_t live = 0;
  {
    StoryService service(testing::small_service_options(), open_sqlite_store(dir));
    service.start();
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c)
      clients.emplace_back([&, c] {
        for (int k = 0; k < 60; ++k) {
          const std::string id = "x" + std::to_string(k % 3);
          if ((k + c) % 3 == 1)
            service.remove(id);
          else
            service.put(article(id, k % 2 ? "Flood in Valencia" : "Election results announced",
                                "Client " + std::to_string(c) + " update " + std::to_string(k)),
                        {});
        }
      });
    for (auto& c : clients) c.join();
    for (int i = 0; i < 3; ++i)
      if (auto a = service.article("x" + std::to_string(i))) {
        thread["x" + std::to_string(i)] = (*a)["thread"];
        ++live;
      }
    EXPECT_EQ(service.article_count(), live);
  }
  auto rows = testing::stored_articles(dir);
  EXPECT_EQ(rows.size(), live);
  for (const auto& [id, row] : rows) EXPECT_EQ(row.thread_id, thread[id]) << id;
  StoryService again(testing::small_service_options(), open_sqlite_store(dir));
  again.start();
  EXPECT_EQ(again.article_count(), live);
  for (const auto& [id, t] : thread) EXPECT_EQ((*again.article(id))["thread"], t) << id;
}

TEST(StoryServiceSequences, AProfileThatDoesNotDecodeIsReanalysed) {
  const testing::ScratchDir dir("sequences-blob");
  std::string t;
  {
    StoryService service(testing::small_service_options(), open_sqlite_store(dir));
    service.start();
    service.put(article("a", "Flood in Valencia", "Rain flooded the streets of Valencia overnight."), {});
    service.put(article("b", "Flood in Valencia", "Streets of Valencia flooded overnight after rain."), {});
    t = (*service.article("a"))["thread"];
  }
  {
    sqlite::Db db(dir.path() + "/storyline.sqlite");
    db.exec("UPDATE articles SET profile = X'05FFFFFFFF'");
  }
  StoryService again(testing::small_service_options(), open_sqlite_store(dir));
  again.start();
  EXPECT_EQ(again.article_count(), 2u);
  EXPECT_EQ((*again.article("a"))["thread"], t);
  EXPECT_EQ((*again.article("a"))["title"], "Flood in Valencia");
}

// A PUT is acknowledged once the article is stored as received; its analysis follows on the
// analysers and is stored with its thread, so a restart decodes it instead of analysing again
// (and an update's analysis replaces the version before's).
TEST(StoryServiceSequences, TheAnalysisOfAnAcknowledgedArticleIsStoredWithItsThread) {
  const testing::ScratchDir dir("sequences-analysis");
  {
    StoryService service(testing::small_service_options(), open_sqlite_store(dir));
    service.start();
    service.put(article("a", "Flood in Valencia", "Rain flooded the streets of Valencia overnight."), {});
    service.put(article("b", "Election results announced", "Votes were counted overnight."), {});
    service.put(article("a", "Floods in Valencia", "Rain flooded the streets of Valencia again."), {});
    EXPECT_EQ((*service.article("a"))["title"], "Floods in Valencia");
  }
  auto rows = testing::stored_articles(dir);
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& [id, row] : rows) {
    ASSERT_TRUE(row.profile) << id;
    EXPECT_EQ(row.profile->title, row.article.title) << id;
    EXPECT_FALSE(row.thread_id.empty()) << id;
  }
  EXPECT_EQ(rows.at("a").profile->title, "Floods in Valencia");
}

// A store whose commits of a DELETE fail, slowly: the threader applies what came before
// meanwhile (over a gated store, to queue the DELETE behind a held commit).
class FailingDeletes final : public testing::ForwardingStore {
 public:
  FailingDeletes(std::unique_ptr<testing::GatedStore> inner, testing::GatedStore& gated)
      : ForwardingStore(std::move(inner)), gated(gated) {}
  testing::GatedStore& gated;
  std::vector<bool> apply(std::span<const StoreWrite> writes) override {
    for (const StoreWrite& w : writes)
      if (const auto* r = std::get_if<RemovalWrite>(&w); r && r->reason == RemovalReason::Deleted) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        throw std::runtime_error("disk full");
      }
    return ForwardingStore::apply(writes);
  }
};

// The threader does not store an article's thread while a later change of it is on its way
// (that change stores its own). When that change's commit fails, the article stays where it
// was, acknowledged and threaded: its thread must still reach the store, or a restart
// threads it anew (another thread, another recorded match) and its history lacks the join.
TEST(StoryServiceSequences, AFailedLaterChangeStillLetsTheThreadBeStored) {
  const testing::ScratchDir dir("sequences-failed-delete");
  auto gated = std::make_unique<testing::GatedStore>(open_sqlite_store(dir));
  testing::GatedStore& gate = *gated;
  auto failing = std::make_unique<FailingDeletes>(std::move(gated), gate);
  Store& store = *failing;
  StoryService service(testing::small_service_options(), std::move(failing));
  service.start();

  gate.close_gate();
  auto put = std::async(std::launch::async, [&] {
    return service.put(article("x", "Flood in Valencia", "Rain flooded the streets of Valencia overnight."), {});
  });
  gate.wait_until_applying();  // the PUT's commit is held
  auto remove = std::async(std::launch::async, [&] { return service.remove("x"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the DELETE queued behind it
  gate.open_gate();
  EXPECT_EQ(put.get(), PutOutcome::Created);
  EXPECT_THROW(remove.get(), std::runtime_error);  // not acknowledged: the article stays
  const std::string thread = (*service.article("x"))["thread"];
  EXPECT_TRUE(testing::eventually([&] {
    const auto h = store.history("x");
    return !h.empty() && h.back().event == "joined" && h.back().thread_id == thread;
  })) << "the thread of x never reached the store";
}

}  // namespace
}  // namespace storyline
