// GET /health and GET /metrics: answered during a restore too (load balancers and dashboards
// must see a restarting server as alive but not ready).
#include <httplib.h>

#include "api/http_server.h"
#include "api/http_util.h"
#include "api/route_handler.h"

namespace storyline {

void HttpServer::add_service_routes() {
  server_->Get("/health", timed(metrics_, "health", [this](const httplib::Request&, httplib::Response& res) {
    const bool ready = service_.ready();
    reply_json(res, ready ? 200 : 503,
               {{"status", ready ? "ok" : "loading"},
                {"articles", service_.article_count()},
                {"threads", service_.thread_count()}});
    if (!ready) res.set_header("Retry-After", "1");
  }));
  server_->Get("/metrics", timed(metrics_, "metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    // The backlog as the request found it: the counts may wait for it to be threaded.
    const std::size_t backlog = service_.threading_backlog();
    const std::size_t articles = service_.article_count();
    res.set_content(metrics_.render({articles, service_.thread_count(), backlog, service_.store_commits()}),
                    "text/plain; version=0.0.4; charset=utf-8");
  }));
}

}  // namespace storyline
