// ElasticTaskQueue: every task runs; a task that finds no idle worker gets a new one, up to
// the limit; workers beyond the minimum end when idle; shutdown runs what is queued.
#include "api/elastic_task_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "../support/gate.h"

namespace storyline {
namespace {

using namespace std::chrono_literals;

using testing::Gate;

// A task held at the gate until it opens.
std::function<void()> held_at(Gate& gate) {
  return [&gate] { gate.pass(); };
}

TEST(ElasticTaskQueue, BlockedTasksDoNotHoldBackNewOnes) {
  ElasticTaskQueue queue(2, 64);
  Gate gate;
  for (int i = 0; i < 20; ++i) queue.enqueue(held_at(gate));
  // Twenty tasks inside at once: the queue grew past its two workers.
  ASSERT_TRUE(gate.wait_inside(20));
  EXPECT_GE(queue.workers(), 20u);
  gate.release();
  ASSERT_TRUE(gate.wait_passed(20));
}

TEST(ElasticTaskQueue, PastTheLimitTasksWaitTheirTurn) {
  ElasticTaskQueue queue(1, 3);
  Gate gate;
  for (int i = 0; i < 7; ++i) queue.enqueue(held_at(gate));
  ASSERT_TRUE(gate.wait_inside(3));
  std::this_thread::sleep_for(50ms);  // a fourth worker, were one started, would be inside by now
  EXPECT_EQ(queue.workers(), 3u);
  {
    std::lock_guard lock(gate.mutex);
    EXPECT_EQ(gate.inside, 3);
  }
  gate.release();
  ASSERT_TRUE(gate.wait_passed(7));
}

TEST(ElasticTaskQueue, WorkersBeyondTheMinimumEndWhenIdle) {
  ElasticTaskQueue queue(2, 16, 20ms);
  Gate gate;
  for (int i = 0; i < 8; ++i) queue.enqueue(held_at(gate));
  ASSERT_TRUE(gate.wait_inside(8));
  gate.release();
  ASSERT_TRUE(gate.wait_passed(8));
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (queue.workers() > 2 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(queue.workers(), 2u);
  // The ended workers are joined as new tasks come, and new tasks still run.
  std::atomic<int> ran{0};
  for (int i = 0; i < 5; ++i) queue.enqueue([&] { ++ran; });
  queue.shutdown();
  EXPECT_EQ(ran.load(), 5);
}

TEST(ElasticTaskQueue, ShutdownRunsWhatIsQueuedThenDropsNewTasks) {
  std::atomic<int> ran{0};
  ElasticTaskQueue queue(1, 1);
  Gate gate;
  queue.enqueue(held_at(gate));
  ASSERT_TRUE(gate.wait_inside(1));
  for (int i = 0; i < 10; ++i) queue.enqueue([&] { ++ran; });
  std::thread stopper([&] { queue.shutdown(); });
  gate.release();
  stopper.join();
  EXPECT_EQ(ran.load(), 10);
  queue.enqueue([&] { ++ran; });
  EXPECT_EQ(ran.load(), 10);
  EXPECT_EQ(queue.workers(), 0u);
}

}  // namespace
}  // namespace storyline
