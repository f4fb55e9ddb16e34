// PUT/GET/DELETE /articles/{id}: status codes, validation, limits and the bearer token.
#include <gtest/gtest.h>

#include <memory>

#include "server_process.h"

namespace storyline::test {
namespace {

class ArticlesApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>(temp_dir("articles"), std::vector<std::string>{"--max-body", "100000"});
    ASSERT_TRUE(server_->wait_ready());
  }
  static void TearDownTestSuite() { server_.reset(); }
  static std::unique_ptr<ServerProcess> server_;
};
std::unique_ptr<ServerProcess> ArticlesApi::server_;

const char* kJson = "application/json";

TEST_F(ArticlesApi, PutCreatesThenUpdatesAndGetShowsTheAnalysis) {
  auto c = server_->client();
  auto body = article_body("Brittney Griner sentenced in Moscow", "A Russian court sentenced Brittney Griner on Thursday.",
                           "Example Times", "2022-08-04T12:00:00Z");
  EXPECT_EQ(c.Put("/articles/put-1", body, kJson)->status, 201);
  EXPECT_EQ(c.Put("/articles/put-1", body, kJson)->status, 204);
  auto got = c.Get("/articles/put-1");
  ASSERT_EQ(got->status, 200);
  EXPECT_NE(got->get_header_value("Content-Type").find("application/json"), std::string::npos);
  auto j = json_of(got);
  EXPECT_EQ(j["id"], "put-1");  // the path wins
  EXPECT_EQ(j["source"], "Example Times");
  EXPECT_EQ(j["lang"], "en");
  EXPECT_EQ(j["published"], "2022-08-04T12:00:00Z");
  EXPECT_TRUE(j["thread"].is_string());
  bool griner = false;
  for (const auto& e : j["entities"])
    for (const auto& s : e["surfaces"]) griner |= s.get<std::string>().find("Griner") != std::string::npos;
  EXPECT_TRUE(griner) << j.dump();
  for (const char* field : {"title", "url", "dates", "numbers"}) EXPECT_TRUE(j.contains(field)) << field;
}

TEST_F(ArticlesApi, HtmlBodyIsRead) {
  auto c = server_->client();
  std::string html =
      "<html><head><title>Wildfire near Athens forces evacuations</title>"
      "<meta property=\"og:site_name\" content=\"Example Post\"></head><body><article>"
      "<h1>Wildfire near Athens forces evacuations</h1><p>Firefighters battled a wildfire north of Athens on "
      "Tuesday as residents of several villages were told to leave their homes.</p></article></body></html>";
  EXPECT_EQ(c.Put("/articles/html-1", html, "text/html; charset=utf-8")->status, 201);
  auto j = json_of(c.Get("/articles/html-1"));
  EXPECT_NE(j["title"].get<std::string>().find("Wildfire"), std::string::npos) << j.dump();
}

TEST_F(ArticlesApi, DeleteAnswers204Then404) {
  auto c = server_->client();
  ASSERT_EQ(c.Put("/articles/del-1", article_body("Storm hits coast", "A storm hit the coast.", "X"), kJson)->status, 201);
  EXPECT_EQ(c.Delete("/articles/del-1")->status, 204);
  EXPECT_EQ(c.Delete("/articles/del-1")->status, 404);
  auto gone = c.Get("/articles/del-1");
  EXPECT_EQ(gone->status, 404);
  EXPECT_TRUE(json_of(gone).contains("error"));
}

TEST_F(ArticlesApi, MalformedInputIs400AndNeverStored) {
  auto c = server_->client();
  for (const std::string& bad : {std::string("{not json"), std::string("[]"), std::string("{\"title\": 5}"),
                                std::string("{\"lang\": \"en\"}"), std::string("{\"title\": \"\", \"text\": \" \"}"),
                                std::string("{\"title\": \"a\xff\"}")}) {
    auto r = c.Put("/articles/bad-1", bad, kJson);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_TRUE(json_of(r)["error"].is_string()) << r->body;
  }
  EXPECT_EQ(c.Get("/articles/bad-1")->status, 404);
  auto ttl = c.Put("/articles/bad-2", httplib::Headers{{"Cache-Control", "max-age=soon"}},
                   article_body("Title", "Text", "X"), kJson);
  EXPECT_EQ(ttl->status, 400);
}

TEST_F(ArticlesApi, OversizedBodyIs413WithJsonError) {
  auto c = server_->client();
  auto r = c.Put("/articles/big-1", article_body("Big", std::string(150000, 'a'), "X"), kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_TRUE(json_of(r)["error"].is_string()) << r->body;
  EXPECT_EQ(server_->client().Get("/articles/big-1")->status, 404);
}

TEST_F(ArticlesApi, UnknownApiPathIsJson404) {
  auto r = server_->client().Get("/articles/a/b");
  EXPECT_EQ(r->status, 404);
  EXPECT_TRUE(json_of(r).contains("error"));
}

TEST(ArticlesAuth, WritesNeedTheBearerToken) {
  ServerProcess server(temp_dir("auth"), {"--token", "s3cret"});
  ASSERT_TRUE(server.wait_ready());
  auto c = server.client();
  auto body = article_body("Storm hits coast", "A storm hit the coast.", "X");
  auto r = c.Put("/articles/t-1", body, kJson);
  EXPECT_EQ(r->status, 401);
  EXPECT_TRUE(json_of(r).contains("error"));
  EXPECT_EQ(c.Put("/articles/t-1", httplib::Headers{{"Authorization", "Bearer wrong"}}, body, kJson)->status, 401);
  httplib::Headers auth{{"Authorization", "Bearer s3cret"}};
  EXPECT_EQ(c.Put("/articles/t-1", auth, body, kJson)->status, 201);
  EXPECT_EQ(c.Get("/articles/t-1")->status, 200);  // reads are open
  EXPECT_EQ(c.Delete("/articles/t-1")->status, 401);
  EXPECT_EQ(c.Post("/compare", "{}", kJson)->status, 401);
  EXPECT_EQ(c.Delete("/articles/t-1", auth)->status, 204);
}

}  // namespace
}  // namespace storyline::test
