#include <filesystem>
#include <set>

#include "test_util.h"

namespace storyline {
namespace {

using ::testing::HasSubstr;

TEST(JsonReader, OneObject) {
  ReadBatch b;
  read_json(R"({"id": "a1", "title": " T ", "text": "P one.\n\nP two\ncontinued.", "lang": "en-US",
               "date": "2022-07-27T14:05:00+02:00", "url": "https://www.x.example/a", "extra": [1, 2]})",
            "in/one.json", b);
  ASSERT_EQ(b.articles.size(), 1u) << test::describe_errors(b);
  const Article& a = b.articles[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.text, "P one.\n\nP two continued.");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.published, parse_datetime("2022-07-27T12:05:00Z"));
  EXPECT_EQ(a.source, "x.example");  // no "source": the URL's host
  EXPECT_EQ(a.origin, "in/one.json");
}

TEST(JsonReader, ArrayIdsFallBackToFileNameAndIndex) {
  ReadBatch b;
  read_json(R"([{"title": "first"}, {"id": 42, "text": "second"}, {"id": null, "title": "third", "date": null,
               "source": "Wire"}, 7])",
            "d/many.json", b);
  ASSERT_EQ(b.articles.size(), 3u) << test::describe_errors(b);
  EXPECT_EQ(b.articles[0].id, "many#1");
  EXPECT_EQ(b.articles[1].id, "42");
  EXPECT_EQ(b.articles[2].id, "many#3");
  EXPECT_EQ(b.articles[2].source, "Wire");
  EXPECT_FALSE(b.articles[2].published);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].origin, "d/many.json#4");
  EXPECT_THAT(b.errors[0].message, HasSubstr("expected a JSON object"));
}

TEST(JsonReader, SingleObjectWithoutIdUsesFileName) {
  ReadBatch b;
  read_json(R"({"title": "t", "text": "x"})", "dir/story_9.json", b);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].id, "story_9");
}

// A number as the date is seconds since the epoch; one that cannot be (milliseconds, or out of
// the range of a 64-bit time) leaves the article undated, as an unreadable date string does.
TEST(JsonReader, NumericDatesAreSecondsWithinBelievableYears) {
  ReadBatch b;
  read_json(R"([{"title": "a", "date": 1650000000}, {"title": "b", "date": 1650000000000},
               {"title": "c", "date": 18446744073709551615}, {"title": "d", "date": -9223372036854775808},
               {"title": "e", "date": -86400}])",
            "dates.json", b);
  ASSERT_EQ(b.articles.size(), 5u) << test::describe_errors(b);
  EXPECT_EQ(b.articles[0].published, 1650000000);
  EXPECT_FALSE(b.articles[1].published);
  EXPECT_FALSE(b.articles[2].published);
  EXPECT_FALSE(b.articles[3].published);
  EXPECT_EQ(b.articles[4].published, -86400);  // 31 December 1969
}

TEST(JsonReader, BadDocuments) {
  ReadBatch b;
  read_json("", "e.json", b);
  read_json("{\"title\": ", "trunc.json", b);
  read_json("\"just a string\"", "str.json", b);
  read_json(R"({"id": "x", "lang": "en"})", "notext.json", b);
  read_json(R"({"title": "", "text": "  "})", "blank.json", b);
  read_json(R"({"title": 5, "text": "x"})", "type.json", b);
  read_json(R"({"id": {"a": 1}, "text": "x"})", "idtype.json", b);
  read_json("{\"title\": \"caf\xE9\"}", "latin1.json", b);
  read_json("[]", "emptyarr.json", b);
  EXPECT_TRUE(b.articles.empty());
  ASSERT_EQ(b.errors.size(), 9u) << test::describe_errors(b);
  EXPECT_THAT(b.errors[0].message, HasSubstr("empty"));
  EXPECT_THAT(b.errors[1].message, HasSubstr("invalid JSON"));
  EXPECT_THAT(b.errors[2].message, HasSubstr("found string"));
  EXPECT_THAT(b.errors[3].message, HasSubstr("no \"title\" or \"text\""));
  EXPECT_THAT(b.errors[4].message, HasSubstr("no text"));
  EXPECT_THAT(b.errors[5].message, HasSubstr("\"title\" is number"));
  EXPECT_THAT(b.errors[6].message, HasSubstr("\"id\""));
  EXPECT_THAT(b.errors[7].message, HasSubstr("invalid UTF-8"));
  EXPECT_THAT(b.errors[8].message, HasSubstr("empty JSON array"));
}

TEST(JsonlReader, BadLinesAreReportedAndTheRestIsRead) {
  ReadBatch b;
  read_jsonl("{\"id\": \"a\", \"title\": \"A\"}\r\n"
             "\n"
             "{\"title\": broken\n"
             "{\"lang\": \"en\"}\n"
             "{\"title\": \"caf\xE9\"}\n"
             "[1]\n"
             "{\"text\": \"no id, line seven\"}",
             "x/feed.jsonl", b);
  ASSERT_EQ(b.articles.size(), 2u) << test::describe_errors(b);
  EXPECT_EQ(b.articles[0].id, "a");
  EXPECT_EQ(b.articles[0].origin, "x/feed.jsonl:1");
  EXPECT_EQ(b.articles[1].id, "feed#7");
  ASSERT_EQ(b.errors.size(), 4u) << test::describe_errors(b);
  EXPECT_EQ(b.errors[0].origin, "x/feed.jsonl:3");
  EXPECT_THAT(b.errors[0].message, HasSubstr("invalid JSON"));
  EXPECT_EQ(b.errors[1].origin, "x/feed.jsonl:4");
  EXPECT_EQ(b.errors[2].origin, "x/feed.jsonl:5");
  EXPECT_THAT(b.errors[2].message, HasSubstr("invalid UTF-8"));
  EXPECT_EQ(b.errors[3].origin, "x/feed.jsonl:6");
}

TEST(JsonlReader, BinaryAndEmptyAndGarbage) {
  ReadBatch b;
  read_jsonl(std::string("{\"title\": \"x\"}\n\0\0\0", 18), "bin.jsonl", b);
  read_jsonl("", "empty.jsonl", b);
  read_jsonl("\n \n", "blank.jsonl", b);
  EXPECT_TRUE(b.articles.empty());
  ASSERT_EQ(b.errors.size(), 3u) << test::describe_errors(b);
  EXPECT_THAT(b.errors[0].message, HasSubstr("binary"));
  EXPECT_THAT(b.errors[1].message, HasSubstr("empty"));

  std::string garbage;
  for (int i = 0; i < 1000; ++i) garbage += "not json\n";
  ReadBatch g;
  read_jsonl(garbage, "garbage.jsonl", g);
  EXPECT_LE(g.errors.size(), 101u);
  EXPECT_THAT(g.errors.back().message, HasSubstr("the rest of the file was not read"));
}

std::string shared(const char* name) { return std::string(STORYLINE_SHARED_DIR) + "/data/" + name; }

TEST(JsonlReader, EcbPlusDev) {
  const std::string path = shared("ecbplus_dev.jsonl");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  ReadBatch b;
  read_jsonl(test::slurp(path), path, b);
  EXPECT_TRUE(b.errors.empty()) << test::describe_errors(b);
  ASSERT_EQ(b.articles.size(), 772u);
  std::set<std::string> ids;
  int dated = 0;
  for (const auto& a : b.articles) {
    ids.insert(a.id);
    EXPECT_EQ(a.lang, "en");
    EXPECT_FALSE(a.text.empty() && a.title.empty());
    dated += a.published.has_value();
  }
  EXPECT_EQ(ids.size(), 772u);
  EXPECT_GT(dated, 200);  // 231 have a date string; a few hold no date at all
  const auto& lohan = *std::find_if(b.articles.begin(), b.articles.end(), [](const Article& a) { return a.id == "1_10ecbplus"; });
  EXPECT_EQ(lohan.published, parse_datetime("2013-05-03"));
  EXPECT_EQ(lohan.title, "Lindsay Lohan checks into Betty Ford Center");
}

TEST(JsonlReader, GoogleNewsTitles) {
  const std::string path = shared("googlenews_titles.jsonl");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  ReadBatch b;
  read_jsonl(test::slurp(path), path, b);
  EXPECT_TRUE(b.errors.empty()) << test::describe_errors(b).substr(0, 2000);
  ASSERT_EQ(b.articles.size(), 11109u);
  EXPECT_EQ(b.articles[0].id, "000001");
  EXPECT_EQ(b.articles[0].title, "centrepoint winter white gala london");
  EXPECT_EQ(b.articles[0].text, "");
}

}  // namespace
}  // namespace storyline
