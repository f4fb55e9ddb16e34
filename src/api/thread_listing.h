// GET /threads: the ranked threads filtered by period, language and headline words, in the
// shape of docs/api.md or of the Telegram contest (round 2).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
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
  std::string category;                // Telegram shape only: "any" or a category
};

// Threads of the snapshot that pass the filters, in rank order, at most `limit`.
std::vector<const Thread*> select_threads(const ThreadSnapshot& snapshot, const StoryIndex& index,
                                          const ThreadQuery& query);

nlohmann::json threads_json(const ThreadSnapshot& snapshot, const std::vector<const Thread*>& threads);

// {"threads": [{"title", "category", "articles": [ids]}]}. Threads are not classified into the
// contest's categories: every thread is "any", so a specific category lists nothing.
nlohmann::json telegram_threads_json(const std::vector<const Thread*>& threads, const std::string& category);

}  // namespace storyline
