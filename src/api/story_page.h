// GET /threads/{id}: one story with its outlets side by side, the timeline, the entity variant
// ledger and, for each article, why it belongs: the member it is shown beside (the one it
// matched best when it joined) and what they share.
//
// Built in two steps so that the server's index lock is held only for what reads the index:
// gather_story() under it (the members' shared profiles, their term weights, the member each is
// shown beside), story_json() after it (what they share, outlets, timeline, ledger). A story
// thousands strong then no longer stops the PUTs behind it.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/story_index.h"
#include "features/match_key.h"

namespace storyline {

struct StoryPageOptions {
  // A member whose recorded match has left the thread (deleted, expired, moved on), or was
  // stored before matches were recorded, and that no member joined by, is compared with at most
  // this many others nearest to it in arrival order (cosine first, the model on the best few).
  std::size_t neighbours = 64;
  std::size_t modelled = 3;
};

struct StoryPageMember {
  const ThreadMember* member = nullptr;  // in StoryPage::thread
  std::shared_ptr<const Profile> profile;
  WeightedProfile weighted;  // weigh_terms(): what shared_terms() reads
  std::optional<std::size_t> closest;  // the member it is shown beside; none when it is alone
  float closest_probability = 0;       // P(same story) with it
};

struct StoryPage {
  std::shared_ptr<const Thread> thread;  // immutable, shared with the index's snapshot
  double importance = 0;
  std::vector<StoryPageMember> members;  // the thread's members still indexed, arrival order
};

// Under the index lock.
StoryPage gather_story(std::shared_ptr<const Thread> thread, double importance, const StoryIndex& index,
                       StoryPageOptions options = {});
// Needs no lock but the keyer's (MatchKeyer is not thread-safe).
nlohmann::json story_json(const StoryPage& page, const MatchKeyer& keyer);

}  // namespace storyline
