// PUT/GET/DELETE /articles/{id}: status codes, validation, limits and the bearer token.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "server_process.h"

namespace storyline::test {
namespace {

class ArticlesApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<ScratchDir>("articles");
    server_ = std::make_unique<ServerProcess>(*dir_, std::vector<std::string>{"--max-body", "100000"});
    ASSERT_TRUE(server_->wait_ready());
  }
  static void TearDownTestSuite() {
    server_.reset();  // before its directory
    dir_.reset();
  }
  static std::unique_ptr<ScratchDir> dir_;
  static std::unique_ptr<ServerProcess> server_;
};
std::unique_ptr<ScratchDir> ArticlesApi::dir_;
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

// The limit holds for bodies whose size no Content-Length announces: chunked, and compressed
// (gzip inflating far beyond its length). They were read whole and stored.
TEST_F(ArticlesApi, ChunkedAndCompressedBodiesOverTheLimitAre413) {
  const std::string big = article_body("Big", std::string(150000, 'a'), "X");
  auto chunked = server_->client().Put(
      "/articles/big-chunked",
      [&](std::size_t offset, httplib::DataSink& sink) {
        if (offset < big.size()) sink.write(big.data() + offset, std::min<std::size_t>(8192, big.size() - offset));
        if (offset + 8192 >= big.size()) sink.done();
        return true;
      },
      kJson);
  // Cut off mid-upload, the client may see the connection reset before the answer.
  if (chunked) {
    EXPECT_EQ(chunked->status, 413) << chunked->body;
  }
  auto c = server_->client();
  c.set_compress(true);
  auto gzip = c.Put("/articles/big-gzip", big, kJson);
  ASSERT_TRUE(gzip);
  EXPECT_EQ(gzip->status, 413);
  EXPECT_TRUE(json_of(gzip)["error"].is_string()) << gzip->body;
  EXPECT_EQ(server_->client().Get("/articles/big-chunked")->status, 404);
  EXPECT_EQ(server_->client().Get("/articles/big-gzip")->status, 404);
  // Within the limit both are read as usual.
  const std::string small = article_body("Storm hits coast", "A storm hit the coast.", "X");
  EXPECT_EQ(c.Put("/articles/small-gzip", small, kJson)->status, 201);
  auto plain = server_->client();
  auto small_chunked = plain.Put(
      "/articles/small-chunked",
      [&](std::size_t, httplib::DataSink& sink) {
        sink.write(small.data(), small.size());
        sink.done();
        return true;
      },
      kJson);
  ASSERT_TRUE(small_chunked);
  EXPECT_EQ(small_chunked->status, 201);
}

// A write without Content-Length or chunked encoding has an empty body (RFC 9112 6.3): it is
// answered at once instead of after the 5 s read timeout with a bare "bad request". No clock is
// read: an exchange that waited for a body would end at its 3 s patience with no reply, and the
// bare 400 has no JSON error.
TEST_F(ArticlesApi, WritesWithoutABodyLengthAreAnsweredAtOnce) {
  for (const std::string request_line : {"PUT /articles/no-length", "POST /compare", "PATCH /articles/x", "PUT /threads"}) {
    const std::string reply =
        raw_exchange(server_->port(), request_line + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000);
    EXPECT_EQ(reply.rfind("HTTP/1.1 4", 0), 0u) << request_line << ": " << reply;
    EXPECT_NE(reply.find("{\"error\":"), std::string::npos) << request_line << ": " << reply;
  }
  EXPECT_EQ(server_->client().Get("/articles/no-length")->status, 404);
}

// A known path asked with a method it does not take is 405 with the methods it does take; an
// OPTIONS request gets those too. A handler's own 404 and unknown paths stay 404.
TEST_F(ArticlesApi, AKnownPathWithAnotherMethodIs405WithAllow) {
  auto c = server_->client();
  auto post = c.Post("/articles/x", article_body("Storm", "A storm.", "X"), kJson);
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD, PUT, DELETE");
  EXPECT_TRUE(json_of(post)["error"].is_string()) << post->body;
  auto del = server_->client().Delete("/threads");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  EXPECT_EQ(del->get_header_value("Allow"), "GET, HEAD");
  auto get = server_->client().Get("/compare");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  auto options = server_->client().Options("/threads/t123");
  ASSERT_TRUE(options);
  EXPECT_EQ(options->status, 204);
  EXPECT_EQ(options->get_header_value("Allow"), "GET, HEAD");
  auto contest = server_->client().Post("/doc.html", "<p>x</p>", "text/html");  // Telegram contest path
  ASSERT_TRUE(contest);
  EXPECT_EQ(contest->status, 405);
  EXPECT_TRUE(contest->get_header_value("Allow").ends_with("PUT, DELETE"));  // after GET, HEAD with a UI
  EXPECT_EQ(server_->client().Options("/doc.html")->status, 204);
  EXPECT_EQ(server_->client().Put("/.html", "<p>x</p>", "text/html")->status, 404);  // no name: no such path
  EXPECT_EQ(server_->client().Get("/articles/missing")->status, 404);  // the handler's own
  EXPECT_EQ(server_->client().Delete("/articles/a/b")->status, 404);   // no such path
}

TEST_F(ArticlesApi, UnknownApiPathIsJson404) {
  auto r = server_->client().Get("/articles/a/b");
  EXPECT_EQ(r->status, 404);
  EXPECT_TRUE(json_of(r).contains("error"));
}

TEST(ArticlesAuth, WritesNeedTheBearerToken) {
  const ScratchDir dir("auth");
  ServerProcess server(dir, {"--token", "s3cret"});
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
  // The scheme is case-insensitive (RFC 9110 11.1); the token is not.
  EXPECT_EQ(c.Put("/articles/t-2", httplib::Headers{{"Authorization", "bearer s3cret"}}, body, kJson)->status, 201);
  EXPECT_EQ(c.Put("/articles/t-2", httplib::Headers{{"Authorization", "BEARER s3cret"}}, body, kJson)->status, 204);
  EXPECT_EQ(c.Put("/articles/t-2", httplib::Headers{{"Authorization", "Bearer S3CRET"}}, body, kJson)->status, 401);
  EXPECT_EQ(c.Put("/articles/t-2", httplib::Headers{{"Authorization", "Basic s3cret"}}, body, kJson)->status, 401);
}

}  // namespace
}  // namespace storyline::test
