// GET /threads/{id}: one story with its outlets side by side, the timeline, the entity variant
// ledger and, for each article, why it belongs: the member it is most similar to and what
// they share.
#pragma once

#include <nlohmann/json.hpp>

#include "api/story_index.h"
#include "features/match_key.h"

namespace storyline {

struct StoryPageOptions {
  // Each member is compared with at most this many others nearest to it in arrival order
  // (cosine first, the model on the best few), so large threads stay cheap to show.
  std::size_t neighbours = 64;
  std::size_t modelled = 3;
};

nlohmann::json story_json(const Thread& thread, const StoryIndex& index, const MatchKeyer& keyer,
                          StoryPageOptions options = {});

}  // namespace storyline
