#include "threads/rerank.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace storyline {
namespace {

using RankedThread = ThreadBuilder::RankedThread;

struct Placed {
  RankedThread ranked;
  RankOrigin origin;
};

bool before_in_rank(const RankedThread& a, const RankedThread& b) { return ranks_before(a.key, *a.thread, b.key, *b.thread); }

}  // namespace

Reranking rerank(const std::vector<RankedThread>* before, std::optional<std::int64_t> before_now,
                 const std::vector<std::string>& changed_ids, std::vector<std::shared_ptr<const Thread>> changed,
                 std::optional<std::int64_t> now) {
  // To be placed by sorting: the changed threads, and kept ones whose order moved with "now"
  // (undated threads: few).
  std::vector<Placed> placed;
  placed.reserve(changed.size());
  for (std::size_t i = 0; i < changed.size(); ++i) placed.push_back({ranked_at(std::move(changed[i]), now), {i, true}});
  // Kept in the order they had (positions in `before`).
  std::vector<std::size_t> kept;
  if (before) {
    // By the hashes of their ids first, kept beside each thread: reading every Thread's id
    // would cost a cache miss per thread (20k in a server at 100k articles).
    std::unordered_set<std::size_t> gone_hashes;
    for (const std::string& id : changed_ids) gone_hashes.insert(std::hash<std::string>{}(id));
    const std::unordered_set<std::string_view> gone(changed_ids.begin(), changed_ids.end());
    kept.reserve(before->size());
    for (std::size_t i = 0; i < before->size(); ++i) {
      const RankedThread& r = (*before)[i];
      if (gone_hashes.contains(r.id_hash) && gone.contains(r.thread->id)) continue;
      if (follows_now(r.key, now) || follows_now(r.key, before_now)) {
        const RankKey key = rank_key_at(r.key, now);
        placed.push_back({{r.thread, importance_at(key, now), key, r.id_hash}, {i, false}});
      } else {
        kept.push_back(i);
      }
    }
  }
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return before_in_rank(a.ranked, b.ranked); });

  Reranking out;
  out.threads.reserve(kept.size() + placed.size());
  out.origins.reserve(kept.size() + placed.size());
  const bool same_now = before_now == now;
  auto take_kept = [&](std::size_t i) {
    const RankedThread& r = (*before)[i];
    out.threads.push_back({r.thread, same_now ? r.importance : importance_at(r.key, now), r.key, r.id_hash});
    out.origins.push_back({i, false});
  };
  auto take_placed = [&](Placed& p) {
    out.threads.push_back(std::move(p.ranked));
    out.origins.push_back(p.origin);
  };
  auto k = kept.begin();
  auto p = placed.begin();
  while (k != kept.end() && p != placed.end()) {
    if (before_in_rank(p->ranked, (*before)[*k]))
      take_placed(*p++);
    else
      take_kept(*k++);
  }
  for (; k != kept.end(); ++k) take_kept(*k);
  for (; p != placed.end(); ++p) take_placed(*p);
  return out;
}

}  // namespace storyline
