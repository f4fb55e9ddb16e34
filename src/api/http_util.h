// Small pieces shared by the route handlers: JSON replies and errors, request validation
// (ids, Cache-Control, numbers) and the 400 exception that handlers throw.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace storyline {

// Thrown by handlers for malformed requests; becomes 400 {"error": what()}.
struct BadRequest : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void reply_json(httplib::Response& res, int status, const nlohmann::json& body);
void reply_error(httplib::Response& res, int status, const std::string& message);

// An article id from a URL: 1..512 bytes of valid UTF-8 without control characters.
std::string checked_id(const std::string& id);

// max-age=N of the Cache-Control header(s); nullopt without one; INT64_MAX when too large to
// represent. Throws BadRequest when malformed.
std::optional<std::int64_t> max_age(const httplib::Request& req);

// A non-negative integer query parameter; nullopt when absent. Throws BadRequest.
std::optional<std::int64_t> integer_param(const httplib::Request& req, const char* name);

// Paths the UI never owns: they answer JSON errors instead of falling back to index.html.
bool is_api_path(const std::string& method, const std::string& path);

}  // namespace storyline
