#include "api/http_util.h"

#include <charconv>

namespace storyline {

void reply_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  // Replacement instead of an exception for invalid UTF-8 (an article's bytes were checked on
  // the way in, but a reply must never fail half-way).
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void reply_error(httplib::Response& res, int status, const std::string& message) {
  reply_json(res, status, {{"error", message}});
}

namespace {
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    i += n;
  }
  return true;
}
}  // namespace

std::string checked_id(const std::string& id) {
  if (id.empty() || id.size() > 512) throw BadRequest("article id must be 1 to 512 bytes");
  for (unsigned char c : id)
    if (c < 0x20 || c == 0x7F) throw BadRequest("article id contains a control character");
  if (!valid_utf8(id)) throw BadRequest("article id is not valid UTF-8");
  return id;
}

std::optional<std::int64_t> max_age(const httplib::Request& req) {
  if (!req.has_header("Cache-Control")) return std::nullopt;
  const std::string value = req.get_header_value("Cache-Control");
  const std::string key = "max-age=";
  auto at = value.find(key);
  if (at == std::string::npos) return std::nullopt;
  const char* begin = value.data() + at + key.size();
  const char* end = value.data() + value.size();
  std::int64_t seconds = 0;
  auto [ptr, ec] = std::from_chars(begin, end, seconds);
  if (ec != std::errc() || ptr == begin || seconds < 0 || (ptr != end && *ptr != ',' && *ptr != ' '))
    throw BadRequest("Cache-Control: max-age must be a non-negative number of seconds");
  return seconds;
}

std::optional<std::int64_t> integer_param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  const std::string value = req.get_param_value(name);
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || ptr != value.data() + value.size() || n < 0)
    throw BadRequest(std::string("parameter ") + name + " must be a non-negative integer");
  return n;
}

bool is_api_path(const std::string& method, const std::string& path) {
  for (const char* prefix : {"/articles", "/threads", "/compare", "/health", "/metrics"})
    if (path.rfind(prefix, 0) == 0) return true;
  // Telegram contest documents: only written and deleted; a GET of *.html is the UI's.
  return method != "GET" && method != "HEAD" && path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0;
}

}  // namespace storyline
