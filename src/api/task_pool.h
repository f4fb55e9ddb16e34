// TaskPool: a few threads of their own that run submitted tasks, oldest first, each answering
// through a std::shared_future. StoryService analyses acknowledged articles on one, so that a
// PUT waits for its commit only, and the threader takes the analyses in commit order.
//
// Its threads may run at a lower priority (`nice`, as setpriority(2) takes it): work that no
// request waits for then yields the cores to the requests that do.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

#include "store/background_thread.h"

namespace storyline {

class TaskPool {
 public:
  // `threads` at least 1; `nice` added to the creating thread's priority (0: the same; the
  // result at most 19, the lowest).
  explicit TaskPool(std::size_t threads, int nice = 0) {
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i)
      threads_.emplace_back([this, nice] { loop(nice); });
  }
  // Tasks still queued are dropped: their futures report std::future_error (broken_promise)
  // at once, not after the running ones, which finish first.
  ~TaskPool() {
    std::deque<std::function<void()>> dropped;
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      dropped.swap(queue_);
    }
    dropped.clear();
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // Queues `task`; its result (or its exception) comes through the future. After the pool
  // began stopping, the task is dropped (broken_promise).
  template <typename F>
  std::shared_future<std::invoke_result_t<F>> submit(F task) {
    using Result = std::invoke_result_t<F>;
    auto packaged = std::make_shared<std::packaged_task<Result()>>(std::move(task));
    std::shared_future<Result> future = packaged->get_future().share();
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return future;  // `packaged` goes with this scope: broken_promise
      queue_.emplace_back([packaged] { (*packaged)(); });
    }
    wake_.notify_one();
    return future;
  }

 private:
  void loop(int nice) {
    block_process_signals();
    lower_this_threads_priority(nice);
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      task();  // a packaged_task keeps its exception for the future
    }
  }

  std::mutex mutex_;  // guards queue_, stopping_
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace storyline
