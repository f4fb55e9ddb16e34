// HttpServer: docs/api.md over cpp-httplib. Guards every request before routing (503 while
// restoring, 401 without the token on writes), times every route for /metrics, turns
// exceptions into JSON errors and serves the web UI's static files.
#pragma once

#include <memory>
#include <string>

#include "api/metrics.h"
#include "api/story_service.h"

namespace httplib {
class Server;
}

namespace storyline {

struct HttpOptions {
  std::string token;                    // empty = writes need no token
  std::size_t max_body_bytes = 4u << 20;
  std::string ui_dir;                   // empty or missing = no UI
  // HTTP workers: `threads` always, more while connections outnumber them, up to
  // `max_threads` (a connection holds its worker while it lasts: at most
  // `keep_alive_requests` requests, or the 5 s idle timeout); see api/elastic_task_queue.h.
  std::size_t threads = 8;
  std::size_t max_threads = 256;
  // Requests served on one keep-alive connection before the server closes it. cpp-httplib's
  // default of 5 made a client streaming PUTs reconnect every fifth request: connect, accept
  // and the hand-over to a worker cost a few per cent of a PUT's CPU (serve_bench).
  std::size_t keep_alive_requests = 100;
};

class HttpServer {
 public:
  HttpServer(StoryService& service, HttpOptions options);
  ~HttpServer();

  // Binds without serving yet; port 0 picks a free one. Returns the port, or -1.
  int bind(const std::string& host, int port);
  void run();   // serves until stop()
  void stop();  // from any thread (or a signal-watching one)

 private:
  void add_routes();
  void add_article_routes();
  void add_thread_routes();
  void add_service_routes();

  StoryService& service_;
  HttpOptions options_;
  Metrics metrics_;
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace storyline
