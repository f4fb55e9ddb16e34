// GroupCommitter: one writer thread that commits every write queued meanwhile in one
// transaction (Store::apply), so that N concurrent PUTs cost one commit instead of N, and the
// commit happens off the caller's lock. Each write's future is fulfilled only after the batch
// holding it committed, so acknowledging on it keeps "an acknowledged write survives kill -9".
//
// Writes are submitted under the caller's `order` mutex, the one guarding the state the writes
// mirror (the server's index). The queue is therefore in the order that state changed, and
// the store ends up in that order too. When a commit fails, the writer takes `order`, runs
// the undo of the failed batch and of everything queued after it, newest first, and fails all
// their futures: the caller's state is back to exactly what is stored, and nothing that was
// not stored is acknowledged. Callers must never wait on a future while holding `order`.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include "store/store.h"

namespace storyline {

class GroupCommitter {
 public:
  // Reverts the caller's state change that a write mirrors; called with `order` held, only
  // when the write's commit failed. Must not throw.
  using Undo = std::function<void()>;

  // `store` and `order` must outlive the committer. `max_batch` bounds one transaction.
  GroupCommitter(Store& store, std::mutex& order, std::size_t max_batch = 1024);
  // Commits what is still queued, then stops the writer.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues a write; call with `order` held. The future yields Store::apply's result for this
  // write once its batch committed, or rethrows the commit's error. It may be dropped (an
  // expiry nobody waits for); the write is committed all the same.
  std::future<bool> submit(StoreWrite write, Undo undo = {});

  // Batches committed so far (for tests and /metrics).
  std::size_t batches() const;

 private:
  struct Pending {
    StoreWrite write;
    Undo undo;
    std::promise<bool> done;
  };
  void run();
  void fail(std::deque<Pending>& batch, const std::exception_ptr& error);

  Store& store_;
  std::mutex& order_;
  const std::size_t max_batch_;
  mutable std::mutex mutex_;  // guards queue_, stopping_, batches_
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::size_t batches_ = 0;
  std::thread writer_;  // last: starts once everything above exists
};

}  // namespace storyline
