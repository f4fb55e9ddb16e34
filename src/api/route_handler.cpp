#include "api/route_handler.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "api/http_util.h"

namespace storyline {

httplib::Server::Handler timed(Metrics& metrics, std::string route, RouteHandler handler) {
  return [&metrics, route = std::move(route), handler = std::move(handler)](const httplib::Request& req,
                                                                            httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    try {
      handler(req, res);
    } catch (const BadRequest& e) {
      reply_error(res, 400, e.what());
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.path, e.what());
      reply_error(res, 500, std::string("internal error: ") + e.what());
    }
    metrics.observe(route, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
}

}  // namespace storyline
