// Background threads of the library (the group committer, the WAL checkpointer, the server's
// ranking refresher) take no process signals: the server may block SIGTERM only after the
// store is open, and a signal delivered to one of them would kill the process instead of
// stopping it cleanly. Each calls this first.
// Those that do work no request waits for may also lower their priority, so that they yield
// the cores to the requests that do.
#pragma once

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

namespace storyline {

inline void block_process_signals() {
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, nullptr);
}

// Adds `nice` (as setpriority(2) takes it) to the calling thread's priority, at most 19 (the
// lowest). Per thread on Linux: the thread id names this thread alone. Relative to the
// priority the thread started with (its creator's), so a server run under `nice` keeps its
// background threads below it.
inline void lower_this_threads_priority(int nice) {
  if (nice <= 0) return;
  const auto self = static_cast<id_t>(syscall(SYS_gettid));
  setpriority(PRIO_PROCESS, self, std::min(getpriority(PRIO_PROCESS, self) + nice, 19));
}

}  // namespace storyline
