// JSON shapes of docs/api.md for articles and thread summaries, built on the shared forms of
// stories/story_json.h where the HTTP contract matches them.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "features/profile.h"
#include "stories/story_json.h"
#include "threads/thread.h"

namespace storyline {

// GET /articles/{id}: `member` is the article's entry in its thread (null when it has none).
nlohmann::json article_json(const Profile& profile, const std::string& thread_id, const ThreadMember* member);

// ThreadSummary of GET /threads.
nlohmann::json thread_summary_json(const Thread& thread);

double round3(double value);

}  // namespace storyline
