// /health, /metrics, and the 503s while an index is being restored.
#include <gtest/gtest.h>

#include <fstream>

#include "server_process.h"

namespace storyline::test {
namespace {

TEST(ServiceApi, HealthAndMetrics) {
  ServerProcess server(temp_dir("health"));
  ASSERT_TRUE(server.wait_ready());
  auto c = server.client();
  ASSERT_EQ(c.Put("/articles/m-1", article_body("Storm hits coast", "A storm hit the coast.", "X"), "application/json")->status, 201);
  auto health = json_of(c.Get("/health"));
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["articles"], 1);
  EXPECT_EQ(health["threads"], 1);
  auto metrics = c.Get("/metrics");
  ASSERT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  for (const char* line : {"storyline_articles 1", "storyline_threads 1", "# TYPE storyline_request_seconds histogram",
                           "storyline_request_seconds_bucket{route=\"put_article\",le=\"+Inf\"} 1",
                           "storyline_request_seconds_count{route=\"health\"}"})
    EXPECT_NE(metrics->body.find(line), std::string::npos) << line << "\n" << metrics->body;
}

TEST(ServiceApi, RestoringAnswers503ExceptHealthAndMetrics) {
  ServerProcess server(temp_dir("restoring"), {"--debug-restore-delay-ms", "1500"});
  auto c = server.client();
  auto health = c.Get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 503);
  EXPECT_EQ(json_of(health)["status"], "loading");
  EXPECT_EQ(c.Get("/metrics")->status, 200);
  std::vector<httplib::Result> results;
  results.push_back(c.Get("/threads"));
  results.push_back(c.Get("/articles/x"));
  results.push_back(c.Put("/articles/x", article_body("T", "Text.", "X"), "application/json"));
  for (const auto& r : results) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 503);
    EXPECT_EQ(r->get_header_value("Retry-After"), "1");
    EXPECT_TRUE(json_of(r).contains("error"));
  }
  ASSERT_TRUE(server.wait_ready());
  EXPECT_EQ(c.Get("/threads")->status, 200);
}

TEST(ServiceApi, ServesTheWebUi) {
  const std::string ui = temp_dir("ui");
  { std::ofstream(ui + "/index.html") << "<!doctype html><title>storyline</title>"; }
  ServerProcess server(temp_dir("ui-data"), {"--ui", ui});
  ASSERT_TRUE(server.wait_ready());
  auto c = server.client();
  auto root = c.Get("/");
  ASSERT_EQ(root->status, 200);
  EXPECT_NE(root->body.find("storyline"), std::string::npos);
  EXPECT_EQ(c.Get("/story/t123")->status, 200);  // client-side route: index.html
  EXPECT_EQ(c.Get("/threads/nope")->status, 404);
}

}  // namespace
}  // namespace storyline::test
