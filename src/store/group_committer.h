// GroupCommitter: commits every write queued meanwhile in one transaction (Store::apply), so
// that N concurrent PUTs cost one commit instead of N, and the commit happens off the caller's
// lock. Each write's future is fulfilled only after the batch holding it committed, so
// acknowledging on it keeps "an acknowledged write survives kill -9".
//
// Who commits: a caller that will wait for its write submits it with submit_awaited() and then
// calls wait() on what that returns, which commits the queue on the caller's own thread when no
// commit is running (else it waits for the running one, and commits what queued behind it if
// nobody else does). A lone PUT thus commits without handing its write to another thread and
// being woken back: two thread switches fewer per request. A writer thread commits the writes
// nobody waits for (expiries, the server's thread assignments), an awaited write whose caller
// gave up before waiting (its request failed in between), and whatever is left when the
// committer closes. It gives writes nobody waits for a few milliseconds to ride along with a
// caller's commit first: under a steady stream of PUTs each assignment would otherwise cost
// a commit of its own.
//
// Writes are submitted under the caller's `order` mutex, the one guarding the state the writes
// mirror (the server's index). The queue is therefore in the order that state changed, and
// the store ends up in that order too. When a commit fails, the writer takes `order`, runs
// the undo of the failed batch and of everything queued after it, newest first, and fails all
// their futures: the caller's state is back to exactly what is stored, and nothing that was
// not stored is acknowledged. Callers must never wait on a future while holding `order`.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
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
  // Runs once the write's batch is committed, with the write's Store::apply result, before
  // its future is ready: on the committing thread, without `order` or the committer's lock,
  // one at a time in commit order, so that a caller's state can follow the store in exactly
  // the order the store changed. Must not throw.
  using Then = std::function<void(bool)>;

  // `store` and `order` must outlive the committer. `max_batch` bounds one transaction.
  // `ride_along`: how long a write nobody waits for waits for a caller's commit to take it.
  GroupCommitter(Store& store, std::mutex& order, std::size_t max_batch = 1024,
                 std::chrono::milliseconds ride_along = std::chrono::milliseconds(5));
  // Commits what is still queued, then stops the writer.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues a write for the writer thread; call with `order` held. The future yields
  // Store::apply's result for this write once its batch committed, or rethrows the commit's
  // error. It may be dropped (an expiry nobody waits for); the write is committed all the same.
  std::future<bool> submit(StoreWrite write, Undo undo = {}, Then then = {});

  // A write its caller will wait for (see Awaited::wait). Move-only; dropped without wait()
  // (an exception between queueing and waiting), it hands its write to the writer thread,
  // which commits it as it commits expiries: it neither waits for the next request's commit
  // nor, on an idle server, for the committer to close.
  class Awaited {
   public:
    Awaited(Awaited&& other) noexcept;
    Awaited& operator=(Awaited&& other) noexcept;  // releases what it held (see above)
    Awaited(const Awaited&) = delete;
    ~Awaited();
    // Store::apply's result for the write, committing it on this thread when no commit is
    // running. Rethrows the commit's error. Call once, never holding `order`.
    bool wait();

   private:
    friend class GroupCommitter;
    Awaited(GroupCommitter& committer, std::uint64_t ticket, std::future<bool> result);
    GroupCommitter* committer_;  // null once waited for or moved from
    std::uint64_t ticket_;
    std::future<bool> result_;
  };
  // Queues a write as submit() does, for the caller to wait() for; call with `order` held.
  Awaited submit_awaited(StoreWrite write, Undo undo = {}, Then then = {});

  // Batches committed so far (for tests and /metrics).
  std::size_t batches() const;
  // Writes queued and not yet taken into a commit (for tests).
  std::size_t queued() const;

 private:
  struct Pending {
    StoreWrite write;
    Undo undo;
    Then then;
    std::promise<bool> done;
    // Names a write its caller will commit while it is queued; 0: the writer thread's.
    std::uint64_t ticket = 0;
    bool awaited() const { return ticket != 0; }
  };
  // Queues a write; with a `ticket`, one its caller will commit (the ticket is set), else one
  // for the writer thread.
  std::future<bool> enqueue(StoreWrite write, Undo undo, Then then, std::uint64_t* ticket);
  // The committed result of an awaited write, committing on this thread (see Awaited::wait).
  bool await(std::future<bool>& result);
  // An awaited write nobody will wait for: the writer thread commits it, if still queued.
  void release(std::uint64_t ticket);
  void run();
  // Commits the next batch of the queue; call with `lock` held, nothing committing and the
  // queue not empty. Unlocks meanwhile; returns with `lock` held again.
  void commit_next(std::unique_lock<std::mutex>& lock);
  void fail(std::deque<Pending>& batch, const std::exception_ptr& error);

  Store& store_;
  std::mutex& order_;
  const std::size_t max_batch_;
  const std::chrono::milliseconds ride_along_;
  mutable std::mutex mutex_;  // guards queue_, stopping_, committing_, unawaited_, batches_
  std::condition_variable wake_;       // the writer: a write nobody awaits, or closing
  std::condition_variable committed_;  // a commit ended (committing_ went false)
  std::deque<Pending> queue_;
  bool stopping_ = false;
  // A batch is being committed. A write leaves queue_ only into such a batch, and its promise
  // is kept before committing_ is cleared: an awaited write that is neither queued nor in a
  // running commit has its result.
  bool committing_ = false;
  std::size_t unawaited_ = 0;  // queued writes that no caller will commit
  std::uint64_t next_ticket_ = 1;
  std::size_t batches_ = 0;
  std::thread writer_;  // last: starts once everything above exists
};

}  // namespace storyline
