// EnginePool: a few Engines, so that analysing articles (the bulk of a PUT) runs on several
// cores. An Engine is not thread-safe (it loads dictionaries on demand, its Profiler owns ICU
// state), so each has its own mutex and a request takes whichever is free.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "document/analyzer.h"
#include "stories/engine.h"

namespace storyline {

class EnginePool {
 public:
  // Throws std::runtime_error (from Engine) naming a missing parameter file.
  EnginePool(const EngineOptions& options, std::size_t size);
  ~EnginePool();

  Profile profile(Article article);

  // Blocks until every engine has loaded its dictionaries (the server is not ready before:
  // a PUT would wait seconds for them). Called by one thread.
  void wait_loaded();
  bool loaded() const { return loaded_.load() == slots_.size(); }

  // NFKC + case fold, for matching words of headlines (q=).
  std::string fold(std::string_view text);

  // Shared read-only parts (identical in every engine).
  const StoryModel& model() const;
  TermStats background_stats() const;

 private:
  // The analyser (headline folding) has its own lock: the restore folds every stored headline
  // while the engines are still loading their dictionaries.
  struct Slot {
    std::mutex mutex;  // guards engine
    Engine engine;
    std::mutex fold_mutex;  // guards analyzer
    Analyzer analyzer;
    explicit Slot(const EngineOptions& options) : engine(options) {}
  };
  // A slot's `which` mutex, held until destroyed; then waiters are told a slot came free.
  class Lease {
   public:
    Lease(EnginePool& pool, Slot& slot, std::mutex Slot::*which) : pool_(pool), slot_(slot), which_(which) {}
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Slot* operator->() const { return &slot_; }

   private:
    EnginePool& pool_;
    Slot& slot_;
    std::mutex Slot::*which_;
  };
  // Whichever slot comes free first (not one picked in advance, which could keep a request
  // waiting for a long analysis while the other engine sat idle).
  Lease acquire(std::mutex Slot::*which);
  void released();

  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<std::thread> loaders_;  // dictionary loading at start (see the constructor)
  std::atomic<std::size_t> loaded_{0};  // engines done loading (or failed to: see the constructor)
  std::mutex released_mutex_;         // guards releases_
  std::condition_variable released_cv_;
  std::uint64_t releases_ = 0;        // slots released so far: a waiter sleeps until it changes
};

}  // namespace storyline
