#include "api/route_handler.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "api/http_util.h"

namespace storyline {
namespace {

// Runs `work`, replying with the JSON error its exception stands for.
template <typename Work>
void answering_errors(const httplib::Request& req, httplib::Response& res, Work&& work) {
  try {
    work();
  } catch (const BadRequest& e) {
    reply_error(res, 400, e.what());
  } catch (const PayloadTooLarge& e) {
    reply_error(res, 413, e.what());
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", req.method, req.path, e.what());
    reply_error(res, 500, std::string("internal error: ") + e.what());
  }
}

}  // namespace

httplib::Server::Handler timed(Metrics& metrics, std::string route, RouteHandler handler) {
  return [&metrics, route = std::move(route), handler = std::move(handler)](const httplib::Request& req,
                                                                            httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    answering_errors(req, res, [&] { handler(req, res); });
    metrics.observe(route, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
}

httplib::Server::HandlerWithContentReader timed_with_body(Metrics& metrics, std::string route, std::size_t limit,
                                                          BodyHandler handler) {
  return [&metrics, route = std::move(route), limit, handler = std::move(handler)](
             const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    std::optional<std::string> body;
    answering_errors(req, res, [&] { body = read_body(req, res, reader, limit); });
    if (!body) return;
    const auto start = std::chrono::steady_clock::now();
    answering_errors(req, res, [&] { handler(req, res, std::move(*body)); });
    metrics.observe(route, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
}

}  // namespace storyline
