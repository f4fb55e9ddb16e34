// PUT/DELETE/GET /articles/{id}, and the Telegram contest's PUT/DELETE /<name>.html.
#include <httplib.h>

#include <optional>

#include "api/http_server.h"
#include "api/http_util.h"
#include "api/route_handler.h"
#include "article/reader.h"

namespace storyline {
namespace {

// The body as one Article through the same readers as files: JSON, or HTML (main text
// extracted). Whatever they report is a 400; nothing malformed reaches the index or storage.
Article parse_article(const std::string& body, const std::string& id, bool html) {
  ReadBatch batch;
  if (html)
    read_html(body, id, batch);
  else
    read_json(body, id, batch);
  if (!batch.errors.empty()) throw BadRequest(batch.errors.front().message);
  if (batch.articles.size() != 1)
    throw BadRequest("expected one article, found " + std::to_string(batch.articles.size()));
  Article article = std::move(batch.articles.front());
  article.id = id;  // the path wins
  return article;
}

bool is_html(const httplib::Request& req) {
  return req.get_header_value("Content-Type").rfind("text/html", 0) == 0;
}

}  // namespace

void HttpServer::add_article_routes() {
  const char* article_path = R"(/articles/([^/]+))";
  const std::size_t limit = options_.max_body_bytes;
  server_->Put(article_path, timed_with_body(metrics_, "put_article", limit, [this](const httplib::Request& req, httplib::Response& res, std::string body) {
    const std::string id = checked_id(req.matches[1]);
    auto ttl = max_age(req);
    Article article = parse_article(body, id, is_html(req));
    if (is_empty(article)) throw BadRequest("the article has neither a title nor text");
    res.status = service_.put(std::move(article), ttl) == PutOutcome::Created ? 201 : 204;
  }));
  server_->Delete(article_path, timed(metrics_, "delete_article", [this](const httplib::Request& req, httplib::Response& res) {
    if (service_.remove(checked_id(req.matches[1])))
      res.status = 204;
    else
      reply_error(res, 404, "no such article");
  }));
  server_->Get(article_path, timed(metrics_, "get_article", [this](const httplib::Request& req, httplib::Response& res) {
    try {
      if (auto body = service_.article(checked_id(req.matches[1])))
        reply_json(res, 200, *body);
      else
        reply_error(res, 404, "no such article");
    } catch (const ArticleNotReady& e) {  // acknowledged: not missing, only not analysed yet
      res.set_header("Retry-After", "1");
      reply_error(res, 503, e.what());
    }
  }));

  // Telegram contest: the document name (with .html) is the id. Documents we cannot read or
  // that hold no text are acknowledged but not indexed (the contest sends non-news too and
  // expects 201/204); one replacing an indexed document removes it.
  const char* telegram_path = R"(/([^/]+\.html))";
  server_->Put(telegram_path, timed_with_body(metrics_, "put_telegram", limit, [this](const httplib::Request& req, httplib::Response& res, std::string body) {
    const std::string id = checked_id(req.matches[1]);
    auto ttl = max_age(req);
    std::optional<Article> article;
    try {
      article = parse_article(body, id, true);
    } catch (const BadRequest&) {
    }
    if (!article || is_empty(*article)) {
      res.status = service_.put_unindexed(id, ttl) == PutOutcome::Created ? 201 : 204;
      return;
    }
    res.status = service_.put(std::move(*article), ttl) == PutOutcome::Created ? 201 : 204;
  }));
  server_->Delete(telegram_path, timed(metrics_, "delete_telegram", [this](const httplib::Request& req, httplib::Response& res) {
    if (service_.remove(checked_id(req.matches[1])))
      res.status = 204;
    else
      reply_error(res, 404, "no such article");
  }));
}

}  // namespace storyline
