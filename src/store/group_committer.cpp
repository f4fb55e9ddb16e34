#include "store/group_committer.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <utility>
#include <vector>

#include "store/background_thread.h"

namespace storyline {

GroupCommitter::GroupCommitter(Store& store, std::mutex& order, std::size_t max_batch,
                               std::chrono::milliseconds ride_along)
    : store_(store), order_(order), max_batch_(std::max<std::size_t>(max_batch, 1)), ride_along_(ride_along),
      writer_([this] { run(); }) {}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
}

std::future<bool> GroupCommitter::submit(StoreWrite write, Undo undo, Then then) {
  return enqueue(std::move(write), std::move(undo), std::move(then), nullptr);
}

GroupCommitter::Awaited GroupCommitter::submit_awaited(StoreWrite write, Undo undo, Then then) {
  std::uint64_t ticket = 0;
  std::future<bool> result = enqueue(std::move(write), std::move(undo), std::move(then), &ticket);
  return Awaited(*this, ticket, std::move(result));
}

std::future<bool> GroupCommitter::enqueue(StoreWrite write, Undo undo, Then then, std::uint64_t* ticket) {
  std::future<bool> result;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw std::runtime_error("the store is closing");
    queue_.push_back({std::move(write), std::move(undo), std::move(then), {}, ticket ? next_ticket_++ : 0});
    result = queue_.back().done.get_future();
    if (ticket) {
      *ticket = queue_.back().ticket;
      return result;  // its caller commits it in Awaited::wait()
    }
    ++unawaited_;
  }
  wake_.notify_one();
  return result;
}

void GroupCommitter::release(std::uint64_t ticket) {
  {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(queue_.begin(), queue_.end(), [&](const Pending& p) { return p.ticket == ticket; });
    if (it == queue_.end()) return;  // committing or committed already
    it->ticket = 0;
    ++unawaited_;
  }
  wake_.notify_one();
}

GroupCommitter::Awaited::Awaited(GroupCommitter& committer, std::uint64_t ticket, std::future<bool> result)
    : committer_(&committer), ticket_(ticket), result_(std::move(result)) {}

GroupCommitter::Awaited::Awaited(Awaited&& other) noexcept
    : committer_(std::exchange(other.committer_, nullptr)), ticket_(other.ticket_), result_(std::move(other.result_)) {}

GroupCommitter::Awaited& GroupCommitter::Awaited::operator=(Awaited&& other) noexcept {
  if (this == &other) return *this;
  if (committer_) committer_->release(ticket_);
  committer_ = std::exchange(other.committer_, nullptr);
  ticket_ = other.ticket_;
  result_ = std::move(other.result_);
  return *this;
}

GroupCommitter::Awaited::~Awaited() {
  if (committer_) committer_->release(ticket_);
}

bool GroupCommitter::Awaited::wait() {
  if (!committer_) throw std::logic_error("GroupCommitter::Awaited::wait called twice");
  GroupCommitter* committer = std::exchange(committer_, nullptr);
  return committer->await(result_);
}

bool GroupCommitter::await(std::future<bool>& result) {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (result.wait_for(std::chrono::seconds(0)) == std::future_status::ready) break;
    if (committing_) {
      committed_.wait(lock, [&] { return !committing_; });
    } else if (!queue_.empty()) {
      commit_next(lock);
    } else {
      break;  // neither queued nor being committed: the result is there (see committing_)
    }
  }
  lock.unlock();
  return result.get();
}

std::size_t GroupCommitter::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

std::size_t GroupCommitter::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

// Takes whatever queued up while the previous commit ran: under load batches grow by
// themselves, and a lone write is committed at once (no timer, no added latency).
void GroupCommitter::commit_next(std::unique_lock<std::mutex>& lock) {
  committing_ = true;
  std::deque<Pending> batch;
  const std::size_t n = std::min(queue_.size(), max_batch_);
  for (std::size_t i = 0; i < n; ++i) {
    if (!queue_.front().awaited()) --unawaited_;
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  lock.unlock();
  std::vector<StoreWrite> writes;
  writes.reserve(batch.size());
  for (Pending& p : batch) writes.push_back(std::move(p.write));
  bool stored = false;
  std::vector<bool> results;
  try {
    results = store_.apply(writes);
    stored = true;
  } catch (...) {
    fail(batch, std::current_exception());  // takes `order`: never with mutex_ held
  }
  if (stored) {
    // Still committing_: the next batch's hooks cannot run before these.
    // A hook that throws must not leave committing_ set (every later write would wait for
    // ever); the write itself is committed, so its result still goes out.
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (!batch[i].then) continue;
      try {
        batch[i].then(i < results.size() && results[i]);
      } catch (const std::exception& e) {
        spdlog::error("after a commit: {}", e.what());
      }
    }
  }
  lock.lock();
  if (stored) {
    ++batches_;  // counted before anyone learns of the commit
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done.set_value(i < results.size() && results[i]);
  }
  committing_ = false;
  committed_.notify_all();
}

// The writes nobody awaits, and at closing everything still queued.
void GroupCommitter::run() {
  block_process_signals();  // see store/background_thread.h
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || unawaited_ > 0; });
    if (!stopping_ && committed_.wait_for(lock, ride_along_, [&] { return stopping_ || unawaited_ == 0; }) &&
        !stopping_)
      continue;  // a caller's commit took them along
    if (committing_) {
      committed_.wait(lock, [&] { return !committing_; });
    } else if (!queue_.empty()) {
      commit_next(lock);
    } else if (stopping_) {
      return;  // everything is committed
    }
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
    for (const Pending& p : later)
      if (!p.awaited()) --unawaited_;
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
