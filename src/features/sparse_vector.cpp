#include "features/sparse_vector.h"

#include <algorithm>

namespace storyline {

TermId term_id(std::string_view prefix, std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  auto mix = [&hash](std::string_view s) {
    for (unsigned char c : s) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
  };
  mix(prefix);
  mix(text);
  return hash;
}

SparseVector SparseVector::from_counts(const std::unordered_map<TermId, float>& counts) {
  SparseVector v;
  v.entries.assign(counts.begin(), counts.end());
  std::sort(v.entries.begin(), v.entries.end());
  return v;
}

SparseVector TermCounter::vector() {
  // Each id's amounts are summed in the order they were added (the same float sums as a stable
  // sort followed by a merge), in an open-addressing table; then only the distinct ids are
  // sorted: a text repeats its terms, so they are far fewer than the additions.
  constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  std::size_t capacity = 16;
  while (capacity < added_.size() * 2) capacity <<= 1;
  const std::size_t mask = capacity - 1;
  std::vector<std::uint32_t> slots(capacity, kEmpty);  // positions in v.entries
  SparseVector v;
  for (const auto& [id, amount] : added_) {
    std::size_t i = (id ^ (id >> 29)) & mask;  // ids are hashes already
    while (slots[i] != kEmpty && v.entries[slots[i]].first != id) i = (i + 1) & mask;
    if (slots[i] == kEmpty) {
      slots[i] = static_cast<std::uint32_t>(v.entries.size());
      v.entries.emplace_back(id, 0.0f);
    }
    v.entries[slots[i]].second += amount;
  }
  std::sort(v.entries.begin(), v.entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  added_.clear();
  return v;
}

float SparseVector::weight_of(TermId id) const {
  auto it = std::lower_bound(entries.begin(), entries.end(), std::make_pair(id, 0.0f),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  return it != entries.end() && it->first == id ? it->second : 0.0f;
}

float dot(const SparseVector& a, const SparseVector& b) {
  float sum = 0;
  auto i = a.entries.begin(), j = b.entries.begin();
  while (i != a.entries.end() && j != b.entries.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      sum += i->second * j->second;
      ++i;
      ++j;
    }
  }
  return sum;
}

}  // namespace storyline
