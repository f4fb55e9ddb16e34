// TitleCandidates: the member headlines a thread's title is chosen from, each with how
// central it is to the others, kept up to date as members join and leave.
//
// The title is the headline most like the others (it names what they share), weighted by its
// own quality (thread_summary.h). Measuring that anew meant comparing every pair of headlines
// each time a thread changed; the server does it for every changed thread every 200 ms, under
// its index lock. Here a joining headline is compared once with those already held, and the
// sums are recomputed only after a removal (rare: deletes, expiry, a batch's second look).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "features/sparse_vector.h"

namespace storyline {

class TitleCandidates {
 public:
  // Only the first headlines are held: beyond a few dozen the choice hardly changes, and
  // each join costs one comparison per headline held.
  static constexpr std::size_t kLimit = 64;

  // A member joins (in arrival order): `title` its IDF-weighted title vector, `text` its
  // headline. Ignored once kLimit headlines are held.
  void add(std::uint32_t slot, SparseVector title, const std::string& text);
  // A member leaves; nothing happens if its headline was not held. A place it frees goes to
  // the next member to join.
  void remove(std::uint32_t slot);

  // The slot of the member whose headline makes the best title, or false when no held
  // headline is non-empty.
  bool best(std::uint32_t& slot);

  std::size_t size() const { return held_.size(); }

 private:
  struct Held {
    std::uint32_t slot;
    SparseVector title;
    double quality;  // headline_quality(text)
    double sum;      // its similarities to the other held headlines, summed
    bool empty;      // no headline text
  };
  void recompute_sums();

  std::vector<Held> held_;  // in arrival order
  bool sums_stale_ = false;
};

}  // namespace storyline
