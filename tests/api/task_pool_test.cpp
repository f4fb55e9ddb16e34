// TaskPool: each task's result (or exception) comes through its future, tasks run on the
// pool's own threads at the priority asked for, and tasks still queued when the pool closes
// report a broken promise instead of hanging their waiters.
#include "api/task_pool.h"

#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <string>

namespace storyline {
namespace {

int this_threads_nice() { return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid))); }

TEST(TaskPool, ResultsAndExceptionsComeThroughTheFutures) {
  TaskPool pool(2);
  std::vector<std::shared_future<std::string>> results;
  for (int i = 0; i < 50; ++i) results.push_back(pool.submit([i] { return "task " + std::to_string(i); }));
  auto failing = pool.submit([]() -> int { throw std::runtime_error("no analysis"); });
  for (int i = 0; i < 50; ++i) EXPECT_EQ(results[i].get(), "task " + std::to_string(i));
  EXPECT_THROW(failing.get(), std::runtime_error);
}

TEST(TaskPool, TasksRunOnThePoolsThreadsAtItsPriority) {
  const int caller = this_threads_nice();
  TaskPool pool(1, 10);
  const auto task_thread = pool.submit([] { return std::this_thread::get_id(); }).get();
  EXPECT_NE(task_thread, std::this_thread::get_id());
  EXPECT_EQ(pool.submit(this_threads_nice).get(), std::min(caller + 10, 19));
  EXPECT_EQ(this_threads_nice(), caller);  // only the pool's threads
  TaskPool same(1);
  EXPECT_EQ(same.submit(this_threads_nice).get(), caller);
}

TEST(TaskPool, TasksQueuedWhenThePoolClosesReportABrokenPromise) {
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<bool> started{false};
  std::shared_future<int> running, queued;
  std::thread closer;
  {
    auto pool = std::make_unique<TaskPool>(1);
    running = pool->submit([&] {
      started = true;
      gate.wait();
      return 1;
    });
    queued = pool->submit([] { return 2; });
    while (!started) std::this_thread::yield();
    // The pool closes while its one thread runs the first task: the second stays queued.
    closer = std::thread([&pool] { pool.reset(); });
    while (queued.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) std::this_thread::yield();
    release.set_value();
    closer.join();
  }
  EXPECT_EQ(running.get(), 1);  // a running task finishes
  try {
    queued.get();
    ADD_FAILURE() << "a dropped task gave a result";
  } catch (const std::future_error& e) {
    EXPECT_EQ(e.code(), std::future_errc::broken_promise);
  }
}

}  // namespace
}  // namespace storyline
