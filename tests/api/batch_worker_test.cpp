// BatchWorker hands posted items to its handler in posting order, in batches, on one thread;
// readers can wait for what was posted before them, posters for a short
// backlog; a handler's exception is reported and the worker goes on; stop() drops the rest.
#include "api/batch_worker.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../support/gate.h"

namespace storyline {
namespace {

using namespace std::chrono_literals;

using testing::Gate;  // holds the handler until released

// A worker taking one item at a time, each held at `gate`, counted into `handled`.
std::unique_ptr<BatchWorker<int>> counting_behind(Gate& gate, std::atomic<int>& handled) {
  return std::make_unique<BatchWorker<int>>(
      [&](std::vector<int>& batch, const std::function<void()>&) {
        gate.pass();
        handled += int(batch.size());
      },
      [](const char*) {}, 1);
}

TEST(BatchWorker, HandlesEveryItemOnceInPostingOrderInBoundedBatchesOnOneThread) {
  std::vector<int> handled;  // touched by the handler only
  std::set<std::thread::id> threads;
  std::size_t largest_batch = 0;
  BatchWorker<int> worker(
      [&](std::vector<int>& batch, const std::function<void()>&) {
        handled.insert(handled.end(), batch.begin(), batch.end());
        threads.insert(std::this_thread::get_id());
        largest_batch = std::max(largest_batch, batch.size());
      },
      [](const char*) {}, 7);
  std::vector<std::thread> posters;
  std::mutex order;  // posts in a known order across threads
  int next = 0;
  for (int p = 0; p < 4; ++p)
    posters.emplace_back([&] {
      for (int k = 0; k < 500; ++k) {
        std::lock_guard lock(order);
        worker.post(next++);
      }
    });
  for (auto& p : posters) p.join();
  ASSERT_TRUE(worker.wait_handled(10s));
  ASSERT_EQ(handled.size(), 2000u);
  for (int i = 0; i < 2000; ++i) ASSERT_EQ(handled[i], i);
  EXPECT_EQ(threads.size(), 1u);
  EXPECT_LE(largest_batch, 7u);
  EXPECT_EQ(worker.backlog(), 0u);
}

TEST(BatchWorker, ReadersWaitForWhatWasPostedBeforeThemAndPostersForAShortBacklog) {
  Gate gate;
  std::atomic<int> handled{0};
  auto held = counting_behind(gate, handled);
  BatchWorker<int>& worker = *held;
  for (int i = 0; i < 10; ++i) worker.post(i);
  EXPECT_FALSE(worker.wait_handled(50ms));  // held at the gate
  EXPECT_GE(worker.backlog(), 9u);
  auto poster = std::async(std::launch::async, [&] { worker.wait_within({2}); return handled.load(); });
  EXPECT_EQ(poster.wait_for(50ms), std::future_status::timeout);
  gate.release();
  EXPECT_GE(poster.get(), 8);  // it went on only once at most 2 were left
  EXPECT_TRUE(worker.wait_handled(10s));
  EXPECT_EQ(handled.load(), 10);
}

TEST(BatchWorker, HandlesOnAThreadAtItsPriority) {
  auto nice_of_this_thread = [] { return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid))); };
  const int poster = nice_of_this_thread();
  std::atomic<int> handler{-100};
  BatchWorker<int> worker([&](std::vector<int>&, const std::function<void()>&) { handler = nice_of_this_thread(); },
                          [](const char*) {}, 1, 5);
  worker.post(0);
  ASSERT_TRUE(worker.wait_handled(10s));
  EXPECT_EQ(handler.load(), std::min(poster + 5, 19));
  EXPECT_EQ(nice_of_this_thread(), poster);  // only the worker's thread
}

// Back-pressure by age: many items may wait while they are young, a few however old (the ones
// queued behind one slow item), never more than `items`.
TEST(BatchWorker, PostersWaitForAnOldBacklogNotForAYoungOneOrAFewItemsBehindASlowOne) {
  Gate gate;
  std::atomic<int> handled{0};
  auto held = counting_behind(gate, handled);
  BatchWorker<int>& worker = *held;
  using Limits = BatchWorker<int>::Limits;
  for (int i = 0; i < 8; ++i) worker.post(i);
  // Eight young items: within an age of 10 s, beyond a count of 5.
  auto young = std::async(std::launch::async, [&] { worker.wait_within(Limits{100, 5, 10s}); });
  EXPECT_EQ(young.wait_for(10s), std::future_status::ready);
  // Beyond `items`, age does not matter.
  auto too_many = std::async(std::launch::async, [&] { worker.wait_within(Limits{6, 5, 10s}); });
  EXPECT_EQ(too_many.wait_for(50ms), std::future_status::timeout);
  std::this_thread::sleep_for(30ms);
  // Eight items older than 20 ms wait, unless eight are few enough (`young_items`).
  auto old = std::async(std::launch::async, [&] { worker.wait_within(Limits{100, 5, 20ms}); return handled.load(); });
  auto few = std::async(std::launch::async, [&] { worker.wait_within(Limits{100, 8, 20ms}); });
  EXPECT_EQ(few.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(old.wait_for(50ms), std::future_status::timeout);
  gate.release();
  EXPECT_GE(old.get(), 3);  // on at the latest once 5 were left
  EXPECT_EQ(too_many.wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(worker.wait_handled(10s));
}

// The age of the oldest item not yet handled: how far behind its posters the worker is. It
// follows items reported one by one and whole batches, and is zero once all are handled.
TEST(BatchWorker, TellsHowLongAgoTheOldestUnhandledItemWasPosted) {
  Gate gate;
  std::atomic<int> handled{0};
  auto held = counting_behind(gate, handled);
  BatchWorker<int>& worker = *held;
  EXPECT_EQ(worker.oldest_unhandled_age(), std::chrono::steady_clock::duration::zero());
  worker.post(0);
  std::this_thread::sleep_for(30ms);
  worker.post(1);
  const auto both = worker.oldest_unhandled_age();
  EXPECT_GE(both, 30ms);  // the first item's age, not the second's
  gate.release();
  ASSERT_TRUE(worker.wait_handled(10s));
  EXPECT_EQ(worker.oldest_unhandled_age(), std::chrono::steady_clock::duration::zero());

  // Reported item by item: once item 1 is reported (and the handler held), item 2's age.
  Gate mid_batch;
  BatchWorker<int> reporting(
      [&](std::vector<int>& batch, const std::function<void()>& one_handled) {
        for (int item : batch) {
          one_handled();
          if (item == 1) mid_batch.pass();
        }
      },
      [](const char*) {}, 10);
  reporting.post(0);
  ASSERT_TRUE(reporting.wait_handled(10s));
  const auto second_posted = std::chrono::steady_clock::now();
  reporting.post(1);
  reporting.post(2);
  while (reporting.backlog() == 2) std::this_thread::sleep_for(1ms);  // item 1 is reported
  const auto age = reporting.oldest_unhandled_age();
  EXPECT_GT(age, std::chrono::steady_clock::duration::zero());
  EXPECT_LE(age, std::chrono::steady_clock::now() - second_posted);
  mid_batch.release();
  ASSERT_TRUE(reporting.wait_handled(10s));
  EXPECT_EQ(reporting.oldest_unhandled_age(), std::chrono::steady_clock::duration::zero());
}

TEST(BatchWorker, AHandlerReportingEachItemReleasesWaitersItemByItem) {
  Gate gate;
  BatchWorker<int> worker(
      [&](std::vector<int>& batch, const std::function<void()>& one_handled) {
        for (std::size_t i = 0; i < batch.size(); ++i) {
          one_handled();
          if (i == 0) gate.pass();  // the first item is handled; the rest of the batch is not
        }
      },
      [](const char*) {}, 10);
  for (int i = 0; i < 10; ++i) worker.post(i);
  // 9 left, then 8 once the first item is reported: a wait for at most 9 goes on mid-batch.
  auto poster = std::async(std::launch::async, [&] { worker.wait_within({9}); });
  EXPECT_EQ(poster.wait_for(10s), std::future_status::ready);
  EXPECT_FALSE(worker.wait_handled(20ms));  // the batch is still held
  gate.release();
  EXPECT_TRUE(worker.wait_handled(10s));
  EXPECT_EQ(worker.backlog(), 0u);
}

TEST(BatchWorker, ReportsAHandlersExceptionAndGoesOn) {
  std::vector<std::string> errors;
  std::atomic<int> handled{0};
  BatchWorker<int> worker(
      [&](std::vector<int>& batch, const std::function<void()>&) {
        for (int i : batch) {
          if (i == 3) throw std::runtime_error("bad item");
          ++handled;
        }
      },
      [&](const char* what) { errors.push_back(what); }, 1);
  for (int i = 0; i < 6; ++i) worker.post(i);
  ASSERT_TRUE(worker.wait_handled(10s));
  EXPECT_EQ(handled.load(), 5);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "bad item");
}

TEST(BatchWorker, StopDropsWhatIsQueuedAndLaterPostsAndReleasesWaiters) {
  Gate gate;
  std::atomic<int> handled{0};
  auto held = counting_behind(gate, handled);
  BatchWorker<int>& worker = *held;
  for (int i = 0; i < 5; ++i) worker.post(i);
  auto poster = std::async(std::launch::async, [&] { worker.wait_within({0}); });
  auto stopper = std::async(std::launch::async, [&] { worker.stop(); });
  // Waits return at once once stop() has begun (and not before: nothing is handled while the
  // gate holds the first batch), so this is the moment the queue was dropped.
  while (!worker.wait_handled(0ms)) std::this_thread::sleep_for(1ms);
  gate.release();  // the batch being handled finishes; the rest is dropped
  stopper.get();
  EXPECT_EQ(poster.wait_for(10s), std::future_status::ready);
  EXPECT_LE(handled.load(), 1);
  worker.post(9);
  EXPECT_TRUE(worker.wait_handled(0ms));
  EXPECT_LE(handled.load(), 1);
}

}  // namespace
}  // namespace storyline
