#include "index/candidate_index.h"

#include <algorithm>
#include <cstdlib>

namespace storyline {

void CandidateIndex::add(DocSlot slot, std::int64_t time, const SparseVector& terms) {
  std::vector<TermId>& mine = terms_of_[slot];
  for (auto [id, weight] : terms.entries) {
    postings_[id].push_back({slot, weight, time});
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
    // A document has one posting per term. Lists grow by arrival, so the evicted (oldest)
    // documents sit near the front: search from there and stop at the posting.
    auto& list = it->second;
    auto posting = std::find_if(list.begin(), list.end(), [slot](const Posting& p) { return p.slot == slot; });
    if (posting == list.end()) continue;
    list.erase(posting);
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
                                                             std::size_t limit) {
  std::vector<const std::vector<Posting>*> lists;
  std::size_t postings = 0;
  for (auto [id, weight] : terms.entries) {
    auto it = postings_.find(id);
    lists.push_back(it == postings_.end() ? nullptr : &it->second);
    if (it != postings_.end()) postings += it->second.size();
  }
  ScoreTable& scores = scores_;
  scores.begin(std::min(postings, time_of_.size()));  // at most every live document
  for (std::size_t t = 0; t < lists.size(); ++t) {
    if (!lists[t]) continue;
    const float weight = terms.entries[t].second;
    for (const Posting& p : *lists[t]) scores.add(p.slot, p.time, weight * p.weight);
  }
  std::vector<std::pair<DocSlot, float>> ranked;
  scores.for_each([&](DocSlot slot, std::int64_t doc_time, float score) {
    if (within_window(time, doc_time)) ranked.emplace_back(slot, score);
  });
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
