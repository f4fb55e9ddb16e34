#include "api/thread_tallies.h"

namespace storyline {

void ThreadTally::add(const CategoryScores& vote, std::string_view folded_title) {
  for (std::size_t i = 0; i < votes.size(); ++i) votes[i] += vote[i];
  headlines += folded_title;
  headlines += '\n';
  ++members;
}

void ThreadTallies::joined(const std::string& thread_id, std::size_t members, const CategoryScores& vote,
                           std::string_view folded_title) {
  auto it = tallies_.find(thread_id);
  if (members == 1) {
    // A founder: whatever was kept under this id belonged to a thread that ended.
    ThreadTally& fresh = it == tallies_.end() ? tallies_[thread_id] : (it->second = ThreadTally{});
    fresh.add(vote, folded_title);
    return;
  }
  if (it == tallies_.end()) return;  // none kept: the next read builds it
  if (it->second.members + 1 == members) {
    it->second.add(vote, folded_title);
  } else {
    tallies_.erase(it);
  }
}

const ThreadTally* ThreadTallies::find(const std::string& thread_id, std::size_t members) const {
  auto it = tallies_.find(thread_id);
  return it != tallies_.end() && it->second.members == members ? &it->second : nullptr;
}

const ThreadTally& ThreadTallies::keep(const std::string& thread_id, ThreadTally tally) {
  return tallies_[thread_id] = std::move(tally);
}

}  // namespace storyline
