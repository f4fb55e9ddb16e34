#include "api/engine_pool.h"

#include <spdlog/spdlog.h>

namespace storyline {

// Every engine loads every dictionary at start: loading them on demand would reload all of
// them each time a new language arrives (seconds of CPU per engine, in the middle of the PUT
// stream, while that engine's requests wait). It happens in the background, each loader
// holding its slot, so that it overlaps the restore (which decodes stored analyses and needs
// no dictionary); a request that comes sooner waits for a slot as it would for a busy one.
EnginePool::EnginePool(const EngineOptions& options, std::size_t size) {
  for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) slots_.push_back(std::make_unique<Slot>(options));
  // (A request that takes a slot before its loader does simply loads what it needs itself;
  // none does in practice: the API answers 503 until the restore and the loading are over.)
  for (auto& s : slots_)
    loaders_.emplace_back([this, slot = s.get()] {
      slot->mutex.lock();
      Lease lease(*this, *slot, &Slot::mutex);  // requests waiting meanwhile are told when it is done
      try {
        slot->engine.load_dictionaries(bridged_languages());
      } catch (const std::exception& e) {
        spdlog::warn("loading dictionaries: {}", e.what());  // profile_all retries on demand
      }
      ++loaded_;
    });
}

EnginePool::~EnginePool() { wait_loaded(); }

void EnginePool::wait_loaded() {
  for (auto& t : loaders_)
    if (t.joinable()) t.join();
}

EnginePool::Lease::~Lease() {
  (slot_.*which_).unlock();
  pool_.released();
}

void EnginePool::released() {
  {
    std::lock_guard lock(released_mutex_);
    ++releases_;
  }
  released_cv_.notify_all();  // each waiter tries every slot; one that loses the race waits again
}

// Every slot is tried; when all are busy, the caller sleeps until one is released and tries
// again. The count read before trying closes the gap between the tries and the sleep.
EnginePool::Lease EnginePool::acquire(std::mutex Slot::*which) {
  for (;;) {
    std::uint64_t seen;
    {
      std::lock_guard lock(released_mutex_);
      seen = releases_;
    }
    for (auto& slot : slots_)
      if (((*slot).*which).try_lock()) return Lease(*this, *slot, which);
    std::unique_lock lock(released_mutex_);
    released_cv_.wait(lock, [&] { return releases_ != seen; });
  }
}

Profile EnginePool::profile(Article article) {
  Lease slot = acquire(&Slot::mutex);
  std::vector<Article> one;
  one.push_back(std::move(article));
  return std::move(slot->engine.profile_all(std::move(one)).front());
}

std::string EnginePool::fold(std::string_view text) { return acquire(&Slot::fold_mutex)->analyzer.fold(text); }

const StoryModel& EnginePool::model() const { return slots_.front()->engine.model(); }

TermStats EnginePool::background_stats() const { return slots_.front()->engine.corpus_stats({}); }

}  // namespace storyline
