// JSON shapes of docs/api.md for articles and thread summaries. (The command line has similar
// forms in cli/output.cpp, which is compiled into the executable only; these follow the HTTP
// contract, which differs in field names.)
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "features/profile.h"
#include "threads/thread.h"

namespace storyline {

// ISO 8601 UTC, "2022-07-27T14:05:00Z"; null when unknown.
nlohmann::json json_time(const std::optional<std::int64_t>& seconds);

// GET /articles/{id}
nlohmann::json article_json(const Profile& profile, const std::string& thread_id);

// ThreadSummary of GET /threads.
nlohmann::json thread_summary_json(const Thread& thread);

double round3(double value);

}  // namespace storyline
