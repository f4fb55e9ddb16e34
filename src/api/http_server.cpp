#include "api/http_server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "api/elastic_task_queue.h"
#include "api/http_util.h"
#include "article/ascii.h"

namespace storyline {
namespace {

bool is_write(const std::string& method) { return method == "PUT" || method == "DELETE" || method == "POST"; }

// Compares without an early exit so response times do not reveal how much of a guess matched.
bool same_secret(const std::string& given, const std::string& expected) {
  unsigned char diff = given.size() != expected.size();
  for (std::size_t i = 0; i < given.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ expected[i % expected.size()]);
  return diff == 0;
}

// Whether an Authorization header holds the bearer token. The scheme is case-insensitive
// (RFC 9110 11.1); the token is compared with same_secret().
bool has_bearer_token(const std::string& authorization, const std::string& token) {
  const std::string_view scheme = "bearer";
  if (authorization.size() <= scheme.size() || authorization[scheme.size()] != ' ' ||
      !ascii_iequals(std::string_view(authorization).substr(0, scheme.size()), scheme))
    return false;
  const std::size_t start = authorization.find_first_not_of(' ', scheme.size());
  return start != std::string::npos && same_secret(authorization.substr(start), token);
}

// The methods a path of the API takes; "" for paths it does not know. A known path asked with
// another method is answered 405 with Allow (RFC 9110 15.5.6), not 404 as if it did not exist.
// A missing file (a script, a style sheet, an image) is a 404, not the UI's page: a broken
// asset link must show as one. Paths without an extension, or ending in .html, are pages.
bool names_a_file(std::string_view path) {
  const std::string_view last = path.substr(path.rfind('/') + 1);
  const auto dot = last.rfind('.');
  return dot != std::string_view::npos && dot > 0 && last.substr(dot) != ".html";
}

// `ui`: the web UI is served, so GET of a non-API path answers its index.html.
std::string allowed_methods(std::string_view path, bool ui) {
  auto one_segment_after = [&](std::string_view prefix) {
    return path.size() > prefix.size() && path.starts_with(prefix) &&
           path.find('/', prefix.size()) == std::string_view::npos;
  };
  if (path == "/threads" || path == "/health" || path == "/metrics" || one_segment_after("/threads/"))
    return "GET, HEAD";
  if (one_segment_after("/articles/")) return "GET, HEAD, PUT, DELETE";
  if (path == "/compare") return "POST";
  if (one_segment_after("/") && path.size() > 6 && path.ends_with(".html"))  // the Telegram contest's
    return ui ? "GET, HEAD, PUT, DELETE" : "PUT, DELETE";
  return "";
}

const char* status_message(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "request body too large";
    default: return "error";
  }
}

}  // namespace

HttpServer::HttpServer(StoryService& service, HttpOptions options)
    : service_(service), options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
  const std::size_t threads = options_.threads, max_threads = options_.max_threads;
  server_->new_task_queue = [threads, max_threads] { return new ElasticTaskQueue(threads, max_threads); };
  server_->set_payload_max_length(options_.max_body_bytes);
  server_->set_keep_alive_max_count(options_.keep_alive_requests);
  // Replies are written as headers then body: without this, Nagle's algorithm and delayed ACKs
  // add ~40 ms to every response on a keep-alive connection.
  server_->set_tcp_nodelay(true);
  add_routes();
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& host, int port) {
  if (port == 0) return server_->bind_to_any_port(host);
  return server_->bind_to_port(host, port) ? port : -1;
}

void HttpServer::run() { server_->listen_after_bind(); }
void HttpServer::stop() { server_->stop(); }

void HttpServer::add_routes() {
  // Before routing and before the body is read: an unauthorised or too-early client does not
  // get to upload megabytes. The body stays unread, so the connection is closed after replying.
  server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const bool api = is_api_path(req.method, req.path);
    if (api && !service_.ready() && req.path != "/health" && req.path != "/metrics") {
      res.set_header("Retry-After", "1");
      res.set_header("Connection", "close");
      reply_error(res, 503, "restoring the index after a restart; retry shortly");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (api && is_write(req.method) && !options_.token.empty() &&
        !has_bearer_token(req.get_header_value("Authorization"), options_.token)) {
      res.set_header("WWW-Authenticate", "Bearer");
      res.set_header("Connection", "close");
      reply_error(res, 401, "missing or wrong bearer token");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // httplib answers some errors itself (413, 404, 400 for unparsable requests) with an empty
  // body; the contract promises {"error": ...}. Unknown non-API paths get the UI's index.html
  // so that client-side routes survive a reload.
  std::string index_html = options_.ui_dir + "/index.html";
  if (options_.ui_dir.empty() || !std::filesystem::is_regular_file(index_html)) index_html.clear();  // no UI
  server_->set_error_handler(httplib::Server::HandlerWithResponse(
      [index_html, this](const httplib::Request& req, httplib::Response& res) {
    if (res.status == 404 && (req.method == "GET" || req.method == "HEAD") && !is_api_path(req.method, req.path) &&
        !names_a_file(req.path) && !index_html.empty()) {
      std::ifstream in(index_html, std::ios::binary);
      if (in) {
        std::ostringstream bytes;
        bytes << in.rdbuf();
        res.status = 200;
        res.set_content(bytes.str(), "text/html; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    // No handler for this method (a handler's own 404, "no such article", has a body).
    if (const std::string allow =
            res.status == 404 && res.body.empty() ? allowed_methods(req.path, !index_html.empty()) : "";
        !allow.empty()) {
      res.set_header("Allow", allow);
      res.status = 405;
      if (req.method == "OPTIONS") {
        res.status = 204;
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    if (res.body.empty()) {
      std::string message = status_message(res.status);
      if (res.status == 413) message += " (limit " + std::to_string(options_.max_body_bytes) + " bytes)";
      reply_error(res, res.status, message);
    }
    return httplib::Server::HandlerResponse::Handled;
  }));

  if (!options_.ui_dir.empty()) {
    if (std::filesystem::is_directory(options_.ui_dir))
      server_->set_mount_point("/", options_.ui_dir);
    else
      spdlog::warn("web UI folder {} not found; serving the API only", options_.ui_dir);
  }
  add_article_routes();
  add_thread_routes();
  add_service_routes();

  // Writes no route takes: answered without reading the body, which cpp-httplib would otherwise
  // read first (and, without a Content-Length, wait 5 s for). The body stays unread, so the
  // connection is closed.
  auto unrouted = [](const httplib::Request&, httplib::Response& res, const httplib::ContentReader&) {
    res.set_header("Connection", "close");
    res.status = 404;  // the error handler writes the JSON error
  };
  server_->Put(".*", unrouted);
  server_->Post(".*", unrouted);
  server_->Patch(".*", unrouted);
}

}  // namespace storyline
