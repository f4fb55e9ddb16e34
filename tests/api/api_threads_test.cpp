// GET /threads, GET /threads/{id}, POST /compare, TTL expiry and the Telegram contest shapes.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <set>
#include <thread>

#include "server_process.h"

namespace storyline::test {
namespace {

const char* kJson = "application/json";

class ThreadsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<ScratchDir>("threads");
    server_ = std::make_unique<ServerProcess>(*dir_);
    ASSERT_TRUE(server_->wait_ready());
  }
  static void TearDownTestSuite() {
    server_.reset();  // before its directory
    dir_.reset();
  }

  // The first thread listed by GET `query` that contains `article`, or null; polls for up to
  // 1 s, the visibility the contract promises.
  static nlohmann::json thread_with(const std::string& query, const std::string& article) {
    auto c = server_->client();
    for (int attempt = 0; attempt < 20; ++attempt) {
      auto j = json_of(c.Get(query));
      for (const auto& t : j["threads"]) {
        auto page = json_of(c.Get("/threads/" + t["id"].get<std::string>()));
        for (const auto& e : page["timeline"])
          if (e["article"] == article) return page;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return nullptr;
  }
  static std::unique_ptr<ScratchDir> dir_;
  static std::unique_ptr<ServerProcess> server_;
};
std::unique_ptr<ScratchDir> ThreadsApi::dir_;
std::unique_ptr<ServerProcess> ThreadsApi::server_;

TEST_F(ThreadsApi, TheTwoSamplesFormOneStoryWithBothOutletsAndTheVariants) {
  auto [title0, text0] = read_sample("000_97f2943d0885677f");
  auto [title1, text1] = read_sample("001_3fb660b0b4e710bb");
  if (title0.empty() || title1.empty()) GTEST_SKIP() << "samples not available";
  auto c = server_->client();
  ASSERT_EQ(c.Put("/articles/sample-de", article_body(title0, text0, "German outlet"), kJson)->status, 201);
  ASSERT_EQ(c.Put("/articles/sample-ar", article_body(title1, text1, "Arabic outlet"), kJson)->status, 201);

  auto a = json_of(c.Get("/articles/sample-de")), b = json_of(c.Get("/articles/sample-ar"));
  ASSERT_EQ(a["thread"], b["thread"]);

  auto list = json_of(c.Get("/threads"));
  ASSERT_TRUE(list.contains("now"));
  bool listed = false;
  for (const auto& t : list["threads"])
    if (t["id"] == a["thread"]) {
      listed = true;
      EXPECT_EQ(t["articles"], 2);
      EXPECT_EQ(t["sources"], 2);
      for (const char* field : {"title", "languages", "first_seen", "last_seen", "importance", "top_sources"})
        EXPECT_TRUE(t.contains(field)) << field;
    }
  EXPECT_TRUE(listed) << list.dump();

  auto page = json_of(c.Get("/threads/" + a["thread"].get<std::string>()));
  std::set<std::string> outlets;
  for (const auto& o : page["outlets"]) {
    outlets.insert(o["source"]);
    for (const auto& art : o["articles"]) {
      ASSERT_TRUE(art["joined"].is_object()) << art.dump();
      EXPECT_TRUE(art["joined"]["matched_article"].is_string());
      EXPECT_TRUE(art["joined"]["shared_entities"].is_array());
      EXPECT_FALSE(art["joined"]["shared_terms"].empty());
    }
  }
  EXPECT_EQ(outlets, (std::set<std::string>{"German outlet", "Arabic outlet"}));
  EXPECT_EQ(page["timeline"].size(), 2u);
  bool griner_greiner = false;
  for (const auto& v : page["variants"]) {
    std::set<std::string> forms;
    for (const auto& f : v["forms"]) forms.insert(f["surface"]);
    bool has_griner = false, has_greiner = false;
    for (const auto& f : forms) {
      has_griner |= f.find("Griner") != std::string::npos;
      has_greiner |= f.find("Greiner") != std::string::npos;
    }
    if (has_griner && has_greiner) {
      griner_greiner = true;
      EXPECT_EQ(v["verdict"], "spelling variants") << v.dump();
    }
  }
  EXPECT_TRUE(griner_greiner) << page["variants"].dump();

  EXPECT_FALSE(thread_with("/threads?q=BLINKEN", "sample-de").is_null());
  EXPECT_TRUE(json_of(c.Get("/threads?q=zzzqqq"))["threads"].empty());
  EXPECT_EQ(c.Get("/threads/t000000000000")->status, 404);
}

TEST_F(ThreadsApi, PeriodLanguageAndLimitFilter) {
  auto c = server_->client();
  ASSERT_EQ(c.Put("/articles/old-1", article_body("Volcano erupts in Iceland", "Lava flowed from a volcano in Iceland.", "A",
                                                  "2025-01-01T00:00:00Z"), kJson)->status, 201);
  ASSERT_EQ(c.Put("/articles/new-1", article_body("Central bank raises interest rates", "The central bank raised rates by half a point.",
                                                  "B", "2025-01-03T00:00:00Z"), kJson)->status, 201);
  EXPECT_EQ(json_of(c.Get("/threads"))["now"], "2025-01-03T00:00:00Z");
  EXPECT_FALSE(thread_with("/threads?period=3600", "new-1").is_null());
  EXPECT_TRUE(thread_with("/threads?period=3600", "old-1").is_null());
  EXPECT_FALSE(thread_with("/threads?period=300000&lang=en", "old-1").is_null());
  EXPECT_TRUE(thread_with("/threads?lang=de", "old-1").is_null());
  // Languages are stored as two-letter codes: a tag in another case or form asks for the same.
  for (const char* tag : {"EN", "en-US", "eng"})
    EXPECT_FALSE(thread_with(std::string("/threads?period=300000&lang=") + tag, "old-1").is_null()) << tag;
  EXPECT_TRUE(thread_with("/threads?period=300000&lang=zzz", "old-1").is_null());  // not "und": nothing
  EXPECT_EQ(json_of(c.Get("/threads?limit=1"))["threads"].size(), 1u);
  EXPECT_EQ(c.Get("/threads?limit=0")->status, 400);
  EXPECT_EQ(c.Get("/threads?period=-5")->status, 400);
  EXPECT_EQ(c.Delete("/articles/old-1")->status, 204);
  EXPECT_EQ(c.Delete("/articles/new-1")->status, 204);
}

TEST(ThreadsTtl, ExpiredArticlesLeaveThreadsAndStorage) {
  const ScratchDir dir("ttl");  // one directory for both servers
  ServerProcess server(dir);
  ASSERT_TRUE(server.wait_ready());
  auto c = server.client();
  httplib::Headers hour{{"Cache-Control", "public, max-age=3600"}};
  ASSERT_EQ(c.Put("/articles/ttl-1", hour, article_body("Flood in Valencia", "Rain flooded streets in Valencia.", "A",
                                                        "2022-01-01T00:00:00Z"), kJson)->status, 201);
  EXPECT_EQ(c.Get("/articles/ttl-1")->status, 200);
  // "now" moves two hours on: ttl-1 expired one hour ago.
  ASSERT_EQ(c.Put("/articles/ttl-2", hour, article_body("Election results announced", "Votes were counted overnight.", "B",
                                                        "2022-01-01T02:00:00Z"), kJson)->status, 201);
  EXPECT_EQ(c.Get("/articles/ttl-1")->status, 404);
  for (const auto& t : json_of(c.Get("/threads"))["threads"]) EXPECT_EQ(t["articles"], 1);
  // Already expired on arrival: acknowledged, not kept.
  EXPECT_EQ(c.Put("/articles/ttl-3", hour, article_body("Old news", "Something happened.", "C", "2021-06-01T00:00:00Z"), kJson)->status, 201);
  EXPECT_EQ(c.Get("/articles/ttl-3")->status, 404);
  // "For ever" (the largest max-age) is kept, not wrapped into the past.
  httplib::Headers forever{{"Cache-Control", "max-age=9223372036854775807"}};
  ASSERT_EQ(c.Put("/articles/ttl-4", forever, article_body("Museum reopens", "The museum reopened.", "D",
                                                           "2022-01-01T01:00:00Z"), kJson)->status, 201);
  EXPECT_EQ(c.Get("/articles/ttl-4")->status, 200);
  EXPECT_EQ(c.Get("/threads?period=9223372036854775807")->status, 200);
  // Gone from storage too: a restart does not bring it back.
  EXPECT_EQ(server.stop(), 0);
  ServerProcess again(dir);
  ASSERT_TRUE(again.wait_ready());
  EXPECT_EQ(again.client().Get("/articles/ttl-1")->status, 404);
  EXPECT_EQ(again.client().Get("/articles/ttl-2")->status, 200);
  EXPECT_EQ(again.client().Get("/articles/ttl-4")->status, 200);
}

TEST_F(ThreadsApi, TelegramContestShapes) {
  auto c = server_->client();
  const std::string html =
      "<html><head><meta property=\"og:title\" content=\"Earthquake shakes Tokyo\">"
      "<meta property=\"article:published_time\" content=\"2025-01-02T23:30:00+00:00\"></head>"
      "<body><p>A strong earthquake shook Tokyo on Friday, halting trains.</p></body></html>";
  httplib::Headers ttl{{"Cache-Control", "max-age=86400"}};
  EXPECT_EQ(c.Put("/tg-1.html", ttl, html, "text/html")->status, 201);
  EXPECT_EQ(c.Put("/tg-1.html", ttl, html, "text/html")->status, 204);
  EXPECT_EQ(c.Put("/tg-empty.html", ttl, "<html><body></body></html>", "text/html")->status, 201);
  nlohmann::json listing;
  bool found = false;
  for (int attempt = 0; attempt < 20 && !found; ++attempt) {
    listing = json_of(c.Get("/threads?period=86400&lang_code=en&category=any"));
    for (const auto& t : listing["threads"]) {
      EXPECT_TRUE(t.contains("title"));
      EXPECT_TRUE(t.contains("category"));
      EXPECT_FALSE(t.contains("id"));
      for (const auto& a : t["articles"]) found |= a == "tg-1.html";
    }
  }
  EXPECT_TRUE(found) << listing.dump();
  // An earthquake is society news: listed under society, not under sports.
  for (const auto& t : listing["threads"]) {
    if (t["articles"].size() == 1 && t["articles"][0] == "tg-1.html") {
      EXPECT_EQ(t["category"], "society") << t.dump();
    }
  }
  auto lists = [&](const std::string& category) {
    auto page = json_of(c.Get("/threads?period=86400&lang_code=en&category=" + category));
    for (const auto& t : page["threads"]) {
      EXPECT_EQ(t["category"], category);
      for (const auto& a : t["articles"])
        if (a == "tg-1.html") return true;
    }
    return false;
  };
  EXPECT_TRUE(lists("society"));
  EXPECT_FALSE(lists("sports"));
  EXPECT_EQ(c.Get("/threads?lang_code=en&category=astrology")->status, 400);
  EXPECT_EQ(c.Delete("/tg-1.html")->status, 204);
  EXPECT_EQ(c.Delete("/tg-1.html")->status, 404);
}

// A contest document that holds no article is acknowledged like any other and remembered by
// name: a second PUT is an update, a DELETE finds it, an article sent under its name later
// updates it (and the other way round).
TEST_F(ThreadsApi, TelegramDocumentsWithoutAnArticleAreAcknowledgedAndRemembered) {
  auto c = server_->client();
  const std::string empty = "<html><body></body></html>";
  const std::string news =
      "<html><head><meta property=\"og:title\" content=\"Floods close roads in Valencia\"></head>"
      "<body><p>Heavy rain flooded roads across Valencia on Tuesday.</p></body></html>";
  EXPECT_EQ(c.Put("/tg-nonnews.html", empty, "text/html")->status, 201);
  EXPECT_EQ(c.Put("/tg-nonnews.html", empty, "text/html")->status, 204);
  EXPECT_EQ(c.Delete("/tg-nonnews.html")->status, 204);
  EXPECT_EQ(c.Delete("/tg-nonnews.html")->status, 404);
  EXPECT_EQ(c.Put("/tg-nonnews.html", empty, "text/html")->status, 201);
  EXPECT_EQ(c.Put("/tg-nonnews.html", news, "text/html")->status, 204);  // now an article
  EXPECT_EQ(c.Get("/articles/tg-nonnews.html")->status, 200);
  EXPECT_EQ(c.Put("/tg-nonnews.html", empty, "text/html")->status, 204);  // the article goes
  EXPECT_EQ(c.Get("/articles/tg-nonnews.html")->status, 404);
  EXPECT_EQ(c.Delete("/tg-nonnews.html")->status, 204);
  EXPECT_EQ(c.Delete("/tg-nonnews.html")->status, 404);
}

TEST_F(ThreadsApi, CompareAnswersLikeTheCommandLine) {
  auto c = server_->client();
  nlohmann::json body = {{"a", {{"title", "Brittney Griner freed in prisoner swap"}, {"text", "Basketball star Brittney Griner was released by Russia."}}},
                         {"b", {{"title", "Russia releases Britney Greiner"}, {"text", "Moscow freed the basketball player Britney Greiner in an exchange."}}}};
  auto r = c.Post("/compare", body.dump(), kJson);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = json_of(r);
  for (const char* field : {"a", "b", "similarity", "overall", "same_story", "probability_same_story", "why"})
    EXPECT_TRUE(j.contains(field)) << field;
  EXPECT_EQ(c.Post("/compare", "{\"a\": 1}", kJson)->status, 400);
  EXPECT_EQ(c.Post("/compare", "nope", kJson)->status, 400);
  // A small body nested deeply inside a side: read in place, never serialised again (which
  // recursed once per level and ended the process).
  const std::string deep = R"({"a": {"title": "x", "z": )" + std::string(200000, '[') + std::string(200000, ']') +
                           R"(}, "b": {"title": "y"}})";
  r = c.Post("/compare", deep, kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;  // unknown fields are ignored, as in a file
  EXPECT_EQ(c.Get("/health")->status, 200);
}

}  // namespace
}  // namespace storyline::test
