#include "store/wal_checkpointer.h"

#include "store/background_thread.h"

namespace storyline::sqlite {

WalCheckpointer::WalCheckpointer(Db& writer, const std::string& path, int pages)
    : writer_(writer), connection_(path), pages_(pages) {
  // A connection learns that the database is in WAL mode when it first reads it. Until then a
  // checkpoint through it does nothing and reports success (with -1 frames): the WAL grew by
  // every write, gigabytes at 50k articles, until the server stopped.
  connection_.exec("SELECT count(*) FROM sqlite_master");
  // Replaces the automatic checkpoint (which is itself a WAL hook) on the writing connection.
  sqlite3_wal_hook(writer_.handle(), &WalCheckpointer::on_commit, this);
  // Last: should the read above throw (the file locked by another process), no thread is
  // running yet, and the error reaches the caller instead of ending the process.
  thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
  sqlite3_wal_hook(writer_.handle(), nullptr, nullptr);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

// Called by SQLite on the writer's thread after each commit: only signals.
int WalCheckpointer::on_commit(void* self, sqlite3*, const char*, int wal_pages) {
  auto* c = static_cast<WalCheckpointer*>(self);
  if (wal_pages >= c->pages_) {
    {
      std::lock_guard lock(c->mutex_);
      c->due_ = true;
    }
    c->wake_.notify_one();
  }
  return SQLITE_OK;
}

void WalCheckpointer::run() {
  block_process_signals();  // see store/background_thread.h
  // Housekeeping no request waits for (kNice; serve_bench's figures in bench/README.md).
  lower_this_threads_priority(kNice);
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return due_ || stopping_; });
      if (stopping_) return;  // closing the last connection checkpoints anyway
      due_ = false;
    }
    // Passive: copies what no reader needs and never waits for, or blocks, the writer. A busy
    // or failed attempt is retried at the next signal; the WAL only grows meanwhile.
    sqlite3_wal_checkpoint_v2(connection_.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
}

}  // namespace storyline::sqlite
