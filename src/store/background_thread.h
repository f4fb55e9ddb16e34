// Background threads of the library (the group committer, the WAL checkpointer, the server's
// ranking refresher) take no process signals: the server may block SIGTERM only after the
// store is open, and a signal delivered to one of them would kill the process instead of
// stopping it cleanly. Each calls this first.
#pragma once

#include <pthread.h>
#include <signal.h>

namespace storyline {

inline void block_process_signals() {
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, nullptr);
}

}  // namespace storyline
