// Unit tests of the server's pure pieces: JSON views, request parsing helpers, metrics text.
#include <gtest/gtest.h>

#include "api/http_util.h"
#include "api/json_views.h"
#include "api/metrics.h"

namespace storyline {
namespace {

TEST(JsonViews, TimesAreIsoUtcOrNull) {
  EXPECT_EQ(json_time(1658930700), "2022-07-27T14:05:00Z");
  EXPECT_TRUE(json_time(std::nullopt).is_null());
}

TEST(JsonViews, ThreadSummaryRanksOutletsByArticles) {
  Thread t;
  t.id = "t1";
  t.members = {{"a", "", "en", "B", {}, 1, {}}, {"b", "", "en", "A", {}, 1, {}}, {"c", "", "en", "B", {}, 1, {}}};
  t.sources = {"A", "B"};
  auto j = thread_summary_json(t);
  EXPECT_EQ(j["articles"], 3);
  EXPECT_EQ(j["sources"], 2);
  EXPECT_EQ(j["top_sources"], nlohmann::json({"B", "A"}));
}

TEST(HttpUtil, MaxAgeIsReadFromCacheControl) {
  httplib::Request req;
  EXPECT_FALSE(max_age(req));
  req.headers.emplace("Cache-Control", "public, max-age=3600");
  EXPECT_EQ(max_age(req), 3600);
  httplib::Request bad;
  bad.headers.emplace("Cache-Control", "max-age=-1");
  EXPECT_THROW(max_age(bad), BadRequest);
  httplib::Request junk;
  junk.headers.emplace("Cache-Control", "max-age=12x");
  EXPECT_THROW(max_age(junk), BadRequest);
}

// RFC 9111: directive names are case-insensitive, several header lines are one list, the
// quoted form is accepted, and a value too large to represent is the largest one ("never").
TEST(HttpUtil, MaxAgeFollowsTheCacheControlGrammar) {
  auto with = [](std::initializer_list<const char*> values) {
    httplib::Request req;
    for (const char* v : values) req.headers.emplace("Cache-Control", v);
    return max_age(req);
  };
  EXPECT_EQ(with({"Max-Age=60"}), 60);
  EXPECT_EQ(with({"no-cache", "max-age=60"}), 60);
  EXPECT_EQ(with({"max-age=\"60\""}), 60);
  EXPECT_EQ(with({"max-age=0"}), 0);
  EXPECT_EQ(with({"public ,  MAX-AGE=7 , must-revalidate"}), 7);
  EXPECT_EQ(with({"max-age=99999999999999999999"}), INT64_MAX);
  EXPECT_EQ(with({"max-age=5, max-age=9"}), 5);  // the first occurrence
  EXPECT_FALSE(with({"s-maxage=60"}));
  EXPECT_FALSE(with({"no-store"}));
  EXPECT_FALSE(with({""}));
  EXPECT_EQ(with({"x=\"a, max-age=3\", max-age=4"}), 4);  // not inside another's quoted value
  for (const char* bad : {"max-age", "max-age=", "max-age=abc", "max-age=-1", "max-age=+5", "max-age=1.5",
                          "max-age=60;x", "max-age=\"60", "max-age= 60"})
    EXPECT_THROW(with({bad}), BadRequest) << bad;
}

// A number too large for 64 bits is still a non-negative integer: the largest one (a period
// of "for ever"; a limit then named as out of range), not "must be a non-negative integer".
TEST(HttpUtil, IntegerParamsSaturate) {
  httplib::Request req;
  req.params.emplace("period", "99999999999999999999");
  req.params.emplace("limit", "-99999999999999999999");
  EXPECT_EQ(integer_param(req, "period"), INT64_MAX);
  EXPECT_THROW(integer_param(req, "limit"), BadRequest);
  EXPECT_FALSE(integer_param(req, "other"));
}

TEST(HttpUtil, IdsAreCheckedAndApiPathsRecognised) {
  EXPECT_EQ(checked_id("abc.html"), "abc.html");
  EXPECT_THROW(checked_id(""), BadRequest);
  EXPECT_THROW(checked_id("a\nb"), BadRequest);
  EXPECT_THROW(checked_id("a\xff"), BadRequest);
  EXPECT_THROW(checked_id("a/b"), BadRequest);
  EXPECT_TRUE(is_api_path("GET", "/threads"));
  EXPECT_TRUE(is_api_path("PUT", "/x.html"));
  EXPECT_FALSE(is_api_path("GET", "/index.html"));
  EXPECT_FALSE(is_api_path("GET", "/assets/app.js"));
}

TEST(Metrics, HistogramIsCumulative) {
  Metrics m;
  m.observe("threads", 0.0001);
  m.observe("threads", 0.003);
  m.observe("threads", 10);
  std::string text = m.render({5, 2, 3, 7});
  EXPECT_NE(text.find("storyline_articles 5\n"), std::string::npos);
  EXPECT_NE(text.find("storyline_threading_backlog 3\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE storyline_store_commits_total counter\nstoryline_store_commits_total 7\n"), std::string::npos);
  EXPECT_NE(text.find("storyline_request_seconds_bucket{route=\"threads\",le=\"0.0005\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("storyline_request_seconds_bucket{route=\"threads\",le=\"0.005\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("storyline_request_seconds_bucket{route=\"threads\",le=\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("storyline_request_seconds_count{route=\"threads\"} 3\n"), std::string::npos);
}

}  // namespace
}  // namespace storyline
