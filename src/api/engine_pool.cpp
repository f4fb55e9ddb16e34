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
  // none does in practice: the API answers 503 until the restore is over.)
  for (auto& s : slots_)
    loaders_.emplace_back([slot = s.get()] {
      std::lock_guard lock(slot->mutex);
      try {
        slot->engine.load_dictionaries(bridged_languages());
      } catch (const std::exception& e) {
        spdlog::warn("loading dictionaries: {}", e.what());  // profile_all retries on demand
      }
    });
}

EnginePool::~EnginePool() {
  for (auto& t : loaders_) t.join();
}

// A free slot if there is one, else wait for the next in turn (round robin keeps waiting fair).
EnginePool::Slot& EnginePool::acquire(std::unique_lock<std::mutex>& lock, std::mutex Slot::*which) {
  for (auto& slot : slots_) {
    std::unique_lock<std::mutex> attempt((*slot).*which, std::try_to_lock);
    if (attempt.owns_lock()) {
      lock = std::move(attempt);
      return *slot;
    }
  }
  Slot& slot = *slots_[next_.fetch_add(1) % slots_.size()];
  lock = std::unique_lock<std::mutex>(slot.*which);
  return slot;
}

Profile EnginePool::profile(Article article) {
  std::unique_lock<std::mutex> lock;
  Slot& slot = acquire(lock, &Slot::mutex);
  std::vector<Article> one;
  one.push_back(std::move(article));
  return std::move(slot.engine.profile_all(std::move(one)).front());
}

std::string EnginePool::fold(std::string_view text) {
  std::unique_lock<std::mutex> lock;
  return acquire(lock, &Slot::fold_mutex).analyzer.fold(text);
}

const StoryModel& EnginePool::model() const { return slots_.front()->engine.model(); }

TermStats EnginePool::background_stats() const { return slots_.front()->engine.corpus_stats({}); }

}  // namespace storyline
