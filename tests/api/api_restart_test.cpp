// kill -9 at an arbitrary moment under a stream of writes, then restart: every acknowledged
// article is back, in the same thread, with the same thread ids listed.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "server_process.h"

namespace storyline::test {
namespace {

// Dated English articles of the ECB+ set (real stories, several per topic).
std::vector<nlohmann::json> ecb_articles(std::size_t limit) {
  std::ifstream in(std::string(STORYLINE_SHARED_DIR) + "/data/ecbplus_dev.jsonl");
  std::vector<nlohmann::json> out;
  for (std::string line; out.size() < limit && std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    nlohmann::json a = {{"title", j["title"]}, {"text", j["text"]}, {"source", "outlet-" + std::to_string(out.size() % 7)}};
    a["date"] = "2020-01-0" + std::to_string(1 + out.size() % 5) + "T10:00:00Z";
    out.push_back({{"id", j["id"]}, {"body", a}});
  }
  return out;
}

TEST(Restart, KillNineLosesNoAcknowledgedArticleAndKeepsThreadIds) {
  auto articles = ecb_articles(160);
  if (articles.size() < 160) GTEST_SKIP() << "ECB+ data not available";
  const ScratchDir dir("restart");  // one directory for both servers
  auto server = std::make_unique<ServerProcess>(dir);
  ASSERT_TRUE(server->wait_ready());

  // Two writers; the process is killed while they are busy.
  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::atomic<std::size_t> next{0};
  auto writer = [&] {
    auto c = server->client();
    for (std::size_t i; (i = next.fetch_add(1)) < articles.size();) {
      const std::string id = articles[i]["id"];
      auto r = c.Put("/articles/" + id, articles[i]["body"].dump(), "application/json");
      if (!r) return;  // the server is gone
      if (r->status == 201) {
        std::lock_guard lock(mutex);
        acknowledged.push_back(id);
      }
    }
  };
  std::thread w1(writer), w2(writer);
  while (next.load() < 100) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  // Thread ids (and how each article joined) as clients saw them just before the crash
  // (articles acknowledged by then).
  std::map<std::string, std::string> thread_of;
  std::map<std::string, nlohmann::json> joined;
  {
    std::vector<std::string> seen;
    {
      std::lock_guard lock(mutex);
      seen = acknowledged;
    }
    auto c = server->client();
    for (const auto& id : seen) {
      auto a = json_of(c.Get("/articles/" + id));
      thread_of[id] = a["thread"];
      joined[id] = a["joined"];
    }
  }
  server->kill9();
  w1.join();
  w2.join();
  ASSERT_GE(acknowledged.size(), 90u);

  server = std::make_unique<ServerProcess>(dir);
  ASSERT_TRUE(server->wait_ready());
  auto c = server->client();
  for (const auto& id : acknowledged) {
    auto r = c.Get("/articles/" + id);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << "lost acknowledged article " << id;
  }
  std::size_t matched = 0;
  for (const auto& [id, thread] : thread_of) {
    auto a = json_of(c.Get("/articles/" + id));
    EXPECT_EQ(a["thread"], thread) << id;
    EXPECT_EQ(a["joined"], joined[id]) << id;
    matched += joined[id]["matched_article"].is_string();
  }
  EXPECT_GT(matched, 0u);  // some joined a thread (the rest founded one)

  // A clean stop and start lists exactly the same threads with the same story pages. (That the
  // recorded matches themselves survive is checked through `joined` above: a page built by
  // comparing again could look the same.)
  auto before = json_of(c.Get("/threads?limit=1000"));
  std::map<std::string, nlohmann::json> pages_before;
  for (const auto& t : before["threads"])
    if (t["articles"] > 1 && pages_before.size() < 20)
      pages_before[t["id"]] = json_of(c.Get("/threads/" + t["id"].get<std::string>()))["outlets"];
  ASSERT_FALSE(pages_before.empty());
  EXPECT_EQ(server->stop(), 0);
  server = std::make_unique<ServerProcess>(dir);
  ASSERT_TRUE(server->wait_ready());
  auto after = json_of(server->client().Get("/threads?limit=1000"));
  ASSERT_EQ(before["threads"].size(), after["threads"].size());
  for (std::size_t i = 0; i < before["threads"].size(); ++i) {
    EXPECT_EQ(before["threads"][i]["id"], after["threads"][i]["id"]);
    EXPECT_EQ(before["threads"][i]["articles"], after["threads"][i]["articles"]);
  }
  for (const auto& [id, outlets] : pages_before)
    EXPECT_EQ(json_of(server->client().Get("/threads/" + id))["outlets"], outlets) << id;
}

}  // namespace
}  // namespace storyline::test
