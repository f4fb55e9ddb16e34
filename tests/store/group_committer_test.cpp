#include "store/group_committer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <set>
#include <thread>

#include "../support/scratch_dir.h"
#include "gated_store.h"

namespace storyline {
namespace {

using testing::ScratchDir;

ArticleWrite put(const std::string& id) {
  ArticleWrite w;
  w.article.id = id;
  w.article.title = "Title " + id;
  w.article.text = "Text of " + id;
  w.article.lang = "en";
  w.thread_id = "t-" + id;
  return w;
}

std::set<std::string> stored_ids(Store& store) {
  std::set<std::string> ids;
  store.scan([&](StoredArticle&& s) { ids.insert(s.article.id); });
  return ids;
}

using testing::GatedStore;

TEST(GroupCommitter, ConcurrentPutsAllAcknowledgedAreAllStoredAfterReopening) {
  const ScratchDir dir("concurrent");
  constexpr int kThreads = 8, kEach = 150;
  std::size_t batches = 0;
  {
    auto store = open_sqlite_store(dir);
    std::mutex order;
    GroupCommitter committer(*store, order);
    std::vector<std::thread> writers;
    std::atomic<int> acknowledged{0};
    for (int t = 0; t < kThreads; ++t)
      writers.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          // Odd threads commit their own writes (as the server's requests do), even threads
          // leave theirs to the writer thread.
          const std::string id = "a" + std::to_string(t) + "-" + std::to_string(i);
          std::unique_lock lock(order);
          if (t % 2 == 1) {
            GroupCommitter::Awaited done = committer.submit_awaited(put(id));
            lock.unlock();
            if (done.wait()) ++acknowledged;  // true: a new id
          } else {
            std::future<bool> done = committer.submit(put(id));
            lock.unlock();
            if (done.get()) ++acknowledged;
          }
        }
      });
    for (auto& w : writers) w.join();
    EXPECT_EQ(acknowledged.load(), kThreads * kEach);
    batches = committer.batches();
  }
  EXPECT_GE(batches, 1u);
  EXPECT_LE(batches, std::size_t(kThreads * kEach));
  auto reopened = open_sqlite_store(dir);
  EXPECT_EQ(stored_ids(*reopened).size(), std::size_t(kThreads * kEach));
}

TEST(GroupCommitter, WritesQueuedDuringACommitShareTheNextOne) {
  const ScratchDir dir("grouped");
  auto store = std::make_unique<GatedStore>(open_sqlite_store(dir));
  std::mutex order;
  GroupCommitter committer(*store, order);
  store->close_gate();
  std::vector<std::future<bool>> done;
  done.push_back(committer.submit(put("first")));
  store->wait_until_applying();  // the first batch is held; the rest queue behind it
  for (int i = 0; i < 20; ++i) done.push_back(committer.submit(put("later-" + std::to_string(i))));
  store->open_gate();
  for (auto& d : done) EXPECT_TRUE(d.get());
  EXPECT_EQ(committer.batches(), 2u);
  EXPECT_EQ(store->size(), 21u);
}

TEST(GroupCommitter, AFailedCommitAcknowledgesNoneAndUndoesNewestFirst) {
  const ScratchDir dir("failed");
  std::vector<std::string> undone;
  {
    auto store = std::make_unique<GatedStore>(open_sqlite_store(dir));
    std::mutex order;
    GroupCommitter committer(*store, order);
    EXPECT_TRUE(committer.submit(put("kept")).get());

    store->close_gate();
    store->fail = true;
    auto undo = [&](std::string id) { return [&undone, id] { undone.push_back(id); }; };
    std::vector<std::future<bool>> done;
    done.push_back(committer.submit(put("a"), undo("a")));
    store->wait_until_applying();
    done.push_back(committer.submit(put("b"), undo("b")));  // queued behind the failing batch
    done.push_back(committer.submit(RemovalWrite{"kept", RemovalReason::Deleted, 1, std::nullopt}, undo("-kept")));
    store->open_gate();
    for (auto& d : done) EXPECT_THROW(d.get(), std::runtime_error);
    EXPECT_EQ(undone, (std::vector<std::string>{"-kept", "b", "a"}));

    store->fail = false;  // the store recovers: later writes commit again
    EXPECT_TRUE(committer.submit(put("after")).get());
  }
  auto reopened = open_sqlite_store(dir);
  EXPECT_EQ(stored_ids(*reopened), (std::set<std::string>{"kept", "after"}));
}

TEST(GroupCommitter, AnAwaitedWriteIsCommittedOnTheCallersThread) {
  const ScratchDir dir("awaited");
  auto store = std::make_unique<GatedStore>(open_sqlite_store(dir));
  std::mutex order;
  GroupCommitter committer(*store, order);
  GroupCommitter::Awaited done = committer.submit_awaited(put("mine"));
  EXPECT_TRUE(done.wait());
  EXPECT_EQ(store->applied_on, std::this_thread::get_id());
  EXPECT_EQ(committer.batches(), 1u);
  EXPECT_EQ(stored_ids(*store), (std::set<std::string>{"mine"}));
}

// While one caller commits, the others wait for it, then one of them commits all that queued
// meanwhile in one batch, and everyone has the result of their own write.
TEST(GroupCommitter, AwaitedWritesQueuedDuringACommitShareTheNextOne) {
  const ScratchDir dir("awaited-grouped");
  auto store = std::make_unique<GatedStore>(open_sqlite_store(dir));
  std::mutex order;
  GroupCommitter committer(*store, order);
  store->close_gate();
  std::atomic<int> acknowledged{0};
  auto write_and_wait = [&](std::string id) {
    GroupCommitter::Awaited done = committer.submit_awaited(put(id));
    if (done.wait()) ++acknowledged;
  };
  std::thread first(write_and_wait, "first");
  store->wait_until_applying();  // "first" is being committed on its own thread, held
  std::vector<std::thread> later;
  for (int i = 0; i < 5; ++i) later.emplace_back(write_and_wait, "later-" + std::to_string(i));
  // The five are queued (not committed: the gate holds the one commit that may run).
  for (bool queued = false; !queued; std::this_thread::yield()) queued = committer.queued() == 5;
  store->open_gate();
  first.join();
  for (auto& t : later) t.join();
  EXPECT_EQ(acknowledged.load(), 6);
  EXPECT_EQ(committer.batches(), 2u);
  EXPECT_EQ(store->applies.load(), 2u);
  EXPECT_EQ(store->size(), 6u);
}

TEST(GroupCommitter, AFailedAwaitedCommitThrowsAndIsUndone) {
  const ScratchDir dir("awaited-failed");
  auto store = std::make_unique<GatedStore>(open_sqlite_store(dir));
  std::mutex order;
  GroupCommitter committer(*store, order);
  store->fail = true;
  bool undone = false;
  GroupCommitter::Awaited done = committer.submit_awaited(put("lost"), [&] { undone = true; });
  EXPECT_THROW(done.wait(), std::runtime_error);
  EXPECT_TRUE(undone);
  EXPECT_EQ(committer.batches(), 0u);
  store->fail = false;
  done = committer.submit_awaited(put("kept"));
  EXPECT_TRUE(done.wait());
  EXPECT_EQ(stored_ids(*store), (std::set<std::string>{"kept"}));
}

// A request that fails between queueing its write and waiting for it (the index changed, the
// write is queued) must not leave the write queued until some later request commits: on an
// idle server that could be never. The writer thread commits it.
TEST(GroupCommitter, AnAwaitedWriteNobodyWaitsForIsCommittedByTheWriter) {
  const ScratchDir dir("awaited-dropped");
  auto store = std::make_unique<GatedStore>(open_sqlite_store(dir));
  std::mutex order;
  GroupCommitter committer(*store, order);
  try {
    GroupCommitter::Awaited done = committer.submit_awaited(put("orphan"));
    throw std::runtime_error("the request failed before waiting");
  } catch (const std::runtime_error&) {
  }
  for (int i = 0; i < 500 && committer.batches() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(committer.batches(), 1u);
  EXPECT_NE(store->applied_on, std::this_thread::get_id());
  EXPECT_EQ(stored_ids(*store), (std::set<std::string>{"orphan"}));
  // Moved from and waited for, a write is committed once, by its waiter.
  GroupCommitter::Awaited first = committer.submit_awaited(put("moved"));
  GroupCommitter::Awaited second = std::move(first);
  EXPECT_TRUE(second.wait());
  EXPECT_EQ(store->applied_on, std::this_thread::get_id());
  EXPECT_EQ(committer.batches(), 2u);
}

// A write's `then` runs after its commit and before anyone learns of it, in commit order
// across batches, with the write's result; a failed commit runs none.
TEST(GroupCommitter, ThenRunsInCommitOrderBeforeTheResultAndNotAfterAFailure) {
  const ScratchDir dir("then");
  auto gated = std::make_unique<GatedStore>(open_sqlite_store(dir));
  GatedStore& store = *gated;
  std::mutex order;
  GroupCommitter committer(store, order);
  std::mutex seen_mutex;
  std::vector<std::string> seen;
  auto then = [&](std::string name) {
    return [&, name](bool result) {
      std::lock_guard lock(seen_mutex);
      seen.push_back(name + (result ? "+" : "-"));
    };
  };
  store.close_gate();
  std::vector<std::future<bool>> results;
  {
    std::lock_guard lock(order);
    results.push_back(committer.submit(put("a"), {}, then("a")));
  }
  store.wait_until_applying();  // "a" is being committed; the rest queue behind it
  {
    std::lock_guard lock(order);
    results.push_back(committer.submit(put("b"), {}, then("b")));
    results.push_back(committer.submit(RemovalWrite{"zz", RemovalReason::Deleted, 1, std::nullopt}, {}, then("zz")));
    results.push_back(committer.submit(put("a"), {}, then("a2")));
  }
  store.open_gate();
  for (auto& r : results) r.get();
  {
    std::lock_guard lock(seen_mutex);
    EXPECT_EQ(seen, (std::vector<std::string>{"a+", "b+", "zz-", "a2-"}));
  }

  store.fail = true;
  std::future<bool> failed;
  {
    std::lock_guard lock(order);
    failed = committer.submit(put("c"), {}, then("c"));
  }
  EXPECT_THROW(failed.get(), std::runtime_error);
  std::lock_guard lock(seen_mutex);
  EXPECT_EQ(seen.size(), 4u);
}

TEST(GroupCommitter, ClosingCommitsWhatIsQueued) {
  const ScratchDir dir("drain");
  {
    auto store = open_sqlite_store(dir);
    std::mutex order;
    GroupCommitter committer(*store, order);
    for (int i = 0; i < 50; ++i) (void)committer.submit(put("x" + std::to_string(i)));  // nobody waits
  }
  auto reopened = open_sqlite_store(dir);
  EXPECT_EQ(stored_ids(*reopened).size(), 50u);
}

TEST(SqliteStoreApply, OneTransactionReportsPerWriteAndKeepsOrder) {
  const ScratchDir dir("apply");
  auto store = open_sqlite_store(dir);
  std::vector<StoreWrite> writes;
  writes.push_back(put("a"));
  writes.push_back(put("b"));
  writes.push_back(put("a"));  // an update: moves behind b
  writes.push_back(RemovalWrite{"b", RemovalReason::Expired, 7, std::nullopt});
  writes.push_back(RemovalWrite{"unknown", RemovalReason::Deleted, 7, std::nullopt});
  EXPECT_EQ(store->apply(writes), (std::vector<bool>{true, true, false, true, false}));
  EXPECT_EQ(stored_ids(*store), (std::set<std::string>{"a"}));
  auto history = store->history("b");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].event, "expired");
}

}  // namespace
}  // namespace storyline
