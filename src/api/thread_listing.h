// GET /threads: the ranked threads filtered by period, language and headline words, in the
// shape of docs/api.md or of the Telegram contest (round 2).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/story_index.h"

namespace storyline {

struct ThreadQuery {
  std::optional<std::int64_t> period;  // seconds back from "now"
  std::string lang;                    // ISO 639-1; empty = any
  std::vector<std::string> words;      // folded; every one must occur in a member headline
  std::size_t limit = 100;
  std::string category;                // "", "any" or a category name (features/category.h)
};

// What a listing needs of a thread besides the Thread: its category (the decision on its
// members' summed votes) and its member headlines, folded, one per line (what `q=` searches).
// From the index's tally of the thread (publications read it under the index lock).
struct ThreadExtra {
  Category category{};
  std::shared_ptr<const std::string> headlines;
};
ThreadExtra thread_extra(const Thread& thread, StoryIndex& index, const CategoryClassifier& categories);

struct SelectedThread {
  const Thread* thread;
  double importance;  // at the snapshot's "now" (Thread::importance is not kept current)
  Category category;
};

// Threads of the snapshot that pass the filters, in rank order, at most `limit`. `extras`:
// each snapshot thread's ThreadExtra, in its order. Needs no access to the live index: a
// published ranking answers it without the index lock.
std::vector<SelectedThread> select_threads(const ThreadSnapshot& snapshot, const std::vector<ThreadExtra>& extras,
                                           const ThreadQuery& query);

// docs/api.md: {"now", "threads": [summary + "category"]}.
nlohmann::json threads_json(const ThreadSnapshot& snapshot, const std::vector<SelectedThread>& threads);

// The Telegram contest's shape: {"threads": [{"title", "category", "articles": [ids]}]}.
nlohmann::json telegram_threads_json(const std::vector<SelectedThread>& threads);

}  // namespace storyline
