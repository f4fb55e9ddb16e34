// The time StoryService files an article under. The index's clock ("now": what time windows,
// periods and TTL expiry are measured from) is the newest publication time it holds, so one
// article dated years ahead (a typo, a feed's broken time zone) must not move it: it would push
// every other article out of the candidate window and expire everything with a TTL.
#include <gtest/gtest.h>

#include <chrono>

#include "../support/articles.h"
#include "../support/service_fixture.h"
#include "api/story_service.h"
#include "stories/story_json.h"

namespace storyline {
namespace {

constexpr std::int64_t kApril2022 = 1650000000;
constexpr std::int64_t kYear2099 = 4070908800;

std::int64_t wall_clock() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Undated when `published` is empty.
Article article(const std::string& id, const std::string& title, const std::string& text,
                std::optional<std::int64_t> published) {
  Article a = testing::english_article(id, title, text, published.value_or(0));
  a.published = published;
  return a;
}

const char* kFloodTitle = "Floods in Valencia: thousands evacuated as the Turia bursts its banks";
const char* kFloodText =
    "Thousands of residents of Valencia were evacuated on Thursday after torrential rain made the Turia "
    "river burst its banks. Firefighters rescued 120 people from flooded homes in the districts of "
    "Benimaclet and Campanar, the regional government said. Mayor Maria Jose Catala asked residents to "
    "stay indoors.";
const char* kFloodRewrite =
    "Torrential rain made the Turia river burst its banks in Valencia on Thursday and thousands of "
    "residents were evacuated. Firefighters rescued 120 people from flooded homes in Benimaclet and "
    "Campanar, according to the regional government. Mayor Maria Jose Catala urged people to stay indoors.";

class StoryServiceTime : public testing::ServiceFixture {
 protected:
  std::string thread_of(const std::string& id) { return (*service_->article(id))["thread"]; }
};

TEST_F(StoryServiceTime, AnArticleDatedYearsAheadDoesNotPushTheOthersOutOfTheWindow) {
  service_->put(article("flood", kFloodTitle, kFloodText, kApril2022), {});
  service_->put(article("typo", "Parliament passes the budget", "The budget passed by 201 votes to 150.", kYear2099),
                {});
  service_->put(article("rewrite", "Valencia floods force thousands from their homes", kFloodRewrite,
                        kApril2022 + 3600),
                {});
  EXPECT_EQ(thread_of("rewrite"), thread_of("flood"));
}

TEST_F(StoryServiceTime, AnArticleDatedYearsAheadExpiresNothing) {
  service_->put(article("flood", kFloodTitle, kFloodText, kApril2022), std::int64_t(86400));
  service_->put(article("typo", "Parliament passes the budget", "The budget passed by 201 votes to 150.", kYear2099),
                {});
  EXPECT_TRUE(service_->article("flood"));
  // It is filed at the index's clock, and says so.
  EXPECT_EQ((*service_->article("typo"))["published"], "2022-04-15T05:20:00Z");
}

TEST_F(StoryServiceTime, AnUndatedArticleIsFiledAtTheIndexClock) {
  service_->put(article("flood", kFloodTitle, kFloodText, kApril2022), {});
  service_->put(article("undated", "Valencia floods force thousands from their homes", kFloodRewrite, std::nullopt),
                {});
  EXPECT_EQ((*service_->article("undated"))["published"], "2022-04-15T05:20:00Z");
  EXPECT_EQ(thread_of("undated"), thread_of("flood"));
}

// Not at the machine's clock: the index may be replaying an archive, whose window that would
// move years on.
TEST_F(StoryServiceTime, AnUndatedArticleStaysUndatedWhileTheIndexHasNoClock) {
  service_->put(article("undated", "Valencia floods force thousands from their homes", kFloodRewrite, std::nullopt),
                {});
  service_->put(article("typo", "Parliament passes the budget", "The budget passed by 201 votes to 150.", kYear2099),
                {});
  EXPECT_EQ((*service_->article("undated"))["published"], nullptr);
  EXPECT_EQ((*service_->article("typo"))["published"], nullptr);
  service_->put(article("flood", kFloodTitle, kFloodText, kApril2022), {});
  EXPECT_EQ(thread_of("flood"), thread_of("undated"));
}

TEST_F(StoryServiceTime, ADateWithinADayAheadOfTheWallClockIsBelieved) {
  const std::int64_t ahead = wall_clock() + 20 * 3600;  // a time zone off, or a little more
  service_->put(article("ahead", kFloodTitle, kFloodText, ahead), {});
  EXPECT_EQ((*service_->article("ahead"))["published"], iso_time(ahead));
}

TEST_F(StoryServiceTime, FilingTimesSurviveARestart) {
  service_->put(article("flood", kFloodTitle, kFloodText, kApril2022), {});
  service_->put(article("undated", "Valencia floods force thousands from their homes", kFloodRewrite, std::nullopt),
                {});
  service_->put(article("typo", "Parliament passes the budget", "The budget passed by 201 votes to 150.", kYear2099),
                {});
  restart();
  for (const char* id : {"flood", "undated", "typo"})
    EXPECT_EQ((*service_->article(id))["published"], "2022-04-15T05:20:00Z") << id;
  // The clock came back too: the next report still finds the story.
  service_->put(article("rewrite", "Valencia floods force thousands from their homes", kFloodRewrite,
                        kApril2022 + 3600),
                {});
  EXPECT_EQ(thread_of("rewrite"), thread_of("flood"));
}

// Profiles stored by a version before filing times could be undated or dated years ahead.
TEST_F(StoryServiceTime, StoredProfilesDatedAheadOrUndatedAreFiledOnRestore) {
  service_.reset();
  {
    auto store = open_sqlite_store(dir_.string());
    auto stored = [](const std::string& id, std::optional<std::int64_t> published) {
      StoredArticle s;
      s.article = article(id, "Title " + id, "Text of " + id, published);
      Profile p;
      p.id = id;
      p.title = s.article.title;
      p.published = published;
      s.profile = p;
      s.thread_id = "t-" + id;
      return s;
    };
    store->put(stored("dated", kApril2022));
    store->put(stored("typo", kYear2099));
    store->put(stored("undated", std::nullopt));
  }
  restart();
  for (const char* id : {"dated", "typo", "undated"})
    EXPECT_EQ((*service_->article(id))["published"], "2022-04-15T05:20:00Z") << id;
}

// A contest document without an article lives as long as its max-age says, counted from the
// index's clock like an undated article's, and is remembered across a restart until then.
TEST_F(StoryServiceTime, ADocumentWithoutAnArticleExpiresWithItsTimeToLive) {
  service_->put(article("flood", kFloodTitle, kFloodText, kApril2022), {});
  EXPECT_EQ(service_->put_unindexed("short.html", 3600), PutOutcome::Created);
  EXPECT_EQ(service_->put_unindexed("long.html", 86400 * 30), PutOutcome::Created);
  EXPECT_EQ(service_->put_unindexed("short.html", 3600), PutOutcome::Updated);
  restart();
  EXPECT_EQ(service_->put_unindexed("short.html", 3600), PutOutcome::Updated);  // remembered
  // Two days later by the index's clock: the hour has run out, the month has not.
  service_->put(article("flood-2", kFloodTitle, kFloodRewrite, kApril2022 + 2 * 86400), {});
  ASSERT_TRUE(service_->article("flood-2"));  // read back: the index holds it, its clock moved
  EXPECT_FALSE(service_->remove("short.html"));
  EXPECT_EQ(service_->put_unindexed("short.html", 3600), PutOutcome::Created);
  EXPECT_TRUE(service_->remove("long.html"));
  EXPECT_FALSE(service_->remove("long.html"));
}

}  // namespace
}  // namespace storyline
