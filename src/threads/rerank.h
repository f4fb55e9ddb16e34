// rerank: a ranking made again from the one before it, placing only the threads that changed
// since. The threads kept from before keep their order (RankKey: it does not depend on "now"),
// so the new ranking is a merge, not a sort of every thread, and reads no kept Thread. A
// server publishes its list five times a second; at 20k threads, sorting them all again and
// matching them to the list before took most of each publication.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "threads/thread_builder.h"

namespace storyline {

// Where a thread of the new ranking comes from: position `index` of the ranking before, or,
// when `changed`, position `index` of the changed threads given.
struct RankOrigin {
  std::size_t index = 0;
  bool changed = false;
};

struct Reranking {
  std::vector<ThreadBuilder::RankedThread> threads;  // most important first
  std::vector<RankOrigin> origins;                   // per thread of `threads`
};

// The ranking at `now` of `before` (a ranking made at `before_now`) without its threads whose
// ids are in `changed_ids`, plus `changed` (the threads of those ids that still have members,
// as they are now). Equal to rank_threads() of the same threads: a thread's key is read again
// only where it follows "now" (follows_now()). With `before` null, it ranks `changed` alone.
Reranking rerank(const std::vector<ThreadBuilder::RankedThread>* before, std::optional<std::int64_t> before_now,
                 const std::vector<std::string>& changed_ids, std::vector<std::shared_ptr<const Thread>> changed,
                 std::optional<std::int64_t> now);

}  // namespace storyline
