#include "index/candidate_index.h"

#include <algorithm>
#include <cstdlib>

namespace storyline {

void CandidateIndex::add(DocSlot slot, std::int64_t time, const SparseVector& terms) {
  std::vector<TermId>& mine = terms_of_[slot];
  for (auto [id, weight] : terms.entries) {
    postings_[id].push_back({slot, weight});
    mine.push_back(id);
    ++postings_count_;
  }
  time_of_[slot] = time;
  if (time != kTimeless) by_time_.emplace(time, slot);
}

void CandidateIndex::remove(DocSlot slot) {
  auto time = time_of_.find(slot);
  if (time == time_of_.end()) return;
  auto [first, last] = by_time_.equal_range(time->second);  // empty for kTimeless
  for (auto it = first; it != last; ++it)
    if (it->second == slot) {
      by_time_.erase(it);
      break;
    }
  for (TermId id : terms_of_[slot]) {
    auto it = postings_.find(id);
    if (it == postings_.end()) continue;
    auto& list = it->second;
    list.erase(std::remove_if(list.begin(), list.end(), [slot](const Posting& p) { return p.slot == slot; }),
               list.end());
    --postings_count_;
    if (list.empty()) postings_.erase(it);
  }
  terms_of_.erase(slot);
  time_of_.erase(time);
}

bool CandidateIndex::within_window(std::int64_t a, std::int64_t b) const {
  if (a == kTimeless || b == kTimeless || window_ <= 0) return true;
  return std::abs(a - b) <= window_;
}

std::vector<std::pair<DocSlot, float>> CandidateIndex::query(const SparseVector& terms,
                                                             std::int64_t time,
                                                             std::size_t limit) const {
  std::unordered_map<DocSlot, float> scores;
  for (auto [id, weight] : terms.entries) {
    auto it = postings_.find(id);
    if (it == postings_.end()) continue;
    for (const Posting& p : it->second) scores[p.slot] += weight * p.weight;
  }
  std::vector<std::pair<DocSlot, float>> ranked;
  ranked.reserve(scores.size());
  for (auto [slot, score] : scores)
    if (within_window(time, time_of_.at(slot))) ranked.emplace_back(slot, score);
  // Ties broken by slot so the result does not depend on hash order (determinism).
  auto better = [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  };
  if (ranked.size() > limit) {
    std::partial_sort(ranked.begin(), ranked.begin() + limit, ranked.end(), better);
    ranked.resize(limit);
  } else {
    std::sort(ranked.begin(), ranked.end(), better);
  }
  return ranked;
}

std::vector<DocSlot> CandidateIndex::evict(std::int64_t time) {
  std::vector<DocSlot> dropped;
  while (window_ > 0 && !by_time_.empty() && time - by_time_.begin()->first > window_) {
    DocSlot slot = by_time_.begin()->second;
    remove(slot);
    dropped.push_back(slot);
  }
  return dropped;
}

}  // namespace storyline
