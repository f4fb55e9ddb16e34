#include "threads/title_candidates.h"

#include <algorithm>

#include "threads/thread_summary.h"

namespace storyline {

// Each sum gathers its terms in the order of the held headlines, as comparing every pair in
// that order would: a headline's sum starts with those before it and then grows by each one
// after it as it joins. The sums are therefore exactly those of recompute_sums().
void TitleCandidates::add(std::uint32_t slot, SparseVector title, const std::string& text) {
  if (held_.size() >= kLimit) return;
  Held joining{slot, std::move(title), headline_quality(text), 0.0, text.empty()};
  if (!sums_stale_)
    for (Held& other : held_) {
      const double similarity = dot(joining.title, other.title);
      other.sum += similarity;
      joining.sum += similarity;
    }
  held_.push_back(std::move(joining));
}

void TitleCandidates::remove(std::uint32_t slot) {
  auto it = std::find_if(held_.begin(), held_.end(), [slot](const Held& h) { return h.slot == slot; });
  if (it == held_.end()) return;
  held_.erase(it);
  // Subtracting its similarities would leave rounding behind; summing again keeps the sums
  // what a thread that never held it would have.
  sums_stale_ = true;
}

void TitleCandidates::recompute_sums() {
  for (Held& h : held_) h.sum = 0;
  for (std::size_t i = 0; i < held_.size(); ++i)
    for (std::size_t j = 0; j < held_.size(); ++j)
      if (j != i) held_[i].sum += dot(held_[i].title, held_[j].title);
  sums_stale_ = false;
}

bool TitleCandidates::best(std::uint32_t& slot) {
  if (sums_stale_) recompute_sums();
  double best_score = -1e9;
  bool found = false;
  for (const Held& h : held_) {
    if (h.empty) continue;
    double score = h.sum;
    if (held_.size() > 1) score /= double(held_.size() - 1);
    score += 0.5 * h.quality;
    if (score > best_score) {
      best_score = score;
      slot = h.slot;
      found = true;
    }
  }
  return found;
}

}  // namespace storyline
