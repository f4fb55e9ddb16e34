// JSON forms of engine results, shared by the command line and the server.
#pragma once

#include <nlohmann/json.hpp>

#include "features/profile.h"
#include "threads/thread.h"

namespace storyline {

// ISO 8601 UTC, "2022-07-27T14:05:00Z".
std::string iso_time(std::int64_t seconds);
// The same, or null when the time is unknown.
nlohmann::json json_time(const std::optional<std::int64_t>& seconds);

nlohmann::json thread_json(const Thread& thread);
nlohmann::json profile_json(const Profile& profile);

}  // namespace storyline
