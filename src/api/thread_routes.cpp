// GET /threads (our shape and the Telegram contest's), GET /threads/{id}, POST /compare.
#include <httplib.h>

#include "api/http_server.h"
#include "api/http_util.h"
#include "api/route_handler.h"
#include "article/json_reader.h"
#include "article/reader.h"
#include "document/language_id.h"
#include "features/category.h"

namespace storyline {
namespace {

constexpr std::int64_t kMaxLimit = 1000;

// One side of POST /compare, read like a JSON article file named `side`.
Article compare_side(const nlohmann::json& body, const char* side) {
  auto it = body.find(side);
  if (it == body.end() || !it->is_object()) throw BadRequest(std::string("field \"") + side + "\" must be an article object");
  ReadBatch batch;
  detail::read_json_record(*it, side, batch);
  if (!batch.errors.empty()) throw BadRequest(std::string(side) + ": " + batch.errors.front().message);
  return std::move(batch.articles.at(0));
}

// The language a listing asks for, as articles' languages are stored: "EN", "en-US" and "eng"
// ask for "en". A tag that names no language stays as given and matches nothing, rather than
// becoming "und" and matching the articles whose language is undetermined.
std::string wanted_language(const std::string& tag) {
  if (tag.empty()) return tag;
  std::string code = normalise_language_tag(tag);
  return code == "und" && tag != "und" ? tag : code;
}

}  // namespace

void HttpServer::add_thread_routes() {
  server_->Get("/threads", timed(metrics_, "threads", [this](const httplib::Request& req, httplib::Response& res) {
    const bool telegram = req.has_param("lang_code") || req.has_param("category");
    ThreadQuery q;
    q.period = integer_param(req, "period");
    q.lang = wanted_language(req.get_param_value(telegram ? "lang_code" : "lang"));
    q.category = req.get_param_value("category");
    if (Category c; !q.category.empty() && q.category != "any" && !parse_category(q.category, c))
      throw BadRequest("category must be any, society, economy, technology, sports, entertainment, science or other");
    if (req.has_param("q")) q.words = service_.fold_words(req.get_param_value("q"));
    auto limit = integer_param(req, "limit");
    if (limit && (*limit < 1 || *limit > kMaxLimit)) throw BadRequest("limit must be between 1 and 1000");
    // The contest lists every thread; our UI pages through the most important ones.
    q.limit = limit ? std::size_t(*limit) : telegram ? std::size_t(-1) : 100;
    reply_json(res, 200, service_.threads(q, telegram));
  }));
  server_->Get(R"(/threads/([^/]+))", timed(metrics_, "thread", [this](const httplib::Request& req, httplib::Response& res) {
    if (auto body = service_.story(req.matches[1]))
      reply_json(res, 200, *body);
    else
      reply_error(res, 404, "no such thread");
  }));
  server_->Post("/compare", timed_with_body(metrics_, "compare", options_.max_body_bytes,
                                           [this](const httplib::Request&, httplib::Response& res, std::string text) {
    nlohmann::json body = nlohmann::json::parse(text, nullptr, false);
    if (body.is_discarded() || !body.is_object()) throw BadRequest("body must be a JSON object {\"a\": article, \"b\": article}");
    reply_json(res, 200, service_.compare(compare_side(body, "a"), compare_side(body, "b")));
  }));
}

}  // namespace storyline
