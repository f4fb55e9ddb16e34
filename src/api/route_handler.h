// Wraps a route handler: times it into Metrics under the route's name and turns exceptions
// into JSON errors (BadRequest -> 400, PayloadTooLarge -> 413, anything else -> 500, logged).
#pragma once

#include <httplib.h>

#include <functional>
#include <string>

#include "api/metrics.h"

namespace storyline {

using RouteHandler = std::function<void(const httplib::Request&, httplib::Response&)>;
using BodyHandler = std::function<void(const httplib::Request&, httplib::Response&, std::string body)>;

httplib::Server::Handler timed(Metrics& metrics, std::string route, RouteHandler handler);

// For routes with a body: read through read_body() (the limit holds for chunked and
// compressed bodies too) before the handler runs; the time spent uploading is not timed.
httplib::Server::HandlerWithContentReader timed_with_body(Metrics& metrics, std::string route, std::size_t limit,
                                                          BodyHandler handler);

}  // namespace storyline
