#include "store/group_committer.h"

#include <spdlog/spdlog.h>

#include <stdexcept>
#include <vector>

#include "store/background_thread.h"

namespace storyline {

GroupCommitter::GroupCommitter(Store& store, std::mutex& order, std::size_t max_batch)
    : store_(store), order_(order), max_batch_(std::max<std::size_t>(max_batch, 1)), writer_([this] { run(); }) {}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
}

std::future<bool> GroupCommitter::submit(StoreWrite write, Undo undo) {
  std::future<bool> result;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw std::runtime_error("the store is closing");
    queue_.push_back({std::move(write), std::move(undo), {}});
    result = queue_.back().done.get_future();
  }
  wake_.notify_one();
  return result;
}

std::size_t GroupCommitter::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

// Takes whatever queued up while the previous commit ran: under load batches grow by
// themselves, and a lone write is committed at once (no timer, no added latency).
void GroupCommitter::run() {
  block_process_signals();  // see store/background_thread.h
  for (;;) {
    std::deque<Pending> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything is committed
      const std::size_t n = std::min(queue_.size(), max_batch_);
      for (std::size_t i = 0; i < n; ++i) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    std::vector<StoreWrite> writes;
    writes.reserve(batch.size());
    for (Pending& p : batch) writes.push_back(std::move(p.write));
    std::vector<bool> results;
    try {
      results = store_.apply(writes);
    } catch (...) {
      fail(batch, std::current_exception());
      continue;
    }
    {
      std::lock_guard lock(mutex_);
      ++batches_;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done.set_value(i < results.size() && results[i]);
  }
}

// Everything queued after the failed batch was applied to the caller's state after it, so it
// is undone first (newest first), then the batch itself: the state is rolled back to the last
// commit. Holding `order` keeps new writes out until that is done.
void GroupCommitter::fail(std::deque<Pending>& batch, const std::exception_ptr& error) {
  std::lock_guard order(order_);
  std::deque<Pending> later;
  {
    std::lock_guard lock(mutex_);
    later.swap(queue_);
  }
  auto undo = [](std::deque<Pending>& pending) {
    for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
      if (!it->undo) continue;
      try {
        it->undo();
      } catch (const std::exception& e) {
        spdlog::error("undoing an uncommitted write failed: {}", e.what());
      }
    }
  };
  undo(later);
  undo(batch);
  for (Pending& p : batch) p.done.set_exception(error);
  for (Pending& p : later) p.done.set_exception(error);
}

}  // namespace storyline
