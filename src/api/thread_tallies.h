// ThreadTallies: per thread, its members' category votes summed and their folded headlines,
// kept up to date as members join, so that a publication reads a changed thread's tally
// instead of looking up every member of it again under the index lock (at 100k articles that
// lookup was about half the lock time of a publication, 0.4 ms for some 850 members).
//
// A join at the end appends; any other change (a member leaving, a restore) drops the thread's
// tally, and the next read rebuilds it from the members. Votes are summed in member order
// either way, so a kept tally is exactly a rebuilt one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "features/category.h"

namespace storyline {

struct ThreadTally {
  CategoryScores votes{};
  std::string headlines;    // folded, one per line
  std::size_t members = 0;  // how many members it covers

  void add(const CategoryScores& vote, std::string_view folded_title);
};

class ThreadTallies {
 public:
  // A member joined the thread at its end; the thread has `members` members now.
  void joined(const std::string& thread_id, std::size_t members, const CategoryScores& vote,
              std::string_view folded_title);
  // The thread's members changed otherwise.
  void invalidate(const std::string& thread_id) { tallies_.erase(thread_id); }

  // The tally kept for the thread when it covers its `members` members, else null.
  const ThreadTally* find(const std::string& thread_id, std::size_t members) const;
  const ThreadTally& keep(const std::string& thread_id, ThreadTally tally);

  std::size_t size() const { return tallies_.size(); }

 private:
  std::unordered_map<std::string, ThreadTally> tallies_;
};

}  // namespace storyline
