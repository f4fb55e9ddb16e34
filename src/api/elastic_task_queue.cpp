#include "api/elastic_task_queue.h"

#include <spdlog/spdlog.h>

#include "store/background_thread.h"

namespace storyline {

ElasticTaskQueue::ElasticTaskQueue(std::size_t min_workers, std::size_t max_workers,
                                   std::chrono::milliseconds idle_exit)
    : min_workers_(std::max<std::size_t>(1, min_workers)),
      max_workers_(std::max(min_workers_, max_workers)),
      idle_exit_(idle_exit) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < min_workers_; ++i) start_worker_locked();
}

ElasticTaskQueue::~ElasticTaskQueue() { shutdown(); }

std::size_t ElasticTaskQueue::workers() const {
  std::lock_guard lock(mutex_);
  return alive_;
}

void ElasticTaskQueue::enqueue(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    tasks_.push_back(std::move(task));
    // Each idle worker takes one task; a task beyond them gets a worker of its own.
    if (tasks_.size() > idle_ && alive_ < max_workers_) start_worker_locked();
  }
  work_.notify_one();
  join_finished();
}

void ElasticTaskQueue::shutdown() {
  std::lock_guard joining(join_mutex_);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_.notify_all();
  std::list<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    threads.swap(threads_);  // run() touches its entry only to hand it to finished_
    finished_.clear();
  }
  for (std::thread& t : threads)
    if (t.joinable()) t.join();
}

void ElasticTaskQueue::start_worker_locked() {
  try {
    threads_.emplace_front();
    const Worker self = threads_.begin();
    *self = std::thread([this, self] { run(self); });
    ++alive_;
  } catch (const std::system_error& e) {  // out of threads: the queue waits for the others
    threads_.pop_front();
    spdlog::warn("cannot start another HTTP worker ({} running): {}", alive_, e.what());
  }
}

void ElasticTaskQueue::run(Worker self) {
  block_process_signals();  // see store/background_thread.h
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    const bool woken = work_.wait_for(lock, idle_exit_, [this] { return stopping_ || !tasks_.empty(); });
    --idle_;
    if (tasks_.empty() && (stopping_ || (!woken && alive_ > min_workers_))) break;
    if (tasks_.empty()) continue;
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    try {
      task();
    } catch (const std::exception& e) {  // cpp-httplib catches its own; this is a last guard
      spdlog::error("HTTP worker: {}", e.what());
    } catch (...) {
      spdlog::error("HTTP worker: unknown exception");
    }
    lock.lock();
  }
  --alive_;
  if (!stopping_) finished_.push_back(self);  // joined by a later enqueue
}

void ElasticTaskQueue::join_finished() {
  std::lock_guard joining(join_mutex_);
  std::vector<Worker> finished;
  {
    std::lock_guard lock(mutex_);
    finished.swap(finished_);
  }
  for (Worker w : finished) w->join();
  if (finished.empty()) return;
  std::lock_guard lock(mutex_);
  for (Worker w : finished) threads_.erase(w);
}

}  // namespace storyline
