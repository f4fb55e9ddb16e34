// StoryService under odd sequences of writes: versions and deletes of one id racing from
// several clients, a profile that does not decode, an old data directory; the store and the
// index must agree afterwards, also across a restart.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include "../store/fresh_dir.h"
#include "api/story_service.h"
#include "store/sqlite_db.h"

namespace storyline {
namespace {

Article article(const std::string& id, const std::string& title, const std::string& text) {
  Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.lang = "en";
  a.published = 1650000000;
  a.source = "Outlet " + id;
  return a;
}

ServiceOptions options() {
  ServiceOptions o;
  o.engine.use_dictionaries = false;
  o.engines = 2;
  return o;
}

std::map<std::string, StoredArticle> stored(const std::string& dir) {
  std::map<std::string, StoredArticle> out;
  open_sqlite_store(dir)->scan([&](StoredArticle&& s) { out[s.article.id] = std::move(s); });
  return out;
}

TEST(StoryServiceSequences, PutDeletePutOfOneIdFromSeveralClients) {
  const std::string dir = testing::fresh_dir("sequences-pdp");
  std::map<std::string, std::string> thread;
  std::size_t live = 0;
  {
    StoryService service(options(), open_sqlite_store(dir));
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
  auto rows = stored(dir);
  EXPECT_EQ(rows.size(), live);
  for (const auto& [id, row] : rows) EXPECT_EQ(row.thread_id, thread[id]) << id;
  StoryService again(options(), open_sqlite_store(dir));
  again.start();
  EXPECT_EQ(again.article_count(), live);
  for (const auto& [id, t] : thread) EXPECT_EQ((*again.article(id))["thread"], t) << id;
}

TEST(StoryServiceSequences, AProfileThatDoesNotDecodeIsReanalysed) {
  const std::string dir = testing::fresh_dir("sequences-blob");
  std::string t;
  {
    StoryService service(options(), open_sqlite_store(dir));
    service.start();
    service.put(article("a", "Flood in Valencia", "Rain flooded the streets of Valencia overnight."), {});
    service.put(article("b", "Flood in Valencia", "Streets of Valencia flooded overnight after rain."), {});
    t = (*service.article("a"))["thread"];
  }
  {
    sqlite::Db db(dir + "/storyline.sqlite");
    db.exec("UPDATE articles SET profile = X'05FFFFFFFF'");
  }
  StoryService again(options(), open_sqlite_store(dir));
  again.start();
  EXPECT_EQ(again.article_count(), 2u);
  EXPECT_EQ((*again.article("a"))["thread"], t);
  EXPECT_EQ((*again.article("a"))["title"], "Flood in Valencia");
}

}  // namespace
}  // namespace storyline
