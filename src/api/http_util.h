// Small pieces shared by the route handlers: JSON replies and errors, request validation
// (ids, Cache-Control, numbers) and the 400 exception that handlers throw.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "article/article.h"

namespace storyline {

// Thrown by handlers for malformed requests; becomes 400 {"error": what()}.
struct BadRequest : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown when a request body turns out larger than the limit; becomes 413.
struct PayloadTooLarge : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A request body, at most `limit` bytes once decoded. cpp-httplib enforces its payload limit on
// Content-Length only: a chunked or compressed (gzip) body was read whole into memory, however
// large. Without Content-Length or chunked encoding the body is empty (RFC 9112 6.3), where
// cpp-httplib would wait for the connection to close. Throws PayloadTooLarge or BadRequest
// (and then marks the response Connection: close: the rest of the body is left unread).
std::string read_body(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader,
                      std::size_t limit);

void reply_json(httplib::Response& res, int status, const nlohmann::json& body);
void reply_error(httplib::Response& res, int status, const std::string& message);

// An article id: 1..512 bytes of valid UTF-8 without control characters or '/' (which no URL
// of the API can address: the path is decoded before routing). For --load's ids as for URLs'.
std::string checked_id(const std::string& id);

// Whether an article has neither a title nor text (PUT refuses it; a Telegram PUT acknowledges
// it without indexing it).
bool is_empty(const Article& article);

// max-age=N of the Cache-Control header(s); nullopt without one; INT64_MAX when too large to
// represent. Throws BadRequest when malformed.
std::optional<std::int64_t> max_age(const httplib::Request& req);

// A non-negative integer query parameter (INT64_MAX when larger); nullopt when absent. Throws
// BadRequest.
std::optional<std::int64_t> integer_param(const httplib::Request& req, const char* name);

// Paths the UI never owns: they answer JSON errors instead of falling back to index.html.
bool is_api_path(const std::string& method, const std::string& path);

}  // namespace storyline
