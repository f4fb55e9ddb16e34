#include "api/engine_pool.h"

namespace storyline {

EnginePool::EnginePool(const EngineOptions& options, std::size_t size) {
  for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) slots_.push_back(std::make_unique<Slot>(options));
}

EnginePool::~EnginePool() = default;

// A free slot if there is one, else wait for the next in turn (round robin keeps waiting fair).
EnginePool::Slot& EnginePool::acquire(std::unique_lock<std::mutex>& lock) {
  for (auto& slot : slots_) {
    std::unique_lock<std::mutex> attempt(slot->mutex, std::try_to_lock);
    if (attempt.owns_lock()) {
      lock = std::move(attempt);
      return *slot;
    }
  }
  Slot& slot = *slots_[next_.fetch_add(1) % slots_.size()];
  lock = std::unique_lock<std::mutex>(slot.mutex);
  return slot;
}

Profile EnginePool::profile(Article article) {
  std::unique_lock<std::mutex> lock;
  Slot& slot = acquire(lock);
  std::vector<Article> one;
  one.push_back(std::move(article));
  return std::move(slot.engine.profile_all(std::move(one)).front());
}

std::string EnginePool::fold(std::string_view text) {
  std::unique_lock<std::mutex> lock;
  return acquire(lock).analyzer.fold(text);
}

const StoryModel& EnginePool::model() const { return slots_.front()->engine.model(); }

TermStats EnginePool::background_stats() const { return slots_.front()->engine.corpus_stats({}); }

}  // namespace storyline
