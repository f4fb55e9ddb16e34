#include "index/candidate_index.h"

#include <algorithm>
#include <cstdlib>

namespace storyline {
namespace {

// Scores per document while a query walks the posting lists: open addressing over the slot,
// sized for every posting (or every live document, if fewer) to be a new document. The walk
// adds to it once per posting (tens of thousands per query in a full index), where a
// node-based map allocated and missed the cache each time. Per slot the additions run in
// posting order, as they would in any map.
class ScoreTable {
 public:
  explicit ScoreTable(std::size_t postings) {
    std::size_t capacity = 16;
    while (capacity < 2 * postings) capacity *= 2;
    cells_.assign(capacity, Cell{});
    mask_ = capacity - 1;
  }
  void add(DocSlot slot, std::int64_t time, float amount) {
    std::size_t i = (std::size_t(slot) * 0x9E3779B1u) & mask_;
    while (cells_[i].used && cells_[i].slot != slot) i = (i + 1) & mask_;
    Cell& c = cells_[i];
    if (!c.used) c = {slot, 0.0f, time, true};
    c.score += amount;
  }
  template <typename Fn>  // fn(slot, time, score) for every document scored
  void for_each(Fn fn) const {
    for (const Cell& c : cells_)
      if (c.used) fn(c.slot, c.time, c.score);
  }

 private:
  struct Cell {
    DocSlot slot = 0;
    float score = 0;
    std::int64_t time = 0;
    bool used = false;
  };
  std::vector<Cell> cells_;
  std::size_t mask_ = 0;
};

}  // namespace

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
                                                             std::size_t limit) const {
  std::vector<const std::vector<Posting>*> lists;
  std::size_t postings = 0;
  for (auto [id, weight] : terms.entries) {
    auto it = postings_.find(id);
    lists.push_back(it == postings_.end() ? nullptr : &it->second);
    if (it != postings_.end()) postings += it->second.size();
  }
  ScoreTable scores(std::min(postings, time_of_.size()));  // at most every live document
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
