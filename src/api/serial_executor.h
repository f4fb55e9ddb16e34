// SerialExecutor: runs tasks one at a time on a thread of its own, in the order they come,
// each caller waiting for its own task's result (or exception). Work that must be serial
// anyway then always runs on the same thread, instead of a lock passing it between the
// callers' threads (StoryService threads every PUT so). Destroying it finishes the tasks
// already queued.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include "store/background_thread.h"

namespace storyline {

class SerialExecutor {
 public:
  SerialExecutor() : thread_([this] { loop(); }) {}
  ~SerialExecutor() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

  // Runs `task` on the executor's thread and waits for it; its exception is rethrown here. Not
  // from a task (it would wait for itself).
  template <typename F>
  auto run(F&& task) -> decltype(task()) {
    std::packaged_task<decltype(task())()> packaged(std::forward<F>(task));
    auto result = packaged.get_future();
    {
      std::lock_guard lock(mutex_);
      queue_.emplace_back([&packaged] { packaged(); });
    }
    wake_.notify_one();
    return result.get();
  }

 private:
  void loop() {
    block_process_signals();
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      std::function<void()> task = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      task();
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace storyline
