// SerialExecutor runs every caller's task on its one thread, never two at a time, hands each
// caller its own result, and rethrows a task's exception to its caller.
#include "api/serial_executor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace storyline {
namespace {

TEST(SerialExecutor, RunsEveryCallersTasksOneAtATimeOnOneThread) {
  SerialExecutor executor;
  std::atomic<int> running{0}, overlaps{0}, wrong_results{0};
  std::vector<int> done;  // touched only by tasks: unguarded, as they never overlap
  std::set<std::thread::id> ran_on;
  std::vector<std::thread> callers;
  for (int c = 0; c < 8; ++c)
    callers.emplace_back([&, c] {
      for (int k = 0; k < 200; ++k) {
        const int value = c * 1000 + k;
        const int got = executor.run([&] {
          if (running.fetch_add(1) != 0) ++overlaps;
          done.push_back(value);
          ran_on.insert(std::this_thread::get_id());
          std::this_thread::yield();  // give an overlap its chance
          running.fetch_sub(1);
          return value * 2;
        });
        if (got != value * 2) ++wrong_results;
      }
    });
  for (auto& t : callers) t.join();
  EXPECT_EQ(overlaps, 0);
  EXPECT_EQ(wrong_results, 0);
  EXPECT_EQ(done.size(), 8u * 200u);
  ASSERT_EQ(ran_on.size(), 1u);
  EXPECT_NE(*ran_on.begin(), std::this_thread::get_id());
}

TEST(SerialExecutor, RethrowsATasksExceptionToItsCaller) {
  SerialExecutor executor;
  EXPECT_THROW(executor.run([]() -> int { throw std::runtime_error("store failed"); }), std::runtime_error);
  EXPECT_EQ(executor.run([] { return 7; }), 7);  // and goes on
}

}  // namespace
}  // namespace storyline
