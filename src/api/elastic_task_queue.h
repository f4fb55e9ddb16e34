// ElasticTaskQueue: the HTTP server's workers. cpp-httplib hands each accepted connection to
// one task that serves it until it closes, so a worker is held by an idle keep-alive
// connection for up to the 5 s idle timeout. A fixed pool of eight let a browser or two (six
// connections each) make every other client wait for seconds. This queue starts another
// worker whenever a task arrives and none is idle, up to `max_workers`; workers beyond
// `min_workers` end after `idle_exit` without work. Past `max_workers` tasks wait in order.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace storyline {

class ElasticTaskQueue : public httplib::TaskQueue {
 public:
  ElasticTaskQueue(std::size_t min_workers, std::size_t max_workers,
                   std::chrono::milliseconds idle_exit = std::chrono::seconds(30));
  ~ElasticTaskQueue() override;
  ElasticTaskQueue(const ElasticTaskQueue&) = delete;
  ElasticTaskQueue& operator=(const ElasticTaskQueue&) = delete;

  void enqueue(std::function<void()> task) override;
  // Runs what is queued, then joins every worker; later tasks are dropped.
  void shutdown() override;

  std::size_t workers() const;  // alive now

 private:
  using Worker = std::list<std::thread>::iterator;
  void start_worker_locked();
  void run(Worker self);
  void join_finished();  // without the lock

  const std::size_t min_workers_, max_workers_;
  const std::chrono::milliseconds idle_exit_;
  std::mutex join_mutex_;     // one joiner at a time: shutdown() and join_finished()
  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable work_;
  std::deque<std::function<void()>> tasks_;
  std::list<std::thread> threads_;
  std::vector<Worker> finished_;  // ended, not joined yet
  std::size_t alive_ = 0, idle_ = 0;
  bool stopping_ = false;
};

}  // namespace storyline
