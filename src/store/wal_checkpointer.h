// WalCheckpointer: copies the WAL back into the database from its own connection and thread.
// SQLite's automatic checkpoint runs inside the commit that crosses 1000 WAL pages, and with
// synchronous=NORMAL a checkpoint fsyncs the WAL and the database: that commit (and every PUT
// waiting on it) would take tens of milliseconds. Here the writer only appends to the WAL;
// a passive checkpoint never blocks it, and committed data is in the WAL either way, so
// durability is unchanged.
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite_db.h"

namespace storyline::sqlite {

class WalCheckpointer {
 public:
  // WAL pages past which every commit asks for a checkpoint. SQLite's 1000 (4 MB) made the
  // checkpoints five times as many at 2,000 PUT/s and cost 60 % more CPU (3.7 against 2.3 s
  // over serve_bench's 134k PUTs): fewer, larger checkpoints copy a page rewritten by many
  // commits once. Larger still saved little more (2.0 s at 8000 and 16000).
  static constexpr int kDefaultPages = 4000;
  // Its thread's priority below its creator's (setpriority(2)): checkpoints are housekeeping
  // that no request waits for. The WAL grows meanwhile, and is read through.
  static constexpr int kNice = 10;

  // Takes over `writer`'s automatic checkpoints (its WAL hook) for the database at `path`.
  // Both must outlive the checkpointer.
  WalCheckpointer(Db& writer, const std::string& path, int pages = kDefaultPages);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  static int on_commit(void* self, sqlite3* db, const char* name, int wal_pages);
  void run();

  Db& writer_;
  Db connection_;
  const int pages_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false, stopping_ = false;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace storyline::sqlite
