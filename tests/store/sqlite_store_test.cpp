#include <gtest/gtest.h>

#include "store/store.h"

#include "fresh_dir.h"

namespace storyline {
namespace {

using testing::fresh_dir;

StoredArticle article(const std::string& id, const std::string& thread) {
  StoredArticle s;
  s.article.id = id;
  s.article.title = "Title " + id;
  s.article.text = "Text of " + id;
  s.article.lang = "en";
  s.article.published = 1000;
  s.article.source = "Outlet";
  Profile p;
  p.id = id;
  p.title = s.article.title;
  p.body_terms.entries = {{42, 1.0f}};
  s.profile = p;
  s.expires = 5000;
  s.thread_id = thread;
  s.probability = 0.75f;
  s.received = 123;
  return s;
}

std::vector<StoredArticle> all(Store& store) {
  std::vector<StoredArticle> out;
  store.scan([&](StoredArticle&& s) { out.push_back(std::move(s)); });
  return out;
}

TEST(SqliteStore, PutReportsNewAndKeepsArrivalOrder) {
  auto store = open_sqlite_store(fresh_dir("order"));
  EXPECT_TRUE(store->put(article("a", "t1")));
  EXPECT_TRUE(store->put(article("b", "t1")));
  EXPECT_FALSE(store->put(article("a", "t2")));  // an update moves to the end
  auto rows = all(*store);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].article.id, "b");
  EXPECT_EQ(rows[1].article.id, "a");
  EXPECT_EQ(rows[1].thread_id, "t2");
  EXPECT_EQ(store->size(), 2u);
}

TEST(SqliteStore, EverythingSurvivesReopening) {
  const std::string dir = fresh_dir("reopen");
  {
    auto store = open_sqlite_store(dir);
    store->put(article("a", "t1"));
    store->put(article("b", "t9"));
    StoredArticle undated = article("c", "t3");
    undated.article.published.reset();
    undated.expires.reset();
    store->put(undated);
  }
  auto store = open_sqlite_store(dir);
  auto rows = all(*store);
  ASSERT_EQ(rows.size(), 3u);
  const StoredArticle& a = rows[0];
  EXPECT_EQ(a.article.title, "Title a");
  EXPECT_EQ(a.article.text, "Text of a");
  EXPECT_EQ(a.article.published, 1000);
  EXPECT_EQ(a.article.source, "Outlet");
  EXPECT_EQ(a.expires, 5000);
  EXPECT_EQ(a.thread_id, "t1");
  EXPECT_FLOAT_EQ(a.probability, 0.75f);
  EXPECT_EQ(a.received, 123);
  ASSERT_TRUE(a.profile);
  EXPECT_EQ(a.profile->body_terms.entries, (std::vector<std::pair<TermId, float>>{{42, 1.0f}}));
  EXPECT_FALSE(rows[2].article.published);
  EXPECT_FALSE(rows[2].expires);
  // Arrival order continues after reopening.
  store->put(article("a", "t1"));
  EXPECT_EQ(all(*store).back().article.id, "a");
}

TEST(SqliteStore, RemovalIsRecordedInTheHistory) {
  auto store = open_sqlite_store(fresh_dir("history"));
  store->put(article("a", "t1"));
  store->put(article("a", "t2"));
  EXPECT_TRUE(store->remove("a", RemovalReason::Expired, 777));
  EXPECT_FALSE(store->remove("a", RemovalReason::Deleted, 778));
  EXPECT_EQ(store->size(), 0u);
  auto h = store->history("a");
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].event, "joined");
  EXPECT_EQ(h[0].thread_id, "t1");
  EXPECT_EQ(h[1].event, "updated");
  EXPECT_EQ(h[1].thread_id, "t2");
  EXPECT_EQ(h[2].event, "expired");
  EXPECT_EQ(h[2].at, 777);
}

}  // namespace
}  // namespace storyline
