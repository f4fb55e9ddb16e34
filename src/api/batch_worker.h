// BatchWorker: a thread of its own that hands whatever was posted meanwhile to one handler, in
// posting order, a batch at a time. Posters do not wait for their items; they can wait until
// everything posted before a moment is handled (a reader that must see the writes acknowledged
// before it), or until the backlog is short again (back-pressure, so that "handled soon after
// posting" holds under any load). StoryService threads stored articles on one.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "store/background_thread.h"

namespace storyline {

template <typename Item>
class BatchWorker {
 public:
  // Gets each batch, at most `max_batch` items, and may call `one_handled` after each item
  // (in order), which releases the waits below item by item instead of batch by batch; the
  // batch's other items count as handled when it returns. Its exceptions are reported to
  // `on_error` and the whole batch counts as handled.
  using Handler = std::function<void(std::vector<Item>& batch, const std::function<void()>& one_handled)>;
  using ErrorReporter = std::function<void(const char* what)>;

  // Its thread runs at the creating thread's priority plus `nice` (lower_this_threads_priority()).
  BatchWorker(Handler handler, ErrorReporter on_error, std::size_t max_batch, int nice = 0)
      : handler_(std::move(handler)), on_error_(std::move(on_error)), max_batch_(max_batch < 1 ? 1 : max_batch),
        nice_(nice), thread_([this] { loop(); }) {}
  ~BatchWorker() { stop(); }
  BatchWorker(const BatchWorker&) = delete;
  BatchWorker& operator=(const BatchWorker&) = delete;

  // Queues an item; ignored once stopped.
  void post(Item item) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      queue_.push_back(std::move(item));
      posted_at_.push_back(std::chrono::steady_clock::now());
      ++posted_;
    }
    wake_.notify_one();
  }

  // Waits until every item posted before this call is handled, at most `timeout`; false when
  // it timed out. Once stopped, returns true at once (nothing more will be handled).
  bool wait_handled(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    const std::uint64_t target = posted_;
    return handled_changed_.wait_for(lock, timeout, [&] { return handled_ >= target || stopping_; });
  }

  // How far behind the posters the handler may fall before wait_within() makes them wait.
  struct Limits {
    std::size_t items;  // at most this many unhandled items, whatever their age
    // More than `young_items` of them may wait only while the oldest was posted at most
    // `max_age` ago: the age bounds how stale the handled state is, whatever items cost,
    // and a few items queued behind one slow item do not wait for it.
    std::size_t young_items = SIZE_MAX;
    std::chrono::steady_clock::duration max_age = std::chrono::steady_clock::duration::max();
  };

  // Waits while the backlog is beyond `limits` (or until stopped).
  void wait_within(const Limits& limits) {
    std::unique_lock lock(mutex_);
    handled_changed_.wait(lock, [&] {
      const std::uint64_t backlog = posted_ - handled_;
      if (stopping_ || backlog <= std::min(limits.items, limits.young_items)) return true;
      // The age of the oldest only falls as items are handled, each of which notifies.
      return backlog <= limits.items && !posted_at_.empty() &&
             std::chrono::steady_clock::now() - posted_at_.front() <= limits.max_age;
    });
  }

  std::size_t backlog() const {
    std::lock_guard lock(mutex_);
    return std::size_t(posted_ - handled_);
  }

  // How long ago the oldest item not yet handled was posted; zero when none is waiting.
  std::chrono::steady_clock::duration oldest_unhandled_age() const {
    std::lock_guard lock(mutex_);
    if (posted_at_.empty()) return {};
    return std::chrono::steady_clock::now() - posted_at_.front();
  }

  // Drops what is still queued and returns once no handler runs, for good. Later posts are
  // ignored and waits return at once.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      if (stopping_ && !thread_.joinable()) return;
      stopping_ = true;
      queue_.clear();
      posted_at_.clear();
    }
    wake_.notify_one();
    handled_changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void loop();

  Handler handler_;
  ErrorReporter on_error_;
  const std::size_t max_batch_;
  const int nice_;
  mutable std::mutex mutex_;  // guards queue_, posted_at_, posted_, handled_, stopping_
  std::condition_variable wake_, handled_changed_;
  std::deque<Item> queue_;
  std::deque<std::chrono::steady_clock::time_point> posted_at_;  // of the items not yet handled
  std::uint64_t posted_ = 0, handled_ = 0;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above exists
};

template <typename Item>
void BatchWorker<Item>::loop() {
  block_process_signals();
  lower_this_threads_priority(nice_);
  std::vector<Item> batch;
  std::size_t reported = 0;  // items of the batch its handler reported handled
  const std::function<void()> one_handled = [this, &batch, &reported] {
    {
      std::lock_guard lock(mutex_);
      if (reported == batch.size()) return;
      ++reported;
      ++handled_;
      if (!posted_at_.empty()) posted_at_.pop_front();  // stop() may have emptied it
    }
    handled_changed_.notify_all();
  };
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    batch.clear();
    reported = 0;
    while (!queue_.empty() && batch.size() < max_batch_) {
      batch.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    lock.unlock();
    try {
      handler_(batch, one_handled);
    } catch (const std::exception& e) {
      on_error_(e.what());
    } catch (...) {
      on_error_("unknown exception");
    }
    lock.lock();
    handled_ += batch.size() - reported;
    const std::size_t done = std::min(posted_at_.size(), batch.size() - reported);  // stop() may have emptied it
    posted_at_.erase(posted_at_.begin(), posted_at_.begin() + std::ptrdiff_t(done));
    handled_changed_.notify_all();
  }
}

}  // namespace storyline
