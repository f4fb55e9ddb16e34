// Wraps a route handler: times it into Metrics under the route's name and turns exceptions
// into JSON errors (BadRequest -> 400, anything else -> 500, logged).
#pragma once

#include <httplib.h>

#include <functional>
#include <string>

#include "api/metrics.h"

namespace storyline {

using RouteHandler = std::function<void(const httplib::Request&, httplib::Response&)>;

httplib::Server::Handler timed(Metrics& metrics, std::string route, RouteHandler handler);

}  // namespace storyline
