#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/profile_codec.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/wal_checkpointer.h"

#include "../support/scratch_dir.h"

namespace storyline {
namespace {

using testing::ScratchDir;

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
  const ScratchDir dir("order");
  auto store = open_sqlite_store(dir);
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

// The WAL is copied back into the database while the store is open, not only when it closes:
// otherwise it grows by every write for as long as the server runs.
TEST(SqliteStore, CheckpointsTheWalWhileOpen) {
  const ScratchDir dir("checkpoint");
  auto store = open_sqlite_store(dir);
  const auto db = std::filesystem::path(dir.path()) / "storyline.sqlite";
  // Past the checkpointer's threshold (in 4 KB WAL pages) twice over, in 10 KB articles.
  const int articles = 2 * sqlite::WalCheckpointer::kDefaultPages * 4096 / 10000 + 1;
  const std::uintmax_t threshold_bytes = std::uintmax_t(sqlite::WalCheckpointer::kDefaultPages) * 4096;
  for (int i = 0; i < articles; ++i) {
    StoredArticle a = article("a" + std::to_string(i), "t1");
    a.article.text = std::string(10000, 'x') + std::to_string(i);
    store->put(a);
  }
  // The checkpoint runs on its own thread: wait for it (milliseconds; 20 s at most).
  for (int i = 0; i < 2000 && std::filesystem::file_size(db) < threshold_bytes; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GT(std::filesystem::file_size(db), threshold_bytes);
}

TEST(SqliteStore, EverythingSurvivesReopening) {
  const ScratchDir dir("reopen");
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

// A document acknowledged without an article (UnindexedWrite) survives a reopening by id only:
// a later PUT of the id is an update, a removal finds it; it never appears among the articles.
TEST(SqliteStore, UnindexedDocumentsAreRememberedByIdOnly) {
  const ScratchDir dir("unindexed");
  {
    auto store = open_sqlite_store(dir);
    store->put(article("a", "t1"));
    const std::vector<StoreWrite> writes = {UnindexedWrite{"n", 10, std::nullopt, std::nullopt}, UnindexedWrite{"n", 11, std::nullopt, std::nullopt},
                                            UnindexedWrite{"a", 12, std::nullopt, std::nullopt}, UnindexedWrite{"gone", 13, std::nullopt, std::nullopt}};
    EXPECT_EQ(store->apply(writes), (std::vector<bool>{true, false, false, true}));  // "a" was an article
    EXPECT_TRUE(all(*store).empty());
    EXPECT_EQ(store->history("a").back().event, "deleted");
    const std::vector<StoreWrite> removal = {RemovalWrite{"gone", RemovalReason::Deleted, 14, std::nullopt}};
    EXPECT_EQ(store->apply(removal), (std::vector<bool>{true}));
  }
  auto store = open_sqlite_store(dir);
  EXPECT_TRUE(all(*store).empty());
  EXPECT_EQ(store->size(), 0u);
  EXPECT_FALSE(store->put(article("n", "t2")));  // it was acknowledged before: an update
  EXPECT_EQ(all(*store).size(), 1u);
  EXPECT_TRUE(store->remove("a", RemovalReason::Deleted, 20));   // remembered as a document
  EXPECT_FALSE(store->remove("a", RemovalReason::Deleted, 21));  // and forgotten
  EXPECT_FALSE(store->remove("gone", RemovalReason::Deleted, 22));
  EXPECT_TRUE(store->remove("n", RemovalReason::Deleted, 23));
  EXPECT_FALSE(store->remove("n", RemovalReason::Deleted, 24));  // the article forgot the document
}

// An unindexed document whose expiry is before a later write's clock counts as gone, and such
// rows are pruned when another unindexed document is written.
TEST(SqliteStore, UnindexedDocumentsExpire) {
  const ScratchDir dir("unindexed-expiry");
  auto store = open_sqlite_store(dir);
  std::vector<StoreWrite> writes = {UnindexedWrite{"a", 1, 100, 50}, UnindexedWrite{"b", 1, 100, 50},
                                    UnindexedWrite{"c", 1, std::nullopt, 50}};
  EXPECT_EQ(store->apply(writes), (std::vector<bool>{true, true, true}));
  writes = {RemovalWrite{"a", RemovalReason::Deleted, 2, 100}};  // expires 100 is not before 100
  EXPECT_EQ(store->apply(writes), (std::vector<bool>{true}));
  writes = {UnindexedWrite{"b", 3, 500, 101}};  // b expired at 100: a new document
  EXPECT_EQ(store->apply(writes), (std::vector<bool>{true}));
  writes = {UnindexedWrite{"d", 4, std::nullopt, 600}, RemovalWrite{"b", RemovalReason::Deleted, 5, std::nullopt}};
  EXPECT_EQ(store->apply(writes), (std::vector<bool>{true, false}));  // b (expires 500) pruned at 600
  writes = {RemovalWrite{"c", RemovalReason::Deleted, 6, 10'000}};  // never expires
  EXPECT_EQ(store->apply(writes), (std::vector<bool>{true}));
}

TEST(SqliteStore, RemovalIsRecordedInTheHistory) {
  const ScratchDir dir("history");
  auto store = open_sqlite_store(dir);
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

// The server stores an article first and the thread it joined after: an article without a
// thread logs nothing, its assignment logs "joined" (or "updated" for a replaced version)
// and reaches only a stored article.
TEST(SqliteStore, AnAssignmentWriteGivesAStoredArticleItsThread) {
  const ScratchDir dir("assignment");
  {
    auto store = open_sqlite_store(dir);
    StoredArticle s = article("a", "");
    std::vector<StoreWrite> writes = {ArticleWrite{s.article, "", s.expires, "", 1, "", 0, s.received, std::nullopt}};
    EXPECT_EQ(store->apply(writes), std::vector<bool>{true});
    EXPECT_TRUE(store->history("a").empty());
    EXPECT_EQ(all(*store)[0].thread_id, "");
    writes = {AssignmentWrite{"a", "t7", 0.75f, "b", 0.625f, false, 900},
              AssignmentWrite{"a", "t8", 0.5f, "", 0, true, 901}, AssignmentWrite{"gone", "t9", 1, "", 0, false, 902}};
    EXPECT_EQ(store->apply(writes), (std::vector<bool>{true, true, false}));
  }
  auto store = open_sqlite_store(dir);
  auto rows = all(*store);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].thread_id, "t8");
  EXPECT_FLOAT_EQ(rows[0].probability, 0.5f);
  EXPECT_EQ(rows[0].matched, "");  // the newer assignment's: a founder
  auto h = store->history("a");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].event, "joined");
  EXPECT_EQ(h[0].thread_id, "t7");
  EXPECT_EQ(h[0].at, 900);
  EXPECT_EQ(h[1].event, "updated");
  EXPECT_EQ(h[1].thread_id, "t8");
  EXPECT_TRUE(store->history("gone").empty());

  // A new version of the article, and one after a removal, starts without a thread.
  StoredArticle s = article("a", "");
  std::vector<StoreWrite> writes = {ArticleWrite{s.article, "", s.expires, "", 1, "", 0, s.received, std::nullopt}};
  store->apply(writes);
  EXPECT_EQ(all(*store)[0].thread_id, "");
  writes = {AssignmentWrite{"a", "t9", 1, "", 0, true, 903}, RemovalWrite{"a", RemovalReason::Deleted, 904, std::nullopt},
            ArticleWrite{s.article, "", s.expires, "", 1, "", 0, s.received, std::nullopt}};
  store->apply(writes);
  EXPECT_EQ(all(*store)[0].thread_id, "");
  EXPECT_EQ(store->history("a").back().thread_id, "t9");  // the deletion logs the thread it left
}

// The server stores an article as received and its analysis with its thread: a restart
// decodes that analysis instead of analysing the article again. A later assignment without
// one (the same version threaded again) keeps it; a new version of the article drops it.
TEST(SqliteStore, AnAssignmentWriteStoresTheAnalysisOfAnArticleStoredWithoutOne) {
  const ScratchDir dir("assigned-profile");
  const StoredArticle s = article("a", "");
  std::vector<StoreWrite> writes = {ArticleWrite{s.article, "", s.expires, "", 1, "", 0, s.received, std::nullopt}};
  {
    auto store = open_sqlite_store(dir);
    store->apply(writes);
    EXPECT_FALSE(all(*store)[0].profile);
    std::vector<StoreWrite> assigned = {AssignmentWrite{"a", "t1", 0.75f, "", 0, false, 900, encode_profile(*s.profile)}};
    store->apply(assigned);
  }
  auto store = open_sqlite_store(dir);
  auto rows = all(*store);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_TRUE(rows[0].profile);
  EXPECT_EQ(rows[0].profile->title, "Title a");
  EXPECT_EQ(rows[0].profile->body_terms.entries, s.profile->body_terms.entries);
  EXPECT_EQ(rows[0].thread_id, "t1");
  std::vector<StoreWrite> again = {AssignmentWrite{"a", "t2", 0.5f, "", 0, true, 901}};
  store->apply(again);
  rows = all(*store);
  ASSERT_TRUE(rows[0].profile);
  EXPECT_EQ(rows[0].thread_id, "t2");
  store->apply(writes);  // a new version, stored without its analysis
  rows = all(*store);
  EXPECT_FALSE(rows[0].profile);
  EXPECT_EQ(rows[0].thread_id, "");
}

TEST(SqliteStore, TheMatchedMemberSurvivesPutApplyAndReopening) {
  const ScratchDir dir("matched");
  {
    auto store = open_sqlite_store(dir);
    StoredArticle put = article("a", "t1");
    put.matched = "founder";
    put.matched_probability = 0.875f;
    store->put(put);
    StoredArticle s = article("b", "t1");
    ArticleWrite w{s.article, "", s.expires, s.thread_id, 0.6f, "a", 0.625f, s.received, std::nullopt};
    std::vector<StoreWrite> writes = {w};
    store->apply(writes);
    store->put(article("c", "t2"));  // a founder: no match
  }
  auto rows = all(*open_sqlite_store(dir));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].matched, "founder");
  EXPECT_FLOAT_EQ(rows[0].matched_probability, 0.875f);
  EXPECT_EQ(rows[1].matched, "a");
  EXPECT_FLOAT_EQ(rows[1].matched_probability, 0.625f);
  EXPECT_EQ(rows[2].matched, "");
  EXPECT_FLOAT_EQ(rows[2].matched_probability, 0.0f);
}

// A data directory written before matches were recorded opens, keeps its rows (without a
// match) and records matches from then on.
TEST(SqliteStore, AnOlderDatabaseGainsTheMatchColumns) {
  const ScratchDir dir("older");
  {
    sqlite::Db db(dir.path() + "/storyline.sqlite");
    db.exec(
        "CREATE TABLE articles (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, "
        "lang TEXT NOT NULL, published INTEGER, url TEXT NOT NULL, source TEXT NOT NULL, expires INTEGER, "
        "received INTEGER NOT NULL, thread TEXT NOT NULL, probability REAL NOT NULL, profile BLOB);"
        "INSERT INTO articles VALUES ('old', 1, 'Old title', 'Old text', 'en', 1000, '', 'Outlet', NULL, 5, 't1', "
        "0.7, NULL)");
  }
  {
    auto store = open_sqlite_store(dir);
    StoredArticle s = article("new", "t1");
    s.matched = "old";
    s.matched_probability = 0.75f;
    store->put(s);
  }
  auto rows = all(*open_sqlite_store(dir));  // a second opening finds the columns there
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].article.id, "old");
  EXPECT_EQ(rows[0].thread_id, "t1");
  EXPECT_EQ(rows[0].matched, "");
  EXPECT_FALSE(rows[0].profile);
  EXPECT_EQ(rows[1].matched, "old");
  EXPECT_FLOAT_EQ(rows[1].matched_probability, 0.75f);
}

// Assignments written before they could hold an analysis keep their threads, and new ones
// hold analyses.
TEST(SqliteStore, AnOlderDatabaseGainsTheAssignmentProfileColumn) {
  const ScratchDir dir("older-assignments");
  {
    auto store = open_sqlite_store(dir);
    store->put(article("a", ""));
    store->put(article("b", ""));
  }
  {
    sqlite::Db db(dir.path() + "/storyline.sqlite");
    db.exec("DROP TABLE assignments; CREATE TABLE assignments (article TEXT PRIMARY KEY, thread TEXT NOT NULL, "
            "probability REAL NOT NULL, matched TEXT, matched_probability REAL) WITHOUT ROWID;"
            "INSERT INTO assignments VALUES ('a', 't-old', 0.5, NULL, NULL); UPDATE articles SET profile = NULL");
  }
  {
    auto store = open_sqlite_store(dir);
    std::vector<StoreWrite> assigned = {AssignmentWrite{"b", "t-new", 1, "", 0, false, 900,
                                                        encode_profile(*article("b", "").profile)}};
    store->apply(assigned);
  }
  auto rows = all(*open_sqlite_store(dir));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].thread_id, "t-old");
  EXPECT_FALSE(rows[0].profile);
  EXPECT_EQ(rows[1].thread_id, "t-new");
  ASSERT_TRUE(rows[1].profile);
  EXPECT_EQ(rows[1].profile->title, "Title b");
}

}  // namespace
}  // namespace storyline
