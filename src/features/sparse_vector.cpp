#include "features/sparse_vector.h"

#include <algorithm>

#include "features/sort_by_term_id.h"

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

TermPositions::TermPositions(std::size_t ids_at_most) {
  std::size_t capacity = 16;
  while (capacity < ids_at_most * 2) capacity <<= 1;
  slots_.assign(capacity, kEmpty);
  mask_ = capacity - 1;
}

SparseVector TermCounter::vector() {
  // Each id's amounts are summed in the order they were added (the same float sums as a stable
  // sort followed by a merge), then only the distinct ids are sorted: a text repeats its
  // terms, so they are far fewer than the additions.
  TermPositions positions(added_.size());
  SparseVector v;
  auto id_at = [&v](std::uint32_t position) { return v.entries[position].first; };
  for (const auto& [id, amount] : added_) {
    const auto next = static_cast<std::uint32_t>(v.entries.size());
    const std::uint32_t position = positions.find_or_add(id, next, id_at);
    if (position == next) v.entries.emplace_back(id, 0.0f);
    v.entries[position].second += amount;
  }
  sort_by_term_id(v.entries);
  added_.clear();
  return v;
}

float SparseVector::weight_of(TermId id) const {
  auto it = std::lower_bound(entries.begin(), entries.end(), std::make_pair(id, 0.0f),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  return it != entries.end() && it->first == id ? it->second : 0.0f;
}

// A merge without branches on the data: the ids of two vectors interleave unpredictably, and
// a mispredicted branch per step cost more than the step. Adding 0 where ids differ leaves the
// sum exactly as the branching merge had it (the same products, in the same order).
float dot(const SparseVector& a, const SparseVector& b) {
  float sum = 0;
  const auto* x = a.entries.data();
  const auto* y = b.entries.data();
  const auto* x_end = x + a.entries.size();
  const auto* y_end = y + b.entries.size();
  while (x != x_end && y != y_end) {
    const TermId i = x->first, j = y->first;
    sum += i == j ? x->second * y->second : 0.0f;
    x += i <= j;
    y += j <= i;
  }
  return sum;
}

}  // namespace storyline
