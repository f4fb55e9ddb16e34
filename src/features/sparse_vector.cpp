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
  std::stable_sort(added_.begin(), added_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  SparseVector v;
  for (const auto& [id, amount] : added_) {
    if (v.entries.empty() || v.entries.back().first != id) v.entries.emplace_back(id, 0.0f);
    v.entries.back().second += amount;
  }
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
