#include "api/http_util.h"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <vector>

#include "article/ascii.h"

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
  if (id.find('/') != std::string::npos) throw BadRequest("article id contains '/'");
  return id;
}

bool is_empty(const Article& a) {
  return a.title.find_first_not_of(" \t\r\n") == std::string::npos &&
         a.text.find_first_not_of(" \t\r\n") == std::string::npos;
}

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The directives of a Cache-Control list, split at commas outside quoted strings.
std::vector<std::string_view> directives(std::string_view list) {
  std::vector<std::string_view> out;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= list.size(); ++i) {
    if (i < list.size() && list[i] == '"') quoted = !quoted;
    if (i < list.size() && list[i] == '\\' && quoted) {
      ++i;
      continue;
    }
    if (i == list.size() || (list[i] == ',' && !quoted)) {
      if (auto d = trimmed(list.substr(start, i - start)); !d.empty()) out.push_back(d);
      start = i + 1;
    }
  }
  return out;
}

// Decimal digits only, as HTTP's delta-seconds and our counts are written; a value too large
// for 64 bits is the largest one. nullopt when `text` is empty or holds anything else (a sign,
// a space, a point).
std::optional<std::int64_t> saturating_digits(std::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  std::int64_t n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  return ec == std::errc::result_out_of_range ? INT64_MAX : n;
}

}  // namespace

// RFC 9111: directive names are case-insensitive; several Cache-Control lines form one list;
// the first max-age counts; the quoted form is accepted; delta-seconds too large to represent
// are the largest value (which put() reads as "never expires").
std::optional<std::int64_t> max_age(const httplib::Request& req) {
  std::string list;
  for (std::size_t i = 0, n = req.get_header_value_count("Cache-Control"); i < n; ++i)
    list += req.get_header_value("Cache-Control", i) + ",";
  for (std::string_view d : directives(list)) {
    const std::size_t eq = d.find('=');
    if (!ascii_iequals(d.substr(0, eq), "max-age")) continue;
    std::string_view value = eq == std::string_view::npos ? std::string_view() : d.substr(eq + 1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (const std::optional<std::int64_t> seconds = saturating_digits(value)) return seconds;
    throw BadRequest("Cache-Control: max-age must be a non-negative number of seconds");
  }
  return std::nullopt;
}

std::string read_body(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader,
                      std::size_t limit) {
  if (req.has_header("Transfer-Encoding")) {
    // cpp-httplib decodes "chunked" alone; with any other coding it would misread the body.
    if (!ascii_iequals(trimmed(req.get_header_value("Transfer-Encoding")), "chunked")) {
      res.set_header("Connection", "close");
      throw BadRequest("Transfer-Encoding must be chunked");
    }
  } else if (!req.has_header("Content-Length")) {
    return {};
  }
  std::string body;
  // Reserved once for the length a request declares (within the limit): a PUT's body arrives
  // in several pieces, which would otherwise regrow and copy it.
  if (const auto declared = req.get_header_value<std::uint64_t>("Content-Length"); declared <= limit)
    body.reserve(std::size_t(declared));
  bool over = false;
  const bool read = reader([&](const char* data, std::size_t n) {
    if (n > limit - body.size()) {
      over = true;
      return false;
    }
    body.append(data, n);
    return true;
  });
  if (over || res.status == 413) {  // 413: cpp-httplib saw a Content-Length over its limit
    res.set_header("Connection", "close");
    throw PayloadTooLarge("request body too large (limit " + std::to_string(limit) + " bytes)");
  }
  if (!read) {
    res.set_header("Connection", "close");
    throw BadRequest("the request body could not be read (truncated, or a bad chunked or gzip encoding)");
  }
  return body;
}

std::optional<std::int64_t> integer_param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  // Too large for 64 bits: the largest value (callers bound what they need bounded).
  if (const std::optional<std::int64_t> n = saturating_digits(req.get_param_value(name))) return n;
  throw BadRequest(std::string("parameter ") + name + " must be a non-negative integer");
}

bool is_api_path(const std::string& method, const std::string& path) {
  for (const char* prefix : {"/articles", "/threads", "/compare", "/health", "/metrics"})
    if (path.rfind(prefix, 0) == 0) return true;
  // Telegram contest documents: only written and deleted; a GET of *.html is the UI's.
  return method != "GET" && method != "HEAD" && path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0;
}

}  // namespace storyline
