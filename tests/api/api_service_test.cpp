// /health, /metrics, and the 503s while an index is being restored.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <fstream>

#include "server_process.h"

namespace storyline::test {
namespace {

TEST(ServiceApi, HealthAndMetrics) {
  const ScratchDir dir("health");
  ServerProcess server(dir);
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
  for (const char* line : {"storyline_articles 1", "storyline_threads 1", "storyline_threading_backlog 0", "# TYPE storyline_request_seconds histogram",
                           "storyline_request_seconds_bucket{route=\"put_article\",le=\"+Inf\"} 1",
                           "storyline_request_seconds_count{route=\"health\"}"})
    EXPECT_NE(metrics->body.find(line), std::string::npos) << line << "\n" << metrics->body;
  // The PUT was acknowledged after its commit: at least one (the thread assignment may be another).
  const std::string commits = "\nstoryline_store_commits_total ";
  const auto at = metrics->body.find(commits);
  ASSERT_NE(at, std::string::npos) << metrics->body;
  EXPECT_GE(std::stoul(metrics->body.substr(at + commits.size())), 1u) << metrics->body;
}

TEST(ServiceApi, RestoringAnswers503ExceptHealthAndMetrics) {
  const ScratchDir dir("restoring");
  ServerProcess server(dir, {"--debug-restore-delay-ms", "1500"});
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

// Reads one HTTP/1.1 response (headers, then Content-Length bytes) from a socket; empty when
// the server closed the connection first.
std::string read_response(int fd) {
  std::string bytes;
  char buffer[4096];
  for (;;) {
    const std::size_t end = bytes.find("\r\n\r\n");
    if (end != std::string::npos) {
      const std::size_t length_at = bytes.find("Content-Length: ");
      const std::size_t length = length_at < end ? std::stoul(bytes.substr(length_at + 16)) : 0;
      if (bytes.size() >= end + 4 + length) return bytes.substr(0, end + 4 + length);
    }
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return {};
    bytes.append(buffer, std::size_t(n));
  }
}

// A client streaming articles keeps its connection: cpp-httplib alone closes it after five
// requests (HttpOptions::keep_alive_requests).
TEST(ServiceApi, KeepsAConnectionOpenForManyRequests) {
  const ScratchDir dir("keep-alive");
  ServerProcess server(dir);
  ASSERT_TRUE(server.wait_ready());
  const int fd = connect_to(server.port(), 10000);  // a server that stops answering fails the test, not hangs it
  ASSERT_GE(fd, 0);
  const std::string request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(::send(fd, request.data(), request.size(), 0), ssize_t(request.size()));
    const std::string response = read_response(fd);
    ASSERT_EQ(response.rfind("HTTP/1.1 200", 0), 0u) << "request " << i << ": " << response;
    EXPECT_EQ(response.find("Connection: close"), std::string::npos) << "request " << i;
  }
  ::close(fd);
}

// Idle keep-alive connections do not starve new clients. A browser keeps up to six
// connections to a host open; with a fixed pool of eight workers, each held by its connection
// until the 5 s idle timeout, two open UI tabs made every further client wait seconds.
TEST(ServiceApi, IdleKeepAliveConnectionsDoNotStarveOthers) {
  const ScratchDir dir("idle-connections");
  ServerProcess server(dir);  // --http-threads 8, the default
  ASSERT_TRUE(server.wait_ready());
  const std::string request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  std::vector<int> idle;
  // Three times the default worker count, each answered well before the 5 s idle timeout
  // would free a worker held by an earlier connection.
  for (int i = 0; i < 24; ++i) {
    const int fd = connect_to(server.port(), 3000);
    ASSERT_GE(fd, 0);
    idle.push_back(fd);
    ASSERT_EQ(::send(fd, request.data(), request.size(), 0), ssize_t(request.size()));
    const std::string response = read_response(fd);
    ASSERT_EQ(response.rfind("HTTP/1.1 200", 0), 0u) << "connection " << i << " answered: '" << response << "'";
  }
  auto c = server.client();
  c.set_read_timeout(3, 0);
  auto health = c.Get("/health");
  ASSERT_TRUE(health) << "a new client waited out the idle connections";
  EXPECT_EQ(health->status, 200);
  for (int fd : idle) ::close(fd);
}

TEST(ServiceApi, ServesTheWebUi) {
  const ScratchDir ui("ui"), dir("ui-data");
  { std::ofstream(ui.path() + "/index.html") << "<!doctype html><title>storyline</title>"; }
  ServerProcess server(dir, {"--ui", ui});
  ASSERT_TRUE(server.wait_ready());
  auto c = server.client();
  auto root = c.Get("/");
  ASSERT_EQ(root->status, 200);
  EXPECT_NE(root->body.find("storyline"), std::string::npos);
  EXPECT_EQ(c.Get("/story/t123")->status, 200);  // client-side route: index.html
  EXPECT_EQ(c.Head("/story/t123")->status, 200);
  EXPECT_EQ(c.Get("/assets/missing.js")->status, 404);  // a broken asset link shows as one
  EXPECT_EQ(c.Get("/threads/nope")->status, 404);
  // A contest document's path serves the UI to GET as any other path does.
  EXPECT_EQ(c.Get("/doc.html")->status, 200);
  auto post = c.Post("/doc.html", "<p>x</p>", "text/html");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD, PUT, DELETE");
}

TEST(ServiceApi, WithoutAWebUiAContestPathTakesOnlyPutAndDelete) {
  const ScratchDir ui("empty-ui"), dir("no-ui");  // a UI folder without index.html
  ServerProcess server(dir, {"--ui", ui});
  ASSERT_TRUE(server.wait_ready());
  auto get = server.client().Get("/doc.html");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "PUT, DELETE");
}

}  // namespace
}  // namespace storyline::test
